// axe-core finds no serious or critical violation on the pages people use most, in Starlight's light and dark
// themes: the home page, an event page before and after its "Try it" ran, the playground (idle, after Run, in
// Python) and an API page. Monaco's token colours are part of what axe checks (the editor's text is in the DOM).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runAxe } from "./axe.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { clickRun, openPlayground, waitForRunEnd } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
let browser: SiteBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in `theme`: Starlight reads its theme from localStorage before the first paint. */
async function themedPage(theme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({ width: 1280, height: 900 });
  await page.addInitScript((value) => localStorage.setItem("starlight-theme", value), theme);
  return page;
}

async function expectThemed(page: Page, theme: "light" | "dark"): Promise<void> {
  expect(await page.getAttribute("html", "data-theme")).toBe(theme);
}

describe.each(["light", "dark"] as const)("axe, %s theme", (theme) => {
  let page: Page;
  beforeAll(async () => {
    page = await themedPage(theme);
  });
  afterAll(async () => {
    await page?.close();
  });

  it.each(["/", "/api/", "/zh-cn/"])("%s", async (path) => {
    await page.goto(`${siteUrl}${path}`, { waitUntil: "networkidle" });
    await expectThemed(page, theme);
    expect(await runAxe(page)).toEqual([]);
  });

  it("an event page, before and after its Try it ran", async () => {
    await page.goto(`${siteUrl}/events/LogFileCreated/`, { waitUntil: "networkidle" });
    await expectThemed(page, theme);
    expect(await runAxe(page), "before Try it").toEqual([]);
    await page.locator("#try-it").scrollIntoViewIfNeeded();
    const root = "[data-fc-playground]";
    await page.waitForSelector(`${root}[data-state="ready"]`, { timeout: 60_000 });
    await page.click(`${root} [data-role="run"]`);
    await waitForRunEnd(page, 60_000);
    // Monaco paints its tokens a moment after mounting; check the coloured text, not the plain first render.
    await page.waitForSelector(`${root} .view-line span[class*="mtk"]`);
    expect(await runAxe(page), "after Try it").toEqual([]);
  });

  it("the playground: idle, after Run, and in Python", async () => {
    await openPlayground(page, siteUrl);
    await expectThemed(page, theme);
    await page.waitForSelector('[data-fc-playground] .view-line span[class*="mtk"]');
    expect(await runAxe(page), "idle").toEqual([]);
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state, outcome.text).toBe("done");
    expect(await runAxe(page), "after Run").toEqual([]);
    await page.selectOption('[data-fc-playground] [data-role="language"]', "python");
    await page.waitForSelector('[data-fc-playground][data-python="ready"]', { timeout: 120_000 });
    const python = await clickRun(page, 60_000);
    expect(python.state, python.text).toBe("done");
    expect(await runAxe(page), "in Python, after Run").toEqual([]);
  });
});
