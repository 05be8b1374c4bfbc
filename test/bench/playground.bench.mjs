// Playground benchmark (`npm run bench playground`), Chromium against `astro preview` of the built site:
//   - navigation → editable editor (fresh browser context each time, so nothing is cached), median of 5, with the
//     reader's first input (a pointer move, which starts the editor) as soon as the page's scripts are there;
//     against a docs page's navigation → load in the same run as the baseline;
//   - the same, split: navigation → code shown as text (first contentful paint), and input → editable editor with
//     the input after the page's load;
//   - Run → output, median of 20 warm runs of the SDK template (click to final output, measured in the page);
//   - gzip bytes of the JavaScript the playground page loads (workers included) vs a docs page.
// Goals (issue 6): editor ready ≤ 1.5 s, Run ≤ 150 ms, playground ≤ 2.7 MB gzip, docs pages 0 bytes of Monaco.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST, ensureSiteBuilt, freshContext, mb, median, startSite, warmRuns } from "./site-harness.mjs";

const DOCS_PAGE = "/events/LogFileCreated/";
const ms = (value) => `${value.toFixed(0)} ms`;

ensureSiteBuilt(["playground/index.html"], "the playground");
const { base: BASE, stop: stopServer } = await startSite(4323);

/** Loads a page in a fresh context; returns the milliseconds until `ready` resolves and the JS files requested. */
async function coldLoad(path, ready) {
  const { context, close } = await freshContext("fc-cdn-bench-");
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const scripts = new Set();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === BASE && /\.m?js$/.test(url.pathname)) scripts.add(url.pathname);
  });
  const started = performance.now();
  await page.goto(`${BASE}${path}`, { waitUntil: "commit" });
  await ready(page);
  const elapsed = performance.now() - started;
  return { elapsed, scripts, page, close };
}

/** The reader's first input: /playground/ starts its editor on it. */
const firstInput = async (page) => {
  await page.mouse.move(1, 1);
  await page.mouse.move(2, 2);
};
const editorReady = (page) =>
  page.waitForSelector(
    '[data-fc-playground][data-state="ready"] [data-role="handler-editor"] .monaco-editor textarea',
    {
      timeout: 60_000,
    },
  );
const docsLoaded = (page) => page.waitForLoadState("load");
/** Navigation → editable editor, the input as soon as the page's scripts have run. */
const inputThenEditor = async (page) => {
  await page.waitForLoadState("domcontentloaded");
  await firstInput(page);
  await editorReady(page);
};
/**
 * After the page's load: the first contentful paint, then input → editable editor (measured in this process);
 * the input `readingMs` after the load (a reader looks at the page first: by then Monaco has been prefetched).
 */
async function splitLoad(readingMs = 0) {
  const { context, close } = await freshContext("fc-cdn-bench-");
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${BASE}/playground/`, { waitUntil: "load" });
  const fcp = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
  );
  if (readingMs > 0) await page.waitForTimeout(readingMs);
  const started = performance.now();
  await firstInput(page);
  await editorReady(page);
  const inputToEditor = performance.now() - started;
  await close();
  return { fcp, inputToEditor };
}

const gzipBytes = (files) =>
  [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).byteLength, 0);

try {
  // 1. Navigation → editable editor, against a docs page's navigation → load.
  const editorTimes = [];
  const docsTimes = [];
  const paintTimes = [];
  const inputTimes = [];
  const readerTimes = [];
  let playgroundScripts = new Set();
  let docsScripts = new Set();
  for (let i = 0; i < 5; i++) {
    const docs = await coldLoad(DOCS_PAGE, docsLoaded);
    docsTimes.push(docs.elapsed);
    docsScripts = docs.scripts;
    await docs.close();
    const playground = await coldLoad("/playground/", inputThenEditor);
    editorTimes.push(playground.elapsed);
    await playground.close();
    const split = await splitLoad();
    paintTimes.push(split.fcp);
    inputTimes.push(split.inputToEditor);
    readerTimes.push((await splitLoad(2000)).inputToEditor);
  }

  // 2. Run → output, 20 warm runs in one page (after 3 warm-up runs).
  const { page, scripts, close } = await coldLoad("/playground/", inputThenEditor);
  const runTimes = await warmRuns(page, 20, 50);
  playgroundScripts = scripts;
  await close();

  // 3. Bytes.
  const playgroundBytes = gzipBytes(playgroundScripts);
  const docsBytes = gzipBytes(docsScripts);
  const monacoOnDocs = [...docsScripts].filter((file) =>
    readFileSync(join(DIST, file), "utf8").includes("MonacoEnvironment"),
  );

  const editorMedian = median(editorTimes);
  const docsMedian = median(docsTimes);
  const runMedian = median(runTimes);
  console.log(`navigation → editable editor: median ${ms(editorMedian)} of 5 cold loads (goal ≤ 1500 ms)`);
  console.log(`  split: navigation → code shown as text (FCP): median ${ms(median(paintTimes))}`);
  console.log(`  split: first input after load → editable editor: median ${ms(median(inputTimes))}`);
  console.log(
    `  split: first input 2 s after load (Monaco prefetched meanwhile) → editable editor: median ${ms(median(readerTimes))}`,
  );
  console.log(
    `  baseline: docs page ${DOCS_PAGE} navigation → load: median ${ms(docsMedian)}; ratio ${(editorMedian / docsMedian).toFixed(1)}×`,
  );
  console.log(
    `Run → output: median ${ms(runMedian)} of 20 warm runs (min ${ms(Math.min(...runTimes))}, max ${ms(Math.max(...runTimes))}; goal ≤ 150 ms)`,
  );
  console.log(
    `JavaScript (gzip): playground ${mb(playgroundBytes)} in ${playgroundScripts.size} files (goal ≤ 2.7 MB); docs page ${(docsBytes / 1e3).toFixed(1)} kB in ${docsScripts.size} files; ratio ${(playgroundBytes / Math.max(1, docsBytes)).toFixed(0)}×`,
  );
  console.log(`Monaco files on the docs page: ${monacoOnDocs.length} (goal 0)`);
  const failed = editorMedian > 1500 || runMedian > 150 || playgroundBytes > 2_700_000 || monacoOnDocs.length > 0;
  if (failed) console.log("(at least one goal missed)");
} finally {
  stopServer();
}
