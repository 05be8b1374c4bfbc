// Keeps Monaco's CSS from being linked up front. Astro links, up front, every stylesheet reachable from a page's
// scripts, dynamic imports included: a page with a lazy "Try it" playground would carry Monaco's ~28 kB (gzip) of
// editor CSS before anyone scrolls to it, and on /playground/ those render-blocking links would delay the first
// paint, which the editor waits for anyway (client/mount.ts). Vite's preload helper already loads that CSS together
// with the Monaco chunk (it is in the chunk's preload list, and the import waits for it), so after the build the
// up-front links are removed from every page.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** What only Monaco's stylesheets contain. */
const MONACO_CSS = /\.monaco-(editor|component|workbench|hover|aria-container)\b/;

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

/**
 * The Astro integration.
 *
 * @example
 * ```js
 * // astro.config.mjs
 * import { lazyMonacoCss } from "./site/playground/lazy-monaco-css.mjs";
 * export default defineConfig({ integrations: [lazyMonacoCss()] });
 * ```
 */
export function lazyMonacoCss() {
  return {
    name: "fc-playground-lazy-monaco-css",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const isMonaco = new Map();
        const monacoSheet = async (href) => {
          if (!href.startsWith("/") || !href.endsWith(".css")) return false;
          if (!isMonaco.has(href)) {
            const css = await readFile(join(out, href)).then(String, () => "");
            isMonaco.set(href, MONACO_CSS.test(css));
          }
          return isMonaco.get(href);
        };
        let pages = 0;
        for await (const file of htmlFiles(out)) {
          const html = await readFile(file, "utf8");
          const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g)];
          let next = html;
          for (const [tag, href] of links) if (await monacoSheet(href)) next = next.replace(tag, "");
          if (next !== html) {
            await writeFile(file, next);
            pages++;
          }
        }
        if (pages > 0) logger.info(`Monaco's CSS now loads with the editor on ${pages} page(s), not up front`);
      },
    },
  };
}
