// The playground's "Summarise the log file" Python template returns the numbers summarizeCdnLog finds on the same
// bytes: run by python3 the way FC's Python runtime runs it, on generated gzip logs served by a local HTTP server;
// and in the playground (Pyodide in Chromium), where the Python runtime answers the event's filePath with the
// sample log the JavaScript runtime serves (urllib.request and pyodide.http.open_url alike) and refuses anything
// else with the JavaScript runtime's no-network message.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  type CdnLogSummary,
  type GenerateCdnLogOptions,
  generateCdnLog,
  readCdnLog,
  summarizeCdnLog,
} from "fc-cdn-trigger/logs";
import { createCdnEnvelope, createCdnEvent } from "fc-cdn-trigger/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PLAYGROUND_MESSAGES } from "../../site/playground/i18n/tables.js";
import { pythonTemplate } from "../../site/playground/python/python-templates.js";
import { sampleLogFiles } from "../../site/playground/runner/sample-log.js";
import { python3Version, runPythonHandler } from "../support/python3.js";
import { expectSameSummary, type TemplateSummary } from "../support/template-summary.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { clickRun, openPlayground, readRunDetails } from "./playground-helpers.js";

if (!python3Version) console.warn("[python log template] skipping: python3 is not installed (apt-get install python3)");

// Two hourly files: a plain CDN log, and a DCDN one with missing content types and garbage lines (among them a
// well-formed line stamped 32/Jun, which only a real date check rejects).
const LOGS: { domain: string; name: string; options: GenerateCdnLogOptions }[] = [
  { domain: "cdn.example.com", name: "cdn.example.com_2024_06_01_080000_090000.gz", options: { lines: 4000, seed: 5 } },
  {
    domain: "dcdn.example.com",
    name: "dcdn.example.com_2024_06_01_090000_100000.gz",
    options: {
      lines: 4000,
      seed: 9,
      domain: "dcdn.example.com",
      dcdn: true,
      missingContentTypeRate: 0.1,
      malformedRate: 0.02,
    },
  },
];
const gzips = new Map(LOGS.map((log) => [`/${log.name}`, gzipSync(generateCdnLog(log.options))]));

