// The log analyzer page (/logs/), driven in Chromium against the built site: a generated log gives the totals
// summarizeCdnLog gives in Node, progress advances on a 2 GB file while memory stays flat, Cancel stops the work,
// several files merge, bad files say what is wrong, saved summaries round-trip, nothing is requested beyond the
// site's own assets, and axe finds nothing serious in light and dark, on a desktop and a phone.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type CdnLogSummary,
  generateCdnLog,
  mergeCdnLogSummaries,
  readCdnLog,
  summarizeCdnLog,
} from "../../sdk/src/logs/index.js";
import { formatsFor } from "../../site/logs/format.js";
import { workerHeapsUsed } from "../support/worker-heap.mjs";
import { runAxe } from "./axe.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";

const siteUrl = inject("siteUrl");
const DIST = inject("siteDist");
const f = formatsFor("en");

/** A generated log over six hours, with some malformed lines, and its halves as separate files. */
const LOG = generateCdnLog({ lines: 20_000, seed: 7, durationSeconds: 6 * 3600, malformedRate: 0.002 });
const LINES = LOG.split("\n").slice(0, -1);
const HALF = LINES.length / 2;
const FIRST = `${LINES.slice(0, HALF).join("\n")}\n`;
const SECOND = `${LINES.slice(HALF).join("\n")}\n`;
const gz = (text: string) => gzipSync(Buffer.from(text));
const file = (name: string, buffer: Buffer) => ({ name, mimeType: "application/octet-stream", buffer });
/** Counted in Node, in this thread: the oracle the page must agree with. */
const summarize = (bytes: Buffer) => summarizeCdnLog(readCdnLog(bytes), { worker: false });

let browser: SiteBrowser;
/** Every request any page made, by URL. */
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  browser.context.on("request", (request) => requests.push(request.url()));
});

afterAll(async () => {
  await browser?.close();
});

async function openAnalyzer(path = "/logs/", viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage(viewport);
  await page.goto(`${siteUrl}${path}`);
  return page;
}

const ROOT = "[data-fc-log-analyzer]";
const stateOf = (page: Page) => page.getAttribute(ROOT, "data-state");
const pick = (page: Page, files: ReturnType<typeof file>[]) => page.setInputFiles(`${ROOT} [data-role="pick"]`, files);
async function settled(page: Page): Promise<string | null> {
  await page.waitForFunction(
    (root) => !["idle", "running"].includes(document.querySelector<HTMLElement>(root)?.dataset.state ?? ""),
    ROOT,
    { timeout: 60_000 },
  );
  return stateOf(page);
}

/** The figures the report shows (its tiles' exact values), and its requests and bytes per hour. */
const shownTotals = (page: Page) =>
  page.$eval(`${ROOT} [data-role="report"]`, (report) => ({
    ...Object.fromEntries(
      [...report.querySelectorAll<HTMLElement>("[data-field][data-value]")].map((tile) => [
        tile.dataset.field,
        Number(tile.dataset.value),
      ]),
    ),
    perHour: [...report.querySelectorAll('[data-table="traffic"] tbody tr')].map((row) =>
      [...row.querySelectorAll<HTMLElement>("[data-value]")].map((cell) => cell.dataset.value),
    ),
  }));

/** What the report should show for a summary. */
const expectedTotals = (summary: CdnLogSummary) => {
  const { requests, bytes, requestBytes, cacheHitRatio, statusClasses, responseTimeMs: ms } = summary;
  return {
    requests,
    bytes,
    requestBytes,
    cacheHitByRequests: cacheHitRatio.byRequests,
    cacheHitByBytes: cacheHitRatio.byBytes,
    share4xx: statusClasses["4xx"] / requests,
    share5xx: statusClasses["5xx"] / requests,
    p50: ms.p50,
    p95: ms.p95,
    p99: ms.p99,
    max: ms.max,
    mean: ms.mean,
    malformed: summary.stats?.malformed,
    perHour: summary.perHour.map((hour) => [hour.start.toISOString(), String(hour.requests), String(hour.bytes)]),
  };
};

/** Each listed file's state and text. */
const fileStates = (page: Page) =>
  page.$$eval(`${ROOT} [data-role="files"] li`, (items) =>
    items.map((item) => ({ state: (item as HTMLElement).dataset.fileState, text: item.textContent ?? "" })),
  );

/**
 * Drops a file of `repeat` times `text` onto the drop zone. The File is made in the page from one Blob repeated:
 * a list of references to the same bytes, so even gigabytes cost the test nothing.
 */
async function dropRepeated(page: Page, name: string, text: string, repeat: number): Promise<void> {
  await page.evaluate(
    ([name, text, repeat]) => {
      const part = new Blob([text]);
      const transfer = new DataTransfer();
      transfer.items.add(new File(Array(repeat).fill(part), name));
      const zone = document.querySelector('[data-fc-log-analyzer] [data-role="drop"]') as HTMLElement;
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, text, repeat] as const,
  );
}

