import type { ByteSummaryState } from "./byte-summarizer.js";
import { type CdnLogTopEntry, SpaceSaving } from "./heavy-hitters.js";
import { type ByteSink, SCAN_BYTES } from "./internal.js";
import { LatencyHistogram, percentileOfCounts } from "./latency-histogram.js";
import type { CdnLogStats } from "./reader-types.js";
import type { CdnLogRecord } from "./record.js";
import { importNode, isNode } from "./runtime.js";
import { InThreadSink, NO_WORKER_SCRIPT, type SummarySink, WorkerSink } from "./summary-sinks.js";
import {
  browserWorkerApis,
  browserWorkerHost,
  type NodeWorkerThreads,
  nodeWorkerHost,
  type StartSummaryWorker,
} from "./summary-worker-hosts.js";
import { SUMMARY_WORKER_SCRIPT } from "./summary-worker-source.js";
import { warnWorkerFallback } from "./worker-fallback.js";

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
  /**
   * Count in a worker (a worker thread in Node, a Web Worker started from a Blob URL in browsers), so that parsing
   * runs on another core than reading and gunzip. The summary is the same either way. Default: for logs from
   * {@link readCdnLog} of at least 1 MiB (or of unknown size) when the machine has a second core; `false` counts in
   * the calling thread. When a worker cannot start (no worker API, a Content Security Policy that forbids blob:
   * workers), it says so once (a process warning in Node, `console.warn` in browsers) and counts in the calling
   * thread.
   */
  worker?: boolean;
  /**
   * Called when the summary is ready, with where the bytes were counted: in a worker thread, or in the calling
   * thread and why. Only for logs from {@link readCdnLog}; other records are always counted in the calling thread.
   */
  onThread?: (thread: CdnLogSummaryThread) => void;
}

/**
 * Where {@link summarizeCdnLog} counted a log from {@link readCdnLog}, as `onThread` reports it.
 *
 * @example
 * ```ts
 * import { type CdnLogSummaryThread, readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * let thread: CdnLogSummaryThread | undefined;
 * await summarizeCdnLog(readCdnLog("access.log.gz"), { onThread: (where) => (thread = where) });
 * if (!thread?.worker) console.log("counted in the calling thread:", thread?.reason);
 * ```
 */
export interface CdnLogSummaryThread {
  /** True when a worker thread counted the bytes. */
  worker: boolean;
  /** Why the calling thread counted them (absent when the worker did). */
  reason?: string;
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
    const { top, capacity } = sketchOptions(options);
    this.topN = top;
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
    const latency = this.latency;
    // biome-ignore lint/complexity/useLiteralKeys: the histogram's counts are private; only the summary reads them
    const counts = latency["counts"];
    return buildSummary(
      {
        requests: this.requests,
        bytes: this.bytes,
        requestBytes: this.requestBytes,
        hitRequests: this.hitRequests,
        hitBytes: this.hitBytes,
        classes: this.classes,
        top: {
          urls: this.urls.top(this.topN),
          referers: this.referers.top(this.topN),
          userAgents: this.userAgents.top(this.topN),
          clientIps: this.clientIps.top(this.topN),
        },
        hours: [...this.hours].map(([hour, { requests, bytes }]) => [hour, requests, bytes]),
        latency: { counts, count: latency.count, max: latency.max, sum: latency.sum },
        first: this.first,
        last: this.last,
        stats: stats ?? { lines: 0, parsed: 0, malformed: 0, malformedLineNumbers: [] },
      },
      stats !== undefined,
    );
  }
}

/** `top` and the sketch capacity from the options, checked. */
function sketchOptions(options: SummarizeCdnLogOptions): { top: number; capacity: number } {
  const top = options.top ?? 10;
  if (!Number.isSafeInteger(top) || top < 1) throw new RangeError(`top must be a positive integer, got ${top}`);
  const capacity = options.sketchCapacity ?? Math.max(1024, 50 * top);
  if (!Number.isSafeInteger(capacity) || capacity < 1 || capacity > 2 ** 24) {
    throw new RangeError(`sketchCapacity must be an integer from 1 to 2^24, got ${capacity}`);
  }
  return { top, capacity };
}

/** The summary from a summariser's figures: the one place a CdnLogSummary is put together. */
function buildSummary(state: ByteSummaryState, withStats: boolean): CdnLogSummary {
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
    perHour: [...state.hours]
      .sort(([a], [b]) => a - b)
      .map(([hour, requests, bytes]) => ({ start: new Date(hour * HOUR_MS), requests, bytes })),
    responseTimeMs: {
      p50: percentileOfCounts(counts, count, max, 50),
      p95: percentileOfCounts(counts, count, max, 95),
      p99: percentileOfCounts(counts, count, max, 99),
      max,
      mean: n === 0 ? 0 : sum / n,
    },
    firstTime: n === 0 ? null : new Date(state.first),
    lastTime: n === 0 ? null : new Date(state.last),
  };
  if (withStats) summary.stats = { ...state.stats, malformedLineNumbers: [...state.stats.malformedLineNumbers] };
  return summary;
}

