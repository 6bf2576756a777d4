/** Text rendering of benchmark reports, and the number formats they share. */
import type { GoalResult, ReportTable, SuiteReport } from "./suite.ts";

/** Render a table with columns padded to fit; numbers-looking cells are right-aligned. */
export function formatTable(table: ReportTable): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i > 0 && /^[\d.,×%±x ~-]+/.test(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [table.title, line(table.columns), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(line)].join("\n") + "\n";
}

export function formatGoal(goal: GoalResult): string {
  return `${goal.pass ? "PASS" : "MISS"}  ${goal.goal}: ${goal.measured} (goal ${goal.target})`;
}

export function formatSuiteReport(report: SuiteReport): string {
  const parts = [`== ${report.suite} ==`, ...report.notes.map((n) => `note: ${n}`), ""];
  for (const table of report.tables) parts.push(formatTable(table));
  if (report.goals.length > 0) parts.push(...report.goals.map(formatGoal), "");
  // A blank line after each suite, so the next one's header stands apart.
  return parts.join("\n") + "\n";
}

/** Format with a fixed number of significant-looking digits: 1234 → "1234", 12.34 → "12.3", 0.1234 → "0.123". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatRatio(value: number): string {
  return `${formatNumber(value)}×`;
}

export function formatPercent(value: number): string {
  return `±${(value * 50).toFixed(1)}%`;
}