describe("the log analyzer", () => {
  it("shows the same totals as summarizeCdnLog in Node, and the first malformed line numbers", async () => {
    const expected = await summarize(gz(LOG));
    const page = await openAnalyzer();
    await pick(page, [file("cdn.example.com_2024_06_01_080000_140000.gz", gz(LOG))]);
    expect(await settled(page)).toBe("done");
    expect(await shownTotals(page)).toEqual(expectedTotals(expected));
    const [only] = await fileStates(page);
    expect(only?.state).toBe("done");
    expect(only?.text).toContain(f.list(expected.stats?.malformedLineNumbers ?? []));
    await page.close();
  });

  it("merges several files into the summary of the whole", async () => {
    const whole = await summarize(Buffer.from(LOG));
    const page = await openAnalyzer();
    await pick(page, [file("first.log", Buffer.from(FIRST)), file("second.log.gz", gz(SECOND))]);
    expect(await settled(page)).toBe("done");
    expect((await fileStates(page)).map(({ state }) => state)).toEqual(["done", "done"]);
    // The merge keeps malformed line numbers of one part only; the count is exact.
    const merged = mergeCdnLogSummaries([await summarize(Buffer.from(FIRST)), await summarize(gz(SECOND))]);
    expect(merged.requests).toBe(whole.requests);
    expect(await shownTotals(page)).toEqual(expectedTotals(whole));
    await page.close();
  });

  it("streams a 2 GB file with progress and flat memory, and Cancel stops it", async () => {
    const page = await openAnalyzer();
    // 2 GiB of log text from one 4 MiB part repeated: a Blob of references, so the test itself costs no memory.
    const chunk = LOG.slice(0, LOG.lastIndexOf("\n", 4 * 1024 * 1024) + 1);
    const repeat = Math.ceil(2 ** 31 / chunk.length);
    await dropRepeated(page, "huge.log", chunk, repeat);
    const readSoFar = () => page.getAttribute(`${ROOT} [data-role="progress"]`, "data-bytes-read").then(Number);
    const linesSoFar = () => page.getAttribute(`${ROOT} [data-role="progress"]`, "data-lines").then(Number);
    await expect.poll(readSoFar, { timeout: 60_000 }).toBeGreaterThan(0);
    const heapBefore = await workerHeap(page);
    const first = await readSoFar();
    await expect.poll(readSoFar, { timeout: 120_000 }).toBeGreaterThan(first + 200e6);
    expect(await linesSoFar()).toBeGreaterThan(0);
    const text = await page.textContent(`${ROOT} [data-role="progress-text"]`);
    expect(text).toContain(f.bytes(repeat * chunk.length));
    // Reading the file whole would hold gigabytes; streaming holds a few chunks.
    expect((await workerHeap(page)) - heapBefore).toBeLessThan(64e6);
    expect(await stateOf(page)).toBe("running");

    await page.click(`${ROOT} [data-role="cancel"]`);
    expect(await stateOf(page)).toBe("cancelled");
    expect(await page.isHidden(`${ROOT} [data-role="progress"]`)).toBe(true);
    expect(await page.textContent(`${ROOT} [data-role="status"]`)).toMatch(/^Cancelled while reading huge\.log/);
    expect((await fileStates(page))[0]?.state).toBe("cancelled");
    // The worker is gone: nothing reads on.
    await expect.poll(async () => (await workerHeapsUsed(page)).length, { timeout: 30_000 }).toBe(0);
    await page.close();
  }, 300_000);

  describe("bad input says what is wrong", () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from("IHDR"),
      Buffer.alloc(64),
    ]);
    const text = Buffer.from("# Notes\n\nThis is a README, not an access log.\nSee the docs.\n");
    const truncated = gz(LOG).subarray(0, Math.floor(gz(LOG).length / 2));
    const cases = [
      { name: "picture.png", bytes: png, problem: "binary", says: "This is a binary file, not a text log" },
      { name: "README.md", bytes: text, problem: "notLog", says: "No line is a CDN access log: lines 1, 3, 4" },
      { name: "empty.log", bytes: Buffer.alloc(0), problem: "empty", says: "The file is empty (0 bytes)" },
      { name: "cut.gz", bytes: truncated, problem: "truncatedGzip", says: "The gzip data is truncated or corrupt" },
    ];
    for (const { name, bytes, problem, says } of cases) {
      it(`${name}: ${problem}`, async () => {
        const page = await openAnalyzer();
        await pick(page, [file(name, bytes)]);
        await settled(page);
        const shown = await page.$eval(`${ROOT} [data-role="file-problem"]`, (element) => ({
          problem: (element as HTMLElement).dataset.problem,
          text: element.textContent ?? "",
        }));
        expect(shown.problem).toBe(problem);
        expect(shown.text).toContain(says);
        if (problem === "truncatedGzip") {
          // The lines before the break are kept: a report of fewer requests than the whole, but some.
          const [state] = await fileStates(page);
          expect(state?.state).toBe("partial");
          const { requests } = await shownTotals(page);
          expect(requests).toBeGreaterThan(0);
          expect(requests).toBeLessThan(LINES.length);
        } else {
          expect(await page.isHidden(`${ROOT} [data-role="report-section"]`)).toBe(true);
        }
        await page.close();
      });
    }
  });

  it("downloads the summary JSON and opens it again; a broken one is reported with its JSON path", async () => {
    const page = await openAnalyzer();
    await pick(page, [file("a.gz", gz(LOG))]);
    await settled(page);
    const before = await shownTotals(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`${ROOT} [data-role="download"]`)]);
    const saved = JSON.parse(await streamText(await download.createReadStream()));
    expect(saved.format).toBe("fc-cdn-trigger/log-summary");

    const reopened = await openAnalyzer();
    const open = (name: string, value: unknown) =>
      reopened.setInputFiles(`${ROOT} [data-role="open-summary"]`, [file(name, Buffer.from(JSON.stringify(value)))]);
    await open("saved.json", saved);
    expect(await settled(reopened)).toBe("done");
    expect(await shownTotals(reopened)).toEqual(before);

    saved.perHour[0].requests = "many";
    await open("edited.json", saved);
    expect(await settled(reopened)).toBe("failed");
    const status = await reopened.textContent(`${ROOT} [data-role="status"]`);
    expect(status).toContain("edited.json cannot be opened as a saved summary");
    expect(status).toContain("$.perHour[0].requests");
    await page.close();
    await reopened.close();
  });

  it("makes nothing but requests for the site's own assets", () => {
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((url) => !url.startsWith(`${siteUrl}/`) && !/^(blob|data):/.test(url));
    expect(foreign).toEqual([]);
  });
});

