// A Vite build step (registered in astro.config.mjs): the playground's start (client/start.ts) imports Monaco, its
// bundle and the app one after another, so each is evaluated in a task of its own. Vite's preload list for each
// import holds only that import's files, so the next file's download began only after the last one had been
// evaluated. This makes the first import preload every file of the boot: all are fetched (and compiled) at once
// and still evaluated in order, one per task. It also fills in start.ts's BOOT_FILES, the same files by name, which
// the page prefetches when it is idle (before the reader's first input).
import { readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";

const START = /\/playground\/client\/start\.ts$/;
const PRELOAD_CALL = /__vite__mapDeps\(\[([\d,]*)\]\)/g;
/** Vite's list of the files its preload lists index, paths from the site's base. */
const FILE_LIST = /m\.f=(\[[^\]]*\])/;
/** start.ts's BOOT_FILES placeholder, in whichever quotes the minifier chose. */
const BOOT_FILES = /(["'`])fc-boot-files:\[\]\1/;

/**
 * Rewrites the start chunk's code: its first preload list becomes the union of all its lists, and BOOT_FILES names
 * those files relative to the chunk's folder `chunkDir`. `undefined` when the code lacks Vite's preload lists
 * (fewer than two) or the placeholder.
 *
 * @example
 * ```js
 * bootPreloadCode('m.f=["_astro/a.js","_astro/b.js"];a(__vite__mapDeps([0]));b(__vite__mapDeps([1]));"fc-boot-files:[]"', "_astro");
 * // '…a(__vite__mapDeps([0,1]));b(__vite__mapDeps([1]));"fc-boot-files:[\\"a.js\\",\\"b.js\\"]"'
 * ```
 */
export function bootPreloadCode(code, chunkDir) {
  const calls = [...code.matchAll(PRELOAD_CALL)];
  const first = calls[0];
  const files = FILE_LIST.exec(code);
  if (calls.length < 2 || first?.index === undefined || !files || !BOOT_FILES.test(code)) return undefined;
  const union = [...new Set(calls.flatMap((call) => call[1].split(",").filter(Boolean)))];
  const paths = JSON.parse(files[1]);
  const names = union.map((index) => posix.relative(chunkDir, paths[Number(index)]));
  const merged = `${code.slice(0, first.index)}__vite__mapDeps([${union}])${code.slice(first.index + first[0].length)}`;
  return merged.replace(BOOT_FILES, () => JSON.stringify(`fc-boot-files:${JSON.stringify(names)}`));
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
        const code = bootPreloadCode(readFileSync(path, "utf8"), posix.dirname(chunk.fileName));
        if (code === undefined) {
          this.error(
            `${chunk.fileName}: expected Vite's preload lists (__vite__mapDeps, m.f) for the playground's imports and start.ts's "fc-boot-files:[]"`,
          );
        }
        writeFileSync(path, code);
      }
    },
  };
}
