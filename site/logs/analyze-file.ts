// One log file, summarised in the worker: streamed from disk (File.stream(), never read whole, so a 2 GB file keeps
// memory flat), gunzipped with DecompressionStream, counted by the SDK's summarizeCdnLog in this thread.
// Bad input ends in a FileProblem instead of an exception, keeping the summary where it means something.
import { type CdnLogStats, type CdnLogSummary, readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
import type { FileOutcome, FileProblem, FileProgress } from "./analyzer-protocol.js";

/** A NUL byte this early means a binary file (an image, an archive): text logs never contain one. */
const SNIFF_BYTES = 64 * 1024;
/** This many malformed lines and not one record: the file is not an access log, so stop reading it. */
const NOT_A_LOG_AFTER = 1000;

/** Thrown (as the abort reason) to stop reading a file that is not a log; carries the problem to report. */
class StopReading extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.code);
  }
}

/** Whether the file starts with the gzip magic (1f 8b), whatever its name says. */
async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The stream, ending cleanly where it fails instead of failing: the SDK's summarizeCdnLog throws on truncated gzip
 * and its counts go with it, while a clean end keeps the summary of every line read before the corruption.
 */
function endAtFailure(stream: ReadableStream<Uint8Array>, onFailure: (error: unknown) => void) {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        onFailure(error);
        controller.close();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The "what went wrong" for a file that was read to its end (or to its corruption) without an exception. */
function problemAfterReading(
  summary: CdnLogSummary,
  stats: CdnLogStats,
  gzip: boolean,
  decompressedBytes: number,
  fileBytes: number,
  failure: unknown,
): FileProblem | undefined {
  if (failure !== undefined) {
    const detail = failure instanceof Error ? failure.message : String(failure);
    // A file that changed or vanished on disk since it was picked is not a gzip problem.
    if (failure instanceof DOMException && failure.name !== "AbortError") return { code: "unreadable", detail };
    return { code: "truncatedGzip", fileBytes, decompressedBytes, lines: stats.lines, detail };
  }
  if (summary.requests > 0) return undefined;
  if (stats.malformed > 0) {
    return {
      code: "notLog",
      lines: stats.lines,
      malformedLineNumbers: stats.malformedLineNumbers,
      stoppedEarly: false,
    };
  }
  return { code: "empty", compressed: gzip };
}

/**
 * Summarises one file. `onProgress` is called for every chunk read (the caller throttles what it posts).
 *
 * @example
 * ```ts
 * const outcome = await analyzeLogFile(file, (progress) => console.log(progress.bytesRead, progress.lines));
 * if (outcome.problem) console.log(outcome.problem.code);
 * ```
 */
export async function analyzeLogFile(file: Blob, onProgress: (progress: FileProgress) => void): Promise<FileOutcome> {
  const progress: FileProgress = { bytesRead: 0, totalBytes: file.size, lines: 0 };
  const noStats: CdnLogStats = { lines: 0, parsed: 0, malformed: 0, malformedLineNumbers: [] };
  if (file.size === 0) return { stats: noStats, progress, problem: { code: "empty", compressed: false } };

  const gzip = await isGzip(file);
  const stop = new AbortController();
  let failure: unknown;
  let decompressedBytes = 0;
  let stats = noStats;

  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        progress.bytesRead += chunk.length;
        progress.lines = stats.lines;
        // Not a log: the first thousand lines are all malformed. Reading the rest would only take time.
        if (stats.parsed === 0 && stats.malformed >= NOT_A_LOG_AFTER) {
          const { lines, malformedLineNumbers } = stats;
          stop.abort(new StopReading({ code: "notLog", lines, malformedLineNumbers, stoppedEarly: true }));
        }
        onProgress(progress);
        controller.enqueue(chunk);
      },
    }),
  );
  const text = gzip
    ? endAtFailure(counted.pipeThrough(new DecompressionStream("gzip")), (error) => (failure = error))
    : counted;
  const sniffed = text.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (decompressedBytes < SNIFF_BYTES) {
          const nul = chunk.subarray(0, SNIFF_BYTES - decompressedBytes).indexOf(0);
          if (nul !== -1) stop.abort(new StopReading({ code: "binary", offset: decompressedBytes + nul }));
        }
        decompressedBytes += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );

  const reader = readCdnLog(sniffed, { gzip: false, signal: stop.signal });
  stats = reader.stats;
  try {
    // Already in a worker: a second one would only copy the bytes again.
    const summary = await summarizeCdnLog(reader, { worker: false });
    progress.lines = stats.lines;
    const problem = problemAfterReading(summary, stats, gzip, decompressedBytes, file.size, failure);
    return {
      ...(summary.requests > 0 ? { summary } : {}),
      stats: summary.stats ?? stats,
      progress,
      ...(problem ? { problem } : {}),
    };
  } catch (error) {
    progress.lines = stats.lines;
    const reason = stop.signal.aborted ? stop.signal.reason : error;
    const problem: FileProblem =
      reason instanceof StopReading
        ? reason.problem
        : { code: "unreadable", detail: reason instanceof Error ? reason.message : String(reason) };
    return { stats: { ...stats, malformedLineNumbers: [...stats.malformedLineNumbers] }, progress, problem };
  }
}
