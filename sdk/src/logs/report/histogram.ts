// The response-time histogram coarsened for reading: the summary's buckets are 1 ms wide below 256 ms and
// under 0.4% wide above, hundreds of them; the report groups them into 1-2-5 steps (0, 1, 2, 5, 10, 20, 50 ms…).
import type { CdnLogLatencyBucket } from "../summary-types.js";

/** Requests that took from `fromMs` to `toMs` ms (both inclusive, from the buckets grouped in it). */
export interface LatencyBin {
  fromMs: number;
  toMs: number;
  count: number;
}

/** The lower edge of the 1-2-5 step holding `ms`: 0 for 0, then 1, 2, 5, 10, 20, 50… */
function stepOf(ms: number): number {
  if (ms < 1) return 0;
  const power = 10 ** Math.floor(Math.log10(ms));
  const digit = ms / power;
  return (digit >= 5 ? 5 : digit >= 2 ? 2 : 1) * power;
}

/** The next 1-2-5 step after `step`. */
const nextStep = (step: number) => {
  if (step === 0) return 1;
  const power = 10 ** Math.floor(Math.log10(step));
  const digit = Math.round(step / power);
  return digit === 1 ? 2 * power : digit === 2 ? 5 * power : 10 * power;
};

/**
 * Groups ascending buckets by the 1-2-5 step their start falls in, with empty steps in between kept (as zero
 * counts over their nominal range) so the bars stay evenly spaced on a log scale. A bin's range is that of the
 * buckets in it, so its label is exact even where a bucket crosses a step edge.
 */
export function latencyBins(histogram: readonly CdnLogLatencyBucket[]): LatencyBin[] {
  const bins: LatencyBin[] = [];
  let step = -1;
  for (const bucket of histogram) {
    const bucketStep = stepOf(bucket.fromMs);
    const current = bins[bins.length - 1];
    if (current && bucketStep === step) {
      current.toMs = Math.max(current.toMs, bucket.toMs);
      current.count += bucket.count;
      continue;
    }
    if (current) {
      for (let gap = nextStep(step); gap < bucketStep; gap = nextStep(gap)) {
        bins.push({ fromMs: Math.max(gap, current.toMs + 1), toMs: nextStep(gap) - 1, count: 0 });
      }
    }
    step = bucketStep;
    bins.push({ fromMs: bucket.fromMs, toMs: bucket.toMs, count: bucket.count });
  }
  return bins;
}
