// Byte budgets, measured in the browser: every JavaScript file the playground page really loads (page chunks,
// lazily imported Monaco chunks, Monaco's workers, the sandbox assets), gzip-compressed, must stay within
// 2.7 MB; and docs pages must load no Monaco code at all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { clickRun, openPlayground } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const siteDist = inject("siteDist");
/** The budget for the playground page: 2.7 MB of gzip-compressed JavaScript. */
const PLAYGROUND_BUDGET = 2_700_000;
const MONACO_MARKERS = ["MonacoEnvironment", "monaco-editor", ".monaco-editor"];

let browser: SiteBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Records the same-site JavaScript files a page (and its workers) requests, as paths in dist/. */
function recordScripts(page: Page): Set<string> {
  const files = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(siteUrl).origin && /\.m?js$/.test(url.pathname)) files.add(url.pathname);
  });
  return files;
}

const gzipBytes = (path: string) => gzipSync(readFileSync(join(siteDist, path)), { level: 9 }).byteLength;

describe("byte budgets", () => {
  it("the playground page loads at most 2.7 MB of JavaScript (gzip), workers included", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    const scripts = recordScripts(page);
    await openPlayground(page, siteUrl);
    expect((await clickRun(page)).state).toBe("done");
    const paths = [...scripts];
    // Monaco's TypeScript worker must be among them, or the measurement missed the worker requests.
    expect(paths.some((path) => /ts\.worker/.test(path))).toBe(true);
    const total = paths.reduce((sum, path) => sum + gzipBytes(path), 0);
    console.log(`[playground] ${paths.length} JS files, ${(total / 1e6).toFixed(2)} MB gzip`);
    expect(total).toBeLessThanOrEqual(PLAYGROUND_BUDGET);
    await page.close();
  });

  for (const path of ["/", "/events/", "/events/LogFileCreated/", "/guides/write-a-handler/"]) {
    it(`the docs page ${path} loads 0 bytes of Monaco`, async () => {
      const page = await browser.newPage({ width: 1280, height: 900 });
      const scripts = recordScripts(page);
      await page.goto(`${siteUrl}${path}`, { waitUntil: "networkidle" });
      const monacoFiles = [...scripts].filter((file) => {
        const code = readFileSync(join(siteDist, file), "utf8");
        return MONACO_MARKERS.some((marker) => code.includes(marker));
      });
      expect(monacoFiles).toEqual([]);
      expect(scripts.size).toBeGreaterThan(0);
      await page.close();
    });
  }
});
