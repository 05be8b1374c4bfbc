// The HTML file of `fc-cdn-trigger logs report`, opened in Chromium from file:// with the network blocked: it
// draws its charts, shows the numbers of the summary it embeds, asks for nothing outside itself, reads at
// 390 px wide, and axe finds no serious or critical violation in the light or the dark theme.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, RESULTS } from "../../test/e2e/paths.js";
import { main } from "../src/cli/main.js";
import { OPTIONS_SCRIPT_ID } from "../src/cli/report-ids.js";
import { type CdnLogSummaryJson, generateCdnLog } from "../src/logs/index.js";
import { reportFormat } from "../src/logs/report/format.js";
import { LOCALE_TAGS, REPORT_MESSAGES } from "../src/logs/report/messages.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "fc-cdn-report-page-"));
const START = new Date("2024-06-01T00:00:00Z");
// Five hours, a few malformed lines, two files: every section of the report has something to show.
writeFileSync(
  join(dir, "a.log.gz"),
  gzipSync(generateCdnLog({ lines: 4000, seed: 11, start: START, durationSeconds: 3 * 3600, malformedRate: 0.002 })),
);
writeFileSync(
  join(dir, "b.log.gz"),
  gzipSync(
    generateCdnLog({
      lines: 2500,
      seed: 12,
      start: new Date(START.getTime() + 3 * 3_600_000),
      durationSeconds: 2 * 3600,
    }),
  ),
);

async function report(
  name: string,
  ...options: string[]
): Promise<{ url: string; html: string; json: CdnLogSummaryJson }> {
  const io = { stdout() {}, stderr() {}, readStdin: async () => "", cwd: dir };
  const code = await main(
    ["logs", "report", "a.log.gz", "b.log.gz", "-o", `${name}.html`, "--json", `${name}.json`, ...options],
    io,
  );
  if (code !== 0) throw new Error(`logs report exited with ${code}`);
  return {
    url: pathToFileURL(join(dir, `${name}.html`)).href,
    html: readFileSync(join(dir, `${name}.html`), "utf8"),
    json: JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")),
  };
}

let browser: Browser;
let english: Awaited<ReturnType<typeof report>>;
/** Every request each page made, by URL. */
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  english = await report("report");
  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu"] });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a report in a fresh context whose network is cut off: any http(s) request is recorded and aborted. */
async function open(url: string, options: { width?: number; colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    offline: true,
  });
  await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(url);
  await page.locator(".fc-log-report canvas").first().waitFor();
  return page;
}

/** What a section's table shows: each row's cells as [data-value, text]. */
const tableRows = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => [...row.children].map((cell) => [cell.getAttribute("data-value"), cell.textContent ?? ""])),
  );

const count = (n: number) => n.toLocaleString("en-US");
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

