// A minimal version-3 source map reader: enough to map a stack frame of the compiled handler back to the
// line and column the user typed. TypeScript's emit maps one source, so `sources` is ignored.

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((ch, i) => [ch, i]));

/** One segment: generated column → original line and column (all 0-based). */
interface Segment {
  column: number;
  sourceLine: number;
  sourceColumn: number;
}

/** Generated line (0-based) → its segments, sorted by generated column. */
export type DecodedMappings = Segment[][];

/**
 * Decodes the `mappings` field of a source map.
 *
 * @example
 * ```ts
 * const lines = decodeMappings(JSON.parse(mapText).mappings);
 * ```
 */
export function decodeMappings(mappings: string): DecodedMappings {
  const lines: DecodedMappings = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  let sourceIndex = 0;
  for (const lineText of mappings.split(";")) {
    const segments: Segment[] = [];
    let column = 0;
    for (const segmentText of lineText.split(",")) {
      if (!segmentText) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segmentText) {
        const digit = DIGIT.get(ch);
        if (digit === undefined) break;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        sourceLine += fields[2] ?? 0;
        sourceColumn += fields[3] ?? 0;
        segments.push({ column, sourceLine, sourceColumn });
      }
    }
    lines.push(segments);
  }
  void sourceIndex;
  return lines;
}

/**
 * Maps a 1-based generated position to a 1-based original position, or `undefined` when the line has no
 * mapping. Uses the last segment at or before the column (the statement the error points into).
 *
 * @example
 * ```ts
 * const original = mapPosition(decodeMappings(map.mappings), 12, 5); // { line: 7, column: 3 }
 * ```
 */
export function mapPosition(
  mappings: DecodedMappings,
  line: number,
  column: number,
): { line: number; column: number } | undefined {
  const segments = mappings[line - 1];
  if (!segments || segments.length === 0) return undefined;
  let best = segments[0] as Segment;
  for (const segment of segments) {
    if (segment.column <= column - 1) best = segment;
    else break;
  }
  const delta = best.column <= column - 1 ? column - 1 - best.column : 0;
  return { line: best.sourceLine + 1, column: best.sourceColumn + delta + 1 };
}