describe("the chart library", () => {
  /** Every built HTML page, relative to the site's folder. */
  const pages = (dir = DIST): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? pages(join(dir, entry.name)) : entry.name.endsWith(".html") ? [join(dir, entry.name)] : [],
    );
  /** The scripts a page loads up front: its script tags and what they import statically, not `import()`. */
  const loadedUpFront = (html: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const code = readFileSync(join(DIST, path), "utf8");
      for (const [, next] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(`_astro/${next}`);
    };
    for (const [, src] of html.matchAll(/<script[^>]*\ssrc="\/([^"]+\.js)"/g)) visit(src as string);
    for (const [, href] of html.matchAll(/<link[^>]*\shref="\/([^"]+\.js)"/g)) visit(href as string);
    return seen;
  };
  const isUplot = (path: string) => /\buPlot\b|class="uplot"|"uplot"/.test(readFileSync(join(DIST, path), "utf8"));

  it("is in the built site, and no page loads it up front; only the analyzer pages can load it", () => {
    const chunks = readdirSync(join(DIST, "_astro")).filter((name) => name.endsWith(".js"));
    expect(chunks.filter((name) => isUplot(`_astro/${name}`)).length).toBeGreaterThan(0);
    const offenders: string[] = [];
    const reaching: string[] = [];
    for (const page of pages()) {
      const html = readFileSync(page, "utf8");
      const name = relative(DIST, page);
      if ([...loadedUpFront(html)].some(isUplot)) offenders.push(name);
      const analyzer = /^(zh-cn\/)?logs\/index\.html$/.test(name);
      if (!analyzer && html.includes("LogAnalyzerPage")) reaching.push(name);
    }
    expect(offenders).toEqual([]);
    expect(reaching).toEqual([]);
  });
});

describe("accessibility", () => {
  const layouts = [
    { path: "/logs/", viewport: { width: 1280, height: 900 } },
    { path: "/zh-cn/logs/", viewport: { width: 390, height: 844 } },
    { path: "/logs/", viewport: { width: 390, height: 844 } },
  ];
  for (const { path, viewport } of layouts) {
    for (const theme of ["light", "dark"] as const) {
      it(`axe finds no serious violation on ${path} with a report, ${theme}, ${viewport.width}×${viewport.height}`, async () => {
        const page = await openAnalyzer(path, viewport);
        await page.emulateMedia({ colorScheme: theme });
        await page.click(`${ROOT} [data-role="sample"]`);
        expect(await settled(page)).toBe("done");
        expect(await page.getAttribute("html", "data-theme")).toBe(theme);
        // The page's content: Starlight's own header fails label-content-name-mismatch on English desktop pages
        // (its search button reads "Search Ctrl K" under the label "Search"), which is not this page's to fix.
        expect(await runAxe(page, "main")).toEqual([]);
        await page.close();
      });
    }
  }
});

/** The JS heap of the page's analyzer worker, in bytes. */
async function workerHeap(page: Page): Promise<number> {
  const heaps = await workerHeapsUsed(page);
  if (heaps.length !== 1) throw new Error(`expected the analyzer's one worker to be running, found ${heaps.length}`);
  return heaps[0] as number;
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
