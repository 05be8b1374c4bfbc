// "Did you mean …?" for mistyped names: one edit distance and one closeness rule, shared by the CLI, the tooling and
// anything else that suggests a name. A deployed handler carries them only through defineCdnHandler's route check
// (about 170 bytes gzip, so a JavaScript typo fails loudly); one that only parses leaves them out.
import { CDN_EVENT_NAMES, type CdnEventName } from "./catalog.js";

// Levenshtein distance with one row of memory.
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * The candidate closest to a mistyped `word` (case-insensitive edit distance), when it is close enough to suggest:
 * at most 2 edits, or a quarter of the word's length for longer words. `undefined` when nothing is that close; on a
 * tie the earlier candidate wins.
 *
 * @example
 * ```ts
 * import { closestMatch } from "fc-cdn-trigger";
 * closestMatch("terrafrom", ["fc-api-json", "s-yaml", "terraform", "aliyun-cli"]); // "terraform"
 * closestMatch("xml", ["fc-api-json", "s-yaml"]); // undefined
 * ```
 */
export function closestMatch<T extends string>(word: string, candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/**
 * The CDN event name a misspelling most likely meant (see {@link closestMatch}), or `undefined` when none is close.
 * Pair it with `isCdnEventName` to say "did you mean …?".
 *
 * @example
 * ```ts
 * import { isCdnEventName, suggestCdnEventName } from "fc-cdn-trigger";
 * const name = "LogFileCreate";
 * if (!isCdnEventName(name)) console.log(`did you mean ${suggestCdnEventName(name)}?`); // LogFileCreated
 * ```
 */
export function suggestCdnEventName(name: string): CdnEventName | undefined {
  return closestMatch(name, CDN_EVENT_NAMES);
}
