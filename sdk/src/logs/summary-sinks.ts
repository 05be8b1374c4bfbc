// Where summarizeCdnLog counts a log's bytes: in this thread (small logs, one core), or in a worker (Node's
// worker_threads or a browser's Worker), so that the scan runs on one core while reading and gunzip run on another. Both run the same ByteSummarizer
// over the same bytes in the same order, so they give the same summary.
import { ByteSummarizer, type ByteSummaryState, type LineTooLong } from "./byte-summarizer.js";
import type { ByteSink } from "./internal.js";
import { CdnLogReadError } from "./read-error.js";
import type { CdnLogStats } from "./reader-types.js";
import type { CdnLogSummaryThread } from "./summary.js";
import type { StartSummaryWorker, SummaryWorkerHandle } from "./summary-worker-hosts.js";
import type { SummaryWorkerReply } from "./summary-worker-protocol.js";
import { SUMMARY_WORKER_SCRIPT } from "./summary-worker-source.js";
import { warnWorkerFallback } from "./worker-fallback.js";

/** The summariser's error for a line over 4 MiB, as the reader reports it; anything else as it is. */
function readError(error: unknown): unknown {
  const tooLong = error as Partial<LineTooLong> | null;
  if (tooLong && typeof tooLong === "object" && tooLong.kind === "line-too-long") {
    return new CdnLogReadError(String(tooLong.message), { linesRead: Number(tooLong.lines) });
  }
  return error;
}

function copyStats(from: CdnLogStats, into: CdnLogStats): void {
  into.lines = from.lines;
  into.parsed = from.parsed;
  into.malformed = from.malformed;
  if (from.malformedLineNumbers.length !== into.malformedLineNumbers.length) {
    into.malformedLineNumbers.splice(0, Number.POSITIVE_INFINITY, ...from.malformedLineNumbers);
  }
}

/** A sink whose figures are ready once `end` resolved. */
export interface SummarySink extends ByteSink {
  /** The summariser's figures; set by `end`. */
  readonly state: ByteSummaryState | undefined;
  /** The figures of the complete lines pushed before a read error; set by `settle`. */
  readonly partialState: ByteSummaryState | undefined;
  /** Where the bytes are counted (final once `end` resolved). */
  readonly thread: CdnLogSummaryThread;
}

/** Counts in this thread; the reader's `stats` stay current line by line. */
export class InThreadSink implements SummarySink {
  state: ByteSummaryState | undefined;
  partialState: ByteSummaryState | undefined;
  readonly thread: CdnLogSummaryThread;
  private readonly summarizer: ByteSummarizer;

  /** `reason`: why this thread counts, as {@link CdnLogSummaryThread} reports it. */
  constructor(top: number, capacity: number, stats: CdnLogStats, reason: string) {
    this.summarizer = new ByteSummarizer(top, capacity, stats);
    this.thread = { worker: false, reason };
  }

  push(chunk: Uint8Array): undefined {
    try {
      this.summarizer.push(chunk);
    } catch (error) {
      throw readError(error);
    }
    return undefined;
  }

  async end(): Promise<void> {
    this.summarizer.end();
    this.state = this.summarizer.state();
  }

  async settle(): Promise<void> {
    this.partialState = this.summarizer.state();
  }

  close(): void {}
}

/** Why a copy of the SDK bundled from its sources counts in the calling thread. */
export const NO_WORKER_SCRIPT =
  "this copy of fc-cdn-trigger/logs has no worker script: it was bundled from the SDK's TypeScript sources without the plugin that adds it (sdk/scripts/summary-worker-bundle.mjs); bundle the published package instead";

/** Bytes per buffer sent to the worker, and how many buffers there are: 8 × 256 KiB in flight at most. */
const BUFFER_BYTES = 256 * 1024;
const BUFFERS = 8;

/**
 * Counts in a worker (a Node worker thread or a browser Worker, as `start` makes it). The bytes are copied into a
 * small pool of buffers that travel to the worker and back (transferred, not copied), so memory stays at the pool's
 * size and the reader waits when the worker is behind. Until the worker says it is ready, filled buffers wait here; if it cannot start, this thread counts them
 * instead and warns once (worker-fallback.ts), so a summary never depends on the worker starting.
 */
export class WorkerSink implements SummarySink {
  state: ByteSummaryState | undefined;
  partialState: ByteSummaryState | undefined;
  private worker: SummaryWorkerHandle | undefined;
  private readonly free: Uint8Array[] = [];
  /** Filled buffers not yet sent (the worker is not ready yet), with their lengths. */
  private readonly queued: [Uint8Array, number][] = [];
  private current: Uint8Array | undefined;
  private filled = 0;
  private ready = false;
  private done = false;
  private failure: unknown;
  private fallback: InThreadSink | undefined;
  /** Called when anything the main thread may wait for happens: a buffer back, ready, a reply, a failure. */
  private wake: (() => void) | undefined;
  private reply: { type: string; value?: unknown } | undefined;

