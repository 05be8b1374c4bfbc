// The summary worker as one self-contained script. esbuild bundles src/logs/summary-worker.ts with what it
// imports into a string, which replaces the placeholder module src/logs/summary-worker-source.ts wherever the SDK
// is bundled: in its own build (summaryWorkerEsbuildPlugin, used by build.mjs) and in its tests
// (summaryWorkerVitePlugin, used by vitest.config.ts, which runs the sources), through inline-bundle.mjs.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { inlineBundleEsbuildPlugin, inlineBundleVitePlugin } from "./inline-bundle.mjs";

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

const spec = {
  name: "summary-worker-script",
  placeholder: SUMMARY_WORKER_PLACEHOLDER,
  exportName: "SUMMARY_WORKER_SCRIPT",
  bundle: bundleSummaryWorker,
};

/** For esbuild builds of the SDK: bundles the worker once per plugin and embeds it. */
export const summaryWorkerEsbuildPlugin = () => inlineBundleEsbuildPlugin(spec);

/** For Vite and vitest, which run the sources: the same replacement, rebuilt when a file of the worker changes. */
export const summaryWorkerVitePlugin = () => inlineBundleVitePlugin(spec);
