// The oracle for logs cut part-way: what zlib itself decompresses from the start of a gzip file (gunzipSync with
// Z_SYNC_FLUSH outputs all it can instead of failing), cut after its last line feed, since the partial summary
// counts complete lines only.
import { constants, gunzipSync } from "node:zlib";

/** The complete lines zlib decompresses from `cut`, and whether a line was cut in the middle. */
export function completeLinesOf(cut: Uint8Array): { bytes: Uint8Array; cutMidLine: boolean } {
  const out = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH });
  const end = out.lastIndexOf(10) + 1;
  return { bytes: out.subarray(0, end), cutMidLine: end < out.length };
}
