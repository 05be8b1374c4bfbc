// LogFileCreated end to end: in the playground's sandbox, fetching the event's filePath returns a gzip access log
// made by the SDK's generator; the "Summarise the log file" template streams and gunzips it with readCdnLog in the
// browser and prints a summary that must equal summarizeCdnLog's in Node on the same generated log. Any other
// fetch fails with the no-network message.
import { gzipSync } from "node:zlib";
import { CDN_EVENT_CATALOG } from "fc-cdn-trigger";
import { type CdnLogSummary, generateCdnLog, readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SAMPLE_LOG_LINES, sampleLogFiles } from "../../site/playground/runner/sample-log.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { clickRun, openPlayground, setCode } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const ROOT = "[data-fc-playground]";
const SAMPLE = `${JSON.stringify(CDN_EVENT_CATALOG.LogFileCreated.sample, null, 2)}\n`;

let browser: SiteBrowser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ width: 1280, height: 900 });
  await page.goto(`${siteUrl}/playground/`);
  await page.evaluate(() => localStorage.clear());
  await openPlayground(page, siteUrl);
});
afterAll(async () => {
  await browser?.close();
});

/** What Node computes for the log the playground serves for `eventJson`'s first LogFileCreated event. */
async function nodeSummary(eventJson: string): Promise<CdnLogSummary> {
  const [file] = sampleLogFiles(eventJson);
  if (!file) throw new Error("the event has no LogFileCreated filePath");
  const gzip = gzipSync(generateCdnLog(file.options));
  return summarizeCdnLog(readCdnLog(new Uint8Array(gzip)), { top: 5 });
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

describe("the log-summary template", () => {
  it("prints the summary summarizeCdnLog gives in Node for the same generated log", async () => {
    await page.selectOption(`${ROOT} [data-role="template"]`, "logs");
    await page.selectOption(`${ROOT} [data-role="event"]`, "LogFileCreated");
    const outcome = await clickRun(page);
    expect(outcome.state, outcome.text).toBe("done");

    const expected = await nodeSummary(SAMPLE);
    expect(expected.requests).toBe(SAMPLE_LOG_LINES);
    const domain = CDN_EVENT_CATALOG.LogFileCreated.sample.events[0].eventParameter.domain;
    // The printed lines, as the template formats them.
    expect(outcome.text).toContain(
      `LogFileCreated for ${domain}: ${expected.requests} requests, ${(expected.bytes / 1e6).toFixed(1)} MB`,
    );
    expect(outcome.text).toContain(`cache hit ratio: ${percent(expected.cacheHitRatio.byRequests)} of requests`);
    const { statusClasses: s } = expected;
    expect(outcome.text).toContain(
      `status classes: { '1xx': ${s["1xx"]}, '2xx': ${s["2xx"]}, '3xx': ${s["3xx"]}, '4xx': ${s["4xx"]}, '5xx': ${s["5xx"]}, other: ${s.other} }`,
    );
    for (const { value, count } of expected.top.urls)
      expect(outcome.text).toContain(`${String(count).padStart(6)}  ${value}`);

    // The returned value, exactly.
    const returned = await page.evaluate(() => {
      const pre = document.querySelector('[data-role="output"] .fcpg-result-value');
      return JSON.parse(pre?.textContent ?? "null");
    });
    expect(returned).toEqual([
      {
        domain,
        requests: expected.requests,
        cacheHitRatio: expected.cacheHitRatio,
        statusClasses: expected.statusClasses,
        topUrls: expected.top.urls.map(({ value, count }) => ({ url: value, count })),
      },
    ]);
  });

  it("serves the log of an edited event: its domain and its own filePath, with or without a scheme", async () => {
    const event = JSON.parse(SAMPLE);
    Object.assign(event.events[0].eventParameter, {
      domain: "static.example.org",
      filePath: "cdnlog.example.org/static.example.org/2024_06_01/static.example.org_2024_06_01_0800_0900.gz?Expires=1",
      startTime: 1717200000,
      endTime: 1717203600,
    });
    const json = `${JSON.stringify(event, null, 2)}\n`;
    await page.evaluate(
      ([selector, text]) => {
        (
          document.querySelector(selector as string) as HTMLElement & { playground: { setEvent(json: string): void } }
        ).playground.setEvent(text as string);
      },
      [ROOT, json] as const,
    );
    const outcome = await clickRun(page);
    expect(outcome.state, outcome.text).toBe("done");
    const expected = await nodeSummary(json);
    expect(outcome.text).toContain(`LogFileCreated for static.example.org: ${expected.requests} requests`);
    expect(expected.top.urls[0]?.value).toContain("static.example.org");
    expect(outcome.text).toContain(expected.top.urls[0]?.value);
  });

  it("any other request fails with the no-network message", async () => {
    await setCode(
      page,
      `export const handler = async () => {
  const results = [];
  for (const url of ["https://example.com/", "http://cdnlog.cn-hangzhou.oss.aliyun-inc.com/other.gz"]) {
    try {
      await fetch(url);
      results.push("fetched " + url);
    } catch (error) {
      results.push(error.message);
    }
  }
  return results;
};
`,
      "javascript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state, outcome.text).toBe("done");
    const returned = await page.evaluate(() =>
      JSON.parse(document.querySelector('[data-role="output"] .fcpg-result-value')?.textContent ?? "null"),
    );
    expect(returned).toEqual([
      "the playground has no network; only the sample log is served",
      "the playground has no network; only the sample log is served",
    ]);
    expect(browser.consoleErrors).toEqual([]);
    expect(browser.offsiteRequests).toEqual([]);
  });
});