/** What {@link readCdnLog} returns: it can hand its decompressed bytes to a sink, skipping records. */
interface ByteSource {
  [SCAN_BYTES](open: (totalBytes: number | undefined) => ByteSink): Promise<void>;
  readonly stats: CdnLogStats;
}

const isByteSource = (value: unknown): value is ByteSource =>
  typeof value === "object" && value !== null && typeof (value as ByteSource)[SCAN_BYTES] === "function";

/** Below this many source bytes a worker costs more to start than it saves. */
const WORKER_MIN_BYTES = 1024 * 1024;

/** How to start a worker here: Node's worker_threads or a browser's Worker, or why neither can be used. */
async function workerHost(): Promise<StartSummaryWorker | string> {
  if (!isNode) return browserWorkerApis() ?? browserWorkerHost;
  try {
    return nodeWorkerHost(await importNode<NodeWorkerThreads>("node:worker_threads"));
  } catch (error) {
    return `node:worker_threads cannot be loaded: ${(error as Error)?.message ?? error}`;
  }
}

/** A worker only pays when a second core can parse while this one gunzips (FC instances may have less than one). */
async function hasSecondCore(): Promise<boolean> {
  if (!isNode) return (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2;
  try {
    const os = await importNode<{ availableParallelism?: () => number; cpus: () => unknown[] }>("node:os");
    return (os.availableParallelism?.() ?? os.cpus().length) >= 2;
  } catch {
    return false;
  }
}

/** Why the calling thread counts, when a worker is not even tried (undefined: try one, if the log is big enough). */
async function noWorkerReason(options: SummarizeCdnLogOptions): Promise<string | undefined> {
  if (options.worker === false) return "the worker option is false";
  // A browser copy bundled from the sources (as the docs site's playground is) counts here by design: in Node,
  // where the published package is what runs, WorkerSink warns about it instead.
  if (!isNode && SUMMARY_WORKER_SCRIPT === undefined) return NO_WORKER_SCRIPT;
  if (options.worker === undefined && !(await hasSecondCore())) return "one CPU core: a worker would not run alongside";
  return undefined;
}

/** Summarises what readCdnLog reads straight from its bytes, in a worker when that pays. */
async function summarizeBytes(source: ByteSource, options: SummarizeCdnLogOptions): Promise<CdnLogSummary> {
  const { top, capacity } = sketchOptions(options);
  const reason = await noWorkerReason(options);
  const host = reason === undefined ? await workerHost() : undefined;
  let sink: SummarySink | undefined;
  await source[SCAN_BYTES]((totalBytes) => {
    const wanted =
      reason === undefined && (options.worker === true || totalBytes === undefined || totalBytes >= WORKER_MIN_BYTES);
    if (wanted && typeof host === "function") sink = new WorkerSink(host, top, capacity, source.stats);
    else if (wanted && typeof host === "string") {
      sink = new InThreadSink(top, capacity, source.stats, warnWorkerFallback(host));
    } else {
      sink = new InThreadSink(
        top,
        capacity,
        source.stats,
        reason ?? "the log is under 1 MiB: a worker would cost more",
      );
    }
    return sink;
  });
  const state = sink?.state;
  if (!sink || !state) throw new Error("summarizeCdnLog: the log ended without a summary"); // unreachable: end() sets it
  options.onThread?.(sink.thread);
  return buildSummary({ ...state, stats: source.stats }, true);
}

/**
 * Summarises a log: requests, bytes, status classes, cache hit ratio (by requests and by bytes), the top URLs,
 * referers, user agents and client IPs, requests and bytes per hour, and p50/p95/p99 response time. Memory stays
 * flat however many records there are. Accepts what {@link readCdnLog} returns (its line stats are included), any
 * async iterable, or any iterable of records.
 *
 * Given a {@link readCdnLog} reader, it is fastest: it counts straight from the decompressed bytes without making
 * records, and (for logs of 1 MiB or more) it counts in a worker, a worker thread in Node or a Web Worker in
 * browsers, so that parsing overlaps with reading and gunzip. The reader's `stats` are then current after each 256 KiB and final when the promise settles.
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
  if (isByteSource(records)) return summarizeBytes(records, options);
  const summarizer = new CdnLogSummarizer(options);
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
