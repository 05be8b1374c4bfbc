// The generated-code panel: what it shows is exactly the SDK's generateHandlerCode output for the chosen events,
// language and style (on the playground page and on every event page), Copy puts that on the clipboard, and
// "Open in playground" opens it there without running it.
import { CDN_EVENT_NAMES, type CdnEventName } from "fc-cdn-trigger";
import { CODEGEN_LANGUAGES, CODEGEN_STYLES, generateHandlerCode } from "fc-cdn-trigger/tooling";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runAxe } from "./axe.js";
import { launchWithPage, type SiteBrowser } from "./browser.js";
import { setTheme, type TokenColour, tokenColours } from "./code-colours.js";

const siteUrl = inject("siteUrl");
const PANEL = '[data-fc-panel="codegen"]';

let browser: SiteBrowser;
let page: Page;
beforeAll(async () => {
  ({ browser, page } = await launchWithPage(siteUrl, "/playground/", { clipboard: true }));
});
afterAll(async () => {
  await browser?.close();
});

const shownCode = (p: Page) => p.locator(`${PANEL} [data-role="code"]`).first().textContent();
const readClipboard = (p: Page) => p.evaluate(() => navigator.clipboard.readText());

describe("generated code panel", () => {
  it("shows generateHandlerCode's output before its script has loaded", async () => {
    expect(await page.getAttribute(PANEL, "data-panel-state")).toBe("idle");
    expect(await shownCode(page)).toBe(
      generateHandlerCode({ language: "typescript", events: ["LogFileCreated"], style: "sdk" }),
    );
  });

  const events: CdnEventName[] = ["LogFileCreated", "CdnDomainAdded"];
  for (const language of CODEGEN_LANGUAGES) {
    for (const style of CODEGEN_STYLES) {
      it(`${language} / ${style}: matches generateHandlerCode, and Copy copies it`, async () => {
        await page.check(`${PANEL} input[value="CdnDomainAdded"]`);
        await page.selectOption(`${PANEL} [data-role="language"]`, language);
        await page.selectOption(`${PANEL} [data-role="style"]`, style);
        const expected = generateHandlerCode({ language, events, style });
        await page.waitForFunction(
          ([selector, code]) => document.querySelector(selector as string)?.textContent === code,
          [`${PANEL} [data-role="code"]`, expected] as const,
        );
        const fileName = language === "python" ? "index.py" : language === "typescript" ? "index.ts" : "index.js";
        expect(await page.textContent(`${PANEL} [data-role="file-name"]`)).toBe(fileName);
        await page.click(`${PANEL} [data-action="copy"]`);
        await page.waitForSelector(`${PANEL} [data-action="copy"][data-copied="true"]`);
        expect(await readClipboard(page)).toBe(expected);
      });
    }
  }

  it("asks for an event when none is checked, and disables Copy and Download", async () => {
    for (const name of CDN_EVENT_NAMES) await page.uncheck(`${PANEL} input[value="${name}"]`);
    const error = page.locator(`${PANEL} [data-role="error"]`);
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toContain("Pick at least one event");
    expect(await page.isDisabled(`${PANEL} [data-action="copy"]`)).toBe(true);
    expect(await page.isDisabled(`${PANEL} [data-action="download"]`)).toBe(true);
    await page.check(`${PANEL} input[value="CachedObjectsPushed"]`);
    await error.waitFor({ state: "hidden" });
  });

  it("Open in playground loads the generated code and the event's sample, without running it", async () => {
    await page.selectOption(`${PANEL} [data-role="language"]`, "javascript");
    await page.selectOption(`${PANEL} [data-role="style"]`, "sdk");
    const expected = generateHandlerCode({ language: "javascript", events: ["CachedObjectsPushed"], style: "sdk" });
    await page.waitForFunction(([selector, code]) => document.querySelector(selector as string)?.textContent === code, [
      `${PANEL} [data-role="code"]`,
      expected,
    ] as const);
    const href = await page.getAttribute(`${PANEL} [data-role="open"]`, "href");
    expect(href).toMatch(/^\/playground\/#share=[\w-]+$/);
    const opened = await browser.newPage({ width: 1280, height: 900 });
    await opened.goto(`${siteUrl}${href}`);
    await opened.waitForSelector('[data-fc-playground][data-state="ready"]', { timeout: 60_000 });
    const state = await opened.evaluate(() => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { code: string; language: string; eventJson: string };
      };
      return { code: root.playground.code, language: root.playground.language, event: root.playground.eventJson };
    });
    expect(state.code).toBe(expected);
    expect(state.language).toBe("javascript");
    expect(JSON.parse(state.event).events[0].eventName).toBe("CachedObjectsPushed");
    expect(await opened.getAttribute('[data-role="output"]', "data-run-state")).toBe("idle");
    // And it runs: the generated CommonJS handler with require("fc-cdn-trigger") works in the sandbox.
    await opened.click('[data-fc-playground] [data-role="run"]');
    await opened.waitForSelector('[data-role="output"][data-run-state="done"]', { timeout: 30_000 });
    expect(await opened.textContent('[data-role="output"]')).toContain('"eventName": "CachedObjectsPushed"');
    await opened.close();
  });

  it("Open in playground with several events: the event picker shows them as a custom choice", async () => {
    await page.check(`${PANEL} input[value="CdnDomainAdded"]`);
    await page.check(`${PANEL} input[value="CachedObjectsPushed"]`);
    const expected = generateHandlerCode({
      language: "javascript",
      events: ["CachedObjectsPushed", "CdnDomainAdded"],
      style: "sdk",
    });
    await page.waitForFunction(([selector, code]) => document.querySelector(selector as string)?.textContent === code, [
      `${PANEL} [data-role="code"]`,
      expected,
    ] as const);
    const href = await page.getAttribute(`${PANEL} [data-role="open"]`, "href");
    const opened = await browser.newPage({ width: 1280, height: 900 });
    await opened.goto(`${siteUrl}${href}`);
    await opened.waitForSelector('[data-fc-playground][data-state="ready"]', { timeout: 60_000 });
    const picker = await opened.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-fc-playground] [data-role="event"]');
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { eventJson: string };
      };
      return {
        value: select?.value,
        label: select?.selectedOptions[0]?.textContent,
        events: JSON.parse(root.playground.eventJson).events.map((e: { eventName: string }) => e.eventName),
      };
    });
    expect(picker).toEqual({
      value: "custom",
      label: "Custom: 2 events",
      events: ["CachedObjectsPushed", "CdnDomainAdded"],
    });
    await opened.close();
  });

  it("on every event page, starts with that event's generated handler", async () => {
    const eventPage = await browser.newPage({ width: 1280, height: 900 });
    for (const name of CDN_EVENT_NAMES) {
      await eventPage.goto(`${siteUrl}/events/${name}/`);
      expect(await shownCode(eventPage)).toBe(
        generateHandlerCode({ language: "typescript", events: [name], style: "sdk" }),
      );
      expect(await eventPage.isChecked(`${PANEL} input[value="${name}"]`)).toBe(true);
    }
    await eventPage.close();
  });

  it("raised no console errors", () => {
    expect(browser.consoleErrors).toEqual([]);
    expect(browser.offsiteRequests).toEqual([]);
  });
});

