import { useEffect, useState } from "react";
import { usePendingSince } from "../state/analysis.ts";

/** A graph that is behind the text for less than this shows no sign: typing on small files never blinks. */
const SHOW_AFTER_MS = 200;

/**
 * "Analysing…" over the canvas while the graph on screen is behind the text for longer than a
 * moment (a large file, a slow machine). The last graph stays drawn under it.
 */
export function AnalysingSign() {
  const since = usePendingSince();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (since === null) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), Math.max(0, SHOW_AFTER_MS - (performance.now() - since)));
    return () => clearTimeout(timer);
  }, [since]);
  if (!shown || since === null) return null;
  return (
    <div className="canvas-analysing" role="status" data-testid="canvas-analysing">
      Analysing…
    </div>
  );
}
