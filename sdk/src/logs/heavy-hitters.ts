// Space-Saving (Metwally et al., 2005): at most `capacity` counters whatever the number of distinct keys. A key not
// tracked replaces the counter with the smallest count and inherits that count as its possible overestimate.
// The counters live in an open-addressing table keyed by a hash of sampled characters: a JavaScript Map would hash
// every character of every fresh key string, and the summary can count a key straight from the decoded log text
// without creating the string at all (addRange).

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
  /** The value (a URL, referer, user agent or client IP). */
  value: string;
  /** How many requests had it. Exact when `maxOverestimate` is 0; otherwise at most that much too high. */
  count: number;
  /** Upper bound of the error in `count` (Space-Saving's guarantee). 0 means the count is exact. */
  maxOverestimate: number;
}

const FNV_PRIME = 0x01000193;

/** Hash of `text.slice(start, end)`: every character of short keys; for long ones the ends and 8 inner samples. */
function rangeHash(text: string, start: number, end: number): number {
  const length = end - start;
  let h = length ^ 0x811c9dc5;
  if (length <= 24) {
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  } else {
    for (let i = start; i < start + 6; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    for (let i = end - 10; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    const step = ((length - 16) >> 3) + 1;
    for (let i = start + 6; i < end - 10; i += step) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
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
  // Counter `id` is keys[id] / hashes[id] / counts[id] / errors[id]; slots[] maps table positions to ids (-1 empty).
  private readonly keys: string[] = [];
  private readonly hashes: Int32Array;
  private readonly counts: Float64Array;
  private readonly errors: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  // Counters whose count was the minimum at the last scan; consumed in order when a new key needs a counter.
  private pool: number[] = [];
  private poolIndex = 0;
  private poolMin = 0;

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1 || capacity > 2 ** 24) {
      throw new RangeError(`SpaceSaving capacity must be an integer from 1 to 2^24, got ${capacity}`);
    }
    this.capacity = capacity;
    this.hashes = new Int32Array(capacity);
    this.counts = new Float64Array(capacity);
    this.errors = new Float64Array(capacity);
    let size = 4;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
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
    const { slots, hashes, keys, mask } = this;
    let slot = hash & mask;
    for (let id = slots[slot] as number; id !== -1; id = slots[slot] as number) {
      if (hashes[id] === hash && keys[id] === sub) {
        this.counts[id] = (this.counts[id] as number) + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const key = detach(sub);
    let id = keys.length;
    if (id < this.capacity) {
      keys.push(key);
      this.counts[id] = 1;
    } else {
      id = this.takeMinimum();
      this.remove(id);
      // The slot found above may have moved during removal: look for an empty one again.
      slot = hash & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      keys[id] = key;
      this.errors[id] = this.counts[id] as number;
      this.counts[id] = (this.counts[id] as number) + 1;
    }
    hashes[id] = hash;
    slots[slot] = id;
  }

  /** Takes counter `id` out of the table (backward-shift deletion keeps probe chains unbroken). */
  private remove(id: number): void {
    const { slots, hashes, mask } = this;
    let slot = (hashes[id] as number) & mask;
    while (slots[slot] !== id) slot = (slot + 1) & mask;
    let next = (slot + 1) & mask;
    for (let other = slots[next] as number; other !== -1; other = slots[next] as number) {
      const home = (hashes[other] as number) & mask;
      // Move `other` back into the hole unless its home lies cyclically within (slot, next].
      if ((next > slot && (home <= slot || home > next)) || (next < slot && home <= slot && home > next)) {
        slots[slot] = other;
        slot = next;
      }
      next = (next + 1) & mask;
    }
    slots[slot] = -1;
  }

  private takeMinimum(): number {
    const counts = this.counts;
    for (;;) {
      while (this.poolIndex < this.pool.length) {
        const id = this.pool[this.poolIndex++] as number;
        // Skip counters incremented or already replaced since the scan: their count has moved on.
        if (counts[id] === this.poolMin) return id;
      }
      let min = Number.POSITIVE_INFINITY;
      for (let id = 0; id < this.capacity; id++) if ((counts[id] as number) < min) min = counts[id] as number;
      this.pool = [];
      for (let id = 0; id < this.capacity; id++) if (counts[id] === min) this.pool.push(id);
      this.poolIndex = 0;
      this.poolMin = min;
    }
  }

  /** The `n` most frequent keys, by estimated count (ties by value, so the output is deterministic). */
  top(n: number): CdnLogTopEntry[] {
    return this.keys
      .map((value, id) => ({ value, count: this.counts[id] as number, maxOverestimate: this.errors[id] as number }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, n);
  }
}
