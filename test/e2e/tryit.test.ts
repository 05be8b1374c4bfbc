// "Try it" on every event page: a compact playground with that event preselected, which loads nothing of Monaco
// until it is scrolled into view, runs the event, and shares one Monaco with any other playground on the page.
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES } from "fc-cdn-trigger";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type SiteBrowser } from "./browser.js";

const siteUrl = inject("siteUrl");
const MONACO = /monaco-bundle|ts\.worker|editor\.worker|json\.worker/;

let browser: SiteBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the playground `root` has finished a run and returns its output state and text. */
async function waitForRun(page: Page, root: string): Promise<{ state: string; text: string }> {
  await page.waitForFunction(
    (selector) => {
      const state = document.querySelector<HTMLElement>(`${selector} [data-role="output"]`)?.dataset.runState;
      return state !== undefined && state !== "idle" && state !== "running";
    },
    root,
    { timeout: 30_000 },
  );
  const output = page.locator(`${root} [data-role="output"]`);
  return { state: (await output.getAttribute("data-run-state")) ?? "", text: (await output.textContent()) ?? "" };
}

describe("Try it on every event page", () => {
  for (const name of CDN_EVENT_NAMES) {
    it(`${name}: loads when scrolled into view and runs the ${name} sample`, async () => {
      const page = await browser.newPage({ width: 1280, height: 900 });
      const monaco: string[] = [];
      page.on("request", (request) => {
        if (MONACO.test(request.url())) monaco.push(request.url());
      });
      await page.goto(`${siteUrl}/events/${name}/`, { waitUntil: "networkidle" });
      const root = "[data-fc-playground]";
      // Nothing heavy up front: the playground waits below the fold.
      expect(await page.getAttribute(root, "data-state")).toBe("idle");
      expect(monaco).toEqual([]);
      const monacoSheets = () =>
        page.evaluate(
          () =>
            [...document.styleSheets].filter((sheet) => {
              try {
                return [...sheet.cssRules].some((rule) => rule.cssText.startsWith(".monaco-editor"));
              } catch {
                return false;
              }
            }).length,
        );
      expect(await monacoSheets()).toBe(0);
      await page.locator("#try-it").scrollIntoViewIfNeeded();
      await page.waitForSelector(`${root}[data-state="ready"]`, { timeout: 60_000 });
      // Monaco's CSS arrives with the editor (it is not linked up front) and styles it.
      expect(await monacoSheets()).toBeGreaterThan(0);
      expect(await page.$eval(`${root} .monaco-editor`, (editor) => getComputedStyle(editor).position)).toBe(
        "relative",
      );
      expect(await page.locator(`${root} [data-role="event"]`).inputValue()).toBe(name);
      await page.click(`${root} [data-role="run"]`);
      const outcome = await waitForRun(page, root);
      const domain = CDN_EVENT_CATALOG[name].sample.events[0].eventParameter.domain;
      expect(outcome.state, outcome.text).toBe("done");
      expect(outcome.text).toContain(name);
      expect(outcome.text).toContain(domain);
      expect(monaco.some((url) => /monaco-bundle/.test(url))).toBe(true);
      await page.close();
    });
  }
  it("raised no console errors and made no off-site request", () => {
    expect(browser.consoleErrors).toEqual([]);
    expect(browser.offsiteRequests).toEqual([]);
  });
});

describe("a page with two playgrounds", () => {
  it("downloads Monaco once and runs each playground in its own sandbox", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    const monaco: string[] = [];
    page.on("request", (request) => {
      if (MONACO.test(request.url())) monaco.push(request.url());
    });
    await page.goto(`${siteUrl}/events/CdnDomainAdded/`);
    await page.locator("#try-it").scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-fc-playground][data-state="ready"]', { timeout: 60_000 });
    await page.waitForSelector('[data-role="event-status"][data-status="ok"]', { timeout: 30_000 });
    // A second "Try it", taken from another event page's server-rendered markup, added below the first.
    await page.evaluate(async () => {
      const html = await (await fetch("/events/CdnDomainStopped/")).text();
      const markup = new DOMParser().parseFromString(html, "text/html").querySelector("[data-fc-playground]");
      if (!markup) throw new Error("no playground on /events/CdnDomainStopped/");
      markup.id = "second";
      document.querySelector("[data-fc-playground]")?.after(document.adoptNode(markup));
      document.dispatchEvent(new Event("fc-playground:mount"));
    });
    await page.locator("#second").scrollIntoViewIfNeeded();
    await page.waitForSelector('#second[data-state="ready"]', { timeout: 60_000 });
    await page.waitForSelector('#second [data-role="event-status"][data-status="ok"]', { timeout: 30_000 });
    expect(await page.locator('#second [data-role="event"]').inputValue()).toBe("CdnDomainStopped");
    expect(monaco.filter((url) => /monaco-bundle[^/]*\.js$/.test(url))).toHaveLength(1);
    expect(new Set(monaco).size, monaco.join("\n")).toBe(monaco.length);

    const first = "[data-fc-playground]:not(#second)";
    await page.click(`${first} [data-role="run"]`);
    await page.click('#second [data-role="run"]');
    const [one, two] = [await waitForRun(page, first), await waitForRun(page, "#second")];
    expect(one.text).toContain("CdnDomainAdded");
    expect(one.text).not.toContain("CdnDomainStopped");
    expect(two.text).toContain("CdnDomainStopped");
    expect(await page.locator("iframe.fcpg-sandbox").count()).toBe(2);
    expect(browser.consoleErrors).toEqual([]);
    await page.close();
  });
});
