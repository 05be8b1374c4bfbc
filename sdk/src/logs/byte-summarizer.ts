// summarizeCdnLog's fast path: it counts a log straight from its decompressed bytes. byte-line-scanner finds the
// fields of each line, the top-N sketches (byte-space-saving) key on bytes, and only the few values that end up in
// the summary are ever decoded to strings. It runs in the calling thread, or in the summary worker
// (summary-worker.ts), so its figures are plain data a worker can post.
import { scanLine, scannedBytes } from "./byte-line-scanner.js";
import { ByteSketch } from "./byte-space-saving.js";
import { Char } from "./char-codes.js";
import { hashBytes } from "./fnv-hash.js";
import type { CdnLogTopEntry } from "./heavy-hitters.js";
import { LATENCY_BUCKETS, latencyBucket } from "./latency-histogram.js";

const MAX_LINE_BYTES = 4 * 1024 * 1024;
const MAX_MALFORMED_LINE_NUMBERS = 20;
const HOUR_MS = 3_600_000;

/** The summariser's figures, as plain data a worker can post. */
export interface ByteSummaryState {
  requests: number;
  bytes: number;
  requestBytes: number;
  hitRequests: number;
  hitBytes: number;
  /** Requests by status class: index 0 is `other`, 1-5 are 1xx-5xx. */
  classes: number[];
  top: {
    urls: CdnLogTopEntry[];
    referers: CdnLogTopEntry[];
    userAgents: CdnLogTopEntry[];
    clientIps: CdnLogTopEntry[];
  };
  /** `[hour since the epoch, requests, bytes]`, in no particular order. */
  hours: [number, number, number][];
  latency: { counts: Float64Array; count: number; max: number; sum: number };
  first: number;
  last: number;
  stats: { lines: number; parsed: number; malformed: number; malformedLineNumbers: number[] };
}

/**
 * What `push` throws for a line over 4 MiB (an Error with these): `message` is final, `lines` those before. Plain
 * fields, so that it survives the trip from the worker.
 */
export interface LineTooLong {
  kind: "line-too-long";
  message: string;
  lines: number;
}

const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/**
 * A summariser fed with decompressed bytes, chunk by chunk: CdnLogSummarizer's figures, kept as plain numbers and
 * arrays. It updates `stats` line by line.
 */
export class ByteSummarizer {
  readonly stats: ByteSummaryState["stats"];
  private readonly topN: number;
  private requests = 0;
  private bytes = 0;
  private requestBytes = 0;
  private hitRequests = 0;
  private hitBytes = 0;
  private readonly classes = [0, 0, 0, 0, 0, 0];
  private readonly urls: ByteSketch;
  private readonly referers: ByteSketch;
  private readonly userAgents: ByteSketch;
  private readonly clientIps: ByteSketch;
  private readonly latency = new Float64Array(LATENCY_BUCKETS);
  private latencyMax = 0;
  private latencySum = 0;
  private readonly hours = new Map<number, [number, number, number]>();
  private lastHour = Number.NaN;
  private lastBucket: [number, number, number] = [0, 0, 0];
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;
  // The start of a line cut by a chunk boundary; a buffer to unescape quoted fields into.
  private pending = new Uint8Array(4096);
  private pendingView = viewOf(this.pending);
  private pendingLength = 0;
  private scratch = new Uint8Array(4096);
  private scratchView = viewOf(this.scratch);

  /** Keeps `top` entries per list from sketches of `capacity`; updates `stats` when given. */
  constructor(top: number, capacity: number, stats?: ByteSummaryState["stats"]) {
    this.stats = stats ?? { lines: 0, parsed: 0, malformed: 0, malformedLineNumbers: [] };
    this.topN = top;
    this.urls = new ByteSketch(capacity);
    this.referers = new ByteSketch(capacity);
    this.userAgents = new ByteSketch(capacity);
    this.clientIps = new ByteSketch(capacity);
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let from = 0;
    if (this.pendingLength > 0) {
      const lf = chunk.indexOf(Char.LF);
      if (lf === -1) {
        this.keep(chunk, 0, chunk.length);
        if (this.pendingLength > MAX_LINE_BYTES) {
          const tooLong: Omit<LineTooLong, "message"> = { kind: "line-too-long", lines: this.stats.lines };
          throw Object.assign(
            new Error(
              `Line ${this.stats.lines + 1} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB: this is not a CDN access log (is it another compressed format?)`,
            ),
            tooLong,
          );
        }
        return;
      }
      this.keep(chunk, 0, lf + 1);
      this.lines(this.pending, this.pendingView, 0, this.pendingLength - 1);
      this.pendingLength = 0;
      from = lf + 1;
    }
    const lastLf = chunk.lastIndexOf(Char.LF);
    if (lastLf >= from) {
      this.lines(chunk, viewOf(chunk), from, lastLf);
      from = lastLf + 1;
    }
    if (from < chunk.length) this.keep(chunk, from, chunk.length);
  }

  /** No more bytes: counts the last line. */
  end(): void {
    if (this.pendingLength === 0) return;
    this.keep(new Uint8Array([Char.LF]), 0, 1);
    this.lines(this.pending, this.pendingView, 0, this.pendingLength - 1);
    this.pendingLength = 0;
  }

