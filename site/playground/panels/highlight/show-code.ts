// Shows a panel's generated text in its <pre>: highlighted from the build's line table when that has arrived,
// plain until then. The table file is fetched on the first change that needs it (once per page) and its CSS added.

import { highlightedHtml, type LineTableFile, lineFileUrl, type Substitution } from "./line-table.js";

const loaded = new Map<string, LineTableFile>();
const loading = new Map<string, Promise<LineTableFile | undefined>>();

function load(name: string): Promise<LineTableFile | undefined> {
  let file = loading.get(name);
  if (!file) {
    file = fetch(lineFileUrl(name))
      .then((response) => {
        if (!response.ok) throw new Error(`${lineFileUrl(name)}: HTTP ${response.status}`);
        return response.json() as Promise<LineTableFile>;
      })
      .then(
        (data) => {
          const style = document.createElement("style");
          style.dataset.fcxLines = name;
          style.textContent = data.css;
          document.head.append(style);
          loaded.set(name, data);
          return data;
        },
        () => {
          // The code stays plain (and correct); the next change asks again.
          loading.delete(name);
          return undefined;
        },
      );
    loading.set(name, file);
  }
  return file;
}

/** Which table highlights a text: a file, the table in it, and the typed values the text holds. */
export interface LineSource {
  file: string;
  table: string;
  substitutions?: readonly Substitution[];
}

/**
 * Shows `text` in `pre`, highlighted when `source`'s table is at hand (else plain, and again highlighted once it has
 * loaded). Its text content is always exactly `text`.
 *
 * @example
 * ```ts
 * showCode(pre, generateHandlerCode(choice), { file: codegenLineFile("python"), table: "python" });
 * ```
 */
export function showCode(pre: HTMLElement, text: string, source: LineSource): void {
  // The build's first render is highlighted already: an unchanged text keeps it (and fetches nothing).
  if (pre.textContent === text && pre.dataset.highlight !== "plain") return;
  const file = loaded.get(source.file);
  const code = document.createElement("code");
  code.innerHTML = highlightedHtml(text, file?.tables[source.table], source.substitutions);
  if (code.textContent !== text) code.textContent = text;
  pre.replaceChildren(code);
  pre.dataset.highlight = file ? "lines" : "plain";
  if (!file) {
    void load(source.file).then((arrived) => {
      if (arrived && pre.firstElementChild === code) showCode(pre, text, source);
    });
  }
}