describe("the CLI's HTML report in Chromium, from file://, offline", () => {
  it("draws the charts and shows the numbers of the summary it embeds", async () => {
    const page = await open(english.url);
    const s = english.json;
    // Requests and bytes per hour, cache hit ratio, status classes, latency histogram.
    expect(await page.locator(".fc-log-report .fcr-chart canvas").count()).toBe(5);
    const tiles = Object.fromEntries(
      await page.$$eval("[data-field]", (cells) =>
        cells.map((cell) => [
          cell.getAttribute("data-field"),
          { value: cell.getAttribute("data-value"), text: cell.firstChild?.textContent ?? "" },
        ]),
      ),
    );
    expect(tiles.requests).toEqual({ value: String(s.requests), text: count(s.requests) });
    expect(tiles.bytes?.value).toBe(String(s.bytes));
    expect(tiles.cacheHitByRequests).toEqual({
      value: String(s.cacheHitRatio.byRequests),
      text: percent(s.cacheHitRatio.byRequests),
    });
    expect(tiles.cacheHitByBytes).toEqual({
      value: String(s.cacheHitRatio.byBytes),
      text: percent(s.cacheHitRatio.byBytes),
    });
    expect(tiles.share5xx?.text).toBe(percent(s.statusClasses["5xx"] / s.requests));
    expect(tiles.share4xx?.text).toBe(percent(s.statusClasses["4xx"] / s.requests));
    expect(tiles.p95?.value).toBe(String(s.responseTimeMs.p95));
    expect(tiles.malformed?.value).toBe(String(s.stats?.malformed));
    expect(tiles.malformed?.text).toContain(`${s.stats?.malformed} malformed lines skipped`);

    expect(s.perHour).toHaveLength(5);
    expect(await tableRows(page, "[data-table=traffic]")).toEqual(
      s.perHour.map((hour) => [
        [hour.start, expect.stringMatching(/^2024-06-01 \d\d:00$/)],
        [String(hour.requests), count(hour.requests)],
        [String(hour.bytes), count(hour.bytes)],
      ]),
    );
    const status = await tableRows(page, "[data-table=status]");
    expect(status.map((row) => row.slice(1).reduce((sum, [value]) => sum + Number(value), 0))).toEqual(
      s.perHour.map((hour) => hour.requests),
    );
    const latency = await tableRows(page, "[data-table=latency]");
    expect(latency.reduce((sum, row) => sum + Number(row[1]?.[0]), 0)).toBe(s.requests);

    for (const name of [
      "urls",
      "referers",
      "userAgents",
      "clientIps",
      "contentTypes",
      "clientErrorUrls",
      "serverErrorUrls",
    ] as const) {
      const rows = await tableRows(page, `[data-list=${name}]`);
      expect(
        rows.map((row) => [row[1]?.[1], Number(row[2]?.[0]), row[2]?.[1]]),
        name,
      ).toEqual(s.top[name].map((e) => [e.value, e.count, `${e.maxOverestimate > 0 ? "≈" : ""}${count(e.count)}`]));
    }
    expect(pageErrors).toEqual([]);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "logs-report.png"), fullPage: true });
    await page.context().close();
  });

  it("holds no external URL and requests nothing but itself", async () => {
    requests.length = 0;
    const page = await open(english.url);
    // Parsed by Chromium: the file as written, and the page once the script has rendered the report.
    const external = await page.evaluate((html) => {
      const urls: string[] = [];
      const check = (doc: Document) => {
        for (const element of doc.querySelectorAll("*")) {
          for (const attribute of [
            "src",
            "href",
            "xlink:href",
            "srcset",
            "action",
            "formaction",
            "poster",
            "data",
            "background",
          ]) {
            const value = element.getAttribute(attribute);
            if (value !== null) urls.push(`${element.tagName} ${attribute}=${value}`);
          }
          const style = element.getAttribute("style") ?? "";
          for (const match of style.matchAll(/url\(([^)]*)\)/g)) urls.push(`style url(${match[1]})`);
        }
        for (const style of doc.querySelectorAll("style")) {
          for (const match of (style.textContent ?? "").matchAll(/url\(([^)]*)\)|@import/g))
            urls.push(`css ${match[0]}`);
        }
      };
      check(new DOMParser().parseFromString(html, "text/html"));
      check(document);
      return urls;
    }, english.html);
    expect(external).toEqual([]);
    expect(requests).toEqual([english.url]);
    await page.context().close();
  });

  it("reads at 390 px wide: no sideways page scroll, charts as wide as the screen", async () => {
    const page = await open(english.url, { width: 390 });
    const layout = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      chartWidths: [...document.querySelectorAll(".fcr-chart canvas")].map(
        (canvas) => canvas.getBoundingClientRect().width,
      ),
    }));
    expect(layout.pageWidth).toBeLessThanOrEqual(390);
    expect(layout.chartWidths).toHaveLength(5);
    for (const width of layout.chartWidths) expect(width).toBeGreaterThan(300);
    expect(layout.chartWidths.every((width) => width <= 390)).toBe(true);
    // Resizing the window resizes the charts (ResizeObserver).
    await page.setViewportSize({ width: 800, height: 900 });
    await expect
      .poll(() => page.$eval(".fcr-chart canvas", (canvas) => canvas.getBoundingClientRect().width))
      .toBeGreaterThan(600);
    await page.context().close();
  });

  it.each(["light", "dark"] as const)(
    "has no serious or critical axe violation in the %s theme, tables open",
    async (colorScheme) => {
      const page = await open(english.url, { colorScheme });
      await page.$$eval(".fc-log-report details", (all) => {
        for (const details of all) (details as HTMLDetailsElement).open = true;
      });
      const background = await page.$eval("body", (body) => getComputedStyle(body).backgroundColor);
      const text = await page.$eval(".fc-log-report", (report) => getComputedStyle(report).color);
      expect({ background, text }).toEqual(
        colorScheme === "dark"
          ? { background: "rgb(18, 18, 18)", text: "rgb(230, 237, 243)" }
          : { background: "rgb(255, 255, 255)", text: "rgb(31, 35, 40)" },
      );
      await page.addScriptTag({ content: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const { axe } = window as unknown as {
          axe: {
            run(): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }>;
          };
        };
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target) }));
      });
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
      await page.context().close();
    },
  );

  it("redraws its charts when a page switches data-theme, as Starlight does", async () => {
    const page = await open(english.url);
    const pixels = () => page.$eval(".fcr-chart canvas", (canvas) => (canvas as HTMLCanvasElement).toDataURL());
    const light = await pixels();
    await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
    await expect.poll(pixels).not.toBe(light);
    await page.context().close();
  });

  it("speaks 简体中文 with --lang zh-cn", async () => {
    const chinese = await report("zh", "--lang", "zh-cn");
    const page = await open(chinese.url);
    const t = REPORT_MESSAGES["zh-cn"];
    expect(await page.$$eval(".fc-log-report h2", (headings) => headings.map((h) => h.textContent))).toEqual([
      t.totals,
      t.trafficTitle,
      t.cacheTitle,
      t.statusTitle,
      t.latencyTitle,
      t.topTitle,
      t.linesTitle,
    ]);
    expect(await page.getAttribute(".fc-log-report", "lang")).toBe("zh-CN");
    await page.context().close();
  });

  it("says on top which file was cut after how many lines, in English and 简体中文", async () => {
    const gz = readFileSync(join(dir, "b.log.gz"));
    writeFileSync(join(dir, "cut.log.gz"), gz.subarray(0, Math.floor(gz.length / 2)));
    for (const locale of ["en", "zh-cn"] as const) {
      const io = { stdout() {}, stderr() {}, readStdin: async () => "", cwd: dir };
      const argv = ["logs", "report", "a.log.gz", "cut.log.gz", "-o", `cut-${locale}.html`, "--lang", locale];
      expect(await main(argv, io)).toBe(3);
      const html = readFileSync(join(dir, `cut-${locale}.html`), "utf8");
      const options = new RegExp(`<script type="application/json" id="${OPTIONS_SCRIPT_ID}">([^<]*)</script>`).exec(
        html,
      );
      const lines: number = JSON.parse(options?.[1] ?? "null").sources[1].stats.lines;
      expect(lines).toBeGreaterThan(100);
      const page = await open(pathToFileURL(join(dir, `cut-${locale}.html`)).href);
      const note = page.locator('.fc-log-report > [data-field="partial"]');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe(
        REPORT_MESSAGES[locale].partialSource("cut.log.gz", reportFormat(LOCALE_TAGS[locale]).count(lines)),
      );
      // First thing in the report, before the totals.
      expect(await page.$eval(".fc-log-report", (report) => report.firstElementChild?.getAttribute("data-field"))).toBe(
        "partial",
      );
      await page.context().close();
    }
  });
});
