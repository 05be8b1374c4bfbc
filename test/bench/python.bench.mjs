// Python playground benchmark (`npm run bench python`), Chromium against `astro preview` of the built site:
//   - choosing Python → first result (cold: a fresh profile, so Pyodide is downloaded; and with Pyodide in the
//     HTTP cache), median of 3 each, split into download and interpreter start-up; against the same with the
//     build's memory snapshot refused (CPython started in the browser) as the baseline;
//   - a warm Python Run (click → final output), median of 20, against a warm JavaScript Run in the same page
//     (the baseline);
//   - Pyodide's bytes on the wire (as `astro preview` serves them), raw, and gzip-9 as a compressing host
//     would send them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST, ensureSiteBuilt, freshContext, mb, median, startSite, warmRuns } from "./site-harness.mjs";

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);

ensureSiteBuilt(["playground/index.html", "pyodide"], "the playground or Pyodide");
const { base: BASE, stop: stopServer } = await startSite();

async function openPlayground(context, { withoutSnapshot = false } = {}) {
  const page = await context.newPage();
  // The baseline: the build's snapshot refused, so the worker starts CPython itself (as before it existed). In the
  // page, not with page.route, which would turn off the HTTP cache for Pyodide's other files too.
  if (withoutSnapshot) {
    await page.addInitScript(() => {
      const fetchFromSite = window.fetch.bind(window);
      window.fetch = (input, init) =>
        /\/snapshot-[0-9a-f]+\.bin\.gz$/.test(String(input instanceof Request ? input.url : input))
          ? Promise.reject(new TypeError("refused by the benchmark"))
          : fetchFromSite(input, init);
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  const wire = new Map();
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => undefined);
    wire.set(new URL(request.url()).pathname, sizes?.responseBodySize ?? 0);
  });
  await page.goto(`${BASE}/playground/`);
  // The reader's first input starts the editor (/playground/ loads it on input).
  await page.mouse.move(1, 1);
  await page.mouse.move(2, 2);
  await page.waitForSelector('[data-fc-playground][data-state="ready"]', { timeout: 60_000 });
  return { page, wire };
}

/** In the page: picks Python and clicks Run at once; resolves with the milliseconds until the run's result. */
const pythonToFirstResult = (page) =>
  page.evaluate(async () => {
    const root = document.querySelector("[data-fc-playground]");
    const output = root.querySelector('[data-role="output"]');
    const select = root.querySelector('[data-role="language"]');
    const started = performance.now();
    select.value = "python";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    const finished = new Promise((done) => {
      const observer = new MutationObserver(() => {
        const state = output.dataset.runState;
        if (state !== "running" && state !== "idle") {
          observer.disconnect();
          const ms = performance.now() - started;
          // The start-up figures can land a moment after the result; wait briefly rather than report zeros.
          const report = (tries) => {
            if (!root.dataset.pythonBootMs && tries > 0) return setTimeout(() => report(tries - 1), 50);
            done({
              ms,
              state,
              bootMs: Number(root.dataset.pythonBootMs) || 0,
              restored: root.dataset.pythonRestored === "true",
              phases: JSON.parse(root.dataset.pythonBootPhases || "{}"),
            });
          };
          report(100);
        }
      });
      observer.observe(output, { attributes: true, attributeFilter: ["data-run-state"] });
    });
    root.querySelector('[data-role="run"]').click();
    return finished;
  });

/**
 * In the page: `count` times, Run an endless loop, Stop it (the worker is terminated), and Run a quick handler;
 * the milliseconds from Stop to that result (a fresh interpreter restored from the first one's snapshot).
 */
async function stopThenRun(page, count) {
  const times = [];
  const setCode = (code) =>
    page.evaluate(
      (source) => document.querySelector("[data-fc-playground]").playground.setCode(source, "python"),
      code,
    );
  for (let i = 0; i < count; i++) {
    await setCode("def handler(event, context):\n    while True:\n        pass\n");
    await page.click('[data-role="run"]');
    await page.waitForSelector('[data-role="stop"]:not([disabled])');
    await page.waitForTimeout(200);
    await setCode('def handler(event, context):\n    return "back"\n');
    times.push(
      await page.evaluate(async () => {
        const root = document.querySelector("[data-fc-playground]");
        const output = root.querySelector('[data-role="output"]');
        const started = performance.now();
        root.querySelector('[data-role="stop"]').click();
        await new Promise((done) => setTimeout(done, 0));
        const finished = new Promise((done) => {
          const observer = new MutationObserver(() => {
            const state = output.dataset.runState;
            if (state !== "running" && state !== "idle") {
              observer.disconnect();
              done(state === "done" ? performance.now() - started : Number.NaN);
            }
          });
          observer.observe(output, { attributes: true, attributeFilter: ["data-run-state"] });
        });
        root.querySelector('[data-role="run"]').click();
        return finished;
      }),
    );
  }
  if (times.some(Number.isNaN)) throw new Error("a Run after Stop did not finish with a result");
  return times;
}