let server: Server;
let baseUrl = "";
let scratch = "";
beforeAll(async () => {
  server = createServer((request, response) => {
    const body = gzips.get(request.url ?? "");
    response.writeHead(body ? 200 : 404, { "content-length": body?.byteLength ?? 0 }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scratch = mkdtempSync(join(tmpdir(), "fc-python-log-template-"));
});
afterAll(async () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  await new Promise((resolve) => server?.close(resolve));
});

describe.skipIf(!python3Version)(`the "Summarise the log file" Python template in ${python3Version}`, () => {
  it("returns the requests, bytes, cache hit ratio, status classes and top URLs summarizeCdnLog finds", async () => {
    const file = join(scratch, "index.py");
    writeFileSync(file, pythonTemplate("logs", ["LogFileCreated"]));
    const logEvent = ({ domain, name }: (typeof LOGS)[number]) =>
      createCdnEvent("LogFileCreated", {
        eventParameter: { domain, filePath: `${baseUrl}/${name}`, fileSize: gzips.get(`/${name}`)?.byteLength },
      });
    const [first, second] = LOGS as [(typeof LOGS)[number], (typeof LOGS)[number]];
    const envelope = createCdnEnvelope(logEvent(first), createCdnEvent("CdnDomainAdded"), logEvent(second));

    const { result, stdout } = await runPythonHandler(file, JSON.stringify(envelope));
    expect(stdout).toContain("CdnDomainAdded: not a log file, skipped");
    // A list, which FC's Python runtime sends as JSON.
    expect(Array.isArray(result), "the template returns a list").toBe(true);
    const summaries = result as TemplateSummary[];
    expect(summaries.map((s) => s.domain)).toEqual(LOGS.map((log) => log.domain));

    for (const [i, log] of LOGS.entries()) {
      const python = summaries[i] as TemplateSummary;
      const expected: CdnLogSummary = await summarizeCdnLog(readCdnLog(new Uint8Array(gzips.get(`/${log.name}`)!)), {
        top: 50,
      });
      const where = `${log.name}: python3 ${JSON.stringify(python)}`;
      if (log.options.malformedRate) expect(expected.stats?.malformed, where).toBeGreaterThan(0);
      expectSameSummary(python, expected, where);
      expect(stdout).toContain(`LogFileCreated for ${log.domain}: ${gzips.get(`/${log.name}`)?.byteLength} bytes`);
      expect(stdout).toContain(`${expected.requests} requests, ${(expected.bytes / 1e6).toFixed(1)} MB`);
    }
  });
});

describe("the template in the playground's Python (Pyodide)", () => {
  const siteUrl = inject("siteUrl");
  const ROOT = "[data-fc-playground]";
  let browser: SiteBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ width: 1280, height: 900 });
    await page.goto(`${siteUrl}/playground/`);
    await page.evaluate(() => localStorage.clear());
    await openPlayground(page, siteUrl);
    await page.selectOption(`${ROOT} [data-role="language"]`, "python");
    await page.waitForSelector(`${ROOT}[data-python="ready"]`, { timeout: 120_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const eventJson = () =>
    page.evaluate(
      () =>
        (document.querySelector("[data-fc-playground]") as HTMLElement & { playground: { eventJson: string } })
          .playground.eventJson,
    );

  /** summarizeCdnLog on the gzip log the playground serves for the event's first LogFileCreated filePath. */
  async function nodeSummary(event: string): Promise<CdnLogSummary> {
    const [file] = sampleLogFiles(event);
    if (!file) throw new Error("the event has no LogFileCreated filePath");
    return summarizeCdnLog(readCdnLog(new Uint8Array(gzipSync(generateCdnLog(file.options)))), { top: 50 });
  }

  it("downloads the event's filePath with urllib and returns summarizeCdnLog's numbers for that log", async () => {
    await page.selectOption(`${ROOT} [data-role="template"]`, "logs");
    await page.selectOption(`${ROOT} [data-role="event"]`, "LogFileCreated");
    const outcome = await clickRun(page, 120_000);
    expect(outcome.state, outcome.text).toBe("done");
    const { result } = await readRunDetails(page);
    const [summary, ...rest] = JSON.parse(result ?? "null") as TemplateSummary[];
    expect(rest).toEqual([]);
    const event = await eventJson();
    const expected = await nodeSummary(event);
    const domain = JSON.parse(event).events[0].eventParameter.domain as string;
    expect(summary?.domain).toBe(domain);
    expectSameSummary(summary as TemplateSummary, expected, `Pyodide ${JSON.stringify(summary)}`);
    expect(outcome.text).toContain(`${expected.requests} requests, ${(expected.bytes / 1e6).toFixed(1)} MB`);
  });

  it("pyodide.http.open_url gets the same log; any other request is refused with the no-network message", async () => {
    await page.evaluate((code) => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setCode(code: string, language: string): void };
      };
      root.playground.setCode(code, "python");
    }, OPEN_URL_HANDLER);
    const outcome = await clickRun(page, 120_000);
    expect(outcome.state, outcome.text).toBe("done");
    const { result } = await readRunDetails(page);
    const returned = JSON.parse(result ?? "null") as { same: boolean; lines: number; refused: string[] };
    const [file] = sampleLogFiles(await eventJson());
    expect(returned.same, "open_url's bytes are urllib's").toBe(true);
    expect(returned.lines).toBe(generateCdnLog(file?.options).split("\n").length - 1);
    const noNetwork = PLAYGROUND_MESSAGES.en.phrases.noNetwork;
    expect(returned.refused).toEqual([
      `URLError: <urlopen error ${noNetwork}>`,
      `URLError: <urlopen error ${noNetwork}>`,
      `OSError: ${noNetwork}`,
    ]);
    expect(browser.offsiteRequests).toEqual([]);
  });
});

// open_url (text, so latin-1 gives the bytes back) against urllib, then three requests the playground refuses:
// another URL, the log's URL with POST, and open_url of another URL.
const OPEN_URL_HANDLER = `import gzip
import json
import urllib.request
from pyodide.http import open_url


def handler(event, context):
    path = json.loads(event)["events"][0]["eventParameter"]["filePath"]
    url = path if "://" in path else "https://" + path
    with urllib.request.urlopen(url) as response:
        by_urllib = response.read()
    by_open_url = open_url(url).getvalue().encode("latin-1")
    refused = []
    for attempt in (
        lambda: urllib.request.urlopen("https://example.com/"),
        lambda: urllib.request.urlopen(urllib.request.Request(url, data=b"x", method="POST")),
        lambda: open_url("https://example.com/"),
    ):
        try:
            attempt()
            refused.append("served")
        except Exception as error:
            refused.append(f"{type(error).__name__}: {error}")
    text = gzip.decompress(by_urllib)
    return {"same": by_urllib == by_open_url, "lines": text.count(b"\\n"), "refused": refused}
`;