describe("generated code panel highlighting", () => {
  const CODE = `${PANEL} [data-role="code"]`;
  const DOCS_TS = '.expressive-code pre[data-language="ts"]';

  it("is highlighted with the docs' colours before its script loads, in light and dark", async () => {
    const eventPage = await browser.newPage({ width: 1280, height: 900 });
    await eventPage.goto(`${siteUrl}/events/LogFileCreated/`);
    expect(await eventPage.getAttribute(PANEL, "data-panel-state")).toBe("idle");
    for (const theme of ["dark", "light"] as const) {
      await setTheme(eventPage, theme);
      const tokens = ["import", "fc-cdn-trigger", "defineCdnHandler"];
      const panel = await tokenColours(eventPage, CODE, tokens);
      const docs = await tokenColours(eventPage, DOCS_TS, tokens);
      expect(
        panel.map((t) => t.colour),
        theme,
      ).toEqual(docs.map((t) => t.colour));
      const [keyword, string] = panel as [TokenColour, TokenColour];
      expect(keyword.colour, theme).not.toBe(string.colour);
      for (const token of panel) expect(token.contrast, `${theme} ${token.token}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(await eventPage.getAttribute(PANEL, "data-panel-state")).toBe("idle");
    await eventPage.close();
  });

  it("stays highlighted, and exactly the generator's text, after a change to Python and another set of events", async () => {
    const eventPage = await browser.newPage({ width: 1280, height: 900 });
    await eventPage.goto(`${siteUrl}/events/CdnDomainAdded/`);
    await eventPage.check(`${PANEL} input[value="CachedObjectsBlocked"]`);
    await eventPage.selectOption(`${PANEL} [data-role="language"]`, "python");
    const expected = generateHandlerCode({
      language: "python",
      events: ["CachedObjectsBlocked", "CdnDomainAdded"],
      style: "sdk",
    });
    await eventPage.waitForSelector(`${CODE}[data-highlight="lines"]`);
    expect(await shownCode(eventPage)).toBe(expected);
    for (const theme of ["dark", "light"] as const) {
      await setTheme(eventPage, theme);
      const [keyword, string] = (await tokenColours(eventPage, CODE, ["def", "CdnDomainAdded"])) as TokenColour[];
      expect(keyword?.colour, theme).not.toBe("");
      expect(string?.colour, theme).not.toBe("");
      expect(keyword?.colour, theme).not.toBe(string?.colour);
      expect(keyword?.contrast, theme).toBeGreaterThanOrEqual(4.5);
      expect(string?.contrast, theme).toBeGreaterThanOrEqual(4.5);
    }
    await eventPage.close();
  });

  it("shows a line its table lacks as plain text, with the text intact", async () => {
    const eventPage = await browser.newPage({ width: 1280, height: 900 });
    const code = generateHandlerCode({ language: "javascript", events: ["LogFileCreated"], style: "sdk" });
    const dropped = code.split("\n").find((line) => line.includes("require(")) as string;
    await eventPage.route("**/code-lines/codegen-javascript.json", async (route) => {
      const file = await (await route.fetch()).json();
      delete file.tables.javascript.lines[dropped];
      await route.fulfill({ json: file });
    });
    await eventPage.goto(`${siteUrl}/events/LogFileCreated/`);
    await eventPage.selectOption(`${PANEL} [data-role="language"]`, "javascript");
    await eventPage.waitForSelector(`${CODE}[data-highlight="lines"]`);
    expect(await shownCode(eventPage)).toBe(code);
    const lines = await eventPage.evaluate(
      (selector) => (document.querySelector(selector)?.firstElementChild?.innerHTML ?? "").split("\n"),
      CODE,
    );
    const at = code.split("\n").indexOf(dropped);
    expect(lines[at]).not.toContain("<span");
    expect(lines.filter((line) => line.includes("<span")).length).toBeGreaterThan(lines.length / 2);
    await eventPage.close();
  });

  it("scrolls long lines sideways on a phone, never breaking a word, and is reachable from the keyboard", async () => {
    const phone = await browser.newPage({ width: 390, height: 844 });
    await phone.goto(`${siteUrl}/events/LogFileCreated/`);
    const box = await phone.evaluate((selector) => {
      const pre = document.querySelector(selector) as HTMLElement;
      return {
        whiteSpace: getComputedStyle(pre).whiteSpace,
        overflowX: getComputedStyle(pre).overflowX,
        scrolls: pre.scrollWidth > pre.clientWidth,
        tabIndex: pre.tabIndex,
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    }, CODE);
    expect(box).toEqual({ whiteSpace: "pre", overflowX: "auto", scrolls: true, tabIndex: 0, pageScrolls: false });
    await phone.close();
  });

  it("has no serious or critical axe violation, in light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const themed = await browser.newPage({ width: 1280, height: 900 });
      await themed.addInitScript((value) => localStorage.setItem("starlight-theme", value), theme);
      await themed.goto(`${siteUrl}/events/LogFileCreated/`);
      expect(await runAxe(themed, PANEL), `${theme}, first render`).toEqual([]);
      await themed.selectOption(`${PANEL} [data-role="language"]`, "python");
      await themed.waitForSelector(`${CODE}[data-highlight="lines"]`);
      expect(await runAxe(themed, PANEL), `${theme}, Python`).toEqual([]);
      await themed.close();
    }
  });
});
