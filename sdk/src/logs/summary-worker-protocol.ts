// The messages between WorkerSink (summary-sinks.ts) and the summary worker (summary-worker.ts).
import type { ByteSummaryState } from "./byte-summarizer.js";
import type { CdnLogStats } from "./reader-types.js";

/** What the worker is started with (`workerData` in Node; a browser's first message, "init"). */
export interface SummaryWorkerData {
  top: number;
  capacity: number;
}

/**
 * What the main thread sends: in browsers first the sizes, then a filled buffer (transferred; `length` bytes of it
 * count), or a question.
 */
export type SummaryWorkerRequest =
  | ({ type: "init" } & SummaryWorkerData)
  | { type: "chunk"; buffer: ArrayBuffer; length: number }
  | { type: "partial" | "end" };

/** An error as plain data; `kind` and `lines` are set for a line over 4 MiB (LineTooLong). */
export interface SummaryWorkerError {
  kind?: string;
  message: string;
  lines?: number;
  stack?: string;
}

/**
 * What the worker posts back: each buffer returns for reuse with the line counts so far; "partial" answers the
 * question of the figures so far (after a read error), "state" the end.
 */
export type SummaryWorkerReply =
  | { type: "ready" }
  | { type: "chunk"; buffer: ArrayBuffer; stats: CdnLogStats }
  | { type: "partial" | "state"; state: ByteSummaryState }
  | { type: "error"; error: SummaryWorkerError };
