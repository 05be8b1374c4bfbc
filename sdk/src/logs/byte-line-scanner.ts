// The byte summariser's line scanner: line-parser's scanner, on decompressed bytes instead of a decoded string.
// One pass per field, 4 bytes at a time inside quoted fields, hashing the counted fields on the way; it writes
// where each counted field is into `scannedBytes`, so the summariser counts a line without creating any string.
//
// Every line it sees ends with a line feed inside the array (the summariser makes sure), so loops stop at LF
// instead of checking a bound, and "end of line" is LF or CR LF, as line-parser strips one CR.

import { parseLogTimeBytes } from "./byte-log-time.js";
import { Char } from "./char-codes.js";
import { Fnv, finishHash } from "./fnv-hash.js";

/**
 * The counted fields of the last line scanLine accepted: `[start, end)` indices into its array, quoted fields
 * without their quotes, each with its hashBytes and whether it holds a backslash (then its value must be unescaped
 * and hashed again). `refererStart` is -1 for `-` and no referer.
 */
export const scannedBytes = {
  timeMs: 0,
  clientStart: 0,
  clientEnd: 0,
  responseTimeMs: 0,
  refererStart: 0,
  refererEnd: 0,
  refererHash: 0,
  refererEscaped: false,
  urlStart: 0,
  urlEnd: 0,
  urlHash: 0,
  /** Whether the request (method and URL) holds a backslash. */
  requestEscaped: false,
  status: 0,
  requestBytes: 0,
  responseBytes: 0,
  hit: false,
  userAgentStart: 0,
  userAgentEnd: 0,
  userAgentHash: 0,
  userAgentEscaped: false,
  /** -1 when the line has no content type. */
  contentTypeStart: 0,
  contentTypeEnd: 0,
  contentTypeHash: 0,
  contentTypeEscaped: false,
};

// Out-parameters of closeQuote.
let closedAtLineEnd = false;
let sawBackslash = false;
let quotedHash = 0;
/** Masks of the word-at-a-time search for a byte value ("has zero byte"); an enum for the reason in char-codes.ts. */
enum Word {
  ONES = 0x01010101,
  HIGHS = 0x80808080 | 0,
}

/**
 * The closing quote of the quoted field whose text starts at `from`: a quote that is not escaped and is
 * followed by a space or the end of the line, as line-parser's closingQuote finds it; -1 when the line ends
 * first. Reads 4 bytes at a time while none of them is a quote, a backslash or a line feed, and leaves the
 * field's hashBytes in `quotedHash` on the way.
 */
function closeQuote(b: Uint8Array, dv: DataView, from: number): number {
  const limit = b.length - 4;
  let h = Fnv.BASIS;
  let run = 0;
  let k = from;
  for (;;) {
    while (k <= limit) {
      const v = dv.getInt32(k, true);
      const x = v ^ 0x22222222;
      const y = v ^ 0x5c5c5c5c;
      const z = v ^ 0x0a0a0a0a;
      if (((((x - Word.ONES) & ~x) | ((y - Word.ONES) & ~y) | ((z - Word.ONES) & ~z)) & Word.HIGHS) !== 0) break;
      h = Math.imul(h ^ v, Fnv.PRIME);
      k += 4;
      run = 0;
    }
    // This word holds a quote, a backslash or a line feed (or the array ends within it): byte by byte.
    for (let j = k; j < k + 4; j++) {
      const c = b[j];
      if (c === Char.LF || c === undefined) return -1;
      if (c === Char.QUOTE) {
        if ((run & 1) === 0) {
          const next = b[j + 1];
          if (next === Char.SPACE || next === Char.LF || (next === Char.CR && b[j + 2] === Char.LF)) {
            for (let t = k; t < j; t++) h = Math.imul(h ^ (b[t] as number), Fnv.PRIME);
            quotedHash = finishHash(h, j - from);
            closedAtLineEnd = next !== Char.SPACE;
            return j;
          }
        }
        run = 0;
      } else if (c === Char.BACKSLASH) {
        run++;
        sawBackslash = true;
      } else {
        run = 0;
      }
    }
    // The whole word is part of the field.
    const v =
      (b[k] as number) | ((b[k + 1] as number) << 8) | ((b[k + 2] as number) << 16) | ((b[k + 3] as number) << 24);
    h = Math.imul(h ^ v, Fnv.PRIME);
    k += 4;
  }
}

