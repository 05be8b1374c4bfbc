// summarizeCdnLog's fast path: it counts a log straight from its decompressed bytes. byte-line-scanner finds the
// fields of each line, the top-N sketches (byte-space-saving) key on bytes, and only the few values that end up in
// the summary are ever decoded to strings. It runs in the calling thread, or in the summary worker
// (summary-worker.ts), so its figures are plain data a worker can post.
import { scanLine, scannedBytes } from "./byte-line-scanner.js";
import { ByteSketch } from "./byte-space-saving.js";
import { Char } from "./char-codes.js";
import { hashBytes } from "./fnv-hash.js";
import { type SummaryState, topListsOf } from "./summary-build.js";
import { SummaryCounts } from "./summary-counts.js";

const MAX_LINE_BYTES = 4 * 1024 * 1024;
const MAX_MALFORMED_LINE_NUMBERS = 20;

/** The summariser's figures, as plain data a worker can post. */
export type ByteSummaryState = SummaryState;

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
  private readonly counts = new SummaryCounts();
  private readonly urls: ByteSketch;
  private readonly referers: ByteSketch;
  private readonly userAgents: ByteSketch;
  private readonly clientIps: ByteSketch;
  private readonly contentTypes: ByteSketch;
  private readonly clientErrorUrls: ByteSketch;
  private readonly serverErrorUrls: ByteSketch;
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
    this.contentTypes = new ByteSketch(capacity);
    this.clientErrorUrls = new ByteSketch(capacity);
    this.serverErrorUrls = new ByteSketch(capacity);
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
    const cls = this.counts.add(
      line.timeMs,
      line.status,
      line.requestBytes,
      line.responseBytes,
      line.hit,
      line.responseTimeMs,
    );
    const { urlStart, urlEnd, urlHash, requestEscaped } = line;
    this.count(this.urls, b, dv, urlStart, urlEnd, urlHash, requestEscaped);
    if (cls === 4) this.count(this.clientErrorUrls, b, dv, urlStart, urlEnd, urlHash, requestEscaped);
    else if (cls === 5) this.count(this.serverErrorUrls, b, dv, urlStart, urlEnd, urlHash, requestEscaped);
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
    if (line.contentTypeStart !== -1) {
      this.count(
        this.contentTypes,
        b,
        dv,
        line.contentTypeStart,
        line.contentTypeEnd,
        line.contentTypeHash,
        line.contentTypeEscaped,
      );
    }
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
      ...this.counts.state(),
      ...topListsOf(
        {
          urls: this.urls,
          referers: this.referers,
          userAgents: this.userAgents,
          clientIps: this.clientIps,
          contentTypes: this.contentTypes,
          clientErrorUrls: this.clientErrorUrls,
          serverErrorUrls: this.serverErrorUrls,
        },
        this.topN,
      ),
      stats: { ...this.stats, malformedLineNumbers: [...this.stats.malformedLineNumbers] },
    };
  }
}
