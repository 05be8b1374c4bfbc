// The shape of a log summary: what summarizeCdnLog returns, what mergeCdnLogSummaries combines and what the
// versioned JSON form (summary-json.ts) carries. Both counting paths (records and bytes) build it in one place.
import type { CdnLogTopEntry } from "./heavy-hitters.js";
import type { CdnLogStats } from "./reader-types.js";

/**
 * Requests by status class. `other` counts codes outside 100-599.
 *
 * @example
 * ```ts
 * import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const { statusClasses, requests } = await summarizeCdnLog(readCdnLog("access.log.gz"));
 * const errorRate = statusClasses["5xx"] / requests;
 * ```
 */
export interface CdnLogStatusClasses {
  "1xx": number;
  "2xx": number;
  "3xx": number;
  "4xx": number;
  "5xx": number;
  other: number;
}

/**
 * Requests, response bytes, cache hits and status classes of one clock hour.
 *
 * @example
 * ```ts
 * import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const { perHour } = await summarizeCdnLog(readCdnLog("access.log.gz"));
 * for (const { start, requests, bytes, cacheHits, statusClasses } of perHour) {
 *   console.log(start.toISOString(), requests, bytes, cacheHits.requests / requests, statusClasses["5xx"]);
 * }
 * ```
 */
export interface CdnLogHour {
  /** Start of the hour (an absolute instant; print it in `+08:00` to match the log). */
  start: Date;
  requests: number;
  bytes: number;
  /** Requests and response bytes of the hour served from cache (`HIT`). */
  cacheHits: { requests: number; bytes: number };
  /** Requests of the hour by status class. */
  statusClasses: CdnLogStatusClasses;
}

/**
 * One non-empty bucket of the response-time histogram: `count` requests took from `fromMs` to `toMs` ms, both
 * inclusive. Buckets are 1 ms wide below 256 ms (`fromMs === toMs`), then 128 per power of two (under 0.4% wide).
 * Response times over 2^31 − 1 ms count in the last bucket.
 *
 * @example
 * ```ts
 * import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const { responseTimeMs } = await summarizeCdnLog(readCdnLog("access.log.gz"));
 * const slow = responseTimeMs.histogram.filter((b) => b.fromMs >= 1000).reduce((n, b) => n + b.count, 0);
 * ```
 */
export interface CdnLogLatencyBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

/**
 * The top lists of a summary, each by estimated count (ties by value).
 *
 * @example
 * ```ts
 * import { type CdnLogTopLists, generateCdnLogRecords, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const top: CdnLogTopLists = (await summarizeCdnLog(generateCdnLogRecords({ lines: 100 }))).top;
 * console.log(top.serverErrorUrls[0]?.value);
 * ```
 */
export interface CdnLogTopLists {
  urls: CdnLogTopEntry[];
  /** Referers, `-` excluded. */
  referers: CdnLogTopEntry[];
  userAgents: CdnLogTopEntry[];
  clientIps: CdnLogTopEntry[];
  /** Content types of the responses (lines without the field are not counted). */
  contentTypes: CdnLogTopEntry[];
  /** URLs of 4xx responses. */
  clientErrorUrls: CdnLogTopEntry[];
  /** URLs of 5xx responses. */
  serverErrorUrls: CdnLogTopEntry[];
}

/**
 * The name of one top list of a summary.
 *
 * @example
 * ```ts
 * import type { CdnLogTopListName } from "fc-cdn-trigger/logs";
 * const lists: CdnLogTopListName[] = ["urls", "clientErrorUrls", "serverErrorUrls"];
 * ```
 */
export type CdnLogTopListName = keyof CdnLogTopLists;

/**
 * What {@link summarizeCdnLog} reports. Every figure comes from fixed-size state: exact totals, Space-Saving top
 * lists (each entry says its maximum overestimate; `topUnlistedMax` bounds what each list leaves out) and an exact
 * histogram of response times whose percentiles are exact below 256 ms and within 0.4% above.
 *
 * Summaries of parts of a log merge into the summary of the whole with {@link mergeCdnLogSummaries}, and travel
 * as JSON with {@link cdnLogSummaryToJson} and {@link cdnLogSummaryFromJson}.
 *
 * @example
 * ```ts
 * import { type CdnLogSummary, generateCdnLogRecords, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const summary: CdnLogSummary = await summarizeCdnLog(generateCdnLogRecords({ lines: 1000 }));
 * console.log(summary.cacheHitRatio.byRequests, summary.responseTimeMs.p95, summary.top.serverErrorUrls);
 * ```
 */
export interface CdnLogSummary {
  /** Number of requests (parsed lines). */
  requests: number;
  /** Sum of response bytes: the traffic served. */
  bytes: number;
  /** Sum of request bytes. */
  requestBytes: number;
  statusClasses: CdnLogStatusClasses;
  /** Requests and bytes served from cache (`HIT`). */
  cacheHits: { requests: number; bytes: number };
  /** Share of requests and of response bytes served from cache, from 0 to 1 (0 when there are no requests). */
  cacheHitRatio: { byRequests: number; byBytes: number };
  /** The most frequent URLs, referers, user agents, client IPs, content types, and URLs of 4xx and 5xx responses. */
  top: CdnLogTopLists;
  /**
   * Per top list: no value missing from that list was seen more than this many times (0: the list is complete,
   * every value seen is in it). This is what lets top lists merge with bounds.
   */
  topUnlistedMax: Record<CdnLogTopListName, number>;
  /** Requests, bytes, cache hits and status classes per clock hour, in time order. */
  perHour: CdnLogHour[];
  /**
   * Response time percentiles, max and mean, in ms (0 when there are no requests), and the histogram they come
   * from: its non-empty buckets in ascending order, with exact counts.
   */
  responseTimeMs: {
    p50: number;
    p95: number;
    p99: number;
    max: number;
    mean: number;
    histogram: CdnLogLatencyBucket[];
  };
  /** Earliest and latest request time; `null` when there are no requests. */
  firstTime: Date | null;
  lastTime: Date | null;
  /**
   * Line counts, when the records came from {@link readCdnLog}. In a merged summary the counts are summed and
   * `malformedLineNumbers` (line numbers within one file) is kept only when a single part had malformed lines.
   */
  stats?: CdnLogStats;
  /**
   * `true` when the summary covers only the start of its input, because reading failed part-way (a truncated gzip
   * file, a broken download): {@link CdnLogReadError.partial} is such a summary, and a merge with a partial part is
   * partial. Absent for a complete summary.
   */
  partial?: true;
}

/** The names of the top lists, in the order summaries list them. */
export const TOP_LIST_NAMES: readonly CdnLogTopListName[] = [
  "urls",
  "referers",
  "userAgents",
  "clientIps",
  "contentTypes",
  "clientErrorUrls",
  "serverErrorUrls",
];

/** An object with one property per top list, each `make(name)`. */
export function byTopList<T>(make: (name: CdnLogTopListName) => T): Record<CdnLogTopListName, T> {
  const out = {} as Record<CdnLogTopListName, T>;
  for (const name of TOP_LIST_NAMES) out[name] = make(name);
  return out;
}