/** Whether the line ends at `i` (Char.LF, or Char.CR Char.LF). */
const atEnd = (b: Uint8Array, i: number) => b[i] === Char.LF || (b[i] === Char.CR && b[i + 1] === Char.LF);

/**
 * Scans the line starting at `start` into {@link scannedBytes}; returns the index of its line feed, or -1 when it
 * is not an access-log line. Accepts exactly the lines scanCdnLogLine accepts (a property test holds them together).
 * `dv` views `b`.
 */
export function scanLine(b: Uint8Array, dv: DataView, start: number): number {
  const out = scannedBytes;
  // 1. [time], then a space. Every byte of the time is checked against something other than LF, so a short
  // line fails before the end of the time matters.
  if (b[start] !== 91) return -1;
  const timeMs = parseLogTimeBytes(b, start);
  if (Number.isNaN(timeMs)) return -1;
  let i = b[start + 2] === 47 ? start + 27 : start + 28;
  if (b[i] !== Char.SPACE) return -1;
  i++;
  // 2. client IP
  const clientStart = i;
  let c = b[i] as number;
  while (c !== Char.SPACE) {
    if (c === Char.LF) return -1;
    c = b[++i] as number;
  }
  if (i === clientStart) return -1;
  const clientEnd = i;
  i++;
  // 3. proxy IP
  const proxyStart = i;
  c = b[i] as number;
  while (c !== Char.SPACE) {
    if (c === Char.LF) return -1;
    c = b[++i] as number;
  }
  if (i === proxyStart) return -1;
  i++;
  // 4. response time
  let responseTimeMs = 0;
  let digits = 0;
  for (c = b[i] as number; c !== Char.SPACE; c = b[++i] as number) {
    c -= 48;
    if (c < 0 || c > 9) return -1;
    responseTimeMs = responseTimeMs * 10 + c;
    digits++;
  }
  if (digits === 0 || digits > 15) return -1;
  i++;
  // 5. "referer"
  if (b[i] !== Char.QUOTE) return -1;
  let refererStart = i + 1;
  let refererEnd = -1;
  let refererEscaped = false;
  let refererHash = 0;
  if (b[i + 1] === Char.DASH && b[i + 2] === Char.QUOTE && b[i + 3] === Char.SPACE) {
    i += 4;
  } else {
    sawBackslash = false;
    const q = closeQuote(b, dv, refererStart);
    if (q === -1 || closedAtLineEnd) return -1;
    if (q === refererStart + 1 && b[refererStart] === Char.DASH) refererStart = -1;
    refererEnd = q;
    refererHash = quotedHash;
    refererEscaped = sawBackslash;
    i = q + 2;
  }
  // 6. "METHOD URL": the method runs to the first space, the URL from there to the closing quote
  if (b[i] !== Char.QUOTE) return -1;
  const requestStart = i + 1;
  let run = 0;
  sawBackslash = false;
  for (i = requestStart, c = b[i] as number; c !== Char.SPACE; c = b[++i] as number) {
    if (c === Char.QUOTE) {
      const next = b[i + 1];
      // A closing quote before any space: the request has no URL.
      if ((run & 1) === 0 && (next === Char.SPACE || next === Char.LF || (next === Char.CR && b[i + 2] === Char.LF)))
        return -1;
      run = 0;
    } else if (c === Char.BACKSLASH) {
      run++;
      sawBackslash = true;
    } else if (c === Char.LF) {
      return -1;
    } else {
      run = 0;
    }
  }
  if (i === requestStart) return -1;
  const urlStart = i + 1;
  const urlEnd = closeQuote(b, dv, urlStart);
  if (urlEnd === -1 || closedAtLineEnd) return -1;
  const urlHash = quotedHash;
  const requestEscaped = sawBackslash;
  i = urlEnd + 2;
  // 7. status, 8. request bytes, 9. response bytes
  let status = 0;
  digits = 0;
  for (c = b[i] as number; c !== Char.SPACE; c = b[++i] as number) {
    c -= 48;
    if (c < 0 || c > 9) return -1;
    status = status * 10 + c;
    digits++;
  }
  if (digits === 0 || digits > 15 || status > 999) return -1;
  i++;
  let requestBytes = 0;
  digits = 0;
  for (c = b[i] as number; c !== Char.SPACE; c = b[++i] as number) {
    c -= 48;
    if (c < 0 || c > 9) return -1;
    requestBytes = requestBytes * 10 + c;
    digits++;
  }
  if (digits === 0 || digits > 15) return -1;
  i++;
  let responseBytes = 0;
  digits = 0;
  for (c = b[i] as number; c !== Char.SPACE; c = b[++i] as number) {
    c -= 48;
    if (c < 0 || c > 9) return -1;
    responseBytes = responseBytes * 10 + c;
    digits++;
  }
  if (digits === 0 || digits > 15) return -1;
  i++;
  // 10. HIT/MISS
  const cacheStart = i;
  c = b[i] as number;
  while (c !== Char.SPACE) {
    if (c === Char.LF) return -1;
    c = b[++i] as number;
  }
  if (i === cacheStart) return -1;
  const hit = i - cacheStart === 3 && b[cacheStart] === 72 && b[cacheStart + 1] === 73 && b[cacheStart + 2] === 84;
  i++;
  // 11. "user agent"
  if (b[i] !== Char.QUOTE) return -1;
  const userAgentStart = i + 1;
  sawBackslash = false;
  const userAgentEnd = closeQuote(b, dv, userAgentStart);
  if (userAgentEnd === -1) return -1;
  const userAgentHash = quotedHash;
  const userAgentEscaped = sawBackslash;
  // 12. "content type" (optional), counted; trailing fields: checked, not counted
  let lf: number;
  let contentTypeStart = -1;
  let contentTypeEnd = 0;
  let contentTypeHash = 0;
  let contentTypeEscaped = false;
  if (closedAtLineEnd) {
    lf = b[userAgentEnd + 1] === Char.LF ? userAgentEnd + 1 : userAgentEnd + 2;
  } else {
    i = userAgentEnd + 2;
    if (b[i] === Char.QUOTE && !atEnd(b, i)) {
      sawBackslash = false;
      const q = closeQuote(b, dv, i + 1);
      if (q === -1) return -1;
      contentTypeStart = i + 1;
      contentTypeEnd = q;
      contentTypeHash = quotedHash;
      contentTypeEscaped = sawBackslash;
      i = closedAtLineEnd ? q + 1 : q + 2;
    }
    for (;;) {
      c = b[i] as number;
      if (c === Char.LF) break;
      if (c === Char.CR && b[i + 1] === Char.LF) {
        i++;
        break;
      }
      if (c === Char.QUOTE) {
        const q = closeQuote(b, dv, i + 1);
        if (q === -1) return -1;
        i = closedAtLineEnd ? q + 1 : q + 2;
      } else {
        while (c !== Char.SPACE && c !== Char.LF) c = b[++i] as number;
        if (c === Char.SPACE) i++;
      }
    }
    lf = i;
  }

  // The line is good: say where its counted fields are.
  out.timeMs = timeMs;
  out.clientStart = clientStart;
  out.clientEnd = clientEnd;
  out.responseTimeMs = responseTimeMs;
  out.refererStart = refererEnd === -1 ? -1 : refererStart;
  out.refererEnd = refererEnd;
  out.refererHash = refererHash;
  out.refererEscaped = refererEscaped;
  out.urlStart = urlStart;
  out.urlEnd = urlEnd;
  out.urlHash = urlHash;
  out.requestEscaped = requestEscaped;
  out.status = status;
  out.requestBytes = requestBytes;
  out.responseBytes = responseBytes;
  out.hit = hit;
  out.userAgentStart = userAgentStart;
  out.userAgentEnd = userAgentEnd;
  out.userAgentHash = userAgentHash;
  out.userAgentEscaped = userAgentEscaped;
  out.contentTypeStart = contentTypeStart;
  out.contentTypeEnd = contentTypeEnd;
  out.contentTypeHash = contentTypeHash;
  out.contentTypeEscaped = contentTypeEscaped;
  return lf;
}
