// Numbers, bytes, shares and times as the report shows them, in the report's language. Times are shown in
// UTC+08:00, the offset Alibaba's CDN writes its logs in, so hours read the same as the log lines.

const CST_OFFSET_MS = 8 * 3_600_000;
const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** The formatters of one language tag. */
export interface ReportFormat {
  /** An exact count with digit grouping: 12,345. */
  count(n: number): string;
  /** A decimal number with up to `digits` fraction digits. */
  decimal(n: number, digits?: number): string;
  /** Bytes in decimal units, three significant digits: 12.3 MB. */
  bytes(n: number): string;
  /** A ratio from 0 to 1 as a percentage with one decimal: 87.3%. */
  percent(ratio: number): string;
  /** An instant as `YYYY-MM-DD HH:MM` in UTC+08:00. */
  minute(date: Date): string;
}

export function reportFormat(tag: string): ReportFormat {
  const counts = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const percents = new Intl.NumberFormat(tag, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimal = (n: number, digits = 2) => {
    let format = decimals.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
      decimals.set(digits, format);
    }
    return format.format(n);
  };
  return {
    count: (n) => counts.format(n),
    decimal,
    bytes(n) {
      let value = n;
      let unit = 0;
      while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
        value /= 1000;
        unit++;
      }
      return `${unit === 0 ? counts.format(value) : decimal(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ${BYTE_UNITS[unit]}`;
    },
    percent: (ratio) => percents.format(ratio),
    minute: (date) => new Date(date.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace("T", " "),
  };
}

/** `part / whole`, 0 when there is no whole. */
export const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
