// The counter table of Space-Saving (Metwally et al., 2005), shared by SpaceSaving (string keys) and the byte
// summariser's sketches (byte keys): the open-addressing table of key hashes, the counts and overestimates, which
// counter a new key takes, and the order of the top list. The keys themselves stay with each user, which compares
// them its own way.

import type { CdnLogTopEntry } from "./heavy-hitters.js";

/** Space-Saving's counters: counter `id` has hashes[id], counts[id] and errors[id]; slots[] maps the table to ids. */
export class SpaceSavingCounters {
  readonly capacity: number;
  readonly hashes: Int32Array;
  readonly counts: Float64Array;
  readonly errors: Float64Array;
  /** Table position → counter id, -1 when empty. Twice the capacity or more, a power of two. */
  readonly slots: Int32Array;
  readonly mask: number;
  /** Counters in use: ids 0 to size - 1. */
  size = 0;
  /** Whether a key ever took over another's counter: then keys not counted may have been seen before. */
  evicted = false;
  // Counters whose count was the minimum at the last scan; consumed in order when a new key needs a counter.
  private pool: number[] = [];
  private poolIndex = 0;
  private poolMin = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.hashes = new Int32Array(capacity);
    this.counts = new Float64Array(capacity);
    this.errors = new Float64Array(capacity);
    let size = 4;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /**
   * The counter for a new key with `hash`, whose probe ended at the empty `slot`: a free one with count 1, or else
   * the one with the smallest count, whose count the new key inherits as its overestimate. The caller stores the key.
   */
  claim(hash: number, slot: number): number {
    const { slots, mask } = this;
    let id = this.size;
    if (id < this.capacity) {
      this.size++;
      this.counts[id] = 1;
    } else {
      id = this.takeMinimum();
      this.evicted = true;
      this.remove(id);
      // The slot found by the caller may have moved during removal: look for an empty one again.
      slot = hash & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      this.errors[id] = this.counts[id] as number;
      this.counts[id] = (this.counts[id] as number) + 1;
    }
    this.hashes[id] = hash;
    slots[slot] = id;
    return id;
  }

  /**
   * The `n` counters with the highest counts, as entries whose value is `keyOf(id)`; ties by value, so the list
   * is deterministic.
   */
  top(n: number, keyOf: (id: number) => string): CdnLogTopEntry[] {
    return this.topList(n, keyOf).entries;
  }

  /**
   * {@link top}, and the most a key left out of it can have been counted (0: every key seen is listed). A counted
   * key that did not make the list has at most its counter's count, so at most the first left out's; a key
   * evicted or never counted, at most the smallest counter's (Space-Saving's guarantee), which is no more.
   */
  topList(n: number, keyOf: (id: number) => string): { entries: CdnLogTopEntry[]; unlistedMax: number } {
    const entries: CdnLogTopEntry[] = [];
    for (let id = 0; id < this.size; id++) {
      entries.push({
        value: keyOf(id),
        count: this.counts[id] as number,
        maxOverestimate: this.errors[id] as number,
      });
    }
    entries.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    let unlistedMax = entries.length > n ? (entries[n] as CdnLogTopEntry).count : 0;
    if (this.evicted) {
      let min = Number.POSITIVE_INFINITY;
      for (let id = 0; id < this.size; id++) if ((this.counts[id] as number) < min) min = this.counts[id] as number;
      if (min > unlistedMax) unlistedMax = min;
    }
    return { entries: entries.slice(0, n), unlistedMax };
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
}
