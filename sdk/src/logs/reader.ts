import { gunzipChunks } from "./gunzip.js";
import { type ByteSink, SCAN_BYTES } from "./internal.js";
import { beginText, recordFromScan, scanCdnLogLine } from "./line-parser.js";
import { CdnLogReadError, sourceFailedPartWay } from "./read-error.js";
import type { CdnLogSource, CdnLogStats, ReadCdnLogOptions } from "./reader-types.js";
import type { CdnLogRecord } from "./record.js";
import { type OpenedSource, openSource } from "./sources.js";

const MAX_LINE_BYTES = 4 * 1024 * 1024;
const WINDOW = 64 * 1024;
const MAX_MALFORMED_LINE_NUMBERS = 20;
/** zlib output chunk size when summarizeCdnLog reads into a byte sink. */
const SINK_CHUNK = 256 * 1024;
const NO_RECORDS: CdnLogRecord[] = [];

/** A source's own error (a download or file read that broke off), carried to where the reader reports it. */
class SourceFailure extends Error {
  constructor(cause: unknown) {
    super("the source failed", { cause });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Cuts decompressed bytes into lines and parses them. Chunks are cut at their last line feed before decoding (a
 * UTF-8 multi-byte character never contains 0x0A), so each decode is a plain, whole-buffer one.
 */
class LineParser {
  private pending: Uint8Array | null = null;
  private readonly decoder = new TextDecoder();

  constructor(private readonly stats: CdnLogStats) {}

  push(chunk: Uint8Array): CdnLogRecord[] {
    if (chunk.length <= WINDOW) return this.pushWindow(chunk);
    // Decode in windows: strings under V8's large-object size are young-generation garbage, collected cheaply,
    // which keeps the heap (and the peak RSS) small.
    let records = NO_RECORDS;
    for (let at = 0; at < chunk.length; at += WINDOW) {
      const more = this.pushWindow(chunk.subarray(at, at + WINDOW));
      if (more.length > 0) records = records.length === 0 ? more : records.concat(more);
    }
    return records;
  }

  private pushWindow(chunk: Uint8Array): CdnLogRecord[] {
    const lastLf = chunk.lastIndexOf(10);
    if (lastLf === -1) {
      this.pending = this.pending ? concat(this.pending, chunk) : chunk;
      if (this.pending.length > MAX_LINE_BYTES) {
        throw new CdnLogReadError(
          `Line ${this.stats.lines + 1} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB: this is not a CDN access log (is it another compressed format?)`,
          { linesRead: this.stats.lines },
        );
      }
      return NO_RECORDS;
    }
    const head = this.pending ? concat(this.pending, chunk.subarray(0, lastLf + 1)) : chunk.subarray(0, lastLf + 1);
    this.pending = lastLf + 1 < chunk.length ? chunk.subarray(lastLf + 1) : null;
    return this.parse(this.decoder.decode(head));
  }

  end(): CdnLogRecord[] {
    const rest = this.pending;
    this.pending = null;
    return rest && rest.length > 0 ? this.parse(this.decoder.decode(rest)) : NO_RECORDS;
  }

  private parse(text: string): CdnLogRecord[] {
    const stats = this.stats;
    const records: CdnLogRecord[] = [];
    const length = text.length;
    let line = stats.lines;
    let parsed = 0;
    let start = 0;
    beginText();
    while (start < length) {
      let lf = text.indexOf("\n", start);
      if (lf === -1) lf = length;
      line++;
      let end = lf;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      if (end > start) {
        if (scanCdnLogLine(text, start, end)) {
          parsed++;
          records.push(recordFromScan(text));
        } else {
          stats.malformed++;
          if (stats.malformedLineNumbers.length < MAX_MALFORMED_LINE_NUMBERS) stats.malformedLineNumbers.push(line);
        }
      }
      start = lf + 1;
    }
    stats.lines = line;
    stats.parsed += parsed;
    return records;
  }
}

/**
 * A log being read: iterate it for records (`for await`), or call {@link CdnLogReader.batches} for arrays of
 * records. `stats` counts lines as they go. A reader reads its source once.
 *
 * @example
 * ```ts
 * import { readCdnLog } from "fc-cdn-trigger/logs";
 * const reader = readCdnLog("./www.example.com_2024_06_01_080000_090000.gz");
 * for await (const record of reader) if (record.status >= 500) console.log(record.url);
 * console.log(reader.stats); // { lines, parsed, malformed, malformedLineNumbers }
 * ```
 */
export class CdnLogReader implements AsyncIterable<CdnLogRecord> {
  /** Line counts so far; final once iteration ends. */
  readonly stats: CdnLogStats = { lines: 0, parsed: 0, malformed: 0, malformedLineNumbers: [] };
  private started = false;

  constructor(
    private readonly source: CdnLogSource,
    private readonly options: ReadCdnLogOptions = {},
  ) {}

  /**
   * The records in arrays, one per decompressed chunk (about a thousand lines): the fast way to consume a large
   * log, as it skips one `await` per record.
   */
  batches(): AsyncGenerator<CdnLogRecord[], void, undefined> {
    return this.pump(new LineParser(this.stats));
  }

  /**
   * Internal, for summarizeCdnLog: reads the log and hands its decompressed bytes to `open(totalBytes)`'s sink
   * instead of making records. Errors are the same CdnLogReadErrors, with the sink's line count.
   */
  async [SCAN_BYTES](open: (totalBytes: number | undefined) => ByteSink): Promise<void> {
    for await (const _ of this.pump(open));
  }

  private async *pump(
    into: LineParser | ((totalBytes: number | undefined) => ByteSink),
  ): AsyncGenerator<CdnLogRecord[], void, undefined> {
    if (this.started) throw new Error("readCdnLog: this reader was already read; call readCdnLog again to re-read");
    this.started = true;
    const { options, stats } = this;
    const signal = options.signal;
    signal?.throwIfAborted();
    let opened: OpenedSource;
    try {
      opened = await openSource(this.source, options);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
    const { label, totalBytes } = opened;
    const sink = typeof into === "function" ? into(totalBytes) : undefined;
    const parser = typeof into === "function" ? undefined : into;
    let bytesRead = 0;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of opened.chunks) {
          bytesRead += chunk.length;
          options.onProgress?.(totalBytes === undefined ? { bytesRead } : { bytesRead, totalBytes });
          yield chunk;
        }
      } catch (error) {
        if (signal?.aborted || error instanceof CdnLogReadError) throw error;
        // Reported below, once the lines of the bytes read before it are counted (gunzip still outputs them).
        throw new SourceFailure(error);
      }
    };
    const source = counted();
    let sinkFailed = false;
    try {
      // Look at the first two bytes for the gzip magic (1f 8b), then put them back in front of the stream.
      let head: Uint8Array = new Uint8Array(0);
      while (head.length < 2) {
        const next = await source.next();
        if (next.done) break;
        head = head.length === 0 ? next.value : concat(head, next.value);
      }
      const gzip = options.gzip ?? "auto";
      const isGzip = gzip === "auto" ? head[0] === 0x1f && head[1] === 0x8b : gzip;
      const body = (async function* () {
        if (head.length > 0) yield head;
        yield* source;
      })();
      // The byte sinks keep no strings, so larger chunks (less per-chunk work) cost no memory there.
      for await (const chunk of isGzip ? gunzipChunks(body, sink ? SINK_CHUNK : undefined) : body) {
        if (signal?.aborted) throw signal.reason;
        if (sink) {
          // A sink waits only when its buffers are all in use (the worker is behind).
          sinkFailed = true;
          const wait = sink.push(chunk);
          if (wait) await wait;
          sinkFailed = false;
        } else {
          const records = (parser as LineParser).push(chunk);
          if (records.length > 0) yield records;
        }
      }
      if (sink) {
        sinkFailed = true;
        await sink.end();
        sinkFailed = false;
      } else {
        const rest = (parser as LineParser).end();
        if (rest.length > 0) yield rest;
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // The sink's own failures (a line too long, the worker stopping) say what happened themselves.
      if (error instanceof CdnLogReadError || sinkFailed) throw error;
      // The line count (and the sink's partial summary) must cover every byte handed over before the failure. A line
      // cut by the failure stays out: the record path never parses it, the byte path never ends it.
      if (sink) await sink.settle().catch(() => undefined);
      if (error instanceof SourceFailure) {
        throw sourceFailedPartWay(
          `Reading ${label} failed after ${bytesRead} bytes and ${stats.lines} lines: ${(error.cause as Error)?.message ?? error.cause}`,
          { bytesRead, linesRead: stats.lines, cause: error.cause },
        );
      }
      const of = totalBytes === undefined ? "" : ` of ${totalBytes}`;
      throw sourceFailedPartWay(
        `The gzip data of ${label} is truncated or corrupt (${(error as Error).message}): read ${bytesRead}${of} bytes and ${stats.lines} lines before it ended. Download the file again; an interrupted download or an expired signed URL truncates it.`,
        { bytesRead, linesRead: stats.lines, cause: error },
      );
    } finally {
      sink?.close();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CdnLogRecord, void, undefined> {
    for await (const batch of this.batches()) yield* batch;
  }
}

/**
 * Streams a CDN offline log: downloads or opens the source, gunzips it when it starts with the gzip magic, and
 * yields one record per line. Memory stays flat (one chunk at a time); malformed lines are skipped and counted in
 * `stats`. Reading starts when you iterate. Errors are {@link CdnLogReadError}s that say how far reading got.
 *
 * @example
 * ```ts
 * import { readCdnLog } from "fc-cdn-trigger/logs";
 * export const handler = async (event: Buffer) => {
 *   const [log] = parseCdnEvents(event);
 *   const reader = readCdnLog(log.eventParameter.filePath, {
 *     onProgress: ({ bytesRead, totalBytes }) => console.log(bytesRead, totalBytes),
 *   });
 *   let errors = 0;
 *   for await (const record of reader) if (record.status >= 500) errors++;
 *   return { errors, ...reader.stats };
 * };
 * ```
 */
export function readCdnLog(source: CdnLogSource, options: ReadCdnLogOptions = {}): CdnLogReader {
  return new CdnLogReader(source, options);
}
