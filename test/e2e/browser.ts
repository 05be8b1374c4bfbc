// Chromium through playwright-core, with a record of what each page did: console errors and off-site requests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumPath } from "./paths.js";

/** Hosts a page may talk to: the site's own. */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface SiteBrowser {
  context: BrowserContext;
  /** Requests to any host but the site's own, as URLs. */
  offsiteRequests: string[];
  /** Console errors and uncaught page errors, each prefixed by the page URL. */
  consoleErrors: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<SiteBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "fc-cdn-site-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const offsiteRequests: string[] = [];
  const consoleErrors: string[] = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && !LOCAL_HOSTS.has(url.hostname)) {
      offsiteRequests.push(request.url());
    }
  });
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    offsiteRequests,
    consoleErrors,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Launches a browser and opens `path` of the site in a page (1280×900 unless `viewport` says otherwise); with
 * `clipboard`, the page may read and write the clipboard (for the panels' Copy buttons).
 *
 * @example
 * ```ts
 * ({ browser, page } = await launchWithPage(siteUrl, "/playground/", { clipboard: true }));
 * ```
 */
export async function launchWithPage(
  siteUrl: string,
  path: string,
  options: { viewport?: { width: number; height: number }; clipboard?: boolean } = {},
): Promise<{ browser: SiteBrowser; page: Page }> {
  const browser = await launchBrowser();
  if (options.clipboard) {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteUrl });
  }
  const page = await browser.newPage(options.viewport ?? { width: 1280, height: 900 });
  await page.goto(`${siteUrl}${path}`);
  return { browser, page };
}
