// The summary worker as one self-contained script. esbuild bundles src/logs/summary-worker.ts with what it
// imports into a string, which replaces the placeholder module src/logs/summary-worker-source.ts wherever the SDK
// is bundled: in its own build (summaryWorkerEsbuildPlugin, used by build.mjs) and in its tests
// (summaryWorkerVitePlugin, used by vitest.config.ts, which runs the sources). Nothing is written to src, so
// there is no generated file to keep fresh: the script exists only in what is built.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const logs = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "logs");
export const SUMMARY_WORKER_ENTRY = join(logs, "summary-worker.ts");
export const SUMMARY_WORKER_PLACEHOLDER = join(logs, "summary-worker-source.ts");

/**
 * Bundles the worker: CommonJS for Node's `new Worker(script, { eval: true })` (its `node:worker_threads` stays a
 * `require` call, made only where `require` exists), which a browser runs as a classic Worker script from a Blob
 * URL; minified because every copy of the logs entry embeds it.
 * @returns {Promise<{ script: string, inputs: string[] }>} the script, and the files it was made from
 */
export async function bundleSummaryWorker() {
  const result = await esbuild.build({
    entryPoints: [SUMMARY_WORKER_ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node18",
    minify: true,
    legalComments: "none",
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const root = process.cwd();
  return {
    script: result.outputFiles[0].text,
    inputs: Object.keys(result.metafile.inputs).map((input) => resolve(root, input)),
  };
}

/** The placeholder's replacement: the same export, holding the script. */
const placeholderModule = (script) => `export const SUMMARY_WORKER_SCRIPT = ${JSON.stringify(script)};\n`;

/** For esbuild builds of the SDK: bundles the worker once per plugin and embeds it. */
export function summaryWorkerEsbuildPlugin() {
  let bundled;
  return {
    name: "summary-worker-script",
    setup(build) {
      build.onLoad({ filter: /[\\/]summary-worker-source\.ts$/ }, async (args) => {
        if (resolve(args.path) !== SUMMARY_WORKER_PLACEHOLDER) return undefined;
        bundled ??= bundleSummaryWorker();
        const { script, inputs } = await bundled;
        return { contents: placeholderModule(script), loader: "js", watchFiles: inputs };
      });
    },
  };
}

/** For Vite and vitest, which run the sources: the same replacement, rebuilt when a file of the worker changes. */
export function summaryWorkerVitePlugin() {
  const isPlaceholder = (id) => resolve(id.split("?")[0]) === SUMMARY_WORKER_PLACEHOLDER;
  return {
    name: "summary-worker-script",
    // vitest caches transformed modules by their own text, and the placeholder's never changes: never cache it.
    configureVitest({ defineCacheKeyGenerator }) {
      defineCacheKeyGenerator(({ id }) => (isPlaceholder(id) ? false : undefined));
    },
    async load(id) {
      if (!isPlaceholder(id)) return undefined;
      const { script, inputs } = await bundleSummaryWorker();
      for (const input of inputs) this.addWatchFile(input);
      return placeholderModule(script);
    },
  };
}
