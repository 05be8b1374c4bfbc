/**
 * What {@link parseCdnLogFileName} finds in a log file name.
 *
 * @example
 * ```ts
 * import { type CdnLogFileName, parseCdnLogFileName } from "fc-cdn-trigger/logs";
 * const { domain, start, end }: CdnLogFileName = parseCdnLogFileName("a.example.com_2024_06_01_080000_090000.gz");
 * ```
 */
export interface CdnLogFileName {
  /** The accelerated domain. */
  domain: string;
  /** Start of the period the file covers. */
  start: Date;
  /** End of the period the file covers. */
  end: Date;
  /** The optional suffix of the current form (after the end time), e.g. a part number. */
  suffix: string | null;
}

const NAME = /^(.+?)_(\d{4})_(\d{2})_(\d{2})_(\d{6}|\d{4})_(\d{6}|\d{4})(?:_([^/]+?))?\.gz$/;
const HOUR_MS = 3_600_000;
/** The hours in log file names are in UTC+8 (China Standard Time). */
const NAME_OFFSET_MS = 8 * HOUR_MS;

function clock(text: string): number {
  const h = Number(text.slice(0, 2));
  const m = Number(text.slice(2, 4));
  const s = text.length === 6 ? Number(text.slice(4, 6)) : 0;
  return h > 24 || m > 59 || s > 59 || (h === 24 && (m > 0 || s > 0)) ? Number.NaN : ((h * 60 + m) * 60 + s) * 1000;
}

/**
 * Reads the domain and the covered period from a CDN offline log file name, in either form:
 * - current: `<domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>[_<suffix>].gz`;
 * - legacy: `<domain>_<YYYY>_<MM>_<DD>_<HHMM>_<HHMM>.gz`.
 *
 * The times in the name are UTC+8. An end earlier than the start (e.g. `2300_0000`) is on the next day. A path or
 * a URL (such as `filePath`, with its query) is accepted: only the last path segment is read. Throws a `RangeError`
 * naming the expected forms when the name matches neither.
 *
 * @example
 * ```ts
 * import { parseCdnLogFileName } from "fc-cdn-trigger/logs";
 * parseCdnLogFileName("www.aliyun.com_2017_12_27_0800_0900.gz");
 * // { domain: "www.aliyun.com", start: 2017-12-27T00:00:00Z, end: 2017-12-27T01:00:00Z, suffix: null }
 * ```
 */
export function parseCdnLogFileName(name: string): CdnLogFileName {
  const path = String(name).replace(/[?#].*$/, "");
  const base = path.slice(path.lastIndexOf("/") + 1);
  const match = NAME.exec(base);
  const fail = (why: string) =>
    new RangeError(
      `Not a CDN log file name: ${JSON.stringify(base)} (${why}). Expected <domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>[_<suffix>].gz or <domain>_<YYYY>_<MM>_<DD>_<HHMM>_<HHMM>.gz`,
    );
  if (!match) throw fail("it does not have that shape");
  const [, domain, y, mo, d, from, to, suffix] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string?,
  ];
  if (from.length !== to.length) throw fail("the start and end times have different lengths");
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const midnight = Date.UTC(year, month - 1, day);
  const check = new Date(midnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw fail(`${y}-${mo}-${d} is not a date`);
  }
  const startMs = clock(from);
  let endMs = clock(to);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) throw fail("a time is out of range");
  if (endMs <= startMs) endMs += 24 * HOUR_MS;
  return {
    domain,
    start: new Date(midnight + startMs - NAME_OFFSET_MS),
    end: new Date(midnight + endMs - NAME_OFFSET_MS),
    suffix: suffix ?? null,
  };
}