  /** Appends `chunk[from, to)` to the cut line. */
  private keep(chunk: Uint8Array, from: number, to: number): void {
    const length = this.pendingLength + to - from;
    if (length > this.pending.length) {
      const grown = new Uint8Array(Math.max(length, 2 * this.pending.length));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
      this.pendingView = viewOf(grown);
    }
    this.pending.set(chunk.subarray(from, to), this.pendingLength);
    this.pendingLength = length;
  }

  /** The lines of `b[from, to]`, where `b[to]` is a line feed (`dv` views `b`). */
  private lines(b: Uint8Array, dv: DataView, from: number, to: number): void {
    const stats = this.stats;
    // A UTF-8 byte order mark before the first line (TextDecoder drops it on the string path too).
    if (stats.lines === 0 && b[from] === 0xef && b[from + 1] === 0xbb && b[from + 2] === 0xbf) from += 3;
    while (from <= to) {
      stats.lines++;
      const c = b[from];
      if (c === Char.LF) {
        from++;
        continue;
      }
      if (c === Char.CR && b[from + 1] === Char.LF) {
        from += 2;
        continue;
      }
      let lf = scanLine(b, dv, from);
      if (lf === -1) {
        stats.malformed++;
        if (stats.malformedLineNumbers.length < MAX_MALFORMED_LINE_NUMBERS)
          stats.malformedLineNumbers.push(stats.lines);
        lf = b.indexOf(Char.LF, from);
      } else {
        stats.parsed++;
        this.countLine(b, dv);
      }
      from = lf + 1;
    }
  }

  /** Counts the line scanLine just accepted from `b`. */
  private countLine(b: Uint8Array, dv: DataView): void {
    const line = scannedBytes;
    const responseBytes = line.responseBytes;
    this.requests++;
    this.bytes += responseBytes;
    this.requestBytes += line.requestBytes;
    const cls = (line.status / 100) | 0;
    const k = cls >= 1 && cls <= 5 ? cls : 0;
    this.classes[k] = (this.classes[k] as number) + 1;
    if (line.hit) {
      this.hitRequests++;
      this.hitBytes += responseBytes;
    }
    this.count(this.urls, b, dv, line.urlStart, line.urlEnd, line.urlHash, line.requestEscaped);
    if (line.refererStart !== -1) {
      this.count(this.referers, b, dv, line.refererStart, line.refererEnd, line.refererHash, line.refererEscaped);
    }
    this.count(
      this.userAgents,
      b,
      dv,
      line.userAgentStart,
      line.userAgentEnd,
      line.userAgentHash,
      line.userAgentEscaped,
    );
    this.clientIps.add(b, dv, line.clientStart, line.clientEnd, hashBytes(b, dv, line.clientStart, line.clientEnd));
    const responseTimeMs = line.responseTimeMs;
    const bucket = latencyBucket(responseTimeMs);
    this.latency[bucket] = (this.latency[bucket] as number) + 1;
    this.latencySum += responseTimeMs;
    if (responseTimeMs > this.latencyMax) this.latencyMax = responseTimeMs;
    const timeMs = line.timeMs;
    if (timeMs < this.first) this.first = timeMs;
    if (timeMs > this.last) this.last = timeMs;
    const hour = Math.floor(timeMs / HOUR_MS);
    if (hour !== this.lastHour) {
      let hourBucket = this.hours.get(hour);
      if (hourBucket === undefined) {
        hourBucket = [hour, 0, 0];
        this.hours.set(hour, hourBucket);
      }
      this.lastHour = hour;
      this.lastBucket = hourBucket;
    }
    this.lastBucket[1]++;
    this.lastBucket[2] += responseBytes;
  }

  /** Counts `b[from, to)` in `sketch`, unescaped first when it holds a backslash. */
  private count(
    sketch: ByteSketch,
    b: Uint8Array,
    dv: DataView,
    from: number,
    to: number,
    hash: number,
    escaped: boolean,
  ): void {
    if (!escaped) {
      sketch.add(b, dv, from, to, hash);
      return;
    }
    if (this.scratch.length < to - from) {
      this.scratch = new Uint8Array(2 * (to - from));
      this.scratchView = viewOf(this.scratch);
    }
    const out = this.scratch;
    let n = 0;
    for (let k = from; k < to; k++) {
      let c = b[k] as number;
      if (c === Char.BACKSLASH && k + 1 < to) {
        const next = b[k + 1] as number;
        if (next === Char.QUOTE || next === Char.BACKSLASH) {
          c = next;
          k++;
        }
      }
      out[n++] = c;
    }
    sketch.add(out, this.scratchView, 0, n, hashBytes(out, this.scratchView, 0, n));
  }

  /** The figures so far, as a copy. */
  state(): ByteSummaryState {
    return {
      requests: this.requests,
      bytes: this.bytes,
      requestBytes: this.requestBytes,
      hitRequests: this.hitRequests,
      hitBytes: this.hitBytes,
      classes: [...this.classes],
      top: {
        urls: this.urls.top(this.topN),
        referers: this.referers.top(this.topN),
        userAgents: this.userAgents.top(this.topN),
        clientIps: this.clientIps.top(this.topN),
      },
      hours: [...this.hours.values()].map(([hour, requests, bytes]) => [hour, requests, bytes]),
      latency: { counts: this.latency.slice(), count: this.requests, max: this.latencyMax, sum: this.latencySum },
      first: this.first,
      last: this.last,
      stats: { ...this.stats, malformedLineNumbers: [...this.stats.malformedLineNumbers] },
    };
  }
}
