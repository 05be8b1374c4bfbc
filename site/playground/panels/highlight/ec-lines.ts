// Build time only: highlights code with the docs' own Expressive Code engine (Starlight's themes and colour
// processing, the site's options) and turns each rendered line into compact HTML: a palette class per distinct token
// style instead of EC's per-token `style="--0:…;--1:…"`. The classes' CSS holds those very custom properties, read by
// the rules in panels.css the way EC's own CSS reads them, so a panel token has the colour of the docs' token.

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type AstroExpressiveCodeOptions,
  type ConfigPreprocessorFn,
  ExpressiveCode,
  type ExpressiveCodeConfig,
  type PartialAstroConfig,
} from "astro-expressive-code";
import { type Element, type ElementContent, selectAll } from "astro-expressive-code/hast";
import { EXPRESSIVE_CODE_OPTIONS } from "../../../lib/expressive-code-options.js";
import { escapeHtml } from "./line-table.js";

/** Highlights code into per-line HTML, all with one palette. */
export interface LineHighlighter {
  /** Each line of `code` as HTML whose text content is the line. */
  highlight(code: string, language: string): Promise<string[]>;
  /** The CSS of the foreground and of the palette's classes (all of them, or those `html` uses). */
  css(html?: string): string;
}

type StarlightEcPreprocessorFactory = (options: {
  docsPath: string;
  starlightConfig: { defaultLocale: { locale: string | undefined; lang: string }; isMultilingual: boolean };
  useTranslations: (lang: string) => ((key: string) => string) & { exists(key: string): boolean };
}) => ConfigPreprocessorFn;

/**
 * Starlight's own EC config preprocessor (themes, their UI colours, contrast settings). Its public entry point
 * (`@astrojs/starlight/internal`) also loads Astro virtual modules, so the module itself is imported by its path.
 */
async function starlightEcConfig(): Promise<ExpressiveCodeConfig> {
  // The package's exports hide both the file and package.json, so look where Node looks for packages.
  const roots = createRequire(import.meta.url).resolve.paths("@astrojs/starlight") ?? [];
  const file = roots
    .map((root) => join(root, "@astrojs/starlight/dist/integrations/expressive-code/preprocessor.js"))
    .find((path) => existsSync(path));
  if (!file)
    throw new Error(`@astrojs/starlight is not installed where ${import.meta.url} can find it: run npm install`);
  const preprocessorUrl = pathToFileURL(file);
  const { getStarlightEcConfigPreprocessor } = (await import(/* @vite-ignore */ preprocessorUrl.href)) as {
    getStarlightEcConfigPreprocessor?: StarlightEcPreprocessorFactory;
  };
  if (typeof getStarlightEcConfigPreprocessor !== "function") {
    throw new Error(
      `${preprocessorUrl.pathname} no longer exports getStarlightEcConfigPreprocessor (a Starlight update?): ` +
        "find where Starlight now builds its Expressive Code config and import that in ec-lines.ts",
    );
  }
  const preprocess = getStarlightEcConfigPreprocessor({
    docsPath: "",
    // Only the frame plugin's button labels depend on these; token colours do not.
    starlightConfig: { defaultLocale: { locale: undefined, lang: "en" }, isMultilingual: false },
    useTranslations: () => Object.assign((key: string) => key, { exists: () => false }),
  });
  const ecConfig = structuredClone(EXPRESSIVE_CODE_OPTIONS) as AstroExpressiveCodeOptions;
  // Starlight's preprocessor reads nothing of the Astro config.
  const astroConfig = {} as PartialAstroConfig;
  return ((await preprocess({ ecConfig, astroConfig })) ?? ecConfig) as ExpressiveCodeConfig;
}

const classNames = (element: Element): string[] => {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};

/**
 * An EC engine configured as the docs' code blocks are.
 *
 * @example
 * ```ts
 * const highlighter = await createLineHighlighter();
 * await highlighter.highlight('const a = "b";', "ts"); // ['<span class="t0">const</span>…']
 * ```
 */
