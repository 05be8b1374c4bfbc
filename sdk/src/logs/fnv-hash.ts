// FNV-1a hashing of sketch keys. SpaceSaving (string keys) and the byte summariser's sketches (byte keys) share
// the constants; the byte hash below is also computed inline by the line scanner's closeQuote while it scans a
// quoted field, so both must stay the same function of the bytes.

/** FNV-1a's 32-bit prime and offset basis; an enum for the reason in char-codes.ts. */
export enum Fnv {
  PRIME = 0x01000193,
  BASIS = 0x811c9dc5 | 0,
}

/** The end of a byte key's hash: its length, then a mix so that the low bits (the table index) depend on all bits. */
export function finishHash(h: number, length: number): number {
  h = Math.imul(h ^ length, Fnv.PRIME);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) | 0;
}

/**
 * Hash of `b[from, to)`: FNV over its 4-byte little-endian words from the start, then over the last bytes one by
 * one, then finishHash. It depends on the bytes only, never on where they sit (`dv` views `b`).
 */
export function hashBytes(b: Uint8Array, dv: DataView, from: number, to: number): number {
  let h = Fnv.BASIS;
  let k = from;
  for (; k + 4 <= to; k += 4) h = Math.imul(h ^ dv.getInt32(k, true), Fnv.PRIME);
  for (; k < to; k++) h = Math.imul(h ^ (b[k] as number), Fnv.PRIME);
  return finishHash(h, to - from);
}
