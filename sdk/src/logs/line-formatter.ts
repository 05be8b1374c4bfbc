import { protocolOf, remoteIpOf } from "./fourteenth-field.js";
import { formatLogTime } from "./log-time.js";
import type { CdnLogFields, CdnLogRecord } from "./record.js";

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

/**
 * A record's `protocol` and `remoteIp` are readings of `extra[0]`, which is what the line holds: refuse a record
 * where one disagrees (say `{ ...record, protocol: "quic" }`) rather than silently write something else.
 */
function checkReading(name: string, value: string | null | undefined, read: string | null, field: string | undefined) {
  if (value === undefined || value === read) return;
  throw new RangeError(
    `formatCdnLogLine: ${name} ${JSON.stringify(value)} does not match extra[0] (${JSON.stringify(field ?? null)}), which reads as ${JSON.stringify(read)}; ${name} is read from extra[0], so set extra[0] instead (or leave ${name} out)`,
  );
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
 * fields follow (quoted when they hold a space or a quote): put the 14th field, the protocol or an IP, in
 * `extra[0]`. Throws a `RangeError` naming the field that cannot be written (a line break, a space in an unquoted
 * field, a negative or fractional number), or a `protocol`/`remoteIp` that disagrees with `extra[0]`.
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
export function formatCdnLogLine(record: CdnLogFields | CdnLogRecord, options: FormatCdnLogLineOptions = {}): string {
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
  const readings: Partial<CdnLogRecord> = record;
  const first = record.extra[0];
  if (readings.protocol !== undefined) checkReading("protocol", readings.protocol, protocolOf(first), first);
  if (readings.remoteIp !== undefined) checkReading("remoteIp", readings.remoteIp, remoteIpOf(first), first);
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
