// Numbers and sizes as the page's language writes them (1,234,567 / 12.3 MB).
import { langOf, type SiteLocale } from "../lib/locales.js";

/** Formatters for one locale. */
export interface Formats {
  /** A count: `1,234,567`. */
  count(value: number): string;
  /** A size in decimal units: `0 B`, `950 B`, `12.3 MB`, `2.15 GB`. */
  bytes(value: number): string;
  /** A ratio from 0 to 1 as a percentage: `87.4%`. */
  percent(value: number): string;
  /** Milliseconds, up to one decimal. */
  ms(value: number): string;
  /** A list of numbers: `3, 17, 40`. */
  list(values: readonly number[]): string;
}

const UNITS = ["B", "kB", "MB", "GB", "TB"];

/**
 * The formatters of a locale.
 *
 * @example
 * ```ts
 * formatsFor("en").bytes(2_147_483_648); // "2.15 GB"
 * ```
 */
export function formatsFor(locale: SiteLocale): Formats {
  const lang = langOf(locale);
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const sized = new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 });
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  return {
    count: (value) => count.format(value),
    bytes(value) {
      let unit = 0;
      let scaled = value;
      while (scaled >= 1000 && unit < UNITS.length - 1) {
        scaled /= 1000;
        unit++;
      }
      return `${unit === 0 ? count.format(scaled) : sized.format(scaled)} ${UNITS[unit]}`;
    },
    percent: (value) => percent.format(value),
    ms: (value) => decimal.format(value),
    list: (values) => values.map((value) => count.format(value)).join(", "),
  };
}
