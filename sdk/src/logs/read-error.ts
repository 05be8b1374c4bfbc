import type { CdnLogSummary } from "./summary-types.js";

/**
 * Thrown (as the iteration's error) when a log cannot be read: the file or URL cannot be opened, the download
 * fails, or the gzip data is truncated or corrupt. It says how far reading got, and, from {@link summarizeCdnLog},
 * carries the summary of what was read before the source failed.
 *
 * @example
 * ```ts
 * import { CdnLogReadError, readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * try {
 *   console.log(await summarizeCdnLog(readCdnLog("partial.log.gz")));
 * } catch (error) {
 *   if (!(error instanceof CdnLogReadError)) throw error;
 *   console.error(error.message, error.bytesRead, error.linesRead);
 *   if (error.partial) console.log("the first", error.linesRead, "lines:", error.partial.requests, "requests");
 * }
 * ```
 */
export class CdnLogReadError extends Error {
  override readonly name = "CdnLogReadError";
  /** Bytes read from the source before the failure (compressed bytes for gzip). */
  readonly bytesRead: number;
  /**
   * Complete lines read before the failure: those whose line feed was read. A last line cut by the failure is not
   * counted (neither as a line nor as a malformed one).
   */
  readonly linesRead: number;
  /**
   * The summary of every complete line read before the source failed part-way (a truncated or corrupt gzip file, a
   * download or file read that broke off): equal to what {@link summarizeCdnLog} gives for those lines as a complete
   * input, with `partial: true` (and, from a {@link readCdnLog} reader, `stats.lines` equal to `linesRead`).
   *
   * Set only when the error comes out of {@link summarizeCdnLog}; undefined when the source could not be opened
   * (nothing was read), when a line is over 4 MiB (the input is not an access log), and when you iterate
   * {@link readCdnLog} yourself (you already have the records read before the error).
   */
  readonly partial: CdnLogSummary | undefined;

  constructor(
    message: string,
    details: { bytesRead?: number; linesRead?: number; cause?: unknown; partial?: CdnLogSummary } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.bytesRead = details.bytesRead ?? 0;
    this.linesRead = details.linesRead ?? 0;
    this.partial = details.partial;
  }
}

/** Errors of a source that failed after it was opened: the ones summarizeCdnLog gives a partial summary. */
const failedPartWay = new WeakSet<CdnLogReadError>();

/** Internal: the reader's error for a source that broke off after it was opened. */
export function sourceFailedPartWay(message: string, details: ConstructorParameters<typeof CdnLogReadError>[1]) {
  const error = new CdnLogReadError(message, details);
  failedPartWay.add(error);
  return error;
}

/** Internal: `error` with the summary of what was read before it, when the source failed part-way. */
export function withPartialSummary(error: unknown, partial: () => CdnLogSummary): unknown {
  if (!(error instanceof CdnLogReadError) || !failedPartWay.has(error)) return error;
  const { message, bytesRead, linesRead, cause } = error;
  return new CdnLogReadError(message, { bytesRead, linesRead, cause, partial: { ...partial(), partial: true } });
}