  constructor(
    start: StartSummaryWorker,
    private readonly top: number,
    private readonly capacity: number,
    private readonly stats: CdnLogStats,
  ) {
    for (let k = 0; k < BUFFERS; k++) this.free.push(new Uint8Array(BUFFER_BYTES));
    if (SUMMARY_WORKER_SCRIPT === undefined) {
      this.fallBack(NO_WORKER_SCRIPT);
      return;
    }
    try {
      this.worker = start(
        SUMMARY_WORKER_SCRIPT,
        { top, capacity },
        {
          message: (message) => this.onMessage(message),
          error: (error) => this.onFailure(error),
          exit: (code) => {
            if (!this.done) this.onFailure(new Error(`the summary worker exited with code ${code}`));
          },
        },
      );
    } catch (error) {
      this.fallBack(`new Worker() threw: ${messageOf(error)}`);
    }
  }

  /** Whether the bytes are counted in the worker (false once it failed to start and this thread took over). */
  get inWorker(): boolean {
    return this.fallback === undefined;
  }

  get thread(): CdnLogSummaryThread {
    return this.fallback ? this.fallback.thread : { worker: true };
  }

  private onMessage(message: SummaryWorkerReply): void {
    switch (message.type) {
      case "ready":
        this.ready = true;
        for (const [buffer, length] of this.queued.splice(0)) this.send(buffer, length);
        break;
      case "chunk":
        this.free.push(new Uint8Array(message.buffer));
        copyStats(message.stats, this.stats);
        break;
      case "partial":
      case "state":
        copyStats(message.state.stats, this.stats);
        this.reply = { type: message.type, value: message.state };
        break;
      case "error":
        this.onFailure(readError(message.error));
        break;
    }
    this.wake?.();
  }

  private onFailure(error: unknown): void {
    if (this.done || this.failure !== undefined) return;
    if (!this.ready) {
      this.fallBack(`it failed before it was ready: ${messageOf(error)}`);
    } else {
      this.failure =
        error instanceof CdnLogReadError
          ? error
          : new Error(`The summary worker failed: ${(error as Error)?.message ?? error}`, { cause: error });
    }
    this.wake?.();
  }

  /** The worker cannot start: says so once, then counts here, starting with the buffers that were waiting for it. */
  private fallBack(reason: string): void {
    this.ready = true;
    this.done = true;
    this.worker?.terminate();
    this.fallback = new InThreadSink(this.top, this.capacity, this.stats, warnWorkerFallback(reason));
    try {
      for (const [buffer, length] of this.queued.splice(0)) {
        this.fallback.push(buffer.subarray(0, length));
        this.free.push(buffer);
      }
    } catch (fallbackError) {
      this.failure = fallbackError;
    }
  }

  private send(buffer: Uint8Array, length: number): void {
    // The pool's buffers are plain ArrayBuffers (allocated above), never shared ones.
    const whole = buffer.buffer as ArrayBuffer;
    this.worker?.postMessage({ type: "chunk", buffer: whole, length }, [whole]);
  }

  /** Hands the buffer being filled over (to the worker, or to the queue until it is ready). */
  private flush(): void {
    const buffer = this.current;
    if (!buffer || this.filled === 0) return;
    this.current = undefined;
    if (this.fallback) {
      this.fallback.push(buffer.subarray(0, this.filled));
      this.free.push(buffer);
    } else if (this.ready) this.send(buffer, this.filled);
    else this.queued.push([buffer, this.filled]);
    this.filled = 0;
  }

  private async waitFor(condition: () => boolean): Promise<void> {
    while (!condition() && this.failure === undefined) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
    if (this.failure !== undefined) throw this.failure;
  }

  push(chunk: Uint8Array): Promise<void> | undefined {
    if (this.failure !== undefined) throw this.failure;
    if (this.fallback) return this.fallback.push(chunk);
    let at = 0;
    while (at < chunk.length) {
      if (!this.current) {
        this.current = this.free.pop();
        if (!this.current) return this.waitFor(() => this.free.length > 0).then(() => this.push(chunk.subarray(at)));
      }
      const n = Math.min(chunk.length - at, BUFFER_BYTES - this.filled);
      this.current.set(chunk.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === BUFFER_BYTES) this.flush();
    }
    return undefined;
  }

  /** Sends `type` after every byte so far and waits for its reply. */
  private async ask(type: "partial" | "end"): Promise<unknown> {
    this.flush();
    if (this.fallback) return undefined;
    await this.waitFor(() => this.ready);
    if (this.fallback) return undefined;
    this.reply = undefined;
    this.worker?.postMessage({ type });
    const expected = type === "end" ? "state" : "partial";
    await this.waitFor(() => this.reply?.type === expected);
    return (this.reply as { value?: unknown } | undefined)?.value;
  }

  async end(): Promise<void> {
    const state = (await this.ask("end")) as ByteSummaryState | undefined;
    if (this.fallback) {
      await this.fallback.end();
      this.state = this.fallback.state;
    } else {
      this.state = state;
    }
    this.close();
  }

  async settle(): Promise<void> {
    if (this.failure !== undefined) return;
    const state = (await this.ask("partial")) as ByteSummaryState | undefined;
    if (this.fallback) {
      await this.fallback.settle();
      this.partialState = this.fallback.partialState;
    } else {
      this.partialState = state;
    }
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.worker?.terminate();
  }
}

/** An error's message, or the thrown value, for a one-line reason. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
