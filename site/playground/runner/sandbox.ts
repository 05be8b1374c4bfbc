// The page's side of the JavaScript sandbox: an invisible sandboxed iframe (see frame-host.ts), one per
// playground, whose frame script runs each handler in a fresh module worker. Messages are accepted only from
// that iframe's window and only for the current run.

import { messagesOf } from "../i18n/index";
import { mountSandboxFrame, type RunCallbacks, RunSlot, WATCHDOG_GRACE_MS } from "./frame-host";
import { DEFAULT_TIMEOUT_MS, type RunRequest, readFrameMessage, type ToFrame } from "./protocol";

/** A run's inputs: everything in {@link RunRequest} but the ids the sandbox assigns. */
export type RunInput = Omit<RunRequest, "kind" | "runId" | "timeoutMs"> & { timeoutMs?: number };

/**
 * Runs compiled handlers in a sandboxed iframe + module worker.
 *
 * @example
 * ```ts
 * const sandbox = new Sandbox(container);
 * sandbox.run({ code, sourceMap, fileName: "handler.ts", event: "{\"events\":[...]}", phrases }, callbacks);
 * ```
 */
export class Sandbox {
  #host: HTMLElement;
  #frame: HTMLIFrameElement | undefined;
  #booted: Promise<void> | undefined;
  #nextRunId = 1;
  #runs = new RunSlot();
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
      if (this.#runs.current?.runId !== runId) return;
      this.#runs.current = undefined;
      this.#resetFrame();
      callbacks.onStopped("timeout");
    }, timeoutMs + WATCHDOG_GRACE_MS);
    this.#runs.current = { runId, callbacks, watchdog };
    await this.warmUp();
    if (this.#runs.current?.runId !== runId) return runId;
    this.#post({ kind: "run", runId, timeoutMs, ...input });
    return runId;
  }

  /** Stops the current run, if any; its worker is terminated. */
  stop(): void {
    this.#runs.stop((message) => this.#post(message));
  }

  get running(): boolean {
    return this.#runs.running;
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
    const { frame, ready } = mountSandboxFrame(this.#host, messagesOf(this.#host).playground.sandbox, assets.frame);
    this.#frame = frame;
    await ready;
    this.#post({ kind: "init", runtime: assets.runtime, sdkBundle: assets.sdkBundle });
  }

  #resetFrame(): void {
    this.#frame?.remove();
    this.#frame = undefined;
    this.#booted = undefined;
    void this.warmUp();
  }

  #post(message: ToFrame): void {
    this.#frame?.contentWindow?.postMessage(message, "*");
  }

  #receive(event: MessageEvent): void {
    // Only our own iframe; a message from anywhere else (another frame, an extension) is ignored.
    if (!this.#frame || event.source !== this.#frame.contentWindow) return;
    const message = readFrameMessage(event.data);
    if (message) this.#runs.deliver(message);
  }
}
