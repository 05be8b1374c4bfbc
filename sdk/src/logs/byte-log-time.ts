// The log time `[d/Mon/yyyy:HH:MM:SS ±hhmm]` read from bytes, for the byte summariser: the same separators as
// parseLogTime checks in a string, and the same fields handed to log-time.ts, which does the rest.
import { logTimeMs, twoDigitsOfCodes } from "./log-time.js";

/**
 * Epoch ms of the time opening at `start` (the `[`), or NaN. On success the `]` is at `start + 26` (one-digit day,
 * `b[start + 2]` is `/`) or `start + 27`. Bytes past the end of `b` read as not matching.
 */
export function parseLogTimeBytes(b: Uint8Array, start: number): number {
  let i = start + 1;
  let day = (b[i] as number) - 48;
  if (day < 0 || day > 9) return Number.NaN;
  const d2 = (b[i + 1] as number) - 48;
  if (d2 >= 0 && d2 <= 9) {
    day = day * 10 + d2;
    i += 2;
  } else {
    i += 1;
  }
  // '/' Mon '/' yyyy ':' HH ':' MM ':' SS ' ' ±hhmm ']'
  if (b[i] !== 47 || b[i + 4] !== 47 || b[i + 9] !== 58) return Number.NaN;
  if (b[i + 12] !== 58 || b[i + 15] !== 58 || b[i + 18] !== 32 || b[i + 24] !== 93) return Number.NaN;
  return logTimeMs(
    day,
    b[i + 1] as number,
    b[i + 2] as number,
    b[i + 3] as number,
    twoDigitsOfCodes(b[i + 5] as number, b[i + 6] as number, 99),
    twoDigitsOfCodes(b[i + 7] as number, b[i + 8] as number, 99),
    twoDigitsOfCodes(b[i + 10] as number, b[i + 11] as number, 23),
    twoDigitsOfCodes(b[i + 13] as number, b[i + 14] as number, 59),
    twoDigitsOfCodes(b[i + 16] as number, b[i + 17] as number, 60),
    b[i + 19] as number,
    twoDigitsOfCodes(b[i + 20] as number, b[i + 21] as number, 99),
    twoDigitsOfCodes(b[i + 22] as number, b[i + 23] as number, 59),
  );
}
