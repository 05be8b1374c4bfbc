// summarizeCdnLog's fast path: it counts a log straight from its decompressed bytes. Lines are scanned byte by
// byte (one pass per field, hashing the counted fields on the way), the top-N sketches key on bytes and compare
// bytes, and only the few values that end up in the summary are ever decoded to strings.
//
// Everything lives inside the one function below, which references nothing but JavaScript globals and its parameter
// (the Space-Saving counter table it shares with SpaceSaving, itself self-contained): Node runs its source text
// (`byteSummaryKit.toString()`) in a worker thread so that parsing overlaps with gunzip on another core, and browsers
// run it in-thread. A test evaluates the source on its own to keep it that way.

import type { SpaceSavingCounters } from "./space-saving-counters.js";

/** Most-frequent values as {@link CdnLogTopEntry} has them. */
export interface KitTopEntry {
  value: string;
  count: number;
  maxOverestimate: number;
}

/** The summariser's figures, as plain data a worker can post. */
export interface ByteSummaryState {
  requests: number;
  bytes: number;
  requestBytes: number;
  hitRequests: number;
  hitBytes: number;
  /** Requests by status class: index 0 is `other`, 1-5 are 1xx-5xx. */
  classes: number[];
  top: { urls: KitTopEntry[]; referers: KitTopEntry[]; userAgents: KitTopEntry[]; clientIps: KitTopEntry[] };
  /** `[hour since the epoch, requests, bytes]`, in no particular order. */
  hours: [number, number, number][];
  latency: { counts: Float64Array; count: number; max: number; sum: number };
  first: number;
  last: number;
  stats: { lines: number; parsed: number; malformed: number; malformedLineNumbers: number[] };
}

/** What `push` throws for a line over 4 MiB (an Error with these): `message` is final, `lines` those before. */
export interface KitLineTooLong {
  kind: "line-too-long";
  message: string;
  lines: number;
}

/** A summariser fed with decompressed bytes, chunk by chunk. */
export interface ByteSummarizer {
  push(chunk: Uint8Array): void;
  end(): void;
  /** Line counts so far. */
  readonly stats: ByteSummaryState["stats"];
  state(): ByteSummaryState;
}

export interface ByteSummaryKit {
  /** A summariser keeping `top` entries per list from sketches of `capacity`; it updates `stats` when given. */
  createSummarizer(top: number, capacity: number, stats?: ByteSummaryState["stats"]): ByteSummarizer;
  /** Exposed for tests: the latency bucket of a value, which must match LatencyHistogram's. */
  latencyBucket(value: number): number;
}

/**
 * Builds the byte summariser from the counter table class. Self-contained on purpose (see the top of this file);
 * call it once and keep it.
 */