try {
  // 1. Choosing Python → first result: cold (fresh profile) and with Pyodide in the HTTP cache.
  const cold = [];
  const cached = [];
  const unrestored = [];
  let wireBytes = 0;
  let wireFiles = 0;
  for (let i = 0; i < 3; i++) {
    const { context, close } = await freshContext("fc-cdn-python-bench-");
    const first = await openPlayground(context);
    const result = await pythonToFirstResult(first.page);
    if (result.state !== "done") throw new Error(`the first Python run ended in state ${result.state}`);
    cold.push(result);
    const pyodide = [...first.wire].filter(([path]) => path.includes("/pyodide/"));
    wireBytes = pyodide.reduce((sum, [, bytes]) => sum + bytes, 0);
    wireFiles = pyodide.length;
    await first.page.close();
    const again = await openPlayground(context);
    cached.push(await pythonToFirstResult(again.page));
    await again.page.close();
    const baseline = await openPlayground(context, { withoutSnapshot: true });
    unrestored.push(await pythonToFirstResult(baseline.page));
    await close();
  }

  // 2. Warm runs: Python (the SDK template's generated Python) against JavaScript (the SDK template) in one page.
  const { context, close } = await freshContext("fc-cdn-python-bench-");
  const { page } = await openPlayground(context);
  const jsTimes = await warmRuns(page, 20, 30);
  await pythonToFirstResult(page);
  const pyTimes = await warmRuns(page, 20, 30);
  const restartTimes = await stopThenRun(page, 5);
  await close();

  // 3. Pyodide's files.
  const folder = join(DIST, "pyodide", readdirSync(join(DIST, "pyodide"))[0]);
  const files = readdirSync(folder).map((name) => {
    const bytes = readFileSync(join(folder, name));
    return { name, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
  });
  const raw = files.reduce((sum, file) => sum + file.raw, 0);
  const gzip = files.reduce((sum, file) => sum + file.gzip, 0);

  const coldMedian = median(cold.map((r) => r.ms));
  const cachedMedian = median(cached.map((r) => r.ms));
  const bootMedian = median(cold.map((r) => r.bootMs));
  const pyMedian = median(pyTimes);
  const jsMedian = median(jsTimes);
  console.log(
    `choosing Python → first result, cold (Pyodide downloaded): median ${ms(coldMedian)} of 3 (interpreter start-up ${ms(bootMedian)} of it)`,
  );
  const restoredCount = [...cold, ...cached].filter((r) => r.restored).length;
  console.log(
    `choosing Python → first result, Pyodide in the HTTP cache: median ${ms(cachedMedian)} of 3 (goal ≤ 1.2 s; ${restoredCount} of 6 runs above restored the build's snapshot)`,
  );
  const baselineMedian = median(unrestored.map((r) => r.ms));
  console.log(
    `  baseline: the same without the snapshot (CPython started in the browser): median ${ms(baselineMedian)}; ratio ${(cachedMedian / baselineMedian).toFixed(2)}×`,
  );
  const phase = (key) => ms(median(cold.map((r) => r.phases[key] ?? 0)));
  console.log(
    `  interpreter start-up, by phase (median): import Pyodide's JS ${phase("imports")}, start CPython ${phase("interpreter")}, load the FC runner ${phase("runner")}`,
  );
  console.log(
    `warm Python Run: median ${ms(pyMedian)} of 20 (min ${ms(Math.min(...pyTimes))}, max ${ms(Math.max(...pyTimes))})`,
  );
  console.log(
    `  baseline: warm JavaScript Run in the same page: median ${ms(jsMedian)}; ratio ${(pyMedian / jsMedian).toFixed(2)}×`,
  );
  console.log(
    `Stop → next Python result (fresh worker from the snapshot): median ${ms(median(restartTimes))} of ${restartTimes.length}`,
  );
  console.log(
    `Pyodide on the wire (astro preview): ${mb(wireBytes)} in ${wireFiles} files; raw ${mb(raw)}; gzip-9 ${mb(gzip)} (${files
      .map((file) => `${file.name} ${mb(file.raw)} → ${mb(file.gzip)}`)
      .join(", ")})`,
  );
  console.log("JavaScript playground pages: 0 bytes of Pyodide (asserted by test/e2e/python.test.ts)");
} finally {
  stopServer();
}
