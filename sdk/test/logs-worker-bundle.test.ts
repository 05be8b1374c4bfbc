// The summary worker is bundled by the SDK's build into a script that the logs entry embeds. These tests start it
// where users run it, on the machine's own Node (as FC would): a consumer's single-file CommonJS bundle made with
// esbuild --bundle --minify --keep-names (the examples' code.zip layout), the SDK's dist as ESM and CJS, and a
// browser bundle of the dist in Chromium (a Worker from a Blob URL); and they check that when it cannot start (no
// threads, a Content Security Policy that forbids blob: workers) the summariser says so once and counts in the
// calling thread, with the same summary.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../test/e2e/paths.js";
import { invokeOnSystemNode } from "../../test/support/system-node.js";
import { generateCdnLog, readCdnLog, summarizeCdnLog } from "../src/logs/index.js";
import { WORKER_FALLBACK_CODE } from "../src/logs/worker-fallback.js";

const sdk = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(sdk, "..");
const scratch = mkdtempSync(join(tmpdir(), "fc-logs-worker-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** About 4 MB of log: sixteen of the worker's 256 KiB buffers. */
const LOG = { lines: 15_000, seed: 7 };

function requireBuilt(file: string): string {
  const path = join(sdk, "dist", file);
  if (!existsSync(path)) {
    throw new Error(
      `${relative(process.cwd(), path)} is missing: these tests start the built worker. Run \`npm run build\` first (the root \`npm test\` does it through \`npm run check\`).`,
    );
  }
  return path;
}

/**
 * What every consumer below runs, on the system Node: summarises the generated log `runs` times with the worker
 * asked for, after making the Worker constructor throw when `breakWorker` (as in a sandbox without threads).
 */
const SUMMARIZE = `
async function summarize(logs, event) {
  const { lines, seed, runs, breakWorker } = JSON.parse(String(event));
  const warnings = [];
  process.on("warning", (warning) => warnings.push({ code: warning.code, message: warning.message }));
  if (breakWorker) {
    require("node:worker_threads").Worker = class {
      constructor() {
        throw new Error("threads are not allowed here");
      }
    };
    require("node:module").syncBuiltinESMExports();
  }
  const log = new TextEncoder().encode(logs.generateCdnLog({ lines, seed }));
  const threads = [];
  const summaries = [];
  for (let run = 0; run < runs; run++) {
    const options = { worker: true, onThread: (thread) => threads.push(thread) };
    summaries.push(await logs.summarizeCdnLog(logs.readCdnLog(log), options));
  }
  // Process warnings are emitted on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  return { summaries, threads, warnings };
}
`;

/** A handler as users write it, importing the logs entry by `specifier`. */
const consumer = (specifier: string) => `
import { generateCdnLog, readCdnLog, summarizeCdnLog } from ${JSON.stringify(specifier)};
${SUMMARIZE}
export const handler = (event) => summarize({ generateCdnLog, readCdnLog, summarizeCdnLog }, event);
`;

/** One CommonJS file, the way the examples deploy to FC, with the names kept (esbuild's `__name` wrappers). */
async function bundleConsumer(name: string, specifier: string, plugins: esbuild.Plugin[] = []): Promise<string> {
  const outfile = join(scratch, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents: consumer(specifier), resolveDir: repo, loader: "js" },
    bundle: true,
    minify: true,
    keepNames: true,
    platform: "node",
    target: "node18",
    format: "cjs",
    outfile,
    logLevel: "silent",
    plugins,
  });
  return outfile;
}

interface Outcome {
  summaries: unknown[];
  threads: { worker: boolean; reason?: string }[];
  warnings: { code: string; message: string }[];
}

async function run(bundle: string, event: Record<string, unknown>): Promise<Outcome> {
  const outcome = await invokeOnSystemNode(bundle, JSON.stringify({ ...LOG, runs: 1, breakWorker: false, ...event }));
  if (!outcome.ok) throw new Error(`the handler failed on ${outcome.node}: ${outcome.error}`);
  return outcome.result as Outcome;
}

/** The summary from the TypeScript sources, in this process and thread, as JSON (dates as strings). */
const unbundled = async () => {
  const summary = await summarizeCdnLog(readCdnLog(new TextEncoder().encode(generateCdnLog(LOG))), { worker: false });
  return JSON.parse(JSON.stringify(summary)) as unknown;
};

