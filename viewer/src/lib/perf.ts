// Start-up timing and scheduling: marks for the viewer bench / DevTools, and deferral of work
// that must not delay the first frame (legend counts, brokers, the search index).

/** Record a named point on the page's timeline (`kg:<name>` in performance.getEntriesByType('mark')). */
export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`kg:${name}`);
}

/** Run `fn` after the next frame has been presented (rAF, then a task), or soon without a DOM. */
export function afterFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') { setTimeout(fn, 0); return; }
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** What an idle callback is given: how long the main thread stays free. */
export interface IdleDeadline { timeRemaining(): number }

type Idle = (cb: (d: IdleDeadline) => void, o?: { timeout: number }) => number;

/** Run `fn` when the main thread is idle (at most `timeout` ms later); without requestIdleCallback, soon, with a 12 ms budget. */
export function whenIdle(fn: (deadline: IdleDeadline) => void, timeout = 500): void {
  const ric = (globalThis as { requestIdleCallback?: Idle }).requestIdleCallback;
  if (ric) ric(fn, { timeout });
  else setTimeout(() => { const end = performance.now() + 12; fn({ timeRemaining: () => end - performance.now() }); }, 1);
}
