// A log-linear histogram (the HdrHistogram layout): exact below 256, then 128 buckets per power of two, so a
// percentile is within 0.4% of the true value with a fixed 3,200 counters.

import type { CdnLogLatencyBucket } from "./summary-types.js";

const EXACT = 256;
const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const MAX_VALUE = 2 ** 31 - 1;
const SIZE = EXACT + (31 - 8) * SUB;
/** How many buckets a histogram has (the byte summariser keeps its counts in an array of this size). */
export const LATENCY_BUCKETS = SIZE;

/** The bucket of a value. */
export function latencyBucket(value: number): number {
  if (value < EXACT) return value;
  const v = Math.min(value, MAX_VALUE);
  const exponent = 31 - Math.clz32(v);
  const shift = exponent - SUB_BITS;
  return EXACT + (exponent - 8) * SUB + ((v >>> shift) - SUB);
}

/** The smallest value of bucket `index` and how many values it holds. */
function bucketSpan(index: number): { low: number; width: number } {
  if (index < EXACT) return { low: index, width: 1 };
  const exponent = Math.floor((index - EXACT) / SUB) + 8;
  const shift = exponent - SUB_BITS;
  return { low: (SUB + ((index - EXACT) % SUB)) * 2 ** shift, width: 2 ** shift };
}

/** The middle of bucket `index`, rounded: the value a percentile reports. */
function bucketValue(index: number): number {
  const { low, width } = bucketSpan(index);
  return Math.round(low + (width - 1) / 2);
}

/** The non-empty buckets of a histogram's `counts`, ascending, as a summary lists them. */
export function histogramOfCounts(counts: ArrayLike<number>): CdnLogLatencyBucket[] {
  const buckets: CdnLogLatencyBucket[] = [];
  for (let k = 0; k < SIZE; k++) {
    const count = counts[k] as number;
    if (count === 0) continue;
    const { low, width } = bucketSpan(k);
    buckets.push({ fromMs: low, toMs: low + width - 1, count });
  }
  return buckets;
}

/**
 * The index of the bucket a listed bucket stands for, or -1 when `fromMs`/`toMs` are not the bounds of one of
 * this histogram's buckets (a summary written by hand, or by a histogram of another layout).
 */
export function bucketIndexOf(fromMs: number, toMs: number): number {
  if (!Number.isSafeInteger(fromMs) || fromMs < 0 || fromMs > MAX_VALUE) return -1;
  const index = latencyBucket(fromMs);
  const { low, width } = bucketSpan(index);
  return low === fromMs && low + width - 1 === toMs ? index : -1;
}

/** An empty histogram's counts. */
export const emptyLatencyCounts = (): Float64Array => new Float64Array(SIZE);

/**
 * A fixed-size histogram of non-negative integers (response times in ms) that answers percentiles.
 *
 * @example
 * ```ts
 * import { LatencyHistogram } from "fc-cdn-trigger/logs";
 * const histogram = new LatencyHistogram();
 * for (const ms of [10, 20, 30, 40]) histogram.add(ms);
 * histogram.percentile(50); // 20
 * ```
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(SIZE);
  /** Number of values added. */
  count = 0;
  /** Largest value added (exact). */
  max = 0;
  /** Sum of the values added. */
  sum = 0;

  /** Adds a value; negative values count as 0 and fractions are truncated. */
  add(value: number): void {
    const v = value > 0 ? Math.floor(value) : 0;
    const i = latencyBucket(v);
    this.counts[i] = (this.counts[i] as number) + 1;
    this.count++;
    this.sum += v;
    if (v > this.max) this.max = v;
  }

  /**
   * The nearest-rank percentile: the smallest value with at least `p`% of the values at or below it. Exact below
   * 256, within 0.4% above; 0 when empty.
   */
  percentile(p: number): number {
    return percentileOfCounts(this.counts, this.count, this.max, p);
  }
}

/** The nearest-rank percentile `p` of the histogram `counts` holding `count` values up to `max`. */
export function percentileOfCounts(counts: Float64Array, count: number, max: number, p: number): number {
  if (count === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * count));
  let seen = 0;
  for (let k = 0; k < SIZE; k++) {
    seen += counts[k] as number;
    if (seen >= rank) return Math.min(bucketValue(k), max);
  }
  return max;
}
