// The page's side of the sandbox: an invisible iframe with sandbox="allow-scripts" (no allow-same-origin, so
// user code gets an opaque origin: no access to this page's DOM, cookies or storage). One per playground.
// Messages are accepted only from that iframe's window and only for the current run.

import {
  DEFAULT_TIMEOUT_MS,
  type FromFrame,
  type LogLine,
  type RunRequest,
  readFrameMessage,
  type ToFrame,
} from "./protocol";

/** What a run reports, as it happens. */
export interface RunCallbacks {
  onLines(lines: LogLine[]): void;
  onDone(message: Extract<FromFrame, { kind: "done" }>): void;
  /** Timed out, stopped by the user, or the worker died. */
  onStopped(reason: "timeout" | "stopped" | "crashed", detail?: string): void;
}

/** A run's inputs: everything in {@link RunRequest} but the ids the sandbox assigns. */
export type RunInput = Omit<RunRequest, "kind" | "runId" | "timeoutMs"> & { timeoutMs?: number };

/**
 * The sandbox iframe's Content Security Policy, inherited by its run workers (the Python sandbox uses it too):
 * no network (connect-src), scripts only from blob:/data: URLs the frame made.
 *
 * @example
 * ```ts
 * frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>…</script>`;
 * ```
 */
export const FRAME_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob: data:; worker-src data:; connect-src 'none'";

/** Extra time the frame gets to report a timeout before the page recreates it. */
const WATCHDOG_GRACE_MS = 1500;

/**
 * Runs compiled handlers in a sandboxed iframe + module worker.
 *
 * @example
 * ```ts
 * const sandbox = new Sandbox(container);
 * sandbox.run({ code, sourceMap, fileName: "handler.ts", event: "{\"events\":[...]}" }, callbacks);
 * ```
 */
export class Sandbox {
  #host: HTMLElement;
  #frame: HTMLIFrameElement | undefined;
  #booted: Promise<void> | undefined;
  #nextRunId = 1;
  #current: { runId: number; callbacks: RunCallbacks; watchdog: ReturnType<typeof setTimeout> } | undefined;
  #onMessage = (event: MessageEvent) => this.#receive(event);

  constructor(host: HTMLElement) {
    this.#host = host;
    window.addEventListener("message", this.#onMessage);
  }

  /** Creates the iframe and boots a spare worker, so the first Run is fast. Safe to call repeatedly. */
  warmUp(): Promise<void> {
    this.#booted ??= this.#createFrame();
    return this.#booted;
  }

  /** Starts a run; a run in progress is stopped first. Returns the run's id. */
  async run(input: RunInput, callbacks: RunCallbacks): Promise<number> {
    this.stop();
    const runId = this.#nextRunId++;
    const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const watchdog = setTimeout(() => {
      // The frame did not report the timeout: replace it so the next run starts clean.
      if (this.#current?.runId !== runId) return;
      this.#current = undefined;
      this.#resetFrame();
      callbacks.onStopped("timeout");
    }, timeoutMs + WATCHDOG_GRACE_MS);
    this.#current = { runId, callbacks, watchdog };
    await this.warmUp();
    if (this.#current?.runId !== runId) return runId;
    this.#post({ kind: "run", runId, timeoutMs, ...input });
    return runId;
  }

  /** Stops the current run, if any; its worker is terminated. */
  stop(): void {
    const current = this.#current;
    if (!current) return;
    this.#post({ kind: "stop", runId: current.runId });
    this.#finish("stopped");
  }

  get running(): boolean {
    return this.#current !== undefined;
  }

  dispose(): void {
    this.stop();
    window.removeEventListener("message", this.#onMessage);
    this.#frame?.remove();
    this.#frame = undefined;
    this.#booted = undefined;
  }

  async #createFrame(): Promise<void> {
    const assets = await import("virtual:fc-playground/sandbox-assets");
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "Handler sandbox";
    frame.className = "fcpg-sandbox";
    frame.srcdoc = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>${assets.frame}</script>`;
    this.#frame = frame;
    const ready = new Promise<void>((resolve) => {
      this.#whenReady = resolve;
    });
    this.#host.append(frame);
    await ready;
    this.#post({ kind: "init", runtime: assets.runtime, sdkBundle: assets.sdkBundle });
  }

  #whenReady: (() => void) | undefined;

  #resetFrame(): void {
    this.#frame?.remove();
    this.#frame = undefined;
    this.#booted = undefined;
    void this.warmUp();
  }

  #post(message: ToFrame): void {
    this.#frame?.contentWindow?.postMessage(message, "*");
  }

  #finish(reason?: "timeout" | "stopped" | "crashed", detail?: string): void {
    const current = this.#current;
    if (!current) return;
    this.#current = undefined;
    clearTimeout(current.watchdog);
    if (reason) current.callbacks.onStopped(reason, detail);
  }

  #receive(event: MessageEvent): void {
    // Only our own iframe; a message from anywhere else (another frame, an extension) is ignored.
    if (!this.#frame || event.source !== this.#frame.contentWindow) return;
    const message = readFrameMessage(event.data);
    if (!message) return;
    if (message.kind === "ready") {
      this.#whenReady?.();
      this.#whenReady = undefined;
      return;
    }
    if (message.kind === "booted") return;
    const current = this.#current;
    if (!current || message.runId !== current.runId) return;
    switch (message.kind) {
      case "console":
        current.callbacks.onLines(message.lines);
        break;
      case "done":
        this.#finish();
        current.callbacks.onDone(message);
        break;
      case "stopped":
        this.#finish(message.reason);
        break;
      case "crashed":
        this.#finish("crashed", message.message);
        break;
    }
  }
}
