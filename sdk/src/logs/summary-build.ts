// The one place a CdnLogSummary is put together, from a summariser's figures (record path, byte path, worker) or
// from merged ones (summary-merge.ts), so every summary has the same fields computed the same way.
import type { CdnLogTopEntry } from "./heavy-hitters.js";
import { histogramOfCounts, percentileOfCounts } from "./latency-histogram.js";
import type { CdnLogStats } from "./reader-types.js";
import { HOUR_MS, Row, type SummaryCountsState } from "./summary-counts.js";
import { byTopList, type CdnLogSummary, type CdnLogTopListName } from "./summary-types.js";

/** A summariser's figures, as plain data a worker can post. */
export interface SummaryState extends SummaryCountsState {
  top: CdnLogSummary["top"];
  topUnlistedMax: CdnLogSummary["topUnlistedMax"];
  stats: CdnLogStats;
}

/** What a sketch gives for one top list. */
export interface TopListSketch {
  topList(n: number): { entries: CdnLogTopEntry[]; unlistedMax: number };
}

/** The top lists of `sketches` (one per list name), `n` entries each, with their bounds. */
export function topListsOf(
  sketches: Record<CdnLogTopListName, TopListSketch>,
  n: number,
): Pick<SummaryState, "top" | "topUnlistedMax"> {
  const lists = byTopList((name) => sketches[name].topList(n));
  return {
    top: byTopList((name) => lists[name].entries),
    topUnlistedMax: byTopList((name) => lists[name].unlistedMax),
  };
}

/** The summary of `state`; with `stats` when `withStats`. */
export function buildSummary(state: SummaryState, withStats: boolean): CdnLogSummary {
  const [other, c1, c2, c3, c4, c5] = state.classes as [number, number, number, number, number, number];
  const n = state.requests;
  const { counts, count, max, sum } = state.latency;
  const summary: CdnLogSummary = {
    requests: n,
    bytes: state.bytes,
    requestBytes: state.requestBytes,
    statusClasses: { "1xx": c1, "2xx": c2, "3xx": c3, "4xx": c4, "5xx": c5, other },
    cacheHits: { requests: state.hitRequests, bytes: state.hitBytes },
    cacheHitRatio: {
      byRequests: n === 0 ? 0 : state.hitRequests / n,
      byBytes: state.bytes === 0 ? 0 : state.hitBytes / state.bytes,
    },
    top: state.top,
    topUnlistedMax: state.topUnlistedMax,
    perHour: [...state.hours]
      .sort((a, b) => (a[Row.HOUR] as number) - (b[Row.HOUR] as number))
      .map((row) => {
        const at = (k: number) => row[k] as number;
        return {
          start: new Date(at(Row.HOUR) * HOUR_MS),
          requests: at(Row.REQUESTS),
          bytes: at(Row.BYTES),
          cacheHits: { requests: at(Row.HIT_REQUESTS), bytes: at(Row.HIT_BYTES) },
          statusClasses: {
            "1xx": at(Row.CLASSES + 1),
            "2xx": at(Row.CLASSES + 2),
            "3xx": at(Row.CLASSES + 3),
            "4xx": at(Row.CLASSES + 4),
            "5xx": at(Row.CLASSES + 5),
            other: at(Row.CLASSES),
          },
        };
      }),
    responseTimeMs: {
      p50: percentileOfCounts(counts, count, max, 50),
      p95: percentileOfCounts(counts, count, max, 95),
      p99: percentileOfCounts(counts, count, max, 99),
      max,
      mean: n === 0 ? 0 : sum / n,
      histogram: histogramOfCounts(counts),
    },
    firstTime: n === 0 ? null : new Date(state.first),
    lastTime: n === 0 ? null : new Date(state.last),
  };
  if (withStats) summary.stats = { ...state.stats, malformedLineNumbers: [...state.stats.malformedLineNumbers] };
  return summary;
}
