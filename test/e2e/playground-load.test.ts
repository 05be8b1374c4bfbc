// When /playground/ starts its editor: on the reader's first input, so Monaco's long start-up tasks stay out of the
// page load (Lighthouse's total blocking time); at once when the page has shared or saved work to show, because the
// server-rendered text is only the template; and a Run pressed before the editor is there still runs.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { shareLink } from "../../site/playground/share/share-state.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { setTheme, tokenColours } from "./code-colours.js";
import { readOutcome, waitForRunEnd, wakePlayground } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const ROOT = "[data-fc-playground]";
const MONACO = /monaco-bundle|editor\.api|ts\.worker|editor\.worker/;

let browser: SiteBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PLAYGROUND = `${siteUrl}/playground/`;

/**
 * A page that records the Monaco files it requests, with no autosaved work from earlier tests (cleared from the
 * home page: a load of /playground/ would prefetch Monaco before the test's own load).
 */
async function freshPage(width = 1280, height = 720): Promise<{ page: Page; monaco: string[] }> {
  const page = await browser.newPage({ width, height });
  const monaco: string[] = [];
  page.on("request", (request) => {
    if (MONACO.test(request.url())) monaco.push(request.url());
  });
  await page.goto(`${siteUrl}/`);
  await page.evaluate(() => localStorage.clear());
  return { page, monaco };
}

describe("/playground/ loads its editor on the reader's first input", () => {
  it("shows the handler and the event as text, and until then only downloads Monaco (when idle), never runs it", async () => {
    const { page, monaco } = await freshPage();
    await page.goto(PLAYGROUND, { waitUntil: "networkidle" });
    // Downloaded and compiled by modulepreload links once the page was idle (within 3 s of its load)…
    const scripts = () => monaco.filter((url) => url.endsWith(".js"));
    const names = () => scripts().map((url) => new URL(url).pathname.split("/").pop()?.split(".")[0]);
    await expect.poll(() => names().sort(), { timeout: 15_000 }).toEqual(["editor", "monaco-bundle"]);
    await page.waitForTimeout(1_000);
    expect(await page.getAttribute(ROOT, "data-state")).toBe("idle");
    const preloaded = await page.$$eval('link[rel="modulepreload"]', (links) =>
      links.map((link) => (link as HTMLLinkElement).href),
    );
    expect(preloaded).toEqual(expect.arrayContaining(scripts()));
    // …but not run: no editor, no Monaco environment, none of its workers.
    const ran = await page.evaluate(() => ({
      editors: document.querySelectorAll(".monaco-editor").length,
      environment: "MonacoEnvironment" in self,
    }));
    expect(ran).toEqual({ editors: 0, environment: false });
    // The template is readable meanwhile, in the editors' places.
    expect(await page.locator(`${ROOT} [data-role="handler-editor"] pre`).textContent()).toContain("defineCdnHandler");
    expect(await page.locator(`${ROOT} [data-role="event-editor"] pre`).textContent()).toContain('"eventName"');
    // …and highlighted at build time as the docs' code blocks are, readable in both themes.
    for (const theme of ["dark", "light"] as const) {
      await setTheme(page, theme);
      const [keyword, string, key] = [
        ...(await tokenColours(page, `${ROOT} [data-role="handler-editor"] pre`, ["import", "fc-cdn-trigger"])),
        ...(await tokenColours(page, `${ROOT} [data-role="event-editor"] pre`, ['"eventName"'])),
      ];
      for (const token of [keyword, string, key]) {
        expect(token?.colour, `${theme}: ${token?.token}`).not.toBe("");
        expect(token?.contrast, `${theme}: ${token?.token}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(keyword?.colour, theme).not.toBe(string?.colour);
    }
    await wakePlayground(page);
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    // The input's imports used the downloads: each file was fetched once.
    const fetched = monaco.filter((url) => /(editor\.api|monaco-bundle)\.[\w-]+\.js$/.test(url));
    expect(fetched).toEqual([...new Set(fetched)]);
    expect(monaco.some((url) => /worker/.test(url))).toBe(true);
    await page.close();
  });

  it("a key press counts as input (a keyboard reader tabbing in)", async () => {
    const { page } = await freshPage();
    await page.goto(PLAYGROUND);
    await page.keyboard.press("Tab");
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    await page.close();
  });

  it("Run pressed before the editor is there runs the handler once it is", async () => {
    const { page } = await freshPage(390, 844);
    await page.goto(PLAYGROUND);
    expect(await page.getAttribute(ROOT, "data-state")).toBe("idle");
    await page.click(`${ROOT} [data-role="run"]`);
    const outcome = await waitForRunEnd(page, 60_000);
    expect(outcome.state, outcome.text).toBe("done");
    expect((await readOutcome(page)).text).toContain("LogFileCreated");
    await page.close();
  });

  it("starts at once, with no input, for a share link or autosaved work", async () => {
    const { page } = await freshPage();
    // Autosaved work: an edit made in an earlier visit.
    await page.goto(PLAYGROUND);
    await wakePlayground(page);
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    await page.evaluate(() => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setCode(code: string): void };
      };
      root.playground.setCode("export const handler = async () => 'saved';\n");
    });
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith("fc-playground:v1:")));
    await page.reload();
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    expect(await page.getAttribute(ROOT, "data-loaded-from")).toBe("autosave");
    // A share link, in a page with nothing saved.
    await page.evaluate(() => localStorage.clear());
    const code = "export const handler = async () => 'shared';\n";
    const link = shareLink("/playground/", {
      v: 1,
      language: "typescript",
      code,
      eventName: "LogFileCreated",
      event: "{}",
    });
    // A page load of its own: from /playground/ itself, only the hash would change (no load, nothing to start).
    await page.goto("about:blank");
    await page.goto(`${siteUrl}${link}`);
    await page.waitForSelector(`${ROOT}[data-state="ready"][data-loaded-from]`, { timeout: 60_000 });
    expect(await page.getAttribute(ROOT, "data-loaded-from")).toBe("share");
    await page.close();
  });

  it("fetches every file of the editor at once: Monaco's bundle and the app are requested while Monaco's API is still downloading", async () => {
    const { page } = await freshPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    // Hold Monaco's editor API (the first and largest file) until the others have been asked for.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/editor\.api\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // No idle time, so no prefetch (which requests them too): only the input's imports can.
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.goto(PLAYGROUND, { waitUntil: "domcontentloaded" });
    await wakePlayground(page);
    const others = [/\/monaco-bundle\.[\w-]+\.js$/, /\/playground-app\.[\w-]+\.js$/];
    try {
      await expect
        .poll(() => others.every((file) => requested.some((path) => file.test(path))), { timeout: 15_000 })
        .toBe(true);
    } finally {
      release();
    }
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    await page.close();
  });
});
