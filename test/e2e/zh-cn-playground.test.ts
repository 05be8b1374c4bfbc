// The playground in 简体中文: on /zh-cn/ pages the playground, its "Try it" embed, the code panel and the trigger
// panel show none of the English message table's words, and a run reports its status and errors in Chinese.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { en } from "../../site/playground/i18n/en.js";
import { inlineParts } from "../../site/playground/i18n/index.js";
import { zhCn } from "../../site/playground/i18n/zh-cn.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { readRunDetails, setCode, waitForRunEnd, wakePlayground } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const ROOT = "[data-fc-playground]";

/**
 * Names both tables write the same way because they are not English: languages, products and tools. Every other
 * English fragment of ours must be gone from a /zh-cn/ page.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  "JSON",
  "TypeScript",
  "JavaScript",
  "Python",
  "Pyodide",
  "Serverless Devs",
  "aliyun CLI",
]);

// Each message's literal text: functions are called with a marker for every value, and the text is cut at the
// markers, at inline code and link targets (code and paths are the same in every locale) and at punctuation.
const MARK = "\u0001";
const anyValue: unknown = new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => MARK : MARK) });
const words = (text: string) => text.split(/\s+/).filter((word) => /[A-Za-z]{2,}/.test(word)).length;

/**
 * The fragments of a message to look for: a one-word message whole ("Run", "Copy"), otherwise every piece of two
 * words or more (a lone "event" or "context" in a sentence is code as often as English).
 */
function fragmentsOf(value: unknown): string[] {
  if (typeof value === "function") return fragmentsOf((value as (...args: unknown[]) => unknown)(anyValue, anyValue));
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(fragmentsOf);
  if (typeof value !== "string") return [];
  const pieces = inlineParts(value)
    .filter((part) => part.kind !== "code")
    .flatMap((part) => part.text.split(MARK))
    .flatMap((text) => text.split(/[()[\]:;,!?…"'`]+|\.(?=\s|$)/))
    .map((text) => text.trim())
    .filter((text) => !SAME_IN_EVERY_LANGUAGE.has(text) && !/[=#]/.test(text));
  const whole = value.trim();
  if (words(whole) === 1 && !whole.includes(MARK)) return pieces.filter((text) => words(text) === 1);
  return pieces.filter((text) => words(text) >= 2);
}

/** Every English fragment of ours, as a whole-word pattern. */
const ENGLISH = [...new Set(fragmentsOf(en))].map((text) => ({
  text,
  pattern: new RegExp(`(?<![A-Za-z])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z])`),
}));

/** The English fragments found in `text`. */
const englishIn = (text: string) => ENGLISH.filter(({ pattern }) => pattern.test(text)).map(({ text }) => text);

/**
 * What our components show on the page, as text: their visible text without code (editors, generated code and
 * inline code stay as written), plus the titles, labels and placeholders they give assistive technology.
 */
function visibleText(page: Page, selectors: string[]): Promise<string> {
  return page.evaluate((list) => {
    const texts: string[] = [];
    for (const element of list.flatMap((selector) => [...document.querySelectorAll<HTMLElement>(selector)])) {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const code of copy.querySelectorAll("pre, code, script, style, .fcpg-editor")) code.remove();
      // Every text node, hidden ones too (a closed tab, the hidden "custom event" option): they are ours as well.
      // One per line, so words of neighbouring elements never run together.
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? "");
      for (const node of [element, ...element.querySelectorAll<HTMLElement>("*")]) {
        for (const name of ["title", "aria-label", "placeholder"]) {
          const value = node.getAttribute(name);
          if (value) texts.push(value);
        }
      }
    }
    return texts.join("\n");
  }, selectors);
}

let browser: SiteBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteUrl });
});
afterAll(async () => {
  await browser?.close();
});

async function openZhPlayground(page: Page, hash = ""): Promise<void> {
  await page.goto(`${siteUrl}/zh-cn/playground/${hash}`);
  await wakePlayground(page);
  await page.waitForSelector(`${ROOT}[data-state="ready"][data-sandbox="ready"]`, { timeout: 60_000 });
}

