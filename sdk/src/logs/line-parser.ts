// A hand-written scanner: one pass over the line with indexOf/charCodeAt, no regex, no split. It reads a range of
// a larger string and writes where each field is into `scanned`, so the reader never cuts a chunk into per-line
// strings, and the summary can count a line without creating any string or object for it.
import { protocolOf, remoteIpOf } from "./fourteenth-field.js";
import { parseLogTime } from "./log-time.js";
import type { CdnLogRecord } from "./record.js";

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const DASH = 45;

/** Escape flags in `scanned.escapes`: the field holds a backslash and its value must be unescaped. */
export const ESCAPED_REFERER = 1;
export const ESCAPED_REQUEST = 2;
export const ESCAPED_USER_AGENT = 4;
export const ESCAPED_CONTENT_TYPE = 8;

/**
 * Where the fields of the last scanned line are: `[start, end)` indices into the scanned string, quoted fields
 * without their quotes. A start of -1 means `null` (proxy and referer `-`, content type missing).
 */
export const scanned = {
  end: 0,
  timeMs: 0,
  clientStart: 0,
  clientEnd: 0,
  proxyStart: 0,
  proxyEnd: 0,
  responseTimeMs: 0,
  refererStart: 0,
  refererEnd: 0,
  requestStart: 0,
  methodEnd: 0,
  requestEnd: 0,
  status: 0,
  requestBytes: 0,
  responseBytes: 0,
  cacheStart: 0,
  cacheEnd: 0,
  userAgentStart: 0,
  userAgentEnd: 0,
  contentTypeStart: 0,
  contentTypeEnd: 0,
  /** Start of the trailing fields, or -1 when there are none. */
  tailStart: 0,
  escapes: 0,
};

// Index of the next backslash at or after the last position asked, in the text being scanned. Scanning moves
// forward through a chunk, so each chunk is searched for backslashes once in total rather than once per field.
let nextBackslash = -1;
let backslashFrom = Number.POSITIVE_INFINITY;

/** Call before scanning lines of a new string: forgets the backslash position of the previous one. */
export function beginText(): void {
  nextBackslash = -1;
  backslashFrom = Number.POSITIVE_INFINITY;
}

function hasBackslash(s: string, from: number, to: number): boolean {
  if (from < backslashFrom || (nextBackslash !== -1 && nextBackslash < from)) {
    nextBackslash = s.indexOf("\\", from);
    backslashFrom = from;
  }
  return nextBackslash !== -1 && nextBackslash < to;
}

