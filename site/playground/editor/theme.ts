// Monaco's theme follows Starlight's: `data-theme="light" | "dark"` on <html>, switched by the theme picker.
// Monaco themes are global, so one observer serves every playground on the page.

import type * as MonacoEditor from "monaco-editor/editor";

const DARK = "fc-playground-dark";
const LIGHT = "fc-playground-light";

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
    rules: [],
    colors: { "editor.background": "#17181c", "editorGutter.background": "#17181c" },
  });
  monaco.editor.defineTheme(LIGHT, {
    base: "vs",
    inherit: true,
    rules: [],
    colors: { "editor.background": "#f6f7f9", "editorGutter.background": "#f6f7f9" },
  });
  const apply = () => monaco.editor.setTheme(pageTheme() === "light" ? LIGHT : DARK);
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
