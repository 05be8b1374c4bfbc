/**
 * Whether CDN served the request from its cache (`HIT`) or went to the origin (`MISS`). Other tokens are kept
 * as they appear, so a new value from CDN never turns a line into a malformed one.
 *
 * @example
 * ```ts
 * import type { CdnCacheStatus } from "fc-cdn-trigger/logs";
 * const hit = (status: CdnCacheStatus) => status === "HIT";
 * ```
 */
export type CdnCacheStatus = "HIT" | "MISS" | (string & {});

/**
 * One request from a CDN offline access log, as {@link parseCdnLogLine} returns it.
 *
 * @example
 * ```ts
 * import { type CdnLogRecord, parseCdnLogLine } from "fc-cdn-trigger/logs";
 * const record: CdnLogRecord | null = parseCdnLogLine(
 *   '[9/Jun/2015:01:58:09 +0800] 10.10.10.10 - 1542 "-" "GET http://www.aliyun.com/index.html" 200 191 2830 MISS "Mozilla/5.0" "text/html"',
 * );
 * record?.status; // 200
 * ```
 */
export interface CdnLogRecord {
  /** When the request was served (the log writes it in `+0800`; a `Date` is an absolute instant). */
  time: Date;
  /** The client's IP address, IPv4 or IPv6. */
  clientIp: string;
  /** The proxy's IP address; `null` when the log has `-`. */
  proxyIp: string | null;
  /** Time CDN took to answer, in milliseconds. */
  responseTimeMs: number;
  /** The `Referer` header; `null` when the log has `"-"`. */
  referer: string | null;
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** The requested URL, as CDN logged it (scheme and host included). */
  url: string;
  /** HTTP status code. */
  status: number;
  /** Size of the request, in bytes. */
  requestBytes: number;
  /** Size of the response, in bytes. */
  responseBytes: number;
  /** `HIT` or `MISS`. */
  cacheStatus: CdnCacheStatus;
  /** The `User-Agent` header, as logged (`-` when the client sent none). */
  userAgent: string;
  /** The response's content type; `null` when the log has none (some domains omit the field). */
  contentType: string | null;
  /** Trailing fields after the content type: DCDN appends the remote IP here, and CDN may add more. */
  extra: string[];
}
