// Tables: every chart's values as text, and the top lists. Each cell that shows a number carries the exact
// value in data-value, for scripts and tests that read the report.
import { h } from "./dom.js";

/** One column: its header, and each row's cell as text plus the exact value behind it. */
export interface Column<Row> {
  header: string;
  cell(row: Row, index: number): { text: string; value?: number | string };
  /** Right-aligned, not wrapped. */
  numeric?: boolean;
  /** Long text that may wrap anywhere (URLs, user agents). */
  wide?: boolean;
}

/**
 * A captioned table of `rows` inside a horizontally scrolling, keyboard-focusable region, so a wide table
 * scrolls on a phone instead of widening the page. The first column heads each row.
 */
export function dataTable<Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  attributes: Record<string, string> = {},
): HTMLElement {
  const head = h(
    "tr",
    {},
    ...columns.map((c) => h("th", { scope: "col", class: c.numeric ? "fcr-num" : undefined }, c.header)),
  );
  const body = rows.map((row, index) =>
    h(
      "tr",
      {},
      ...columns.map((column, i) => {
        const { text, value } = column.cell(row, index);
        const cellAttributes = {
          class: column.numeric ? "fcr-num" : column.wide ? "fcr-value" : undefined,
          "data-value": value === undefined ? undefined : String(value),
        };
        return i === 0 ? h("th", { scope: "row", ...cellAttributes }, text) : h("td", cellAttributes, text);
      }),
    ),
  );
  return h(
    "div",
    { class: "fcr-scroll", tabindex: 0, role: "region", "aria-label": caption, ...attributes },
    h("table", {}, h("caption", {}, caption), h("thead", {}, head), h("tbody", {}, ...body)),
  );
}
