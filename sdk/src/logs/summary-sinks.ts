// Where summarizeCdnLog counts a log's bytes: in this thread (browsers, small logs), or in Node in a worker thread,
// so that the scan runs on one core while reading and gunzip run on the other. Both run the same byte summariser
// over the same bytes in the same order, so they give the same summary.
import {
  type ByteSummarizer,
  type ByteSummaryKit,
  type ByteSummaryState,
  byteSummaryKit,
  type KitLineTooLong,
} from "./byte-summary-kit.js";
import type { ByteSink } from "./internal.js";
import { CdnLogReadError } from "./read-error.js";
import type { CdnLogStats } from "./reader-types.js";
import { SpaceSavingCounters } from "./space-saving-counters.js";

let kit: ByteSummaryKit | undefined;
const sharedKit = () => {
  kit ??= byteSummaryKit(SpaceSavingCounters);
  return kit;
};

/** The summariser's error for a line over 4 MiB, as the reader reports it; anything else as it is. */
function readError(error: unknown): unknown {
  const tooLong = error as Partial<KitLineTooLong> | null;
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
}

/** Counts in this thread; the reader's `stats` stay current line by line. */
export class InThreadSink implements SummarySink {
  state: ByteSummaryState | undefined;
  private readonly summarizer: ByteSummarizer;

  constructor(top: number, capacity: number, stats: CdnLogStats) {
    this.summarizer = sharedKit().createSummarizer(top, capacity, stats);
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

  async settle(): Promise<void> {}

  close(): void {}
}

// ---- the worker ----

/** What the worker posts back. */
type WorkerReply =
  | { type: "ready" }
  | { type: "chunk"; buffer: ArrayBuffer; stats: CdnLogStats }
  | { type: "stats"; stats: CdnLogStats }
  | { type: "state"; state: ByteSummaryState }
  | { type: "error"; error: unknown };

interface WorkerPort {
  on(event: "message", listener: (message: unknown) => void): void;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}

/**
 * The worker's main: runs `byteSummaryKit` over the buffers the main thread sends and sends each one back for
 * reuse. Self-contained like byteSummaryKit, as its source text is what the worker runs.
 */
function workerMain(kit: ByteSummaryKit, port: WorkerPort, data: { top: number; capacity: number }): void {
  const summarizer = kit.createSummarizer(data.top, data.capacity);
  let failed = false;
  port.on("message", (raw) => {
    const message = raw as { type: string; buffer: ArrayBuffer; length: number };
    if (failed) return;
    try {
      if (message.type === "chunk") {
        summarizer.push(new Uint8Array(message.buffer, 0, message.length));
        port.postMessage({ type: "chunk", buffer: message.buffer, stats: summarizer.stats }, [message.buffer]);
      } else if (message.type === "stats") {
        port.postMessage({ type: "stats", stats: summarizer.stats });
      } else if (message.type === "end") {
        summarizer.end();
        port.postMessage({ type: "state", state: summarizer.state() });
      }
    } catch (error) {
      failed = true;
      const plain = error as { kind?: string; message?: string; lines?: number; stack?: string };
      port.postMessage({
        type: "error",
        error: { kind: plain.kind, message: String(plain.message ?? error), lines: plain.lines, stack: plain.stack },
      });
    }
  });
  port.postMessage({ type: "ready" });
}

let workerSource: string | undefined;
/** The worker's code: the self-contained functions above and the counter class, wired to `node:worker_threads`. */
export function summaryWorkerSource(): string {
  workerSource ??= `"use strict";
const { parentPort, workerData } = require("node:worker_threads");
(${workerMain.toString()})((${byteSummaryKit.toString()})(${SpaceSavingCounters.toString()}), parentPort, workerData);
`;
  return workerSource;
}

/** The part of `node:worker_threads` used here. */
export interface NodeWorkerThreads {
  Worker: new (
    source: string,
    options: { eval: true; workerData: unknown; resourceLimits?: { maxYoungGenerationSizeMb?: number } },
  ) => NodeWorker;
}
interface NodeWorker {
  on(event: "message", listener: (message: WorkerReply) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  on(event: "exit", listener: (code: number) => void): void;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  terminate(): Promise<number>;
}

/** Bytes per buffer sent to the worker, and how many buffers there are: 8 × 256 KiB in flight at most. */
const BUFFER_BYTES = 256 * 1024;
const BUFFERS = 8;

/**
 * Counts in a worker thread. The bytes are copied into a small pool of buffers that travel to the worker and
 * back (transferred, not copied), so memory stays at the pool's size and the reader waits when the worker is
 * behind. Until the worker says it is ready, filled buffers wait here; if it fails to start, they are counted in
 * this thread instead, so a summary never depends on the worker starting.
 */
export class WorkerSink implements SummarySink {
  state: ByteSummaryState | undefined;
  private readonly worker: NodeWorker;
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
    threads: NodeWorkerThreads,
    private readonly top: number,
    private readonly capacity: number,
    private readonly stats: CdnLogStats,
  ) {
    for (let k = 0; k < BUFFERS; k++) this.free.push(new Uint8Array(BUFFER_BYTES));
    this.worker = new threads.Worker(summaryWorkerSource(), {
      eval: true,
      workerData: { top, capacity },
      // The worker makes little garbage: a small young generation keeps its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    this.worker.on("message", (message) => this.onMessage(message));
    this.worker.on("error", (error) => this.onFailure(error));
    this.worker.on("exit", (code) => {
      if (!this.done) this.onFailure(new Error(`the summary worker exited with code ${code}`));
    });
  }

  /** Whether the bytes are counted in the worker (false once it failed to start and this thread took over). */
  get inWorker(): boolean {
    return this.fallback === undefined;
  }

  private onMessage(message: WorkerReply): void {
    switch (message.type) {
      case "ready":
        this.ready = true;
        for (const [buffer, length] of this.queued.splice(0)) this.send(buffer, length);
        break;
      case "chunk":
        this.free.push(new Uint8Array(message.buffer));
        copyStats(message.stats, this.stats);
        break;
      case "stats":
        copyStats(message.stats, this.stats);
        this.reply = { type: "stats" };
        break;
      case "state":
        copyStats(message.state.stats, this.stats);
        this.reply = { type: "state", value: message.state };
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
      // It never started (say, a bundler rewrote byteSummaryKit so that its source no longer stands alone):
      // count here instead, starting with the buffers that were waiting for it.
      this.ready = true;
      this.done = true;
      void this.worker.terminate().catch(() => undefined);
      this.fallback = new InThreadSink(this.top, this.capacity, this.stats);
      try {
        for (const [buffer, length] of this.queued.splice(0)) {
          this.fallback.push(buffer.subarray(0, length));
          this.free.push(buffer);
        }
      } catch (fallbackError) {
        this.failure = fallbackError;
      }
    } else {
      this.failure =
        error instanceof CdnLogReadError
          ? error
          : new Error(`The summary worker failed: ${(error as Error)?.message ?? error}`, { cause: error });
    }
    this.wake?.();
  }

  private send(buffer: Uint8Array, length: number): void {
    this.worker.postMessage({ type: "chunk", buffer: buffer.buffer, length }, [buffer.buffer as ArrayBuffer]);
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
  private async ask(type: "stats" | "end"): Promise<unknown> {
    this.flush();
    if (this.fallback) return undefined;
    await this.waitFor(() => this.ready);
    if (this.fallback) return undefined;
    this.reply = undefined;
    this.worker.postMessage({ type });
    const expected = type === "end" ? "state" : "stats";
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
    if (this.failure === undefined) await this.ask("stats");
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    void this.worker.terminate().catch(() => undefined);
  }
}
