/** Runs `task` once the page has a quiet moment (or after `timeoutMs` at the latest). */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: timeoutMs });
  else window.setTimeout(task, 200);
}