export async function createLineHighlighter(): Promise<LineHighlighter> {
  const engine = new ExpressiveCode(await starlightEcConfig());
  // panels.css reads --0 in the dark theme and --1 in the light one, as Starlight's two default themes give them.
  const [dark, light] = engine.themes;
  if (engine.themes.length !== 2 || dark?.type !== "dark" || light?.type !== "light") {
    throw new Error(
      `the docs' code blocks now have the themes ${engine.themes.map((t) => `${t.name} (${t.type})`).join(", ")}: ` +
        "update the theme rules of .fcx-tokens in tokens.css to match (they expect one dark, then one light)",
    );
  }
  // A token without a colour of its own in a theme has the theme's foreground, as in EC's blocks.
  const base = `.fcx-tokens{--0:${dark.fg};--1:${light.fg}}`;
  const palette = new Map<string, string>();
  const classFor = (style: string) => {
    let name = palette.get(style);
    if (!name) {
      name = `t${palette.size.toString(36)}`;
      palette.set(style, name);
    }
    return name;
  };

  /** A line's tokens as [class, text] runs (class "" for unstyled text), same-class neighbours merged. */
  const runsOf = (nodes: readonly ElementContent[], runs: [string, string][], where: string) => {
    for (const node of nodes) {
      if (node.type === "text") runs.push(["", node.value]);
      else if (node.type === "element" && classNames(node).includes("indent")) runsOf(node.children, runs, where);
      else if (node.type === "element" && node.tagName === "span" && classNames(node).length === 0) {
        const style = String(node.properties.style ?? "");
        const inner: [string, string][] = [];
        runsOf(node.children, inner, where);
        for (const [, text] of inner) runs.push([style ? classFor(style) : "", text]);
      } else if (node.type !== "comment") {
        throw new Error(
          `${where}: Expressive Code rendered a ${JSON.stringify(node)} the panel highlighter does not know`,
        );
      }
    }
    return runs;
  };

  return {
    async highlight(code, language) {
      const { renderedGroupAst } = await engine.render({ code, language });
      const sourceLines = code.split("\n");
      const rendered = selectAll(".ec-line > .code", renderedGroupAst);
      // EC drops the empty lines after the last newline; they are empty here too.
      const dropped = sourceLines.slice(rendered.length);
      if (rendered.length > sourceLines.length || dropped.some((line) => line !== "")) {
        throw new Error(`${language} code of ${sourceLines.length} lines rendered as ${rendered.length} lines`);
      }
      const lines = rendered.map((codeElement, index) => {
        const where = `${language} line ${index + 1}`;
        const runs: [string, string][] = [];
        for (const run of runsOf(codeElement.children, [], where)) {
          const last = runs.at(-1);
          if (last && last[0] === run[0]) last[1] += run[1];
          else runs.push([...run]);
        }
        // EC gives an empty line a "\n" so that it keeps its height.
        if (runs.length === 1 && runs[0]?.[1] === "\n" && sourceLines[index] === "") runs.length = 0;
        const text = runs.map(([, t]) => t).join("");
        if (text !== sourceLines[index]) {
          throw new Error(`${where} renders as ${JSON.stringify(text)}, not ${JSON.stringify(sourceLines[index])}`);
        }
        return runs
          .map(([name, t]) => (name ? `<span class="${name}">${escapeHtml(t)}</span>` : escapeHtml(t)))
          .join("");
      });
      return [...lines, ...dropped];
    },
    css(html) {
      const used = html === undefined ? undefined : new Set([...html.matchAll(/class="(t\w+)"/g)].map((m) => m[1]));
      const rules = [...palette]
        .filter(([, name]) => !used || used.has(name))
        .map(([style, name]) => `.fcx-tokens .${name}{${style}}`);
      return base + rules.join("");
    },
  };
}
