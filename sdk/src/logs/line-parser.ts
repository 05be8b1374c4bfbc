// A hand-written scanner: one pass over the line with indexOf/charCodeAt, no regex, no split. It reads a range
// of a larger string so the reader never has to cut a chunk into per-line strings first.
import { parseLogTime } from "./log-time.js";
import type { CdnLogRecord } from "./record.js";

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const DASH = 45;

/** Reads an unsigned decimal integer in [i, j); -1 when empty, not all digits or beyond 2^53. */
function uintAt(s: string, i: number, j: number): number {
  if (i >= j || j - i > 15) return -1;
  let n = 0;
  for (; i < j; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Undoes the log's escaping inside a quoted field: `\"` is a quote and `\\` a backslash; other `\x` stay. */
function unescapeQuoted(raw: string): string {
  let out = "";
  let from = 0;
  for (let k = raw.indexOf("\\"); k !== -1 && k < raw.length - 1; k = raw.indexOf("\\", k)) {
    const next = raw.charCodeAt(k + 1);
    if (next === QUOTE || next === BACKSLASH) {
      out += raw.slice(from, k);
      from = k + 1;
      k += 2;
    } else {
      k += 1;
    }
  }
  return from === 0 ? raw : out + raw.slice(from);
}

// Where the last quoted field ended (index after the closing quote). Module state keeps the hot path allocation-free.
let quotedEnd = 0;

/**
 * Reads the quoted field whose opening quote is at `i`, in a line ending at `end`. A quote closes the field when it
 * is not escaped and is followed by a space or the end of the line, so a stray unescaped quote inside a user agent
 * does not cut it short. Returns null when the field never closes.
 */
function quotedAt(s: string, i: number, end: number): string | null {
  let q = s.indexOf('"', i + 1);
  while (q !== -1 && q < end) {
    let backslashes = 0;
    for (let b = q - 1; b > i && s.charCodeAt(b) === BACKSLASH; b--) backslashes++;
    if ((backslashes & 1) === 0 && (q + 1 === end || s.charCodeAt(q + 1) === SPACE)) {
      quotedEnd = q + 1;
      const raw = s.slice(i + 1, q);
      return backslashes === 0 && raw.indexOf("\\") === -1 ? raw : unescapeQuoted(raw);
    }
    q = s.indexOf('"', q + 1);
  }
  return null;
}

/** The method at [i, j), returning the shared constant for the common ones so a file does not allocate them. */
function methodAt(s: string, i: number, j: number): string {
  const len = j - i;
  const a = s.charCodeAt(i);
  if (len === 3 && a === 71 && s.charCodeAt(i + 1) === 69 && s.charCodeAt(i + 2) === 84) return "GET";
  if (len === 4) {
    if (a === 72 && s.startsWith("HEAD", i)) return "HEAD";
    if (a === 80 && s.startsWith("POST", i)) return "POST";
  }
  return s.slice(i, j);
}

/** `HIT` or `MISS` as shared constants; any other token as it is. */
function cacheStatusAt(s: string, i: number, j: number): string {
  const len = j - i;
  if (len === 3 && s.startsWith("HIT", i)) return "HIT";
  if (len === 4 && s.startsWith("MISS", i)) return "MISS";
  return s.slice(i, j);
}

/** Index of the next space in [i, end), or -1. */
function spaceBefore(s: string, i: number, end: number): number {
  const j = s.indexOf(" ", i);
  return j === -1 || j >= end ? -1 : j;
}

/**
 * Parses the line held in `s` between `start` and `end` (no line terminator). Returns null when it is not a
 * CDN access-log line. Exported for the reader; users call {@link parseCdnLogLine}.
 */
export function parseCdnLogRange(s: string, start: number, end: number): CdnLogRecord | null {
  // 1. [time]
  if (s.charCodeAt(start) !== 91) return null;
  const ms = parseLogTime(s, start);
  if (Number.isNaN(ms)) return null;
  let i = s.charCodeAt(start + 2) === 47 ? start + 27 : start + 28;
  if (i >= end || s.charCodeAt(i) !== SPACE) return null;
  i++;
  // 2. client IP, 3. proxy IP
  let j = spaceBefore(s, i, end);
  if (j <= i) return null;
  const clientIp = s.slice(i, j);
  i = j + 1;
  j = spaceBefore(s, i, end);
  if (j <= i) return null;
  const proxyIp = j - i === 1 && s.charCodeAt(i) === DASH ? null : s.slice(i, j);
  i = j + 1;
  // 4. response time
  j = spaceBefore(s, i, end);
  const responseTimeMs = j === -1 ? -1 : uintAt(s, i, j);
  if (responseTimeMs < 0) return null;
  i = j + 1;
  // 5. "referer"
  if (s.charCodeAt(i) !== QUOTE) return null;
  let referer = quotedAt(s, i, end);
  if (referer === null) return null;
  if (referer.length === 1 && referer.charCodeAt(0) === DASH) referer = null;
  i = quotedEnd + 1;
  // 6. "METHOD URL"
  if (i >= end || s.charCodeAt(i) !== QUOTE) return null;
  const request = quotedAt(s, i, end);
  if (request === null) return null;
  const requestEnd = quotedEnd;
  const space = request.indexOf(" ");
  if (space <= 0) return null;
  // The common case (no escapes) reads method and URL straight from the line without the intermediate string.
  const method = request.length === requestEnd - i - 2 ? methodAt(s, i + 1, i + 1 + space) : request.slice(0, space);
  const url = request.slice(space + 1);
  i = requestEnd + 1;
  // 7. status, 8. request bytes, 9. response bytes
  j = spaceBefore(s, i, end);
  const status = j === -1 ? -1 : uintAt(s, i, j);
  if (status < 0 || status > 999) return null;
  i = j + 1;
  j = spaceBefore(s, i, end);
  const requestBytes = j === -1 ? -1 : uintAt(s, i, j);
  if (requestBytes < 0) return null;
  i = j + 1;
  j = spaceBefore(s, i, end);
  const responseBytes = j === -1 ? -1 : uintAt(s, i, j);
  if (responseBytes < 0) return null;
  i = j + 1;
  // 10. HIT/MISS
  j = spaceBefore(s, i, end);
  if (j <= i) return null;
  const cacheStatus = cacheStatusAt(s, i, j);
  i = j + 1;
  // 11. "user agent"
  if (s.charCodeAt(i) !== QUOTE) return null;
  const userAgent = quotedAt(s, i, end);
  if (userAgent === null) return null;
  i = quotedEnd;
  // 12. "content type" (optional), then trailing fields
  let contentType: string | null = null;
  const extra: string[] = [];
  if (i < end) {
    if (s.charCodeAt(i) !== SPACE) return null;
    i++;
    if (i < end && s.charCodeAt(i) === QUOTE) {
      contentType = quotedAt(s, i, end);
      if (contentType === null) return null;
      i = quotedEnd + 1;
    }
    while (i < end) {
      if (s.charCodeAt(i) === QUOTE) {
        const field = quotedAt(s, i, end);
        if (field === null) return null;
        extra.push(field);
        i = quotedEnd + 1;
      } else {
        j = spaceBefore(s, i, end);
        if (j === -1) j = end;
        if (j > i) extra.push(s.slice(i, j));
        i = j + 1;
      }
    }
  }
  return {
    time: new Date(ms),
    clientIp,
    proxyIp,
    responseTimeMs,
    referer,
    method,
    url,
    status,
    requestBytes,
    responseBytes,
    cacheStatus,
    userAgent,
    contentType,
    extra,
  };
}

/**
 * Parses one line of a CDN offline access log. Returns `null` when the line is not in the documented format;
 * never throws. A trailing `\r` (CRLF files) is ignored. Quoted fields may hold spaces and escaped quotes (`\"`);
 * a missing content type gives `contentType: null`; the DCDN remote IP and any later fields land in `extra`.
 *
 * @example
 * ```ts
 * import { parseCdnLogLine } from "fc-cdn-trigger/logs";
 * const record = parseCdnLogLine(
 *   '[9/Jun/2015:01:58:09 +0800] 10.10.10.10 - 1542 "-" "GET http://www.aliyun.com/index.html" 200 191 2830 MISS "Mozilla/5.0 (compatible; AhrefsBot/5.0; +http://example.com/robot/)" "text/html"',
 * );
 * record?.time.toISOString(); // "2015-06-08T17:58:09.000Z"
 * record?.cacheStatus; // "MISS"
 * parseCdnLogLine("not a log line"); // null
 * ```
 */
export function parseCdnLogLine(line: string): CdnLogRecord | null {
  if (typeof line !== "string") return null;
  let end = line.length;
  if (end > 0 && line.charCodeAt(end - 1) === 13) end--;
  return parseCdnLogRange(line, 0, end);
}
