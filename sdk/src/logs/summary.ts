import { SpaceSaving } from "./heavy-hitters.js";
import { type ByteSink, SCAN_BYTES } from "./internal.js";
import { withPartialSummary } from "./read-error.js";
import type { CdnLogStats } from "./reader-types.js";
import type { CdnLogRecord } from "./record.js";
import { importNode, isNode } from "./runtime.js";
import { buildSummary, topListsOf } from "./summary-build.js";
import { SummaryCounts } from "./summary-counts.js";
import { InThreadSink, NO_WORKER_SCRIPT, type SummarySink, WorkerSink } from "./summary-sinks.js";
import type { CdnLogSummary, CdnLogTopListName } from "./summary-types.js";
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
  private readonly counts = new SummaryCounts();
  private readonly sketches: Record<CdnLogTopListName, SpaceSaving>;

  constructor(options: SummarizeCdnLogOptions = {}) {
    const { top, capacity } = sketchOptions(options);
    this.topN = top;
    const sketch = () => new SpaceSaving(capacity);
    this.sketches = {
      urls: sketch(),
      referers: sketch(),
      userAgents: sketch(),
      clientIps: sketch(),
      contentTypes: sketch(),
      clientErrorUrls: sketch(),
      serverErrorUrls: sketch(),
    };
  }

  /** Adds one record. */
  add(record: CdnLogRecord): void {
    const cls = this.counts.add(
      record.time.getTime(),
      record.status,
      record.requestBytes,
      record.responseBytes,
      record.cacheStatus === "HIT",
      // Whole milliseconds, as the log writes them (and as LatencyHistogram counts any other value).
      record.responseTimeMs > 0 ? Math.floor(record.responseTimeMs) : 0,
    );
    const sketches = this.sketches;
    sketches.urls.add(record.url);
    if (cls === 4) sketches.clientErrorUrls.add(record.url);
    else if (cls === 5) sketches.serverErrorUrls.add(record.url);
    if (record.referer !== null) sketches.referers.add(record.referer);
    sketches.userAgents.add(record.userAgent);
    sketches.clientIps.add(record.clientIp);
    if (record.contentType !== null) sketches.contentTypes.add(record.contentType);
  }

  /** The summary of everything added so far (the summarizer keeps accepting records). */
  summary(stats?: CdnLogStats): CdnLogSummary {
    return buildSummary(
      {
        ...this.counts.state(),
        ...topListsOf(this.sketches, this.topN),
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
  const scan = source[SCAN_BYTES]((totalBytes) => {
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
  await scan.catch((error: unknown) => {
    const partial = sink?.partialState;
    throw partial ? withPartialSummary(error, () => buildSummary({ ...partial, stats: source.stats }, true)) : error;
  });
  const state = sink?.state;
  if (!sink || !state) throw new Error("summarizeCdnLog: the log ended without a summary"); // unreachable: end() sets it
  options.onThread?.(sink.thread);
  return buildSummary({ ...state, stats: source.stats }, true);
}

/**
 * Summarises a log: requests, bytes, status classes, cache hit ratio (by requests and by bytes), the top URLs,
 * referers, user agents, client IPs, content types and 4xx/5xx URLs, requests, bytes, cache hits and status classes
 * per hour, and the response-time histogram with its p50/p95/p99. Summaries of several logs (or of parts of one)
 * merge with {@link mergeCdnLogSummaries} and travel as JSON with {@link cdnLogSummaryToJson}. Memory stays
 * flat however many records there are. Accepts what {@link readCdnLog} returns (its line stats are included), any
 * async iterable, or any iterable of records.
 *
 * Given a {@link readCdnLog} reader, it is fastest: it counts straight from the decompressed bytes without making
 * records, and (for logs of 1 MiB or more) it counts in a worker, a worker thread in Node or a Web Worker in
 * browsers, so that parsing overlaps with reading and gunzip. The reader's `stats` are then current after each 256 KiB and final when the promise settles.
 *
 * When the source fails part-way (a truncated or corrupt gzip file, a download that breaks off), it rejects with a
 * {@link CdnLogReadError} whose `partial` is the summary of every complete line read before the failure.
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
  try {
    if (Symbol.asyncIterator in records) for await (const record of records) summarizer.add(record);
    else for (const record of records) summarizer.add(record);
  } catch (error) {
    throw withPartialSummary(error, () => summarizer.summary());
  }
  return summarizer.summary();
}
