// Merging summaries of parts of a log (one per file, per hour, per FC invocation) into the summary of the whole:
// exact for everything counted exactly, with carried error bounds for the top lists.
import type { CdnLogTopEntry } from "./heavy-hitters.js";
import { bucketIndexOf, emptyLatencyCounts } from "./latency-histogram.js";
import type { CdnLogStats } from "./reader-types.js";
import { buildSummary, type SummaryState } from "./summary-build.js";
import { HOUR_MS, type HourRow, Row } from "./summary-counts.js";
import { type CdnLogStatusClasses, type CdnLogSummary, TOP_LIST_NAMES } from "./summary-types.js";

/**
 * Options of {@link mergeCdnLogSummaries}.
 *
 * @example
 * ```ts
 * import { generateCdnLogRecords, mergeCdnLogSummaries, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const parts = await Promise.all([1, 2].map((seed) => summarizeCdnLog(generateCdnLogRecords({ seed }), { top: 20 })));
 * const merged = mergeCdnLogSummaries(parts, { top: 20 });
 * ```
 */
export interface MergeCdnLogSummariesOptions {
  /** How many entries each merged top list keeps. Default: the longest of the parts' lists. */
  top?: number;
}

const CLASS_ORDER = ["other", "1xx", "2xx", "3xx", "4xx", "5xx"] as const satisfies (keyof CdnLogStatusClasses)[];

/**
 * Merges the summaries of parts of a log (say, the hourly files of a day) into the summary of the whole, as if one
 * summariser had read every part.
 *
 * **Exact:** requests, bytes, request bytes, status classes, cache hits and hit ratios, the per-hour series
 * (hours present in several parts are added up), the response-time histogram and so p50/p95/p99, max and mean,
 * first and last time, and the line counts of `stats` (its `malformedLineNumbers` are kept only when a single
 * part had malformed lines, since they are line numbers within that part).
 *
 * **Top lists** merge with Space-Saving's error bounds carried along. Each value listed by any part gets, from
 * every part, its count where that part lists it, or else that part's `topUnlistedMax` (the most it can have had
 * there); its `maxOverestimate` grows by the same amount. `topUnlistedMax` of the merge is the sum of the parts'
 * (or more, when the merged list is cut to `top` entries: the largest count left out). So, as for one summary:
 * - every listed value's true count is in `[count − maxOverestimate, count]`;
 * - any value not listed was seen at most `topUnlistedMax` times.
 *
 * When every part's list is complete (`topUnlistedMax` 0), merged counts are exact and equal to what one summary
 * of the whole would list. Give each part a `sketchCapacity` above its number of distinct values for that.
 *
 * The merge is `partial` when any part is (a part summarised from a log whose reading failed part-way).
 *
 * @example
 * ```ts
 * import { cdnLogSummaryFromJson, cdnLogSummaryToJson, mergeCdnLogSummaries } from "fc-cdn-trigger/logs";
 * import { readFile, writeFile } from "node:fs/promises";
 * const files = ["00.json", "01.json", "02.json"];
 * const parts = await Promise.all(files.map(async (file) => cdnLogSummaryFromJson(await readFile(file, "utf8"))));
 * const day = mergeCdnLogSummaries(parts);
 * for (const { value, count, maxOverestimate } of day.top.urls) {
 *   console.log(value, `seen ${count - maxOverestimate} to ${count} times`);
 * }
 * console.log(`any other URL: at most ${day.topUnlistedMax.urls} times`);
 * await writeFile("day.json", JSON.stringify(cdnLogSummaryToJson(day)));
 * ```
 */
