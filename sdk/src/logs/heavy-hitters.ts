// Space-Saving (Metwally et al., 2005): at most `capacity` counters whatever the number of distinct keys. A key not
// tracked replaces the counter with the smallest count and inherits that count as its possible overestimate.

/** One of the most frequent values with its estimated count. */
export interface CdnLogTopEntry {
  /** The value (a URL, referer, user agent or client IP). */
  value: string;
  /** How many requests had it. Exact when `maxOverestimate` is 0; otherwise at most that much too high. */
  count: number;
  /** Upper bound of the error in `count` (Space-Saving's guarantee). 0 means the count is exact. */
  maxOverestimate: number;
}

const FRONT_MASK = 1023;

interface Counter {
  key: string;
  count: number;
  error: number;
}

// Field strings are slices of a whole decoded chunk; keeping one would pin the chunk. Copy the few that are kept.
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
  private readonly counters = new Map<string, Counter>();
  private readonly front: (Counter | undefined)[] = new Array(FRONT_MASK + 1).fill(undefined);
  // Counters whose count was the minimum at the last scan; consumed in order when a new key needs a slot.
  private pool: Counter[] = [];
  private poolIndex = 0;
  private poolMin = 0;

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`SpaceSaving capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  /** Counts one occurrence of `key`. */
  add(key: string): void {
    // Front cache: a slot picked from the length and two characters, checked with one string comparison. Hot keys
    // stay there and skip the Map, whose lookup has to hash every character of a fresh string. A counter reused for
    // another key fails the comparison, so a stale slot is harmless.
    const length = key.length;
    const slot =
      length === 0 ? 0 : (length * 31 + key.charCodeAt(length - 1) * 7 + key.charCodeAt(length >> 1)) & FRONT_MASK;
    const cached = this.front[slot];
    if (cached !== undefined && cached.key === key) {
      cached.count++;
      return;
    }
    let counter = this.counters.get(key);
    if (counter !== undefined) {
      counter.count++;
    } else if (this.counters.size < this.capacity) {
      const copy = detach(key);
      counter = { key: copy, count: 1, error: 0 };
      this.counters.set(copy, counter);
    } else {
      counter = this.takeMinimum();
      this.counters.delete(counter.key);
      const copy = detach(key);
      counter.key = copy;
      counter.error = counter.count;
      counter.count++;
      this.counters.set(copy, counter);
    }
    this.front[slot] = counter;
  }

  private takeMinimum(): Counter {
    for (;;) {
      while (this.poolIndex < this.pool.length) {
        const counter = this.pool[this.poolIndex++] as Counter;
        // Skip counters incremented or already replaced since the scan: their count has moved on.
        if (counter.count === this.poolMin) return counter;
      }
      let min = Number.POSITIVE_INFINITY;
      for (const counter of this.counters.values()) if (counter.count < min) min = counter.count;
      this.pool = [];
      for (const counter of this.counters.values()) if (counter.count === min) this.pool.push(counter);
      this.poolIndex = 0;
      this.poolMin = min;
    }
  }

  /** The `n` most frequent keys, by estimated count (ties by value, so the output is deterministic). */
  top(n: number): CdnLogTopEntry[] {
    return [...this.counters.values()]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, n)
      .map((c) => ({ value: c.key, count: c.count, maxOverestimate: c.error }));
  }
}
