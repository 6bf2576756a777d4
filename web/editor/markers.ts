/**
 * Diagnostics as Monaco markers: squiggles with their message and BuildKit check name on hover.
 */
import type { Diagnostic, Severity } from "../../src/index.ts";
import { monaco } from "./monaco-setup.ts";
import { toRange, type LineIndex } from "./text-map.ts";

/** The owner of our markers in Monaco's marker service. */
export const MARKER_OWNER = "stagecraft";

const SEVERITY: Record<Severity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

/** The severity name of a marker we set (the reverse of SEVERITY). */
export function severityName(severity: monaco.MarkerSeverity): Severity {
  if (severity === monaco.MarkerSeverity.Error) return "error";
  if (severity === monaco.MarkerSeverity.Warning) return "warning";
  return "info";
}

/**
 * Replaces the model's markers with `diagnostics`, whose offsets index `lines` (the text the
 * model shows). An empty range still gets a squiggle: Monaco widens it to the word there. A
 * problem on a stage the target does not build (`built: false`) is faded, as Monaco fades code
 * that does nothing, and says why.
 */
export function showDiagnostics(model: monaco.editor.ITextModel, lines: LineIndex, diagnostics: readonly (Diagnostic & { readonly built?: boolean })[]): void {
  const markers = diagnostics.map(
    (d): monaco.editor.IMarkerData => ({
      ...toRange(lines, d.range.start, d.range.end),
      severity: SEVERITY[d.severity],
      message: d.built === false ? `${d.message}\n(On a stage the current target does not build.)` : d.message,
      code: d.code,
      ...(d.built === false ? { tags: [monaco.MarkerTag.Unnecessary] } : {}),
    }),
  );
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}
