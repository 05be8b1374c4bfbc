// Several playgrounds on one page (what "Try it" on event pages will do): Monaco and its workers load once,
// each playground keeps its own code, event and sandbox, and a compact click-to-load one loads nothing first.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { openPlayground } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
let browser: SiteBrowser;
let page: Page;
const monacoRequests: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ width: 1280, height: 900 });
  page.on("request", (request) => {
    if (/monaco-bundle|ts\.worker|editor\.worker|json\.worker/.test(request.url())) monacoRequests.push(request.url());
  });
  await openPlayground(page, siteUrl);
});

afterAll(async () => {
  await browser?.close();
});

type Handle = { setCode(code: string, language?: string): void; run(): Promise<void> };

describe("two playgrounds on one page", () => {
  it("the second one mounts on the shared Monaco: no Monaco file is requested twice", async () => {
    // Let the first playground start all its workers (the JSON worker starts when validation first runs).
    await page.waitForSelector('[data-role="event-status"][data-status="ok"]', { timeout: 30_000 });
    await page.waitForTimeout(500);
    const before = monacoRequests.length;
    expect(before).toBeGreaterThan(0);
    // A second, compact, click-to-load playground, inserted from the page's own server-rendered markup.
    await page.evaluate(async () => {
      const html = await (await fetch("/playground/")).text();
      const markup = new DOMParser().parseFromString(html, "text/html").querySelector("[data-fc-playground]")!;
      markup.classList.add("fcpg-compact");
      markup.setAttribute("data-load", "click");
      markup.id = "second";
      document.querySelector("main")!.append(document.adoptNode(markup));
      const load = document.createElement("button");
      load.dataset.role = "load";
      load.textContent = "Load the editor";
      markup.append(load);
      document.dispatchEvent(new Event("fc-playground:mount"));
    });
    // Click-to-load: nothing starts until the click.
    expect(await page.getAttribute("#second", "data-state")).toBe("idle");
    await page.click('#second [data-role="load"]');
    await page.waitForSelector('#second[data-state="ready"]', { timeout: 60_000 });
    await page.waitForSelector('#second [data-role="event-status"][data-status="ok"]', { timeout: 30_000 });
    // Workers start lazily (the editor worker may start only now), but nothing is fetched twice.
    expect(new Set(monacoRequests).size, monacoRequests.join("\n")).toBe(monacoRequests.length);
    expect(monacoRequests.filter((url) => /monaco-bundle[^/]*\.js$/.test(url))).toHaveLength(1);
    expect(monacoRequests.slice(before).filter((url) => /monaco-bundle|ts\.worker/.test(url))).toEqual([]);
  });

  it("each playground runs its own code in its own sandbox", async () => {
    const results = await page.evaluate(async () => {
      const [first, second] = [...document.querySelectorAll("[data-fc-playground]")] as (HTMLElement & {
        playground: Handle;
      })[];
      first!.playground.setCode('export const handler = async () => "first";\n', "javascript");
      second!.playground.setCode('export const handler = async () => "second";\n', "javascript");
      await Promise.all([first!.playground.run(), second!.playground.run()]);
      const text = (root: Element) => root.querySelector('[data-role="output"]')!.textContent ?? "";
      return [text(first!), text(second!), document.querySelectorAll("iframe.fcpg-sandbox").length];
    });
    expect(results[0]).toContain("first");
    expect(results[0]).not.toContain("second");
    expect(results[1]).toContain("second");
    expect(results[2]).toBe(2);
    // Editors created after Monaco's services were set up (the second playground) raise no errors.
    expect(browser.consoleErrors).toEqual([]);
  });
});
