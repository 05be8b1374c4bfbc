// Space-Saving (Metwally et al., 2005): at most `capacity` counters whatever the number of distinct keys. A key not
// tracked replaces the counter with the smallest count and inherits that count as its possible overestimate.
// The counters live in an open-addressing table keyed by a hash of sampled characters: a JavaScript Map would hash
// every character of every fresh key string, and the summary can count a key straight from the decoded log text
// without creating the string at all (addRange).

import { Fnv } from "./fnv-hash.js";
import { SpaceSavingCounters } from "./space-saving-counters.js";

/**
 * One of the most frequent values with its estimated count.
 *
 * @example
 * ```ts
 * import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const { top } = await summarizeCdnLog(readCdnLog("access.log.gz"));
 * for (const { value, count, maxOverestimate } of top.urls) console.log(count, maxOverestimate ? "≈" : "", value);
 * ```
 */
export interface CdnLogTopEntry {
  /** The value (a URL, referer, user agent, client IP or content type). */
  value: string;
  /** How many requests had it. Exact when `maxOverestimate` is 0; otherwise at most that much too high. */
  count: number;
  /** Upper bound of the error in `count` (Space-Saving's guarantee). 0 means the count is exact. */
  maxOverestimate: number;
}

/** Hash of `text.slice(start, end)`: every character of short keys; for long ones the ends and 8 inner samples. */
function rangeHash(text: string, start: number, end: number): number {
  const length = end - start;
  let h = length ^ Fnv.BASIS;
  if (length <= 24) {
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), Fnv.PRIME);
  } else {
    for (let i = start; i < start + 6; i++) h = Math.imul(h ^ text.charCodeAt(i), Fnv.PRIME);
    for (let i = end - 10; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), Fnv.PRIME);
    const step = ((length - 16) >> 3) + 1;
    for (let i = start + 6; i < end - 10; i += step) h = Math.imul(h ^ text.charCodeAt(i), Fnv.PRIME);
  }
  return (h ^ (h >>> 16)) | 0;
}

// Key strings are often slices of a whole decoded chunk; keeping one would pin the chunk. Copy the few kept.
const detach = (key: string) => (key.length > 12 ? ` ${key}`.slice(1) : key);

/**
 * A bounded heavy-hitters sketch. Its memory is `capacity` counters, whatever the number of distinct keys.
 *
 * @example
 * ```ts
 * import { SpaceSaving } from "fc-cdn-trigger/logs";
 * const sketch = new SpaceSaving(100);
 * for (const ip of ["1.1.1.1", "2.2.2.2", "1.1.1.1"]) sketch.add(ip);
 * sketch.top(1); // [{ value: "1.1.1.1", count: 2, maxOverestimate: 0 }]
 * ```
 */
export class SpaceSaving {
  readonly capacity: number;
  // Counter `id` is keys[id] and the table's hashes[id] / counts[id] / errors[id].
  private readonly keys: string[] = [];
  private readonly table: SpaceSavingCounters;

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1 || capacity > 2 ** 24) {
      throw new RangeError(`SpaceSaving capacity must be an integer from 1 to 2^24, got ${capacity}`);
    }
    this.capacity = capacity;
    this.table = new SpaceSavingCounters(capacity);
  }

  /** Counts one occurrence of `key`. */
  add(key: string): void {
    this.addRange(key, 0, key.length);
  }

  /**
   * Counts one occurrence of `text.slice(start, end)`, without creating that string when the value is already
   * counted (the summary counts straight from the decoded log this way).
   */
  addRange(text: string, start: number, end: number): void {
    const hash = rangeHash(text, start, end);
    // A slice is a cheap view, and === on it compares memory; startsWith(key, start) is several times slower.
    const sub = start === 0 && end === text.length ? text : text.slice(start, end);
    const table = this.table;
    const { slots, hashes, mask } = table;
    const keys = this.keys;
    let slot = hash & mask;
    for (let id = slots[slot] as number; id !== -1; id = slots[slot] as number) {
      if (hashes[id] === hash && keys[id] === sub) {
        table.counts[id] = (table.counts[id] as number) + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
    // A fresh id is keys.length, so this appends; a reused one replaces the evicted key.
    keys[table.claim(hash, slot)] = detach(sub);
  }

  /** The `n` most frequent keys, by estimated count (ties by value, so the output is deterministic). */
  top(n: number): CdnLogTopEntry[] {
    return this.topList(n).entries;
  }

  /**
   * {@link SpaceSaving.top}, and `unlistedMax`: no key missing from the list was added more than this many times
   * (0 when every key added is listed).
   */
  topList(n: number): { entries: CdnLogTopEntry[]; unlistedMax: number } {
    const keys = this.keys;
    return this.table.topList(n, (id) => keys[id] as string);
  }
}