export function mergeCdnLogSummaries(
  summaries: readonly CdnLogSummary[],
  options: MergeCdnLogSummariesOptions = {},
): CdnLogSummary {
  const top = options.top ?? Math.max(0, ...summaries.flatMap((s) => TOP_LIST_NAMES.map((name) => s.top[name].length)));
  if (!Number.isSafeInteger(top) || top < 0)
    throw new RangeError(`top must be a whole number of 0 or more, got ${top}`);
  const classes = [0, 0, 0, 0, 0, 0];
  const hours = new Map<number, HourRow>();
  const counts = emptyLatencyCounts();
  let requests = 0;
  let bytes = 0;
  let requestBytes = 0;
  let hitRequests = 0;
  let hitBytes = 0;
  let max = 0;
  let sum = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const [k, s] of summaries.entries()) {
    requests += s.requests;
    bytes += s.bytes;
    requestBytes += s.requestBytes;
    hitRequests += s.cacheHits.requests;
    hitBytes += s.cacheHits.bytes;
    CLASS_ORDER.forEach((name, c) => {
      classes[c] = (classes[c] as number) + s.statusClasses[name];
    });
    for (const hour of s.perHour) {
      const key = Math.floor(hour.start.getTime() / HOUR_MS);
      let row = hours.get(key);
      if (!row) {
        row = [key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        hours.set(key, row);
      }
      row[Row.REQUESTS] = (row[Row.REQUESTS] as number) + hour.requests;
      row[Row.BYTES] = (row[Row.BYTES] as number) + hour.bytes;
      row[Row.HIT_REQUESTS] = (row[Row.HIT_REQUESTS] as number) + hour.cacheHits.requests;
      row[Row.HIT_BYTES] = (row[Row.HIT_BYTES] as number) + hour.cacheHits.bytes;
      CLASS_ORDER.forEach((name, c) => {
        row[Row.CLASSES + c] = (row[Row.CLASSES + c] as number) + hour.statusClasses[name];
      });
    }
    for (const { fromMs, toMs, count } of s.responseTimeMs.histogram) {
      const index = bucketIndexOf(fromMs, toMs);
      if (index === -1) {
        throw new RangeError(
          `summaries[${k}].responseTimeMs.histogram: ${fromMs}-${toMs} ms is not a bucket of the histogram (read summaries with cdnLogSummaryFromJson, which checks them)`,
        );
      }
      counts[index] = (counts[index] as number) + count;
    }
    if (s.responseTimeMs.max > max) max = s.responseTimeMs.max;
    // The sum of whole-ms response times, back from the mean: a product within 2^-52 of an integer, rounded.
    sum += Math.round(s.responseTimeMs.mean * s.requests);
    if (s.firstTime && s.firstTime.getTime() < first) first = s.firstTime.getTime();
    if (s.lastTime && s.lastTime.getTime() > last) last = s.lastTime.getTime();
  }
  const withStats = summaries.some((s) => s.stats !== undefined);
  const state: SummaryState = {
    requests,
    bytes,
    requestBytes,
    hitRequests,
    hitBytes,
    classes,
    hours: [...hours.values()],
    latency: { counts, count: requests, max, sum },
    first,
    last,
    ...mergeTopLists(summaries, top),
    stats: mergeStats(summaries),
  };
  const merged = buildSummary(state, withStats);
  // A merge that includes a partial summary covers only part of its inputs too.
  if (summaries.some((s) => s.partial)) merged.partial = true;
  return merged;
}

/** The merged top lists and their bounds (see mergeCdnLogSummaries). */
function mergeTopLists(summaries: readonly CdnLogSummary[], n: number): Pick<SummaryState, "top" | "topUnlistedMax"> {
  const top = {} as CdnLogSummary["top"];
  const topUnlistedMax = {} as CdnLogSummary["topUnlistedMax"];
  for (const name of TOP_LIST_NAMES) {
    const unlistedSum = summaries.reduce((total, s) => total + s.topUnlistedMax[name], 0);
    // Start every candidate at the sum of all parts' bounds, then swap a part's bound for its count where listed.
    const merged = new Map<string, CdnLogTopEntry>();
    for (const s of summaries) {
      const bound = s.topUnlistedMax[name];
      for (const entry of s.top[name]) {
        let m = merged.get(entry.value);
        if (!m) {
          m = { value: entry.value, count: unlistedSum, maxOverestimate: unlistedSum };
          merged.set(entry.value, m);
        }
        m.count += entry.count - bound;
        m.maxOverestimate += entry.maxOverestimate - bound;
      }
    }
    const entries = [...merged.values()].sort(
      (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
    top[name] = entries.slice(0, n);
    topUnlistedMax[name] = Math.max(unlistedSum, entries[n]?.count ?? 0);
  }
  return { top, topUnlistedMax };
}

/** Line counts summed; malformed line numbers only when they all come from one part. */
function mergeStats(summaries: readonly CdnLogSummary[]): CdnLogStats {
  const stats: CdnLogStats = { lines: 0, parsed: 0, malformed: 0, malformedLineNumbers: [] };
  const withMalformed = summaries.filter((s) => (s.stats?.malformed ?? 0) > 0);
  for (const s of summaries) {
    if (!s.stats) continue;
    stats.lines += s.stats.lines;
    stats.parsed += s.stats.parsed;
    stats.malformed += s.stats.malformed;
  }
  if (withMalformed.length === 1)
    stats.malformedLineNumbers = [...(withMalformed[0]?.stats?.malformedLineNumbers ?? [])];
  return stats;
}
