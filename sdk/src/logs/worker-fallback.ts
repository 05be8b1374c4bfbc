// What summarizeCdnLog says when its worker cannot start: a Node process warning (printed on stderr, where FC's
// logs and a terminal show it; `process.on("warning")` sees it), once per process so that a warm function instance
// does not repeat it on every invocation; in browsers, which have no process, a console.warn, once per page. It never
// falls back silently.

/** The warning's `code`, to filter it with `process.on("warning")`. */
export const WORKER_FALLBACK_CODE = "FC_CDN_TRIGGER_SUMMARY_WORKER";

let warned = false;

/**
 * Warns, the first time only, that the worker could not start because of `reason`. Returns the reason the calling
 * thread counts, as CdnLogSummaryThread reports it.
 */
export function warnWorkerFallback(reason: string): string {
  const threadReason = `the worker could not start: ${reason}`;
  if (warned) return threadReason;
  warned = true;
  const message = `fc-cdn-trigger/logs: summarizeCdnLog could not start its worker thread (${reason}); it continues in the calling thread, with the same summary but without the second core. Pass { worker: false } to choose the calling thread without this warning.`;
  const emitWarning = (globalThis as { process?: { emitWarning?: (message: string, options: object) => void } }).process
    ?.emitWarning;
  if (typeof emitWarning === "function") {
    emitWarning.call(globalThis.process, message, { type: "Warning", code: WORKER_FALLBACK_CODE });
  } else {
    console.warn(message);
  }
  return threadReason;
}
