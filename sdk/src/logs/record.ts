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
 * The request protocol Alibaba's field table documents as a CDN offline log line's 14th field.
 *
 * @example
 * ```ts
 * import { type CdnLogProtocol, parseCdnLogLine } from "fc-cdn-trigger/logs";
 * const quic: CdnLogProtocol = "quic";
 * const overQuic = (line: string) => parseCdnLogLine(line)?.protocol === quic;
 * ```
 */
export type CdnLogProtocol = "quic" | "https" | "http";

/**
 * The fields a CDN offline log line holds, in order: what {@link formatCdnLogLine} writes. {@link CdnLogRecord}
 * adds typed readings of the 14th field.
 *
 * The documented layout has 13 fields; the content type (the 13th) is missing for some domains. Whatever follows
 * it is kept in `extra`, in order:
 * - Alibaba's CDN field table lists a 14th field, the request protocol (`quic`, `https` or `http`; DCDN's docs
 *   show it quoted, `"https"`);
 * - some real logs, DCDN's among them, carry an unquoted IP address there instead;
 * - older logs end at the content type, and CDN may append more fields after the 14th.
 *
 * Domains with a custom log format, and DCDN/ESA "site" logs, do not follow this layout at all.
 *
 * @example
 * ```ts
 * import { type CdnLogFields, formatCdnLogLine } from "fc-cdn-trigger/logs";
 * const fields: CdnLogFields = {
 *   time: new Date("2024-06-01T00:00:00Z"),
 *   clientIp: "203.0.113.7",
 *   proxyIp: null,
 *   responseTimeMs: 12,
 *   referer: null,
 *   method: "GET",
 *   url: "https://cdn.example.com/a.js",
 *   status: 200,
 *   requestBytes: 300,
 *   responseBytes: 4096,
 *   cacheStatus: "HIT",
 *   userAgent: "curl/8.5.0",
 *   contentType: "application/javascript",
 *   extra: ["https"],
 * };
 * formatCdnLogLine(fields); // '[1/Jun/2024:08:00:00 +0800] 203.0.113.7 - 12 "-" ... "application/javascript" https'
 * ```
 */
export interface CdnLogFields {
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
  /**
   * Every field after the content type (after the user agent when the content type is missing), in order,
   * unquoted and unescaped: the 14th field (`extra[0]`: the request protocol, or an IP address in some logs) and
   * any later ones. `[]` when the line ends there. {@link CdnLogRecord.protocol} and
   * {@link CdnLogRecord.remoteIp} read `extra[0]` when it has either shape.
   */
  extra: string[];
}

/**
 * One request from a CDN offline access log, as {@link parseCdnLogLine} returns it: the fields of the line
 * ({@link CdnLogFields}) and typed readings of the 14th field, `protocol` or `remoteIp`, when it has either shape.
 *
 * @example
 * ```ts
 * import { type CdnLogRecord, parseCdnLogLine } from "fc-cdn-trigger/logs";
 * const line =
 *   '[9/Jun/2015:01:58:09 +0800] 10.10.10.10 - 1542 "-" "GET http://www.aliyun.com/index.html" 200 191 2830 MISS "Mozilla/5.0" "text/html"';
 * const record: CdnLogRecord | null = parseCdnLogLine(line);
 * record?.status; // 200
 * parseCdnLogLine(`${line} https`)?.protocol; // "https" (Alibaba's documented 14th field)
 * parseCdnLogLine(`${line} 47.100.1.2`)?.remoteIp; // "47.100.1.2" (some DCDN logs)
 * ```
 */
export interface CdnLogRecord extends CdnLogFields {
  /**
   * The request protocol, when the 14th field (`extra[0]`) is exactly `quic`, `https` or `http` (quoted or not),
   * as Alibaba's field table documents it; `null` otherwise.
   */
  protocol: CdnLogProtocol | null;
  /**
   * The IP address (IPv4 or IPv6) that some real logs, DCDN's among them, write as the 14th field (`extra[0]`)
   * instead of the protocol; `null` when that field is not exactly one IP address. Alibaba's offline-log docs do
   * not describe it. The name follows the `remote_ip` of CDN's real-time logs (the address that connected to the
   * CDN node), which is what it is taken to be; it can equal `clientIp`, so compare the two on your own logs
   * before relying on the difference.
   */
  remoteIp: string | null;
}
