/**
 * Line counts a {@link CdnLogReader} keeps while it reads.
 *
 * @example
 * ```ts
 * import { readCdnLog } from "fc-cdn-trigger/logs";
 * const reader = readCdnLog("access.log.gz");
 * for await (const _ of reader);
 * const { lines, parsed, malformed, malformedLineNumbers } = reader.stats;
 * ```
 */
export interface CdnLogStats {
  /** Lines read so far, blank ones included (they are skipped, neither parsed nor malformed). */
  lines: number;
  /** Lines that parsed into records. */
  parsed: number;
  /** Lines that are not in the access-log format. */
  malformed: number;
  /** 1-based line numbers of the first 20 malformed lines. */
  malformedLineNumbers: number[];
}

/**
 * What `onProgress` receives.
 *
 * @example
 * ```ts
 * import { type CdnLogProgress, readCdnLog } from "fc-cdn-trigger/logs";
 * const onProgress = ({ bytesRead, totalBytes }: CdnLogProgress) =>
 *   console.log(totalBytes ? `${Math.round((100 * bytesRead) / totalBytes)}%` : `${bytesRead} bytes`);
 * readCdnLog("access.log.gz", { onProgress });
 * ```
 */
export interface CdnLogProgress {
  /** Bytes read from the source so far (compressed bytes for a gzip file). */
  bytesRead: number;
  /** The source's size when known (file size, `Content-Length`, byte length). */
  totalBytes?: number;
}

/**
 * Where {@link readCdnLog} reads from:
 * - a URL (`string` or `URL`); a string without a scheme gets `https://`, as `filePath` sometimes comes;
 * - in Node, a file path (`string`, or a `file:` URL);
 * - bytes (`Uint8Array`, a Node `Buffer`, `ArrayBuffer`), a `Blob`;
 * - a web `ReadableStream`, a Node readable stream or any (async) iterable of byte chunks.
 *
 * @example
 * ```ts
 * import { type CdnLogSource, readCdnLog } from "fc-cdn-trigger/logs";
 * const sources: CdnLogSource[] = ["cdnlog.example.com/a.gz?Expires=1", "./a.gz", new Uint8Array(0)];
 * for (const source of sources) readCdnLog(source);
 * ```
 */
export type CdnLogSource =
  | string
  | URL
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array>;

/**
 * Options of {@link readCdnLog}.
 *
 * @example
 * ```ts
 * import { readCdnLog } from "fc-cdn-trigger/logs";
 * const controller = new AbortController();
 * readCdnLog("https://cdnlog.example.com/a.gz", { signal: controller.signal, gzip: "auto" });
 * ```
 */
export interface ReadCdnLogOptions {
  /** Called after each chunk read from the source. */
  onProgress?: (progress: CdnLogProgress) => void;
  /** Stops reading (and the download) when aborted; the iteration then throws the abort reason. */
  signal?: AbortSignal;
  /** The `fetch` used for URLs. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Whether the input is gzip: `"auto"` looks at the first two bytes (the gzip magic). Default: `"auto"`. */
  gzip?: boolean | "auto";
}
