import { type CdnLogTopEntry, SpaceSaving } from "./heavy-hitters.js";
import { SCAN_EACH } from "./internal.js";
import { LatencyHistogram } from "./latency-histogram.js";
import { ESCAPED_REFERER, ESCAPED_REQUEST, ESCAPED_USER_AGENT, scanned, unescapeQuoted } from "./line-parser.js";
import type { CdnLogStats } from "./reader-types.js";
import type { CdnLogRecord } from "./record.js";

/**
 * Options of {@link summarizeCdnLog} and {@link CdnLogSummarizer}.
 *
 * @example
 * ```ts
 * import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * await summarizeCdnLog(readCdnLog("access.log.gz"), { top: 20, sketchCapacity: 4096 });
 * ```
 */
export interface SummarizeCdnLogOptions {
  /** How many entries each top list holds. Default: 10. */
  top?: number;
  /**
   * Counters per heavy-hitters sketch; more gives exact counts for more values. Memory is bounded by this, not by
   * the log. Default: `max(1024, 50 × top)`.
   */
  sketchCapacity?: number;
}

/**
 * Requests and response bytes of one clock hour.
 *
 * @example
 * ```ts
 * import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const { perHour } = await summarizeCdnLog(readCdnLog("access.log.gz"));
 * for (const { start, requests, bytes } of perHour) console.log(start.toISOString(), requests, bytes);
 * ```
 */
