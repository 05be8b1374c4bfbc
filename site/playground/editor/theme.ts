// Monaco's theme follows Starlight's: `data-theme="light" | "dark"` on <html>, switched by the theme picker.
// Monaco themes are global, so one observer serves every playground on the page.

import type * as MonacoEditor from "monaco-editor/editor";

const DARK = "fc-playground-dark";
const LIGHT = "fc-playground-light";

/**
 * Monaco's built-in token colours that fall below WCAG's 4.5:1 on our backgrounds (axe: color-contrast), each moved
 * just far enough towards black (light) or white (dark) to pass; every other colour is Monaco's own.
 */
const LIGHT_RULES: MonacoEditor.editor.ITokenThemeRule[] = [
  ...["number", "attribute.value.number", "attribute.value.unit"].map((token) => ({ token, foreground: "087b51" })),
  { token: "type", foreground: "007b7b" },
  ...["annotation", "metatag.html", "metatag.xml"].map((token) => ({ token, foreground: "6d6d6d" })),
  ...["tag.id.pug", "tag.class.pug"].map((token) => ({ token, foreground: "4c71a5" })),
  ...["metatag.content.html", "attribute.name", "string.sql"].map((token) => ({ token, foreground: "e20000" })),
  { token: "operator.sql", foreground: "616f7d" },
];
const DARK_RULES: MonacoEditor.editor.ITokenThemeRule[] = [
  { token: "comment", foreground: "669055" },
  { token: "regexp", foreground: "b76c99" },
  { token: "variable.predefined", foreground: "6a81ba" },
  ...["delimiter.html", "delimiter.xml"].map((token) => ({ token, foreground: "858585" })),
  ...["tag.id.pug", "tag.class.pug"].map((token) => ({ token, foreground: "6386b6" })),
  { token: "string.sql", foreground: "ff2626" },
];

/** The current Starlight theme of the page. */
export const pageTheme = (): "light" | "dark" =>
  document.documentElement.dataset.theme === "light" ? "light" : "dark";

/**
 * Defines the two playground themes and keeps Monaco on the one matching the page.
 *
 * @example
 * ```ts
 * followStarlightTheme(monaco); // later theme switches are followed automatically
 * ```
 */
export function followStarlightTheme(monaco: typeof MonacoEditor): void {
  // Backgrounds match Starlight's code blocks (gray-6 / gray-7), so editors sit flush with the docs.
  monaco.editor.defineTheme(DARK, {
    base: "vs-dark",
    inherit: true,
    rules: DARK_RULES,
    colors: { "editor.background": "#17181c", "editorGutter.background": "#17181c" },
  });
  monaco.editor.defineTheme(LIGHT, {
    base: "vs",
    inherit: true,
    rules: LIGHT_RULES,
    colors: { "editor.background": "#f6f7f9", "editorGutter.background": "#f6f7f9" },
  });
  const apply = () => monaco.editor.setTheme(pageTheme() === "light" ? LIGHT : DARK);
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
