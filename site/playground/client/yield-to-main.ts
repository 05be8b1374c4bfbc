// Lets the browser paint and handle input between the steps of a long job (loading and starting the editor), so
// no step blocks the page for long. A step that runs on its own is a short task; all of them in one go are one
// long task (what Lighthouse's total blocking time counts).

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * Resolves in a new task: with `scheduler.yield()` where the browser has it (the continuation keeps its place in
 * the queue), else after a zero-delay timeout.
 *
 * @example
 * ```ts
 * createModels();
 * await yieldToMain();
 * createEditors();
 * ```
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the page has painted and the browser is idle (or `timeoutMs` has passed, so a busy page still
 * gets there): work started here does not delay the first paint or the page's own scripts.
 *
 * @example
 * ```ts
 * await afterFirstPaint();
 * startEditor();
 * ```
 */
export function afterFirstPaint(timeoutMs = 300): Promise<void> {
  return new Promise((resolve) => {
    const whenIdle = () => {
      if ("requestIdleCallback" in window) requestIdleCallback(() => resolve(), { timeout: timeoutMs });
      else resolve();
    };
    // A timeout queued from requestAnimationFrame runs after that frame's paint. A hidden page paints nothing (and
    // gets no animation frames), so it goes straight to idle.
    if (document.visibilityState === "hidden") whenIdle();
    else requestAnimationFrame(() => setTimeout(whenIdle, 0));
  });
}