export function byteSummaryKit(Counters: typeof SpaceSavingCounters): ByteSummaryKit {
  const SPACE = 32;
  const QUOTE = 34;
  const BACKSLASH = 92;
  const DASH = 45;
  const LF = 10;
  const CR = 13;
  const FNV_PRIME = 0x01000193;
  const FNV_BASIS = 0x811c9dc5 | 0;
  const MAX_LINE_BYTES = 4 * 1024 * 1024;
  const MAX_MALFORMED_LINE_NUMBERS = 20;
  const HOUR_MS = 3_600_000;
  const DAY_MS = 86_400_000;

  // ---- latency histogram: the layout of LatencyHistogram (a test keeps the two equal) ----
  const EXACT = 256;
  const SUB_BITS = 7;
  const SUB = 1 << SUB_BITS;
  const MAX_VALUE = 2 ** 31 - 1;
  const LATENCY_SIZE = EXACT + (31 - 8) * SUB;
  const latencyBucket = (value: number): number => {
    if (value < EXACT) return value;
    const v = Math.min(value, MAX_VALUE);
    const exponent = 31 - Math.clz32(v);
    return EXACT + (exponent - 8) * SUB + ((v >>> (exponent - SUB_BITS)) - SUB);
  };

  // ---- time: `[d/Mon/yyyy:HH:MM:SS ±hhmm]`, as parseLogTime reads it ----
  // The same checks as log-time.ts, on bytes instead of a string: one shared version would need a per-character
  // accessor in the per-line hot path and an import this kit cannot have (a property test keeps the two equal).
  const daysFromCivil = (year: number, month: number, day: number): number => {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
  };
  const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const daysInMonth = (year: number, month: number) =>
    month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  const monthAt = (b: Uint8Array, i: number): number => {
    const x = b[i];
    const y = b[i + 1];
    const z = b[i + 2];
    switch (x) {
      case 74: // J
        if (y === 97 && z === 110) return 1;
        if (y === 117 && z === 110) return 6;
        if (y === 117 && z === 108) return 7;
        return 0;
      case 70:
        return y === 101 && z === 98 ? 2 : 0;
      case 77:
        if (y !== 97) return 0;
        if (z === 114) return 3;
        if (z === 121) return 5;
        return 0;
      case 65:
        if (y === 112 && z === 114) return 4;
        if (y === 117 && z === 103) return 8;
        return 0;
      case 83:
        return y === 101 && z === 112 ? 9 : 0;
      case 79:
        return y === 99 && z === 116 ? 10 : 0;
      case 78:
        return y === 111 && z === 118 ? 11 : 0;
      case 68:
        return y === 101 && z === 99 ? 12 : 0;
      default:
        return 0;
    }
  };
  const twoDigits = (b: Uint8Array, i: number): number => {
    const x = (b[i] as number) - 48;
    const y = (b[i + 1] as number) - 48;
    return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
  };
  let cachedDateKey = -1;
  let cachedDayMs = 0;
  /** Epoch ms of the time opening at `start` (the `[`), or NaN. The caller checked that 28 bytes are there. */
  const parseTime = (b: Uint8Array, start: number): number => {
    let i = start + 1;
    let day = (b[i] as number) - 48;
    if (day < 0 || day > 9) return Number.NaN;
    const d2 = (b[i + 1] as number) - 48;
    if (d2 >= 0 && d2 <= 9) {
      day = day * 10 + d2;
      i += 2;
    } else {
      i += 1;
    }
    if (b[i] !== 47) return Number.NaN;
    const month = monthAt(b, i + 1);
    if (month === 0 || b[i + 4] !== 47) return Number.NaN;
    const y1 = twoDigits(b, i + 5);
    const y2 = twoDigits(b, i + 7);
    if (y1 < 0 || y2 < 0 || b[i + 9] !== 58) return Number.NaN;
    const year = y1 * 100 + y2;
    const hh = twoDigits(b, i + 10);
    const mm = twoDigits(b, i + 13);
    const ss = twoDigits(b, i + 16);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return Number.NaN;
    if (b[i + 12] !== 58 || b[i + 15] !== 58 || b[i + 18] !== SPACE) return Number.NaN;
    const sign = b[i + 19];
    const oh = twoDigits(b, i + 20);
    const om = twoDigits(b, i + 22);
    if ((sign !== 43 && sign !== 45) || oh < 0 || om < 0 || om > 59 || b[i + 24] !== 93) return Number.NaN;
    const key = (year * 16 + month) * 32 + day;
    if (key !== cachedDateKey) {
      if (day < 1 || day > daysInMonth(year, month)) return Number.NaN;
      cachedDayMs = daysFromCivil(year, month, day) * DAY_MS;
      cachedDateKey = key;
    }
    const offsetMs = (oh * 60 + om) * 60_000;
    return cachedDayMs + ((hh * 60 + mm) * 60 + ss) * 1000 + (sign === 43 ? -offsetMs : offsetMs);
  };

  const utf8 = new TextDecoder();
  const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

  /** The end of a key's hash: its length, then a mix so that the low bits (the table index) depend on all bits. */
  const finishHash = (h: number, length: number): number => {
    h = Math.imul(h ^ length, FNV_PRIME);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) | 0;
  };

  /**
   * Hash of `b[from, to)`: FNV over its 4-byte little-endian words from the start, then over the last bytes one by
   * one. It depends on the bytes only, never on where they sit; closeQuote computes the same while it scans.
   */
  const hashRange = (b: Uint8Array, dv: DataView, from: number, to: number): number => {
    let h = FNV_BASIS;
    let k = from;
    for (; k + 4 <= to; k += 4) h = Math.imul(h ^ dv.getInt32(k, true), FNV_PRIME);
    for (; k < to; k++) h = Math.imul(h ^ (b[k] as number), FNV_PRIME);
    return finishHash(h, to - from);
  };

  // ---- Space-Saving on byte keys: SpaceSaving's algorithm and eviction order, so both report the same ----
  class ByteSketch {
    // Counter `id` is the table's hashes[id] / counts[id] / errors[id] and the key bytes arena[starts[id], + lengths[id]).
    private readonly table: SpaceSavingCounters;
    private readonly starts: Int32Array;
    private readonly lengths: Int32Array;
    // The keys' bytes, appended; compacted when full (replaced keys leave holes behind).
    private arena: Uint8Array;
    private arenaView: DataView;
    private used = 0;
    private live = 0;

    constructor(capacity: number) {
      this.table = new Counters(capacity);
      this.starts = new Int32Array(capacity);
      this.lengths = new Int32Array(capacity);
      this.arena = new Uint8Array(Math.min(1 << 20, capacity * 128));
      this.arenaView = viewOf(this.arena);
    }

    /** Counts one occurrence of `b[start, end)`, whose {@link hashRange} is `hash` (`dv` views `b`). */
    add(b: Uint8Array, dv: DataView, start: number, end: number, hash: number): void {
      const length = end - start;
      const table = this.table;
      const { slots, hashes, mask } = table;
      const lengths = this.lengths;
      let slot = hash & mask;
      for (let id = slots[slot] as number; id !== -1; id = slots[slot] as number) {
        if (hashes[id] === hash && lengths[id] === length) {
          const arena = this.arena;
          const av = this.arenaView;
          let a = this.starts[id] as number;
          let k = start;
          while (k + 4 <= end && av.getInt32(a, true) === dv.getInt32(k, true)) {
            a += 4;
            k += 4;
          }
          if (k + 4 > end) {
            while (k < end && arena[a] === b[k]) {
              a++;
              k++;
            }
            if (k === end) {
              table.counts[id] = (table.counts[id] as number) + 1;
              return;
            }
          }
        }
        slot = (slot + 1) & mask;
      }
      const id = table.claim(hash, slot);
      // A replaced key's bytes become a hole (a fresh counter's length is 0); compact() skips them.
      this.live -= lengths[id] as number;
      lengths[id] = 0;
      if (this.used + length > this.arena.length) this.compact(length);
      const arena = this.arena;
      let a = this.used;
      if (length > 32) arena.set(b.subarray(start, end), a);
      else for (let k = start; k < end; k++) arena[a++] = b[k] as number;
      this.starts[id] = this.used;
      lengths[id] = length;
      this.used += length;
      this.live += length;
    }

    private compact(extra: number): void {
      const old = this.arena;
      const next = new Uint8Array(Math.max(old.length, 4 * (this.live + extra)));
      let at = 0;
      for (let id = 0; id < this.table.size; id++) {
        const length = this.lengths[id] as number;
        const from = this.starts[id] as number;
        this.starts[id] = at;
        for (let k = from; k < from + length; k++) next[at++] = old[k] as number;
      }
      this.arena = next;
      this.arenaView = viewOf(next);
      this.used = at;
    }

    /** The `n` most frequent keys, decoded, by count then value (as SpaceSaving.top). */
    top(n: number): KitTopEntry[] {
      const entries: KitTopEntry[] = [];
      const { size, counts, errors } = this.table;
      for (let id = 0; id < size; id++) {
        const from = this.starts[id] as number;
        entries.push({
          value: utf8.decode(this.arena.subarray(from, from + (this.lengths[id] as number))),
          count: counts[id] as number,
          maxOverestimate: errors[id] as number,
        });
      }
      return entries
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
        .slice(0, n);
    }
  }

  // ---- the scanner. Every line it sees ends with a line feed inside the array (the summariser makes sure), so
  // loops stop at LF instead of checking a bound, and "end of line" is LF or CR LF, as line-parser strips one CR.

  // Out-parameters of closeQuote.
  let closedAtLineEnd = false;
  let sawBackslash = false;
  let quotedHash = 0;
  const ONES = 0x01010101;
  const HIGHS = 0x80808080 | 0;

  /**
   * The closing quote of the quoted field whose text starts at `from`: a quote that is not escaped and is
   * followed by a space or the end of the line, as line-parser's closingQuote finds it; -1 when the line ends
   * first. Reads 4 bytes at a time while none of them is a quote, a backslash or a line feed, and leaves the
   * field's hashRange in `quotedHash` on the way.
   */
  const closeQuote = (b: Uint8Array, dv: DataView, from: number): number => {
    const limit = b.length - 4;
    let h = FNV_BASIS;
    let run = 0;
    let k = from;
    for (;;) {
      while (k <= limit) {
        const v = dv.getInt32(k, true);
        const x = v ^ 0x22222222;
        const y = v ^ 0x5c5c5c5c;
        const z = v ^ 0x0a0a0a0a;
        if (((((x - ONES) & ~x) | ((y - ONES) & ~y) | ((z - ONES) & ~z)) & HIGHS) !== 0) break;
        h = Math.imul(h ^ v, FNV_PRIME);
        k += 4;
        run = 0;
      }
      // This word holds a quote, a backslash or a line feed (or the array ends within it): byte by byte.
      for (let j = k; j < k + 4; j++) {
        const c = b[j];
        if (c === LF || c === undefined) return -1;
        if (c === QUOTE) {
          if ((run & 1) === 0) {
            const next = b[j + 1];
            if (next === SPACE || next === LF || (next === CR && b[j + 2] === LF)) {
              for (let t = k; t < j; t++) h = Math.imul(h ^ (b[t] as number), FNV_PRIME);
              quotedHash = finishHash(h, j - from);
              closedAtLineEnd = next !== SPACE;
              return j;
            }
          }
          run = 0;
        } else if (c === BACKSLASH) {
          run++;
          sawBackslash = true;
        } else {
          run = 0;
        }
      }
      // The whole word is part of the field.
      const v =
        (b[k] as number) | ((b[k + 1] as number) << 8) | ((b[k + 2] as number) << 16) | ((b[k + 3] as number) << 24);
      h = Math.imul(h ^ v, FNV_PRIME);
      k += 4;
    }
  };

  /** Whether the line ends at `i` (LF, or CR LF). */
  const atEnd = (b: Uint8Array, i: number) => b[i] === LF || (b[i] === CR && b[i + 1] === LF);

  // CdnLogSummarizer's figures, kept here as plain numbers and arrays a worker can post; it counts records, this
  // counts bytes, and the kit cannot import it.
  class Summarizer implements ByteSummarizer {
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
    private readonly latency = new Float64Array(LATENCY_SIZE);
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
        const lf = chunk.indexOf(LF);
        if (lf === -1) {
          this.keep(chunk, 0, chunk.length);
          if (this.pendingLength > MAX_LINE_BYTES) {
            throw Object.assign(
              new Error(
                `Line ${this.stats.lines + 1} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB: this is not a CDN access log (is it another compressed format?)`,
              ),
              { kind: "line-too-long", lines: this.stats.lines },
            );
          }
          return;
        }
        this.keep(chunk, 0, lf + 1);
        this.lines(this.pending, this.pendingView, 0, this.pendingLength - 1);
        this.pendingLength = 0;
        from = lf + 1;
      }
      const lastLf = chunk.lastIndexOf(LF);
      if (lastLf >= from) {
        this.lines(chunk, viewOf(chunk), from, lastLf);
        from = lastLf + 1;
      }
      if (from < chunk.length) this.keep(chunk, from, chunk.length);
    }

    end(): void {
      if (this.pendingLength === 0) return;
      this.keep(new Uint8Array([LF]), 0, 1);
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
        if (c === LF) {
          from++;
          continue;
        }
        if (c === CR && b[from + 1] === LF) {
          from += 2;
          continue;
        }
        let lf = this.scan(b, dv, from);
        if (lf === -1) {
          stats.malformed++;
          if (stats.malformedLineNumbers.length < MAX_MALFORMED_LINE_NUMBERS)
            stats.malformedLineNumbers.push(stats.lines);
          lf = b.indexOf(LF, from);
        } else {
          stats.parsed++;
        }
        from = lf + 1;
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
        if (c === BACKSLASH && k + 1 < to) {
          const next = b[k + 1] as number;
          if (next === QUOTE || next === BACKSLASH) {
            c = next;
            k++;
          }
        }
        out[n++] = c;
      }
      sketch.add(out, this.scratchView, 0, n, hashRange(out, this.scratchView, 0, n));
    }

    /**
     * Scans the line starting at `start` and counts it; returns the index of its line feed, or -1 when it is not
     * an access-log line. Accepts exactly the lines scanCdnLogLine accepts (a property test holds them together).
     */
    private scan(b: Uint8Array, dv: DataView, start: number): number {
      // 1. [time], then a space. Every byte of the time is checked against something other than LF, so a short
      // line fails before the end of the time matters.
      if (b[start] !== 91) return -1;
      const timeMs = parseTime(b, start);
      if (Number.isNaN(timeMs)) return -1;
      let i = b[start + 2] === 47 ? start + 27 : start + 28;
      if (b[i] !== SPACE) return -1;
      i++;
      // 2. client IP
      const clientStart = i;
      let c = b[i] as number;
      while (c !== SPACE) {
        if (c === LF) return -1;
        c = b[++i] as number;
      }
      if (i === clientStart) return -1;
      const clientEnd = i;
      i++;
      // 3. proxy IP
      const proxyStart = i;
      c = b[i] as number;
      while (c !== SPACE) {
        if (c === LF) return -1;
        c = b[++i] as number;
      }
      if (i === proxyStart) return -1;
      i++;
      // 4. response time
      let responseTimeMs = 0;
      let digits = 0;
      for (c = b[i] as number; c !== SPACE; c = b[++i] as number) {
        c -= 48;
        if (c < 0 || c > 9) return -1;
        responseTimeMs = responseTimeMs * 10 + c;
        digits++;
      }
      if (digits === 0 || digits > 15) return -1;
      i++;
      // 5. "referer"
      if (b[i] !== QUOTE) return -1;
      let refererStart = i + 1;
      let refererEnd = -1;
      let refererEscaped = false;
      let refererHash = 0;
      if (b[i + 1] === DASH && b[i + 2] === QUOTE && b[i + 3] === SPACE) {
        i += 4;
      } else {
        sawBackslash = false;
        const q = closeQuote(b, dv, refererStart);
        if (q === -1 || closedAtLineEnd) return -1;
        if (q === refererStart + 1 && b[refererStart] === DASH) refererStart = -1;
        refererEnd = q;
        refererHash = quotedHash;
        refererEscaped = sawBackslash;
        i = q + 2;
      }
      // 6. "METHOD URL": the method runs to the first space, the URL from there to the closing quote
      if (b[i] !== QUOTE) return -1;
      const requestStart = i + 1;
      let run = 0;
      sawBackslash = false;
      for (i = requestStart, c = b[i] as number; c !== SPACE; c = b[++i] as number) {
        if (c === QUOTE) {
          const next = b[i + 1];
          // A closing quote before any space: the request has no URL.
          if ((run & 1) === 0 && (next === SPACE || next === LF || (next === CR && b[i + 2] === LF))) return -1;
          run = 0;
        } else if (c === BACKSLASH) {
          run++;
          sawBackslash = true;
        } else if (c === LF) {
          return -1;
        } else {
          run = 0;
        }
      }
      if (i === requestStart) return -1;
      const urlStart = i + 1;
      const urlEnd = closeQuote(b, dv, urlStart);
      if (urlEnd === -1 || closedAtLineEnd) return -1;
      const urlHash = quotedHash;
      const requestEscaped = sawBackslash;
      i = urlEnd + 2;
      // 7. status, 8. request bytes, 9. response bytes
      let status = 0;
      digits = 0;
      for (c = b[i] as number; c !== SPACE; c = b[++i] as number) {
        c -= 48;
        if (c < 0 || c > 9) return -1;
        status = status * 10 + c;
        digits++;
      }
      if (digits === 0 || digits > 15 || status > 999) return -1;
      i++;
      let requestBytes = 0;
      digits = 0;
      for (c = b[i] as number; c !== SPACE; c = b[++i] as number) {
        c -= 48;
        if (c < 0 || c > 9) return -1;
        requestBytes = requestBytes * 10 + c;
        digits++;
      }
      if (digits === 0 || digits > 15) return -1;
      i++;
      let responseBytes = 0;
      digits = 0;
      for (c = b[i] as number; c !== SPACE; c = b[++i] as number) {
        c -= 48;
        if (c < 0 || c > 9) return -1;
        responseBytes = responseBytes * 10 + c;
        digits++;
      }
      if (digits === 0 || digits > 15) return -1;
      i++;
      // 10. HIT/MISS
      const cacheStart = i;
      c = b[i] as number;
      while (c !== SPACE) {
        if (c === LF) return -1;
        c = b[++i] as number;
      }
      if (i === cacheStart) return -1;
      const hit = i - cacheStart === 3 && b[cacheStart] === 72 && b[cacheStart + 1] === 73 && b[cacheStart + 2] === 84;
      i++;
      // 11. "user agent"
      if (b[i] !== QUOTE) return -1;
      const userAgentStart = i + 1;
      sawBackslash = false;
      const userAgentEnd = closeQuote(b, dv, userAgentStart);
      if (userAgentEnd === -1) return -1;
      const userAgentHash = quotedHash;
      const userAgentEscaped = sawBackslash;
      // 12. "content type" (optional) and trailing fields: checked, not counted
      let lf: number;
      if (closedAtLineEnd) {
        lf = b[userAgentEnd + 1] === LF ? userAgentEnd + 1 : userAgentEnd + 2;
      } else {
        i = userAgentEnd + 2;
        if (b[i] === QUOTE && !atEnd(b, i)) {
          const q = closeQuote(b, dv, i + 1);
          if (q === -1) return -1;
          i = closedAtLineEnd ? q + 1 : q + 2;
        }
        for (;;) {
          c = b[i] as number;
          if (c === LF) break;
          if (c === CR && b[i + 1] === LF) {
            i++;
            break;
          }
          if (c === QUOTE) {
            const q = closeQuote(b, dv, i + 1);
            if (q === -1) return -1;
            i = closedAtLineEnd ? q + 1 : q + 2;
          } else {
            while (c !== SPACE && c !== LF) c = b[++i] as number;
            if (c === SPACE) i++;
          }
        }
        lf = i;
      }

      // The line is good: count it.
      this.requests++;
      this.bytes += responseBytes;
      this.requestBytes += requestBytes;
      const cls = (status / 100) | 0;
      const k = cls >= 1 && cls <= 5 ? cls : 0;
      this.classes[k] = (this.classes[k] as number) + 1;
      if (hit) {
        this.hitRequests++;
        this.hitBytes += responseBytes;
      }
      this.count(this.urls, b, dv, urlStart, urlEnd, urlHash, requestEscaped);
      if (refererEnd !== -1 && refererStart !== -1) {
        this.count(this.referers, b, dv, refererStart, refererEnd, refererHash, refererEscaped);
      }
      this.count(this.userAgents, b, dv, userAgentStart, userAgentEnd, userAgentHash, userAgentEscaped);
      this.clientIps.add(b, dv, clientStart, clientEnd, hashRange(b, dv, clientStart, clientEnd));
      const bucket = latencyBucket(responseTimeMs);
      this.latency[bucket] = (this.latency[bucket] as number) + 1;
      this.latencySum += responseTimeMs;
      if (responseTimeMs > this.latencyMax) this.latencyMax = responseTimeMs;
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
      return lf;
    }

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

  return {
    createSummarizer: (top, capacity, stats) => new Summarizer(top, capacity, stats),
    latencyBucket,
  };
}
