/**
 * Thrown (as the iteration's error) when a log cannot be read: the file or URL cannot be opened, the download
 * fails, or the gzip data is truncated or corrupt. It says how far reading got.
 *
 * @example
 * ```ts
 * import { CdnLogReadError, readCdnLog } from "fc-cdn-trigger/logs";
 * try {
 *   for await (const record of readCdnLog("partial.log.gz")) console.log(record.url);
 * } catch (error) {
 *   if (error instanceof CdnLogReadError) console.error(error.message, error.bytesRead, error.linesRead);
 * }
 * ```
 */
export class CdnLogReadError extends Error {
  override readonly name = "CdnLogReadError";
  /** Bytes read from the source before the failure (compressed bytes for gzip). */
  readonly bytesRead: number;
  /** Lines read before the failure. */
  readonly linesRead: number;

  constructor(message: string, details: { bytesRead?: number; linesRead?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.bytesRead = details.bytesRead ?? 0;
    this.linesRead = details.linesRead ?? 0;
  }
}
