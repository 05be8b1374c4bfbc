// A small element builder: the report is plain DOM, so that it needs no framework in the page or the CLI's file.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates `<tag>` with attributes (`false`/`undefined` ones left out) and children (falsy ones left out). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

let lastId = 0;
/** A document-unique id for aria-labelledby, safe with several reports in one page. */
export const uniqueId = (prefix: string): string => `${prefix}-${++lastId}`;
