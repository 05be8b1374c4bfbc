// Cold start: esbuild-bundle (minified) a minimal handler that imports the runtime entry, then print its gzip
// size and its import time against a bare zod/mini schema bundle, each imported in a fresh process
// (median of several runs). Goals: ≤ 10 KB gzip (also a test), import ≤ 1.5× the bare schema's.
// A handler that only parses valid events carries no zod: the parser's fast path and its issue plans are
// generated from the catalog's schemas at build time (see scripts/fast-path-codegen.mjs).
// Reads the built package: run `npm run build` first.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const sdk = fileURLToPath(new URL("..", import.meta.url));
const dist = join(sdk, "dist", "index.js");
if (!existsSync(dist)) {
  console.error("sdk/dist is missing: run `npm run build` first.");
  process.exit(1);
}
const RUNS = 15;
const sample = JSON.stringify((await import(dist)).CDN_EVENT_CATALOG.LogFileCreated.sample);

const contenders = {
  "fc-cdn-trigger handler": `
    import { parseCdnEvents } from "fc-cdn-trigger";
    export const handler = async (event) => parseCdnEvents(event).map((e) => e.eventName);`,
  "defineCdnHandler handler": `
    import { defineCdnHandler } from "fc-cdn-trigger";
    export const handler = defineCdnHandler({ LogFileCreated: (event) => event.eventParameter.filePath });`,
  "bare zod/mini schema": `
    import * as z from "zod/mini";
    const Event = z.object({ eventName: z.string(), eventParameter: z.object({ domain: z.string() }) });
    const Envelope = z.object({ events: z.array(Event) });
    export const handler = async (event) => Envelope.parse(JSON.parse(String(event))).events.map((e) => e.eventName);`,
  "same handler + zod compile() (not shipped)": `
    import { parseCdnEvents } from "fc-cdn-trigger";
    import { compile } from "zod/mini";
    export const handler = async (event) => parseCdnEvents(event).map((e) => e.eventName);
    export const aot = compile;`,
};

const dir = mkdtempSync(join(tmpdir(), "fc-cdn-cold-"));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
try {
  for (const [label, contents] of Object.entries(contenders)) {
    const out = await esbuild.build({
      stdin: { contents, resolveDir: sdk, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      alias: { "fc-cdn-trigger": dist },
      write: false,
      logLevel: "error",
    });
    const bytes = out.outputFiles[0].contents;
    const file = join(dir, `${label.replace(/\W+/g, "-")}.mjs`);
    writeFileSync(file, bytes);
    // A fresh process per run: module instantiation and top-level schema construction, nothing cached.
    const script = `
      const t0 = performance.now();
      const { handler } = await import(${JSON.stringify(`file://${file}`)});
      const t1 = performance.now();
      await handler(Buffer.from(${JSON.stringify(sample)}));
      const t2 = performance.now();
      console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));`;
    const runs = Array.from({ length: RUNS }, () =>
      JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })),
    );
    results[label] = {
      minified: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      importMs: median(runs.map((run) => run.importMs)),
      firstCallMs: median(runs.map((run) => run.firstCallMs)),
    };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const base = results["bare zod/mini schema"];
console.log(`\nminimal handler bundles (esbuild --minify, gzip -9), import in a fresh process, median of ${RUNS}:`);
for (const [label, r] of Object.entries(results)) {
  console.log(
    `  ${label.padEnd(44)} ${String(r.minified).padStart(6)} B min  ${String(r.gzip).padStart(6)} B gzip` +
      `  import ${r.importMs.toFixed(2)} ms (${(r.importMs / base.importMs).toFixed(2)}×)` +
      `  first call ${r.firstCallMs.toFixed(2)} ms`,
  );
}
const ours = results["fc-cdn-trigger handler"];
const routed = results["defineCdnHandler handler"];
const ratio = ours.importMs / base.importMs;
const gzip = Math.max(ours.gzip, routed.gzip);
console.log(
  `\ngzip: ${ours.gzip} B (parseCdnEvents), ${routed.gzip} B (defineCdnHandler) (goal ≤ 10 KB = 10240 B) ${gzip <= 10240 ? "MET" : "NOT MET"}`,
);
console.log(`import: ${ratio.toFixed(2)}× the bare zod/mini schema (goal ≤ 1.5×) ${ratio <= 1.5 ? "MET" : "NOT MET"}`);
