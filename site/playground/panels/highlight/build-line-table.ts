// Build time only: reduces highlighted outputs to a line table. A line's highlighting can depend on the lines
// before it (inside a block comment, a template literal, a YAML block), so a line text that was highlighted in two
// ways is keyed with as many lines before it as it takes to tell its occurrences apart.

import { contextKey, type LineTable } from "./line-table.js";

/** One highlighted output: its lines (as the table keys them) and each line's HTML. */
export interface HighlightedBlock {
  lines: readonly string[];
  html: readonly string[];
}

/**
 * The smallest table from which every block's lines look up to exactly their HTML.
 *
 * @example
 * ```ts
 * buildLineTable([{ lines: ["a"], html: ['<span class="t0">a</span>'] }]);
 * // { context: 0, lines: { a: '<span class="t0">a</span>' } }
 * ```
 */
export function buildLineTable(blocks: readonly HighlightedBlock[]): LineTable {
  const table: LineTable = { context: 0, lines: {} };
  let pending = blocks.flatMap((block) => block.lines.map((_, at) => ({ block, at })));
  for (let context = 0; pending.length > 0; context++) {
    const groups = new Map<string, typeof pending>();
    for (const line of pending) {
      const key = contextKey(line.block.lines, line.at, context);
      groups.get(key)?.push(line) ?? groups.set(key, [line]);
    }
    pending = [];
    for (const [key, group] of groups) {
      const html = new Set(group.map(({ block, at }) => block.html[at]));
      if (html.size === 1) {
        table.lines[key] = [...html][0] as string;
        table.context = Math.max(table.context, context);
      } else if (group.every(({ at }) => at < context)) {
        // The same lines from the very start, highlighted in two ways: the highlighter is not deterministic.
        throw new Error(`line ${JSON.stringify(key.split("\n").at(-1))} after identical lines has two highlightings`);
      } else {
        pending.push(...group);
      }
    }
  }
  return table;
}