/** Reads an unsigned decimal integer in [i, j); -1 when empty, not all digits or beyond 15 digits. */
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
export function unescapeQuoted(raw: string): string {
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

/**
 * The closing quote of the quoted field that opens at `i`, in a line ending at `end`; -1 when it never closes. A
 * quote closes the field when it is not escaped and is followed by a space or the end of the line, so a stray
 * unescaped quote inside a user agent does not cut it short.
 */
function closingQuote(s: string, i: number, end: number): number {
  let q = s.indexOf('"', i + 1);
  while (q !== -1 && q < end) {
    let backslashes = 0;
    for (let b = q - 1; b > i && s.charCodeAt(b) === BACKSLASH; b--) backslashes++;
    if ((backslashes & 1) === 0 && (q + 1 === end || s.charCodeAt(q + 1) === SPACE)) return q;
    q = s.indexOf('"', q + 1);
  }
  return -1;
}

/** Index of the next space in [i, end), or -1. */
function spaceBefore(s: string, i: number, end: number): number {
  const j = s.indexOf(" ", i);
  return j === -1 || j >= end ? -1 : j;
}

/**
 * Scans the line held in `s` between `start` and `end` (no line terminator) into {@link scanned}. Returns false
 * when it is not a CDN access-log line. Call {@link beginText} first whenever `s` is a different string.
 */
export function scanCdnLogLine(s: string, start: number, end: number): boolean {
  const out = scanned;
  out.end = end;
  let escapes = 0;
  // 1. [time]
  if (s.charCodeAt(start) !== 91) return false;
  const ms = parseLogTime(s, start);
  if (Number.isNaN(ms)) return false;
  out.timeMs = ms;
  let i = s.charCodeAt(start + 2) === 47 ? start + 27 : start + 28;
  if (i >= end || s.charCodeAt(i) !== SPACE) return false;
  i++;
  // 2. client IP, 3. proxy IP
  let j = spaceBefore(s, i, end);
  if (j <= i) return false;
  out.clientStart = i;
  out.clientEnd = j;
  i = j + 1;
  j = spaceBefore(s, i, end);
  if (j <= i) return false;
  if (j - i === 1 && s.charCodeAt(i) === DASH) out.proxyStart = -1;
  else {
    out.proxyStart = i;
    out.proxyEnd = j;
  }
  i = j + 1;
  // 4. response time
  j = spaceBefore(s, i, end);
  out.responseTimeMs = j === -1 ? -1 : uintAt(s, i, j);
  if (out.responseTimeMs < 0) return false;
  i = j + 1;
  // 5. "referer"
  if (s.charCodeAt(i) !== QUOTE) return false;
  let q = closingQuote(s, i, end);
  if (q === -1) return false;
  if (q === i + 2 && s.charCodeAt(i + 1) === DASH) out.refererStart = -1;
  else {
    out.refererStart = i + 1;
    out.refererEnd = q;
    if (hasBackslash(s, i + 1, q)) escapes |= ESCAPED_REFERER;
  }
  i = q + 2;
  // 6. "METHOD URL"
  if (i >= end || s.charCodeAt(i) !== QUOTE) return false;
  q = closingQuote(s, i, end);
  if (q === -1) return false;
  const space = spaceBefore(s, i + 1, q);
  if (space <= i + 1) return false;
  out.requestStart = i + 1;
  out.methodEnd = space;
  out.requestEnd = q;
  if (hasBackslash(s, i + 1, q)) escapes |= ESCAPED_REQUEST;
  i = q + 2;
  // 7. status, 8. request bytes, 9. response bytes
  j = spaceBefore(s, i, end);
  out.status = j === -1 ? -1 : uintAt(s, i, j);
  if (out.status < 0 || out.status > 999) return false;
  i = j + 1;
  j = spaceBefore(s, i, end);
  out.requestBytes = j === -1 ? -1 : uintAt(s, i, j);
  if (out.requestBytes < 0) return false;
  i = j + 1;
  j = spaceBefore(s, i, end);
  out.responseBytes = j === -1 ? -1 : uintAt(s, i, j);
  if (out.responseBytes < 0) return false;
  i = j + 1;
  // 10. HIT/MISS
  j = spaceBefore(s, i, end);
  if (j <= i) return false;
  out.cacheStart = i;
  out.cacheEnd = j;
  i = j + 1;
  // 11. "user agent"
  if (s.charCodeAt(i) !== QUOTE) return false;
  q = closingQuote(s, i, end);
  if (q === -1) return false;
  out.userAgentStart = i + 1;
  out.userAgentEnd = q;
  if (hasBackslash(s, i + 1, q)) escapes |= ESCAPED_USER_AGENT;
  i = q + 1;
  // 12. "content type" (optional), then trailing fields, checked here and read by recordFromScan
  out.contentTypeStart = -1;
  out.tailStart = -1;
  if (i < end) {
    if (s.charCodeAt(i) !== SPACE) return false;
    i++;
    if (i < end && s.charCodeAt(i) === QUOTE) {
      q = closingQuote(s, i, end);
      if (q === -1) return false;
      out.contentTypeStart = i + 1;
      out.contentTypeEnd = q;
      if (hasBackslash(s, i + 1, q)) escapes |= ESCAPED_CONTENT_TYPE;
      i = q + 2;
    }
    if (i < end) out.tailStart = i;
    while (i < end) {
      if (s.charCodeAt(i) === QUOTE) {
        q = closingQuote(s, i, end);
        if (q === -1) return false;
        i = q + 2;
      } else {
        j = spaceBefore(s, i, end);
        i = j === -1 ? end : j + 1;
      }
    }
  }
  out.escapes = escapes;
  return true;
}

/** The method, as the shared constant for the common ones so a file does not allocate them. */
function methodAt(s: string, i: number, j: number): string {
  const len = j - i;
  const a = s.charCodeAt(i);
  if (len === 3 && a === 71 && s.charCodeAt(i + 1) === 69 && s.charCodeAt(i + 2) === 84) return "GET";
  const method = s.slice(i, j);
  if (len === 4) {
    if (method === "HEAD") return "HEAD";
    if (method === "POST") return "POST";
  }
  return method;
}

/** `HIT` or `MISS` as shared constants; any other token as it is. */
function cacheStatusAt(s: string, i: number, j: number): string {
  const token = s.slice(i, j);
  return token === "HIT" ? "HIT" : token === "MISS" ? "MISS" : token;
}

/** A quoted field's value from the scan: a slice, unescaped when its escape flag is set. */
const value = (s: string, from: number, to: number, escaped: boolean) =>
  escaped ? unescapeQuoted(s.slice(from, to)) : s.slice(from, to);

function tailFields(s: string, i: number, end: number): string[] {
  const extra: string[] = [];
  while (i < end) {
    if (s.charCodeAt(i) === QUOTE) {
      const q = closingQuote(s, i, end);
      extra.push(unescapeQuoted(s.slice(i + 1, q)));
      i = q + 2;
    } else {
      let j = spaceBefore(s, i, end);
      if (j === -1) j = end;
      if (j > i) extra.push(s.slice(i, j));
      i = j + 1;
    }
  }
  return extra;
}

/** Builds the record of the line {@link scanCdnLogLine} just scanned in `s`. */
export function recordFromScan(s: string): CdnLogRecord {
  const f = scanned;
  const escapes = f.escapes;
  const requestEscaped = (escapes & ESCAPED_REQUEST) !== 0;
  // Most lines hold no field after the content type, or only the 14th: read it once, and only when it is there.
  const extra = f.tailStart === -1 ? [] : tailFields(s, f.tailStart, f.end);
  const fourteenth = extra.length === 0 ? undefined : extra[0];
  const protocol = fourteenth === undefined ? null : protocolOf(fourteenth);
  return {
    time: new Date(f.timeMs),
    clientIp: s.slice(f.clientStart, f.clientEnd),
    proxyIp: f.proxyStart === -1 ? null : s.slice(f.proxyStart, f.proxyEnd),
    responseTimeMs: f.responseTimeMs,
    referer: f.refererStart === -1 ? null : value(s, f.refererStart, f.refererEnd, (escapes & ESCAPED_REFERER) !== 0),
    method: requestEscaped
      ? unescapeQuoted(s.slice(f.requestStart, f.methodEnd))
      : methodAt(s, f.requestStart, f.methodEnd),
    url: value(s, f.methodEnd + 1, f.requestEnd, requestEscaped),
    status: f.status,
    requestBytes: f.requestBytes,
    responseBytes: f.responseBytes,
    cacheStatus: cacheStatusAt(s, f.cacheStart, f.cacheEnd),
    userAgent: value(s, f.userAgentStart, f.userAgentEnd, (escapes & ESCAPED_USER_AGENT) !== 0),
    contentType:
      f.contentTypeStart === -1
        ? null
        : value(s, f.contentTypeStart, f.contentTypeEnd, (escapes & ESCAPED_CONTENT_TYPE) !== 0),
    extra,
    protocol,
    remoteIp: fourteenth === undefined || protocol !== null ? null : remoteIpOf(fourteenth),
  };
}

/**
 * Parses one line of a CDN offline access log. Returns `null` when the line is not in the documented format;
 * never throws. A trailing `\r` (CRLF files) is ignored. Quoted fields may hold spaces and escaped quotes (`\"`);
 * a missing content type gives `contentType: null`. Every field after the content type lands in `extra`; the 14th
 * (`extra[0]`) is also read as `protocol` when it is `quic`, `https` or `http` (Alibaba's documented field), or as
 * `remoteIp` when it is an IP address (what some real logs, DCDN's among them, write there); otherwise both are
 * `null` and the field is only in `extra`.
 *
 * @example
 * ```ts
 * import { parseCdnLogLine } from "fc-cdn-trigger/logs";
 * const record = parseCdnLogLine(
 *   '[9/Jun/2015:01:58:09 +0800] 10.10.10.10 - 1542 "-" "GET http://www.aliyun.com/index.html" 200 191 2830 MISS "Mozilla/5.0 (compatible; AhrefsBot/5.0; +http://example.com/robot/)" "text/html"',
 * );
 * record?.time.toISOString(); // "2015-06-08T17:58:09.000Z"
 * record?.cacheStatus; // "MISS"
 * record?.protocol; // null: this older sample line ends at the content type
 * parseCdnLogLine("not a log line"); // null
 * ```
 */
export function parseCdnLogLine(line: string): CdnLogRecord | null {
  if (typeof line !== "string") return null;
  let end = line.length;
  if (end > 0 && line.charCodeAt(end - 1) === 13) end--;
  beginText();
  return scanCdnLogLine(line, 0, end) ? recordFromScan(line) : null;
}