export interface CdnLogHour {
  /** Start of the hour (an absolute instant; print it in `+08:00` to match the log). */
  start: Date;
  requests: number;
  bytes: number;
}

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
 * What {@link summarizeCdnLog} reports. Every figure comes from fixed-size state: exact totals, Space-Saving top
 * lists (each entry says its maximum overestimate) and histogram percentiles (exact below 256 ms, within 0.4% above).
 *
 * @example
 * ```ts
 * import { type CdnLogSummary, generateCdnLogRecords, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const summary: CdnLogSummary = await summarizeCdnLog(generateCdnLogRecords({ lines: 1000 }));
 * console.log(summary.cacheHitRatio.byRequests, summary.responseTimeMs.p95);
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
  /** The most frequent URLs, referers (`-` excluded), user agents and client IPs. */
  top: {
    urls: CdnLogTopEntry[];
    referers: CdnLogTopEntry[];
    userAgents: CdnLogTopEntry[];
    clientIps: CdnLogTopEntry[];
  };
  /** Requests and bytes per clock hour, in time order. */
  perHour: CdnLogHour[];
  /** Response time percentiles, max and mean, in ms (0 when there are no requests). */
  responseTimeMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Earliest and latest request time; `null` when there are no requests. */
  firstTime: Date | null;
  lastTime: Date | null;
  /** Line counts, when the records came from {@link readCdnLog}. */
  stats?: CdnLogStats;
}

const HOUR_MS = 3_600_000;

/**
 * Summarises records one at a time with constant memory: use it when you handle each record yourself and want the
 * summary too. {@link summarizeCdnLog} is this over an iterable.
 *
 * @example
 * ```ts
 * import { CdnLogSummarizer, readCdnLog } from "fc-cdn-trigger/logs";
 * const summarizer = new CdnLogSummarizer({ top: 5 });
 * for await (const record of readCdnLog("access.log.gz")) {
 *   if (record.status >= 500) console.log(record.url);
 *   summarizer.add(record);
 * }
 * console.log(summarizer.summary());
 * ```
 */
export class CdnLogSummarizer {
  private readonly topN: number;
  private requests = 0;
  private bytes = 0;
  private requestBytes = 0;
  private hitRequests = 0;
  private hitBytes = 0;
  private readonly classes = [0, 0, 0, 0, 0, 0, 0];
  private readonly urls: SpaceSaving;
  private readonly referers: SpaceSaving;
  private readonly userAgents: SpaceSaving;
  private readonly clientIps: SpaceSaving;
  private readonly latency = new LatencyHistogram();
  private readonly hours = new Map<number, { requests: number; bytes: number }>();
  private lastHour = Number.NaN;
  private lastBucket = { requests: 0, bytes: 0 };
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  constructor(options: SummarizeCdnLogOptions = {}) {
    const top = options.top ?? 10;
    if (!Number.isSafeInteger(top) || top < 1) throw new RangeError(`top must be a positive integer, got ${top}`);
    this.topN = top;
    const capacity = options.sketchCapacity ?? Math.max(1024, 50 * top);
    this.urls = new SpaceSaving(capacity);
    this.referers = new SpaceSaving(capacity);
    this.userAgents = new SpaceSaving(capacity);
    this.clientIps = new SpaceSaving(capacity);
  }

  /** Adds one record. */
  add(record: CdnLogRecord): void {
    const bytes = record.responseBytes;
    this.requests++;
    this.bytes += bytes;
    this.requestBytes += record.requestBytes;
    const cls = (record.status / 100) | 0;
    const k = cls >= 1 && cls <= 5 ? cls : 0;
    this.classes[k] = (this.classes[k] as number) + 1;
    if (record.cacheStatus === "HIT") {
      this.hitRequests++;
      this.hitBytes += bytes;
    }
    this.urls.add(record.url);
    if (record.referer !== null) this.referers.add(record.referer);
    this.userAgents.add(record.userAgent);
    this.clientIps.add(record.clientIp);
    this.latency.add(record.responseTimeMs);
    this.addTime(record.time.getTime(), bytes);
  }

  /** Adds the line just scanned in `text` (see `scanned`): what {@link add} does, with no record in between. */
  private addScanned(text: string): void {
    const f = scanned;
    const bytes = f.responseBytes;
    this.requests++;
    this.bytes += bytes;
    this.requestBytes += f.requestBytes;
    const cls = (f.status / 100) | 0;
    const k = cls >= 1 && cls <= 5 ? cls : 0;
    this.classes[k] = (this.classes[k] as number) + 1;
    const c = f.cacheStart;
    // "HIT", by character codes: startsWith at an offset is slow.
    if (
      f.cacheEnd - c === 3 &&
      text.charCodeAt(c) === 72 &&
      text.charCodeAt(c + 1) === 73 &&
      text.charCodeAt(c + 2) === 84
    ) {
      this.hitRequests++;
      this.hitBytes += bytes;
    }
    const escapes = f.escapes;
    if (escapes === 0) {
      this.urls.addRange(text, f.methodEnd + 1, f.requestEnd);
      if (f.refererStart !== -1) this.referers.addRange(text, f.refererStart, f.refererEnd);
      this.userAgents.addRange(text, f.userAgentStart, f.userAgentEnd);
    } else {
      const quoted = (from: number, to: number, flag: number) =>
        (escapes & flag) === 0 ? text.slice(from, to) : unescapeQuoted(text.slice(from, to));
      this.urls.add(quoted(f.methodEnd + 1, f.requestEnd, ESCAPED_REQUEST));
      if (f.refererStart !== -1) this.referers.add(quoted(f.refererStart, f.refererEnd, ESCAPED_REFERER));
      this.userAgents.add(quoted(f.userAgentStart, f.userAgentEnd, ESCAPED_USER_AGENT));
    }
    this.clientIps.addRange(text, f.clientStart, f.clientEnd);
    this.latency.add(f.responseTimeMs);
    this.addTime(f.timeMs, bytes);
  }

  private addTime(ms: number, bytes: number): void {
    if (ms < this.first) this.first = ms;
    if (ms > this.last) this.last = ms;
    const hour = Math.floor(ms / HOUR_MS);
    if (hour !== this.lastHour) {
      let bucket = this.hours.get(hour);
      if (bucket === undefined) {
        bucket = { requests: 0, bytes: 0 };
        this.hours.set(hour, bucket);
      }
      this.lastHour = hour;
      this.lastBucket = bucket;
    }
    this.lastBucket.requests++;
    this.lastBucket.bytes += bytes;
  }

  /** The summary of everything added so far (the summarizer keeps accepting records). */
  summary(stats?: CdnLogStats): CdnLogSummary {
    const [other, c1, c2, c3, c4, c5] = this.classes as [number, number, number, number, number, number];
    const n = this.requests;
    const summary: CdnLogSummary = {
      requests: n,
      bytes: this.bytes,
      requestBytes: this.requestBytes,
      statusClasses: { "1xx": c1, "2xx": c2, "3xx": c3, "4xx": c4, "5xx": c5, other },
      cacheHits: { requests: this.hitRequests, bytes: this.hitBytes },
      cacheHitRatio: {
        byRequests: n === 0 ? 0 : this.hitRequests / n,
        byBytes: this.bytes === 0 ? 0 : this.hitBytes / this.bytes,
      },
      top: {
        urls: this.urls.top(this.topN),
        referers: this.referers.top(this.topN),
        userAgents: this.userAgents.top(this.topN),
        clientIps: this.clientIps.top(this.topN),
      },
      perHour: [...this.hours.entries()]
        .sort(([a], [b]) => a - b)
        .map(([hour, { requests, bytes }]) => ({ start: new Date(hour * HOUR_MS), requests, bytes })),
      responseTimeMs: {
        p50: this.latency.percentile(50),
        p95: this.latency.percentile(95),
        p99: this.latency.percentile(99),
        max: this.latency.max,
        mean: n === 0 ? 0 : this.latency.sum / n,
      },
      firstTime: n === 0 ? null : new Date(this.first),
      lastTime: n === 0 ? null : new Date(this.last),
    };
    if (stats) summary.stats = { ...stats, malformedLineNumbers: [...stats.malformedLineNumbers] };
    return summary;
  }
}

/** What {@link readCdnLog} returns: it can hand over scanned lines, skipping records (and per-record awaits). */
interface ScanSource {
  [SCAN_EACH](visit: (text: string) => void): Promise<void>;
  readonly stats: CdnLogStats;
}

const isScanSource = (value: unknown): value is ScanSource =>
  typeof value === "object" && value !== null && typeof (value as ScanSource)[SCAN_EACH] === "function";

/**
 * Summarises a log: requests, bytes, status classes, cache hit ratio (by requests and by bytes), the top URLs,
 * referers, user agents and client IPs, requests and bytes per hour, and p50/p95/p99 response time. Memory stays
 * flat however many records there are. Accepts what {@link readCdnLog} returns (its line stats are included), any
 * async iterable, or any iterable of records.
 *
 * @example
 * ```ts
 * import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const summary = await summarizeCdnLog(readCdnLog(event.eventParameter.filePath), { top: 5 });
 * console.log(summary.requests, summary.cacheHitRatio.byBytes, summary.top.urls);
 * ```
 */
export async function summarizeCdnLog(
  records: AsyncIterable<CdnLogRecord> | Iterable<CdnLogRecord>,
  options: SummarizeCdnLogOptions = {},
): Promise<CdnLogSummary> {
  const summarizer = new CdnLogSummarizer(options);
  if (isScanSource(records)) {
    await records[SCAN_EACH]((text) => summarizer["addScanned"](text));
    return summarizer.summary(records.stats);
  }
  if (
    records === null ||
    typeof records !== "object" ||
    (!(Symbol.asyncIterator in records) && !(Symbol.iterator in records))
  ) {
    throw new TypeError("summarizeCdnLog expects records: readCdnLog(...), an array or an (async) iterable");
  }
  if (Symbol.asyncIterator in records) for await (const record of records) summarizer.add(record);
  else for (const record of records) summarizer.add(record);
  return summarizer.summary();
}
