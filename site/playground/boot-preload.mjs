// A Vite build step (registered in astro.config.mjs): the playground's start (client/start.ts) imports Monaco, its
// bundle and the app one after another, so each is evaluated in a task of its own. Vite's preload list for each
// import holds only that import's files, so the next file's download began only after the last one had been
// evaluated. This makes the first import preload every file of the boot: all are fetched (and compiled) at once
// and still evaluated in order, one per task.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const START = /\/playground\/client\/start\.ts$/;
const PRELOAD_CALL = /__vite__mapDeps\(\[([\d,]*)\]\)/g;

/**
 * Rewrites the first preload list of the start chunk's code to the union of all its lists; `undefined` when the
 * code has fewer than two lists (nothing to merge).
 *
 * @example
 * ```js
 * bootPreloadCode("a(__vite__mapDeps([0,1]));b(__vite__mapDeps([2,1]))");
 * // "a(__vite__mapDeps([0,1,2]));b(__vite__mapDeps([2,1]))"
 * ```
 */
export function bootPreloadCode(code) {
  const calls = [...code.matchAll(PRELOAD_CALL)];
  const first = calls[0];
  if (calls.length < 2 || first?.index === undefined) return undefined;
  const union = [...new Set(calls.flatMap((call) => call[1].split(",").filter(Boolean)))];
  return `${code.slice(0, first.index)}__vite__mapDeps([${union}])${code.slice(first.index + first[0].length)}`;
}

/** The Vite plugin: after the client build is written, merges the start chunk's preload lists. */
export function bootPreload() {
  return {
    name: "fc-playground-boot-preload",
    apply: "build",
    // After writing: Vite fills in the preload lists in its own last build steps.
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk" || !START.test(chunk.facadeModuleId ?? "")) continue;
        const path = join(options.dir ?? "", chunk.fileName);
        const code = bootPreloadCode(readFileSync(path, "utf8"));
        if (code === undefined) {
          this.error(`${chunk.fileName}: expected Vite's preload lists (__vite__mapDeps) for the playground's imports`);
        }
        writeFileSync(path, code);
      }
    },
  };
}