describe("no English UI string of ours on /zh-cn/ pages", () => {
  it("the scan knows the English table: it finds its words on the English playground", async () => {
    const page = await browser.newPage({ width: 1400, height: 1000 });
    await page.goto(`${siteUrl}/playground/`);
    await wakePlayground(page);
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    const found = englishIn(await visibleText(page, [".sl-markdown-content"]));
    expect(found).toEqual(expect.arrayContaining(["Run", "Output", "Events the handler handles", "Domains"]));
    await page.close();
  });

  it("/zh-cn/playground/: the page, the playground, the code panel and the trigger panel, in use", async () => {
    const page = await browser.newPage({ width: 1400, height: 1000 });
    await openZhPlayground(page);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    // The panels' scripts load when used: uncheck every event (an error), copy, and type a bad domain (an error).
    const codegen = '[data-fc-panel="codegen"]';
    for (const box of await page.locator(`${codegen} input[name="event"]:checked`).all()) await box.uncheck();
    await page.waitForSelector(`${codegen}[data-panel-state="ready"] [data-role="error"]:not([hidden])`);
    const trigger = '[data-fc-panel="trigger"]';
    await page.fill(`${trigger} [data-role="domains"]`, "-bad-");
    await page.waitForSelector(`${trigger}[data-valid="false"] [data-role="error"]:not([hidden])`);
    await page.click(`${trigger} [data-action="copy"]`);
    await page.waitForSelector(`${trigger} [data-action="copy"][data-copied]`);
    const text = await visibleText(page, [".sl-markdown-content"]);
    expect(text).toContain(zhCn.codegen.pickEvent);
    expect(text).toContain(zhCn.copy.copied);
    expect(englishIn(text)).toEqual([]);
    await page.close();
  });

  it("a /zh-cn/ event page: Try it, its code panel and trigger panel", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    await page.goto(`${siteUrl}/zh-cn/events/LogFileCreated/`);
    await page.locator(ROOT).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    await page.hover('[data-fc-panel="codegen"]');
    await page.hover('[data-fc-panel="trigger"]');
    await page.waitForSelector('[data-fc-panel="codegen"][data-panel-state="ready"]');
    await page.waitForSelector('[data-fc-panel="trigger"][data-panel-state="ready"]');
    // The Try it section: its intro, the playground, both panels and their headings.
    const selectors = [
      "p:has(+ [data-fc-playground])",
      ROOT,
      "#generate-the-handler",
      "[data-fc-panel]",
      "#trigger-configuration",
    ];
    const text = await visibleText(page, selectors);
    expect(text).toContain(zhCn.tryIt.generate);
    expect(text).toContain(zhCn.playground.run);
    expect(englishIn(text)).toEqual([]);
    // "Open in playground" stays in Chinese.
    expect(await page.getAttribute('[data-fc-panel="codegen"] [data-role="open"]', "href")).toMatch(
      /^\/zh-cn\/playground\/#share=/,
    );
    await page.close();
  });
});

describe("a /zh-cn/ playground runs and reports in Chinese", () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ width: 1400, height: 1000 });
    await openZhPlayground(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  const status = () => page.locator(`${ROOT} [data-role="run-status"]`).textContent();
  const run = async (code: string) => {
    await setCode(page, code, "javascript");
    await page.click(`${ROOT} [data-role="run"]`);
    return waitForRunEnd(page);
  };

  it("a handler that returns: done, in Chinese", async () => {
    const outcome = await run("export const handler = async () => ({ ok: true });\n");
    expect(outcome.state).toBe("done");
    expect(await status()).toMatch(/^完成，耗时 [\d.]+ m?s$/);
    expect(outcome.text).toContain(zhCn.output.returnValueJson);
  });

  it("a handler that throws: the status and the error's place in Chinese", async () => {
    const outcome = await run('export const handler = async () => {\n  throw new Error("boom");\n};\n');
    expect(outcome.state).toBe("error");
    expect(await status()).toMatch(/^运行 [\d.]+ m?s 后失败$/);
    const details = await readRunDetails(page);
    expect(details.error?.title).toMatch(/^Error，位于 handler\.js 第 2 行第 \d+ 列$/);
    expect(details.error?.message).toBe("boom");
  });

  it("a module without a handler: the runtime's message in Chinese", async () => {
    const outcome = await run("export const main = async () => 1;\n");
    expect(outcome.state).toBe("error");
    expect((await readRunDetails(page)).error?.message).toBe(zhCn.runtime.noHandler());
  });

  it("fetch fails with the no-network message in Chinese", async () => {
    const outcome = await run(
      'export const handler = async () => {\n  try {\n    await fetch("https://example.com/");\n  } catch (error) {\n    return error.message;\n  }\n};\n',
    );
    expect(outcome.state).toBe("done");
    expect((await readRunDetails(page)).result).toBe(zhCn.phrases.noNetwork);
  });

  it("an endless loop: the timeout in Chinese", async () => {
    const outcome = await run("export const handler = async () => {\n  for (;;) {}\n};\n");
    expect(outcome.state).toBe("timeout");
    expect(await status()).toBe(zhCn.output.timedOut(5));
    expect(outcome.text).toContain(zhCn.output.timedOutTitle(5));
    expect(outcome.text).toContain(zhCn.output.timedOutHint);
  });

  it("an event that is not JSON: not run, in Chinese", async () => {
    await page.evaluate(() => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setEvent(json: string): void };
      };
      root.playground.setEvent("{ not json");
    });
    await page.click(`${ROOT} [data-role="run"]`);
    const outcome = await waitForRunEnd(page);
    expect(outcome.state).toBe("blocked");
    expect(await status()).toBe(zhCn.output.notRun);
    // The reason after it is the SDK's JSON parser's, which stays English.
    expect(outcome.text).toContain(zhCn.playground.invalidJson);
    expect(outcome.text).toContain(zhCn.playground.fixEvent);
  });

  it("a broken share link says why in Chinese", async () => {
    const other = await browser.newPage({ width: 1400, height: 1000 });
    await openZhPlayground(other, "#share=not*valid");
    const said = await other.locator(`${ROOT} [data-role="share-status"]`).textContent();
    expect(said).toBe(`${zhCn.share.cannotOpen(zhCn.share.problems.badCharacters())} ${zhCn.share.showingDefault}`);
    await other.close();
  });
});
