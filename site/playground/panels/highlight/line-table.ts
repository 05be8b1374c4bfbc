// Syntax-highlighted code for the code and trigger panels without a highlighter in the browser: at build time every
// output the panels can show is highlighted by the docs' own Expressive Code and reduced to a table from line text to
// line HTML (panel-tables.ts). The browser still writes the text with the SDK and only looks its lines up here; a
// line the table lacks is shown as plain text, so what is shown (and copied) is always the generator's output.
// This module runs in the browser and at build time: keep it small and free of imports.

/** Highlighted lines of one language or format. */
export interface LineTable {
  /** The most lines of context any key has (see `contextKey`). */
  context: number;
  /**
   * Line text → its HTML (spans with the palette's classes around escaped text). A line highlighted differently in
   * different places is keyed with the lines before it, joined by "\n" (a line never holds one).
   */
  lines: Record<string, string>;
}

/** What /code-lines/<name>.json holds: the palette's CSS and the tables of one panel (or one panel language). */
export interface LineTableFile {
  css: string;
  tables: Record<string, LineTable>;
}

/**
 * Values the reader types (domains, an account ID), which table keys and HTML hold as a marker character (from the
 * Unicode private use area, which no generated output contains) instead of the value, so one entry serves them all.
 */
export interface Substitution {
  marker: string;
  values: readonly string[];
}

/** The markers of the trigger panel's typed values. */
export const DOMAIN_MARKER = "\uE000";
export const ACCOUNT_MARKER = "\uE001";
const MARKERS = /[\uE000-\uE0FF]/g;

/** Stands for the lines before the first one in a context key. */
const BEFORE_START = "\u0000";

/** Where the build serves a table file (same origin, fetched on the reader's first change). */
export const lineFileUrl = (name: string) => `/code-lines/${name}.json`;

/** The table file of each code panel language (its table is named after the language), and the trigger panel's. */
export const codegenLineFile = (language: string) => `codegen-${language}`;
export const TRIGGER_LINE_FILE = "trigger";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Text as HTML text content. */
export const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => ESCAPES[c] as string);

/** The key of line `at` with `context` lines before it. */
export function contextKey(lines: readonly string[], at: number, context: number): string {
  const parts: string[] = [];
  for (let i = at - context; i <= at; i++) parts.push(i < 0 ? BEFORE_START : (lines[i] as string));
  return parts.join("\n");
}

/**
 * Replaces each typed value in `text` with its marker (longest value first, left to right) and returns the values
 * taken, in order, to put back with `restore`.
 *
 * @example
 * ```ts
 * normalize('domain = ["a.com"]', [{ marker: DOMAIN_MARKER, values: ["a.com"] }]);
 * // { text: 'domain = ["\uE000"]', taken: ["a.com"] }
 * ```
 */
export function normalize(text: string, substitutions: readonly Substitution[]): { text: string; taken: string[] } {
  const markerOf = new Map<string, string>();
  for (const { marker, values } of substitutions) for (const value of values) if (value) markerOf.set(value, marker);
  if (markerOf.size === 0) return { text, taken: [] };
  const pattern = [...markerOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  const taken: string[] = [];
  const normalized = text.replace(new RegExp(pattern, "g"), (value) => {
    taken.push(value);
    return markerOf.get(value) as string;
  });
  return { text: normalized, taken };
}

/** Puts the `taken` values back into a line's HTML in place of its markers; undefined when they do not fit. */
function restore(html: string, taken: readonly string[]): string | undefined {
  let next = 0;
  const restored = html.replace(MARKERS, () => escapeHtml(taken[next++] ?? ""));
  return next === taken.length ? restored : undefined;
}

/**
 * The HTML of `text` (the content of a `<code>`): each line highlighted from `table`, or escaped as plain text when
 * the table lacks it (or there is no table yet). The HTML's text content is always exactly `text`.
 *
 * @example
 * ```ts
 * code.innerHTML = highlightedHtml(generateHandlerCode(choice), file.tables.typescript);
 * ```
 */
export function highlightedHtml(
  text: string,
  table: LineTable | undefined,
  substitutions: readonly Substitution[] = [],
): string {
  if (!table) return escapeHtml(text);
  const lines = text.split("\n");
  const normalized = lines.map((line) => normalize(line, substitutions));
  const keys = normalized.map((line) => line.text);
  return lines
    .map((line, at) => {
      for (let context = 0; context <= Math.min(table.context, at + 1); context++) {
        const html = table.lines[contextKey(keys, at, context)];
        if (html !== undefined) return restore(html, (normalized[at] as { taken: string[] }).taken) ?? escapeHtml(line);
      }
      return escapeHtml(line);
    })
    .join("\n");
}
