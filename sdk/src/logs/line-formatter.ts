import { formatLogTime } from "./log-time.js";
import type { CdnLogRecord } from "./record.js";

/**
 * Options of {@link formatCdnLogLine}.
 *
 * @example
 * ```ts
 * import { formatCdnLogLine, generateCdnLogRecords } from "fc-cdn-trigger/logs";
 * const [record] = generateCdnLogRecords({ lines: 1 });
 * if (record) formatCdnLogLine(record, { utcOffsetMinutes: 0 }); // "[1/Jun/2024:00:00:00 +0000] ..."
 * ```
 */
export interface FormatCdnLogLineOptions {
  /** UTC offset the time is written in, in minutes. Default: 480 (`+0800`, what CDN writes). */
  utcOffsetMinutes?: number;
}

const quote = (value: string) =>
  `"${value.indexOf("\\") === -1 && value.indexOf('"') === -1 ? value : value.replace(/[\\"]/g, "\\$&")}"`;

function check(field: string, value: string, bare: boolean): void {
  if (/[\r\n]/.test(value)) throw new RangeError(`formatCdnLogLine: ${field} contains a line break`);
  if (bare && (value === "" || value.includes(" ") || value.startsWith('"'))) {
    throw new RangeError(`formatCdnLogLine: ${field} ${JSON.stringify(value)} must be non-empty, without spaces`);
  }
}

function uint(field: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`formatCdnLogLine: ${field} must be a non-negative integer, got ${value}`);
  }
  return String(value);
}

/**
 * Writes a record as one access-log line (no line terminator), the inverse of {@link parseCdnLogLine}: quoted
 * fields escape `"` and `\`, `null` referer and proxy become `-`, a `null` content type is left out, and `extra`
 * fields follow (quoted when they hold a space or a quote). Throws a `RangeError` naming the field that cannot be
 * written (a line break, a space in an unquoted field, a negative or fractional number).
 *
 * @example
 * ```ts
 * import { formatCdnLogLine, parseCdnLogLine } from "fc-cdn-trigger/logs";
 * const line = formatCdnLogLine({
 *   time: new Date("2015-06-08T17:58:09Z"),
 *   clientIp: "10.10.10.10",
 *   proxyIp: null,
 *   responseTimeMs: 1542,
 *   referer: null,
 *   method: "GET",
 *   url: "http://www.aliyun.com/index.html",
 *   status: 200,
 *   requestBytes: 191,
 *   responseBytes: 2830,
 *   cacheStatus: "MISS",
 *   userAgent: "Mozilla/5.0",
 *   contentType: "text/html",
 *   extra: [],
 * });
 * // '[9/Jun/2015:01:58:09 +0800] 10.10.10.10 - 1542 "-" "GET http://www.aliyun.com/index.html" 200 191 2830 MISS "Mozilla/5.0" "text/html"'
 * parseCdnLogLine(line)?.url; // "http://www.aliyun.com/index.html"
 * ```
 */
export function formatCdnLogLine(record: CdnLogRecord, options: FormatCdnLogLineOptions = {}): string {
  const time = record.time;
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) {
    throw new RangeError("formatCdnLogLine: time must be a valid Date");
  }
  check("clientIp", record.clientIp, true);
  if (record.proxyIp !== null) check("proxyIp", record.proxyIp, true);
  check("method", record.method, true);
  check("url", record.url, false);
  check("cacheStatus", record.cacheStatus, true);
  check("userAgent", record.userAgent, false);
  if (record.referer !== null) check("referer", record.referer, false);
  if (record.contentType !== null) check("contentType", record.contentType, false);
  let line = `[${formatLogTime(time, options.utcOffsetMinutes ?? 480)}] ${record.clientIp} ${record.proxyIp ?? "-"} ${uint(
    "responseTimeMs",
    record.responseTimeMs,
  )} ${record.referer === null ? '"-"' : quote(record.referer)} ${quote(`${record.method} ${record.url}`)} ${uint(
    "status",
    record.status,
  )} ${uint("requestBytes", record.requestBytes)} ${uint("responseBytes", record.responseBytes)} ${
    record.cacheStatus
  } ${quote(record.userAgent)}`;
  if (record.contentType !== null) line += ` ${quote(record.contentType)}`;
  for (const [k, field] of record.extra.entries()) {
    check(`extra[${k}]`, field, false);
    line += field !== "" && !field.includes(" ") && !field.includes('"') ? ` ${field}` : ` ${quote(field)}`;
  }
  return line;
}