describe("the summary worker starts", () => {
  it("inside a consumer's single CommonJS file (esbuild --bundle --minify --keep-names), with the same summary", async () => {
    requireBuilt("logs/index.js");
    const bundle = await bundleConsumer("consumer", "fc-cdn-trigger/logs");
    const { summaries, threads, warnings } = await run(bundle, { runs: 2 });
    expect(threads).toEqual([{ worker: true }, { worker: true }]);
    expect(warnings).toEqual([]);
    const expected = await unbundled();
    expect(summaries).toEqual([expected, expected]);
    expect((expected as { requests: number }).requests).toBeGreaterThan(14_000);
  });

  it("from the SDK's own dist, as ESM and as CJS", async () => {
    const cjs = requireBuilt("logs/index.cjs");
    const esm = pathToFileURL(requireBuilt("logs/index.js")).href;
    const handler = join(scratch, "dist-handler.cjs");
    writeFileSync(
      handler,
      `${SUMMARIZE}
exports.handler = async (event) => {
  const fromCjs = await summarize(require(${JSON.stringify(cjs)}), event);
  const fromEsm = await summarize(await import(${JSON.stringify(esm)}), event);
  return { summaries: [...fromCjs.summaries, ...fromEsm.summaries], threads: [...fromCjs.threads, ...fromEsm.threads], warnings: [...fromCjs.warnings, ...fromEsm.warnings] };
};`,
    );
    const { summaries, threads, warnings } = await run(handler, {});
    expect(threads).toEqual([{ worker: true }, { worker: true }]);
    expect(warnings).toEqual([]);
    const expected = await unbundled();
    expect(summaries).toEqual([expected, expected]);
  });
});

describe("when the summary worker cannot start", () => {
  it("says so once, naming why, and counts in the calling thread with the same summary", async () => {
    requireBuilt("logs/index.js");
    const bundle = await bundleConsumer("consumer", "fc-cdn-trigger/logs");
    const { summaries, threads, warnings } = await run(bundle, { runs: 2, breakWorker: true });
    const reason = "the worker could not start: new Worker() threw: threads are not allowed here";
    expect(threads).toEqual([
      { worker: false, reason },
      { worker: false, reason },
    ]);
    expect(warnings).toEqual([
      {
        code: WORKER_FALLBACK_CODE,
        message: expect.stringMatching(
          /could not start its worker thread \(new Worker\(\) threw: threads are not allowed here\); it continues in the calling thread/,
        ),
      },
    ]);
    const expected = await unbundled();
    expect(summaries).toEqual([expected, expected]);
  });

  it("says so when the sources were bundled without the SDK's build, which adds the worker's script", async () => {
    const bundle = await bundleConsumer("from-sources", join(sdk, "src", "logs", "index.ts"));
    const { summaries, threads, warnings } = await run(bundle, {});
    expect(threads).toEqual([{ worker: false, reason: expect.stringMatching(/has no worker script/) }]);
    expect(warnings).toEqual([{ code: WORKER_FALLBACK_CODE, message: expect.stringMatching(/has no worker script/) }]);
    expect(summaries).toEqual([await unbundled()]);
  });
});

