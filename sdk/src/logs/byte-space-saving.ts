// Space-Saving on byte keys, for the byte summariser: SpaceSaving's counters (space-saving-counters.ts), with the
// keys kept as bytes in one arena instead of strings, so a key is compared without decoding it. Only the keys that
// make the top list are ever decoded. Same counters, same eviction order, same top list as SpaceSaving.
import type { CdnLogTopEntry } from "./heavy-hitters.js";
import { SpaceSavingCounters } from "./space-saving-counters.js";

const utf8 = new TextDecoder();
const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** A heavy-hitters sketch of byte keys; memory is `capacity` counters plus their keys' bytes. */
export class ByteSketch {
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
    this.table = new SpaceSavingCounters(capacity);
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.arena = new Uint8Array(Math.min(1 << 20, capacity * 128));
    this.arenaView = viewOf(this.arena);
  }

  /** Counts one occurrence of `b[start, end)`, whose {@link hashBytes} is `hash` (`dv` views `b`). */
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

  /** The `n` most frequent keys, decoded, by count then value, and the bound on the others (as SpaceSaving.topList). */
  topList(n: number): { entries: CdnLogTopEntry[]; unlistedMax: number } {
    return this.table.topList(n, (id) => {
      const from = this.starts[id] as number;
      return utf8.decode(this.arena.subarray(from, from + (this.lengths[id] as number)));
    });
  }
}
