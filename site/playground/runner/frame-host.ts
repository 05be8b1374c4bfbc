// The page's half of a sandbox, shared by the JavaScript sandbox (runner/sandbox.ts) and the Python one
// (python/python-sandbox.ts): the invisible iframe with sandbox="allow-scripts" and no allow-same-origin (user
// code gets an opaque origin: no access to this page's DOM, cookies or storage), and the bookkeeping of the one
// run in progress, whose frame messages reach its callbacks.

import type { FromFrame, LogLine, Text } from "./protocol";

/**
 * What a run reports, as it happens.
 *
 * @example
 * ```ts
 * const callbacks: RunCallbacks = {
 *   onLines: (lines) => console.log(lines),
 *   onDone: (message) => console.log(message.result),
 *   onStopped: (reason) => console.log(reason),
 * };
 * ```
 */
export interface RunCallbacks {
  onLines(lines: LogLine[]): void;
  onDone(message: Extract<FromFrame, { kind: "done" }>): void;
  /** Timed out, stopped by the user, or the worker died. */
  onStopped(reason: "timeout" | "stopped" | "crashed", detail?: Text): void;
}

/**
 * The sandbox iframe's Content Security Policy, inherited by its run workers: no network (connect-src),
 * scripts only from blob:/data: URLs the frame made.
 *
 * @example
 * ```ts
 * frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>…</script>`;
 * ```
 */
export const FRAME_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob: data:; worker-src data:; connect-src 'none'";

/**
 * Extra time a frame gets to report a timeout before the page recreates it.
 *
 * @example
 * ```ts
 * setTimeout(recreateFrame, timeoutMs + WATCHDOG_GRACE_MS);
 * ```
 */
export const WATCHDOG_GRACE_MS = 1500;

/**
 * Appends a sandbox iframe running `frameScript` to `host`; `ready` resolves when the frame's script says
 * "ready" (from that frame's window only), i.e. when it can take its init message.
 *
 * @example
 * ```ts
 * const { frame, ready } = mountSandboxFrame(host, "Handler sandbox", assets.frame);
 * await ready;
 * frame.contentWindow?.postMessage({ kind: "init", ... }, "*");
 * ```
 */
export function mountSandboxFrame(
  host: HTMLElement,
  title: string,
  frameScript: string,
): { frame: HTMLIFrameElement; ready: Promise<void> } {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  frame.title = title;
  frame.className = "fcpg-sandbox";
  frame.srcdoc = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>${frameScript}</script>`;
  const ready = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || (event.data as { kind?: unknown } | null)?.kind !== "ready") return;
      window.removeEventListener("message", onMessage);
      resolve();
    };
    window.addEventListener("message", onMessage);
  });
  host.append(frame);
  return { frame, ready };
}

/**
 * The run in progress, if any: its id, callbacks and page-side watchdog (plus whatever a sandbox adds).
 *
 * @example
 * ```ts
 * const run: ActiveRun = { runId: 1, callbacks, watchdog: setTimeout(expire, 10_000) };
 * ```
 */
export interface ActiveRun {
  runId: number;
  callbacks: RunCallbacks;
  watchdog: ReturnType<typeof setTimeout>;
}

/**
 * Holds the one run in progress of a sandbox and hands it the frame's messages about it.
 *
 * @example
 * ```ts
 * const slot = new RunSlot();
 * slot.current = { runId: 1, callbacks, watchdog };
 * slot.deliver({ kind: "console", runId: 1, lines }); // → callbacks.onLines(lines)
 * slot.stop((message) => frame.contentWindow?.postMessage(message, "*")); // → callbacks.onStopped("stopped")
 * ```
 */
export class RunSlot<Run extends ActiveRun = ActiveRun> {
  current: Run | undefined;

  /** Whether a run is in progress. */
  get running(): boolean {
    return this.current !== undefined;
  }

  /** Stops the current run, if any: tells its frame (which terminates the run's worker) and reports "stopped". */
  stop(tellFrame: (message: { kind: "stop"; runId: number }) => void): void {
    const current = this.current;
    if (!current) return;
    tellFrame({ kind: "stop", runId: current.runId });
    this.finish("stopped");
  }

  /** Ends the current run and clears its watchdog; reports `reason` (when given) to its callbacks. */
  finish(reason?: "timeout" | "stopped" | "crashed", detail?: Text): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    clearTimeout(current.watchdog);
    if (reason) current.callbacks.onStopped(reason, detail);
  }

  /** Passes a frame message to the current run's callbacks; frame-level messages and older runs' are ignored. */
  deliver(message: FromFrame): void {
    if (message.kind === "ready" || message.kind === "booted") return;
    const current = this.current;
    if (!current || message.runId !== current.runId) return;
    switch (message.kind) {
      case "console":
        current.callbacks.onLines(message.lines);
        break;
      case "done":
        this.finish();
        current.callbacks.onDone(message);
        break;
      case "stopped":
        this.finish(message.reason);
        break;
      case "crashed":
        this.finish("crashed", message.message);
        break;
    }
  }
}