/** The built logs entry in one browser script, as a web app bundles it; `summarizeForTest` runs it in the page. */
async function browserBundle() {
  requireBuilt("logs/index.js");
  const result = await esbuild.build({
    stdin: {
      contents: `import { generateCdnLog, readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
globalThis.summarizeForTest = async ({ lines, seed, runs, worker }) => {
  const threads = [];
  const log = new TextEncoder().encode(generateCdnLog({ lines, seed }));
  const summaries = [];
  for (let run = 0; run < runs; run++) {
    const options = { worker, onThread: (thread) => threads.push(thread) };
    summaries.push(await summarizeCdnLog(readCdnLog(log), options));
  }
  return JSON.stringify({ summaries, threads });
};`,
      resolveDir: repo,
      loader: "js",
    },
    bundle: true,
    minify: true,
    keepNames: true,
    platform: "browser",
    format: "iife",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
  return { script: result.outputFiles[0]?.text ?? "", imports };
}

interface BrowserOutcome {
  summaries: unknown[];
  threads: { worker: boolean; reason?: string }[];
  /** What the page printed with console.warn. */
  warnings: string[];
  /** Console errors and uncaught errors. */
  errors: string[];
}

/**
 * Runs the bundle in Chromium on a page of its own origin (served here, with `csp` as its Content-Security-Policy
 * header), after `before` ran in the page, and summarises the log `runs` times with `worker` as the option.
 */
async function inChromium(
  script: string,
  { csp, before, runs = 1, worker }: { csp?: string; before?: string; runs?: number; worker?: boolean },
): Promise<BrowserOutcome> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("http://logs.test/", (route) =>
      route.fulfill({
        contentType: "text/html",
        headers: csp ? { "content-security-policy": csp } : {},
        body: "<!doctype html><title>summary worker</title>",
      }),
    );
    await page.goto("http://logs.test/");
    if (before) await page.addScriptTag({ content: before });
    await page.addScriptTag({ content: script });
    const json = await page.evaluate(
      (request) =>
        (globalThis as unknown as { summarizeForTest: (r: typeof request) => Promise<string> }).summarizeForTest(
          request,
        ),
      { ...LOG, runs, worker },
    );
    return { ...(JSON.parse(json) as Pick<BrowserOutcome, "summaries" | "threads">), warnings, errors };
  } finally {
    await browser.close();
  }
}

describe("in browsers", () => {
  let bundled: Promise<{ script: string; imports: string[] }> | undefined;
  const bundle = () => {
    bundled ??= browserBundle();
    return bundled;
  };

  it("the built logs entry imports nothing from Node and starts the worker from a Blob URL, with the same summary", async () => {
    const { script, imports } = await bundle();
    expect(imports.filter((path) => path.startsWith("node:"))).toEqual([]);
    const inWorker = await inChromium(script, { worker: true });
    expect(inWorker.threads).toEqual([{ worker: true }]);
    const inThread = await inChromium(script, { worker: false });
    expect(inThread.threads).toEqual([{ worker: false, reason: "the worker option is false" }]);
    const expected = await unbundled();
    expect(inWorker.summaries).toEqual([expected]);
    expect(inThread.summaries).toEqual([expected]);
    for (const outcome of [inWorker, inThread]) expect([...outcome.warnings, ...outcome.errors]).toEqual([]);
  });

  it("says once when a Content Security Policy forbids blob: workers, and counts in the calling thread", async () => {
    const { script } = await bundle();
    const { summaries, threads, warnings, errors } = await inChromium(script, { csp: "worker-src 'self'", runs: 2 });
    // Chromium reports the blocked worker by an error event without a message, before the worker is ready.
    const why =
      "the browser did not load its script from a Blob URL (as when a Content Security Policy's worker-src does not allow blob:)";
    const reason = `the worker could not start: it failed before it was ready: ${why}`;
    expect(threads).toEqual([
      { worker: false, reason },
      { worker: false, reason },
    ]);
    expect(warnings).toEqual([
      `fc-cdn-trigger/logs: summarizeCdnLog could not start its worker thread (it failed before it was ready: ${why}); it continues in the calling thread, with the same summary but without the second core. Pass { worker: false } to choose the calling thread without this warning.`,
    ]);
    // The browser's own report of each blocked attempt; nothing else.
    expect(errors).toEqual([
      expect.stringMatching(/^Creating a worker from 'blob:.*' violates .*worker-src 'self'/),
      expect.stringMatching(/^Creating a worker from 'blob:.*' violates .*worker-src 'self'/),
    ]);
    const expected = await unbundled();
    expect(summaries).toEqual([expected, expected]);
  });

  it("says once when the Worker constructor throws, naming why, and counts in the calling thread", async () => {
    const { script } = await bundle();
    const before = `globalThis.Worker = class { constructor() { throw new Error("workers are disabled here"); } };`;
    const { summaries, threads, warnings, errors } = await inChromium(script, { before, runs: 2 });
    const reason = "the worker could not start: new Worker() threw: workers are disabled here";
    expect(threads).toEqual([
      { worker: false, reason },
      { worker: false, reason },
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /could not start its worker thread \(new Worker\(\) threw: workers are disabled here\); it continues in the calling thread/,
      ),
    ]);
    expect(errors).toEqual([]);
    const expected = await unbundled();
    expect(summaries).toEqual([expected, expected]);
  });
});
