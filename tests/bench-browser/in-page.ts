/**
 * The probes the benchmark puts in the page, as plain JavaScript source: tsx would wrap named
 * functions in a `__name` helper that does not exist in the page, so these are strings, not
 * functions handed to `page.evaluate`.
 *
 * `window.__bench` holds:
 * - `firstGraphAt`: performance.now() once `expectStages` stage nodes are visible and the frame
 *   that shows them has been rendered (null until then);
 * - `arm()` / `next()`: time one keystroke, from the capture-phase keydown to the frame after
 *   the canvas's `data-revision` changed;
 * - `watchTasks()` / `tasks()`: long tasks and slow events (Event Timing) from then on.
 */

/** Runs `then` after the next frame has been rendered: rAF runs before rendering, a message after. */
const AFTER_NEXT_FRAME = `
  const afterNextFrame = (then) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(0);
  });
`;

/** Installed before any page script runs (`addInitScript`). */
export function benchInitScript(expectStages: number): string {
  return `(() => {
  ${AFTER_NEXT_FRAME}
  const bench = { firstGraphAt: null, armed: null, longTasks: [], slowEvents: [] };
  window.__bench = bench;
  const canvas = () => document.querySelector('[data-testid="graph-canvas"]');

  const seen = (node) => node.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const pollFirstGraph = () => {
    const nodes = document.querySelectorAll('[data-testid="stage-node"]');
    if (nodes.length >= ${expectStages} && [...nodes].every(seen)) {
      afterNextFrame(() => { bench.firstGraphAt = performance.now(); });
      return;
    }
    requestAnimationFrame(pollFirstGraph);
  };
  requestAnimationFrame(pollFirstGraph);

  bench.arm = () => {
    const current = canvas();
    if (current === null) throw new Error("no graph canvas");
    let resolve;
    const done = new Promise((r) => (resolve = r));
    bench.armed = { revision: current.dataset.revision, t0: null, changed: false, done, resolve };
  };
  addEventListener("keydown", () => {
    const armed = bench.armed;
    if (armed !== null && armed.t0 === null) armed.t0 = performance.now();
  }, true);
  new MutationObserver(() => {
    const armed = bench.armed;
    if (armed === null || armed.t0 === null || armed.changed) return;
    const current = canvas();
    if (current === null || current.dataset.revision === armed.revision) return;
    armed.changed = true;
    afterNextFrame(() => armed.resolve(performance.now() - armed.t0));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-revision"] });
  bench.next = (timeoutMs) => {
    const armed = bench.armed;
    return Promise.race([
      armed.done,
      new Promise((_, reject) => setTimeout(() => reject(new Error(
        armed.t0 === null ? "no keydown reached the page" : "the canvas revision did not change after the key press"
      )), timeoutMs)),
    ]).finally(() => { bench.armed = null; });
  };

  bench.watchTasks = () => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.slowEvents.push({ name: entry.name, duration: entry.duration });
    }).observe({ type: "event", durationThreshold: 16 });
  };
  bench.tasks = () => ({ longTasks: bench.longTasks.slice(), slowEvents: bench.slowEvents.slice() });
})();`;
}

/** The JavaScript resources whose response had ended by the time the first graph was shown. */
export const JS_BEFORE_FIRST_GRAPH = `(() => {
  const at = window.__bench.firstGraphAt;
  return performance.getEntriesByType("resource")
    .filter((entry) => /\\.m?js(\\?|$)/.test(new URL(entry.name).pathname) && entry.responseEnd <= at)
    .map((entry) => entry.name);
})()`;
