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

/** Month number (1-12) of a three-letter English abbreviation given as its character codes, or 0. Case-sensitive. */
function monthOfCodes(a: number, b: number, c: number): number {
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

/** Two ASCII digits given as character codes, as a number; -1 when either is not a digit or the number is over `max`. */
export function twoDigitsOfCodes(a: number, b: number, max: number): number {
  const x = a - 48;
  const y = b - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 && x * 10 + y <= max ? x * 10 + y : -1;
}

// The previous line's date, so a file (hourly, sorted) reads the month and computes days_from_civil about once.
// Its key is the date's fields as read: the month's three codes (each under 256) and 100 × year + day.
let cachedDateKey = -1;
let cachedDayMs = 0;

/** Caches the day `key` stands for; false when it is no day. Apart from logTimeMs, which must stay small. */
function cacheDay(key: number, year: number, month: number, day: number): boolean {
  if (month === 0 || day < 1 || day > daysInMonth(year, month)) return false;
  cachedDayMs = daysFromCivil(year, month, day) * DAY_MS;
  cachedDateKey = key;
  return true;
}

/**
 * The epoch milliseconds of a log time from its fields as a reader found them, or NaN when they do not make a
 * time: `m1`-`m3` are the month's character codes, two-digit fields are -1 when not two digits in range, `sign`
 * is the character code of `+` or `-`. The readers of strings (parseLogTime) and of bytes (byte-log-time.ts) check
 * the separators and share the rest. Kept small, with the month read only for a new date, so that the JIT inlines
 * it and the readers' helpers into each reader (past its inlining budget a line costs about 10% more).
 */
export function logTimeMs(
  day: number,
  m1: number,
  m2: number,
  m3: number,
  y1: number,
  y2: number,
  hh: number,
  mm: number,
  ss: number,
  sign: number,
  oh: number,
  om: number,
): number {
  if ((y1 | y2 | hh | mm | ss | oh | om) < 0 || (m1 | m2 | m3) > 255 || (sign !== 43 && sign !== 45)) {
    return Number.NaN;
  }
  const year = y1 * 100 + y2;
  const key = (year * 100 + day) * 0x1000000 + ((m1 << 16) | (m2 << 8) | m3);
  if (key !== cachedDateKey && !cacheDay(key, year, monthOfCodes(m1, m2, m3), day)) return Number.NaN;
  const offsetMs = (oh * 60 + om) * 60_000;
  return cachedDayMs + ((hh * 60 + mm) * 60 + ss) * 1000 + (sign === 43 ? -offsetMs : offsetMs);
}

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
  // '/' Mon '/' yyyy ':' HH ':' MM ':' SS ' ' ±hhmm ']'
  if (s.charCodeAt(i) !== 47 || s.charCodeAt(i + 4) !== 47 || s.charCodeAt(i + 9) !== 58) return Number.NaN;
  if (s.charCodeAt(i + 12) !== 58 || s.charCodeAt(i + 15) !== 58 || s.charCodeAt(i + 18) !== 32) return Number.NaN;
  if (s.charCodeAt(i + 24) !== 93) return Number.NaN;
  return logTimeMs(
    day,
    s.charCodeAt(i + 1),
    s.charCodeAt(i + 2),
    s.charCodeAt(i + 3),
    twoDigitsOfCodes(s.charCodeAt(i + 5), s.charCodeAt(i + 6), 99),
    twoDigitsOfCodes(s.charCodeAt(i + 7), s.charCodeAt(i + 8), 99),
    twoDigitsOfCodes(s.charCodeAt(i + 10), s.charCodeAt(i + 11), 23),
    twoDigitsOfCodes(s.charCodeAt(i + 13), s.charCodeAt(i + 14), 59),
    twoDigitsOfCodes(s.charCodeAt(i + 16), s.charCodeAt(i + 17), 60),
    s.charCodeAt(i + 19),
    twoDigitsOfCodes(s.charCodeAt(i + 20), s.charCodeAt(i + 21), 99),
    twoDigitsOfCodes(s.charCodeAt(i + 22), s.charCodeAt(i + 23), 59),
  );
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
