/**
 * Which naming form a CDN offline log file name has, as {@link parseCdnLogFileName} reads it:
 * - `"standard"`: `<domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>[_<ext>].gz`, what Alibaba's CDN and DCDN docs
 *   describe (the extension field, when there is one, starts with `_`);
 * - `"site"`: `<domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>.<ext>.gz`, the newer DCDN/ESA "site" offline logs
 *   (a dot before the extension). Their lines have a different field set, which {@link parseCdnLogLine} does
 *   not read;
 * - `"legacy"`: `<domain>_<YYYY>_<MM>_<DD>_<HHMM>_<HHMM>[_<ext>].gz`, older names without seconds.
 *
 * @example
 * ```ts
 * import { type CdnLogFileNameForm, parseCdnLogFileName } from "fc-cdn-trigger/logs";
 * const form: CdnLogFileNameForm = parseCdnLogFileName("example.com_2024_01_01_000000_010000.xx.gz").form; // "site"
 * ```
 */
export type CdnLogFileNameForm = "standard" | "site" | "legacy";

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
  /**
   * The extension field after the end time, without its `_` (standard and legacy names) or `.` (site names), e.g.
   * a part number; `null` when the name has none.
   */
  suffix: string | null;
  /** Which naming form the name has; a `"site"` log's lines are not in the layout {@link parseCdnLogLine} reads. */
  form: CdnLogFileNameForm;
}

// Two capture groups for the extension: after `_` (standard, legacy) or after `.` (site), so each is told apart.
const NAME = /^(.+?)_(\d{4})_(\d{2})_(\d{2})_(\d{6}|\d{4})_(\d{6}|\d{4})(?:_([^/]+?)|\.([^/]+?))?\.gz$/;
const FORMS =
  "<domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>[_<ext>].gz (CDN and DCDN), " +
  "<domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>.<ext>.gz (DCDN/ESA site logs) or " +
  "<domain>_<YYYY>_<MM>_<DD>_<HHMM>_<HHMM>[_<ext>].gz (legacy), with the times in UTC+8";
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
 * Reads the domain and the covered period from a CDN offline log file name, in any of its forms (see
 * {@link CdnLogFileNameForm}):
 * - standard: `<domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>[_<ext>].gz`, e.g. `example.com_2024_01_01_000000_010000.gz`;
 * - site (DCDN/ESA): `<domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>.<ext>.gz`, e.g.
 *   `example.com_2024_01_01_000000_010000.xx.gz`;
 * - legacy: `<domain>_<YYYY>_<MM>_<DD>_<HHMM>_<HHMM>[_<ext>].gz`, e.g. `www.aliyun.com_2017_12_27_0800_0900.gz`.
 *
 * The times in every form are UTC+8. An end earlier than the start (e.g. `2300_0000`) is on the next day. A path or
 * a URL (such as `filePath`, with its query) is accepted: only the last path segment is read. Throws a `RangeError`
 * that lists these forms when the name has none of them.
 *
 * @example
 * ```ts
 * import { parseCdnLogFileName } from "fc-cdn-trigger/logs";
 * parseCdnLogFileName("www.aliyun.com_2017_12_27_0800_0900.gz");
 * // { domain: "www.aliyun.com", start: 2017-12-27T00:00:00Z, end: 2017-12-27T01:00:00Z, suffix: null, form: "legacy" }
 * parseCdnLogFileName("example.com_2024_01_01_000000_010000.xx.gz").form; // "site"
 * ```
 */
export function parseCdnLogFileName(name: string): CdnLogFileName {
  const path = String(name).replace(/[?#].*$/, "");
  const base = path.slice(path.lastIndexOf("/") + 1);
  const match = NAME.exec(base);
  const fail = (why: string) =>
    new RangeError(`Not a CDN log file name: ${JSON.stringify(base)} (${why}). Expected ${FORMS}`);
  if (!match) throw fail("it has none of the known forms");
  const [, domain, y, mo, d, from, to, underscoreSuffix, dotSuffix] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string?,
    string?,
  ];
  if (from.length !== to.length) throw fail("the start and end times have different lengths");
  if (dotSuffix !== undefined && from.length !== 6) {
    throw fail("a `.` before the extension comes only with HHMMSS times, in site log names");
  }
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
    suffix: underscoreSuffix ?? dotSuffix ?? null,
    form: dotSuffix !== undefined ? "site" : from.length === 6 ? "standard" : "legacy",
  };
}
