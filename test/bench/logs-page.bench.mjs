// The log analyzer page (/logs/) on a 100 MB (uncompressed) generated log, in Chromium against `astro preview` of
// the built site: time from picking the file to the report, peak JS heap of the page and of its worker, and the
// longest main-thread task (goal: none over 200 ms, so the page stays responsive). `measureLogAnalyzer` is the
// measurement itself, for other benchmarks to reuse; run this file (`npm run bench -- logs-page`) to print it.
import { createWriteStream, existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { generateCdnLogLines } from "fc-cdn-trigger/logs";
import { workerHeapsUsed } from "../support/worker-heap.mjs";
import { ensureSiteBuilt, freshContext, mb, startSite } from "./site-harness.mjs";

/** ≈ 100 MB of log text at ≈ 270 bytes a line. BENCH_PAGE_LOG_LINES overrides it for a quick run. */
const LINES = Number(process.env.BENCH_PAGE_LOG_LINES ?? 370_000);
/** The goal for the longest main-thread task. */
const LONG_TASK_GOAL_MS = 200;

/**
 * Writes (once; kept in the temp directory between runs) a gzip log of `lines` generated lines, and returns its
 * path and its uncompressed size.
 *
 * @param {number} lines
 * @returns {Promise<{ path: string; uncompressedBytes: number }>}
 */
export async function generatedLogFile(lines) {
  const path = join(tmpdir(), `fc-cdn-logs-page-${lines}.log.gz`);
  let uncompressedBytes = 0;
  const text = async function* () {
    let batch = "";
    for (const line of generateCdnLogLines({ lines, seed: 11, durationSeconds: 24 * 3600 })) {
      batch += `${line}\n`;
      if (batch.length > 1 << 20) {
        uncompressedBytes += Buffer.byteLength(batch);
        yield batch;
        batch = "";
      }
    }
    uncompressedBytes += Buffer.byteLength(batch);
    yield batch;
  };
  const sizePath = `${path}.size`;
  if (existsSync(path) && existsSync(sizePath)) {
    return { path, uncompressedBytes: Number(readFileSync(sizePath, "utf8")) };
  }
  await pipeline(text, createGzip(), createWriteStream(`${path}.partial`));
  renameSync(`${path}.partial`, path);
  writeFileSync(sizePath, String(uncompressedBytes));
  return { path, uncompressedBytes };
}

/**
 * Analyses `file` in the page at `url` (the log analyzer) and measures it: milliseconds from picking the file to
 * the report (timed in the page), the peak JS heap of the page and of its worker (sampled every 100 ms through
 * CDP), and the main-thread tasks over 50 ms (PerformanceObserver "longtask").
 *
 * @param {import("playwright-core").Page} page a fresh page
 * @param {string} url the analyzer page's URL
 * @param {string} file path of the log file to pick
 * @returns {Promise<{ ms: number; peakPageHeap: number; peakWorkerHeap: number; longestTaskMs: number; longTasks: number; requests: number }>}
 */
export async function measureLogAnalyzer(page, url, file) {
  await page.goto(url);
  await page.evaluate(() => {
    const bench = { longTasks: [], started: 0, ended: 0 };
    window.__logsBench = bench;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
    const root = document.querySelector("[data-fc-log-analyzer]");
    root.querySelector('[data-role="pick"]').addEventListener("change", () => (bench.started = performance.now()), {
      capture: true,
    });
    new MutationObserver(() => {
      if (root.dataset.state === "done" && root.querySelector(".fc-log-report")) bench.ended ||= performance.now();
    }).observe(root, { attributes: true, subtree: true, childList: true });
  });
  const session = await page.context().newCDPSession(page);
  let peakPageHeap = 0;
  let peakWorkerHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [{ usedSize }, workers] = await Promise.all([
        session.send("Runtime.getHeapUsage"),
        workerHeapsUsed(page).catch(() => []),
      ]);
      peakPageHeap = Math.max(peakPageHeap, usedSize);
      peakWorkerHeap = Math.max(peakWorkerHeap, ...workers);
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  await page.setInputFiles('[data-fc-log-analyzer] [data-role="pick"]', file);
  await page.waitForFunction(() => window.__logsBench.ended > 0, undefined, { timeout: 600_000, polling: 100 });
  sampling = false;
  await sampler;
  await session.detach();
  const state = await page.getAttribute("[data-fc-log-analyzer]", "data-state");
  const requests = Number(
    await page.getAttribute('[data-fc-log-analyzer] [data-field="requests"]', "data-value").catch(() => Number.NaN),
  );
  if (state !== "done") throw new Error(`the analyzer ended in state ${state}`);
  const { started, ended, longTasks } = await page.evaluate(() => window.__logsBench);
  return {
    ms: ended - started,
    peakPageHeap,
    peakWorkerHeap,
    longestTaskMs: Math.max(0, ...longTasks),
    longTasks: longTasks.length,
    requests,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { path, uncompressedBytes } = await generatedLogFile(LINES);
  ensureSiteBuilt(["logs/index.html"], "the log analyzer");
  const site = await startSite();
  const { context, close } = await freshContext("fc-cdn-bench-logs-");
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const result = await measureLogAnalyzer(page, `${site.base}/logs/`, path);
    const seconds = result.ms / 1000;
    console.log(
      `log analyzer page: ${mb(uncompressedBytes)} log (${mb(statSync(path).size)} gzip, ${result.requests} requests) in ${seconds.toFixed(2)} s (${(uncompressedBytes / 1e6 / seconds).toFixed(0)} MB/s uncompressed)`,
    );
    console.log(`  peak JS heap: page ${mb(result.peakPageHeap)}, worker ${mb(result.peakWorkerHeap)}`);
    console.log(
      `  longest main-thread task: ${result.longestTaskMs.toFixed(0)} ms (goal ≤ ${LONG_TASK_GOAL_MS} ms); ${result.longTasks} tasks over 50 ms`,
    );
    if (result.longestTaskMs > LONG_TASK_GOAL_MS) console.log("(goal missed)");
  } finally {
    await close();
    site.stop();
  }
}
