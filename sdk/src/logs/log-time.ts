// Log timestamps look like `9/Jun/2015:01:58:09 +0800`. They are parsed with integer arithmetic rather than
// Date.parse: one call per line would dominate the parser's cost, and Date.parse does not accept this format anyway.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) =>
  month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);

/** Month number (1-12) of a three-letter English abbreviation at `i`, or 0. Case-sensitive, like the log. */
function monthAt(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  switch (a) {
    case 74: // J
      if (b === 97 && c === 110) return 1; // Jan
      if (b === 117 && c === 110) return 6; // Jun
      if (b === 117 && c === 108) return 7; // Jul
      return 0;
    case 70: // F
      return b === 101 && c === 98 ? 2 : 0;
    case 77: // M
      if (b !== 97) return 0;
      if (c === 114) return 3; // Mar
      if (c === 121) return 5; // May
      return 0;
    case 65: // A
      if (b === 112 && c === 114) return 4; // Apr
      if (b === 117 && c === 103) return 8; // Aug
      return 0;
    case 83: // S
      return b === 101 && c === 112 ? 9 : 0;
    case 79: // O
      return b === 99 && c === 116 ? 10 : 0;
    case 78: // N
      return b === 111 && c === 118 ? 11 : 0;
    case 68: // D
      return b === 101 && c === 99 ? 12 : 0;
    default:
      return 0;
  }
}

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// The previous line's date part, so a file (hourly, sorted) computes days_from_civil about once.
let cachedDateKey = -1;
let cachedDayMs = 0;

/**
 * Parses `[d/Mon/yyyy:HH:MM:SS ±hhmm]` starting at `start` (the `[`) and returns the epoch milliseconds, or NaN.
 * On success the closing `]` is at `start + 26` (one-digit day, `s[start + 2]` is `/`) or `start + 27`.
 */
export function parseLogTime(s: string, start: number): number {
  let i = start + 1;
  let day = s.charCodeAt(i) - 48;
  if (day < 0 || day > 9) return Number.NaN;
  const d2 = s.charCodeAt(i + 1) - 48;
  if (d2 >= 0 && d2 <= 9) {
    day = day * 10 + d2;
    i += 2;
  } else {
    i += 1;
  }
  if (s.charCodeAt(i) !== 47) return Number.NaN; // '/'
  const month = monthAt(s, i + 1);
  if (month === 0 || s.charCodeAt(i + 4) !== 47) return Number.NaN;
  const y1 = twoDigits(s, i + 5);
  const y2 = twoDigits(s, i + 7);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(i + 9) !== 58) return Number.NaN; // ':'
  const year = y1 * 100 + y2;
  const hh = twoDigits(s, i + 10);
  const mm = twoDigits(s, i + 13);
  const ss = twoDigits(s, i + 16);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return Number.NaN;
  if (s.charCodeAt(i + 12) !== 58 || s.charCodeAt(i + 15) !== 58 || s.charCodeAt(i + 18) !== 32) return Number.NaN;
  const sign = s.charCodeAt(i + 19);
  const oh = twoDigits(s, i + 20);
  const om = twoDigits(s, i + 22);
  if ((sign !== 43 && sign !== 45) || oh < 0 || om < 0 || om > 59 || s.charCodeAt(i + 24) !== 93) return Number.NaN;
  const key = (year * 16 + month) * 32 + day;
  if (key !== cachedDateKey) {
    if (day < 1 || day > daysInMonth(year, month)) return Number.NaN;
    cachedDayMs = daysFromCivil(year, month, day) * DAY_MS;
    cachedDateKey = key;
  }
  const offsetMs = (oh * 60 + om) * 60_000;
  return cachedDayMs + ((hh * 60 + mm) * 60 + ss) * 1000 + (sign === 43 ? -offsetMs : offsetMs);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Formats an instant the way the log writes it, `9/Jun/2015:01:58:09 +0800`, in the given UTC offset (minutes).
 * Milliseconds are dropped: the log has whole seconds.
 */
export function formatLogTime(time: Date, offsetMinutes = 480): string {
  const local = new Date(Math.floor(time.getTime() / 1000) * 1000 + offsetMinutes * 60_000);
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`formatCdnLogLine: year ${year} cannot be written as 4 digits`);
  return `${local.getUTCDate()}/${MONTHS[local.getUTCMonth()]}/${String(year).padStart(4, "0")}:${pad2(
    local.getUTCHours(),
  )}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())} ${zone}`;
}
