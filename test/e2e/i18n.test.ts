// The docs site in English and 简体中文, against the built site: every page has its twin in the other language, the
// Chinese event pages are Chinese (from the catalog's translation and the docs message table) with the same code,
// search stays in the page's language and finds Chinese pages by Chinese words, and axe finds nothing serious.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnEventName } from "fc-cdn-trigger";
import { CDN_CATALOG_ZH_CN } from "fc-cdn-trigger/tooling";
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DOCS_MESSAGES } from "../../site/lib/docs-messages.js";
import { runAxe } from "./axe.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";

const site = inject("siteUrl");
const DIST = inject("siteDist");
const ZH = "zh-cn";

/** Every page of the built site, as its folder relative to dist/ with a trailing slash ("" for the home page). */
const pageFolders = (dir = DIST): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return pageFolders(join(dir, entry.name));
    if (entry.name !== "index.html") return [];
    const folder = relative(DIST, dir).split(sep).join("/");
    return [folder ? `${folder}/` : ""];
  });

const html = (folder: string) => readFileSync(join(DIST, folder, "index.html"), "utf8");
/** The `lang` of a page's `<main>`: Starlight gives a fallback page (an untranslated one) its source's language. */
const mainLang = (folder: string) => /<main\b[^>]*\slang="([^"]+)"/.exec(html(folder))?.[1];

describe("every page has its twin", () => {
  // The API reference is English only: Starlight serves it under /zh-cn/ too, as English fallback pages.
  const all = pageFolders();
  const isApi = (folder: string) => /^(zh-cn\/)?api\//.test(folder);
  const english = all.filter((folder) => !folder.startsWith(`${ZH}/`) && folder !== `${ZH}/` && !isApi(folder));
  const chinese = all.filter((folder) => (folder.startsWith(`${ZH}/`) || folder === `${ZH}/`) && !isApi(folder));

  it("finds the built pages in both languages", () => {
    expect(english).toEqual(expect.arrayContaining(["", "events/", ...CDN_EVENT_NAMES.map((n) => `events/${n}/`)]));
    expect(chinese).toEqual(expect.arrayContaining([`${ZH}/events/`, `${ZH}/events/LogFileCreated/`]));
  });

  it("every English page has a Chinese counterpart, and every Chinese page an English one", () => {
    const missingChinese = english.filter((folder) => !chinese.includes(`${ZH}/${folder}`));
    const missingEnglish = chinese.filter((folder) => !english.includes(folder.slice(ZH.length + 1)));
    expect({ missingChinese, missingEnglish }).toEqual({ missingChinese: [], missingEnglish: [] });
  });

  it("each Chinese counterpart is written in Chinese, not Starlight's English fallback", () => {
    const fallbacks = chinese.filter((folder) => mainLang(folder) !== "zh-CN");
    expect(fallbacks).toEqual([]);
    expect(english.filter((folder) => mainLang(folder) !== "en")).toEqual([]);
  });

  it("every page, the API reference included, has the language picker", () => {
    const without = all.filter((folder) => !html(folder).includes("<starlight-lang-select"));
    expect(without).toEqual([]);
  });
});

let browser: SiteBrowser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function visit(path: string) {
  const response = await page.goto(`${site}${path}`, { waitUntil: "load" });
  expect(response?.status(), `status of ${path}`).toBe(200);
}

/** The page's visible text outside code (code is the same in every language), scripts and styles. */
const proseText = () =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const node of body.querySelectorAll("pre, code, kbd, script, style, template")) node.remove();
    return body.textContent ?? "";
  });

/** Every code block's text on the page, in order. */
const codeBlocks = () => page.locator("main pre").allTextContents();

/** What the message functions that take something other than an event name are called with on an event page. */
const MESSAGE_ARGUMENTS: Record<string, unknown[]> = { wire: [["string"]], headingOverview: [CDN_EVENT_NAMES.length] };

/** The English docs messages that differ in Chinese, as they appear on `name`'s page (functions called with it). */
function englishOnlyMessages(name: CdnEventName): string[] {
  const flatten = (value: unknown, key = ""): string[] =>
    typeof value === "string"
      ? [value]
      : typeof value === "function"
        ? [(value as (...args: unknown[]) => string)(...(MESSAGE_ARGUMENTS[key] ?? [name]))]
        : Object.entries(value as object).flatMap(([k, v]) => flatten(v, k));
  const zh = new Set(flatten(DOCS_MESSAGES[ZH]));
  // Messages are inline Markdown; the page shows their text. Long ones are matched by their first clause.
  return flatten(DOCS_MESSAGES.en)
    .filter((text) => !zh.has(text))
    .map((text) => text.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1").replace(/[`*]/g, ""))
    .map((text) => text.split(/[:;(]/)[0]!.trim())
    .filter((text) => text.length > 0);
}

const containsWord = (text: string, phrase: string) =>
  new RegExp(`(^|\\W)${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|\\W)`).test(text);

describe("the docs message table", () => {
  // Messages that are names, not words, and read the same in every language.
  const LANGUAGE_NEUTRAL = new Set(["headingEventParameter", "headingJsonSchema"]);
  /** Han characters or CJK punctuation: what a Chinese message has and an English one never does. */
  const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

  it("every Chinese message is Chinese, not a copy of the English one", () => {
    const notChinese = Object.entries(DOCS_MESSAGES[ZH]).flatMap(([key, value]) => {
      if (LANGUAGE_NEUTRAL.has(key)) return [];
      const texts =
        typeof value === "function"
          ? [(value as (...args: unknown[]) => string)(...(MESSAGE_ARGUMENTS[key] ?? ["LogFileCreated"]))]
          : typeof value === "string"
            ? [value]
            : Object.values(value);
      return texts.filter((text) => !CHINESE.test(text)).map((text) => `${key}: ${text}`);
    });
    expect(notChinese).toEqual([]);
  });
});

describe("Chinese event pages", () => {
  it.each(CDN_EVENT_NAMES)("/zh-cn/events/%s/ is in Chinese, with every field and the same code", async (name) => {
    await visit(`/events/${name}/`);
    const englishCode = await codeBlocks();
    await visit(`/${ZH}/events/${name}/`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(page.locator("h1").textContent()).resolves.toBe(name);
    const zh = CDN_CATALOG_ZH_CN.events[name];
    await expect(page.locator(".event-meta").textContent()).resolves.toContain(zh.firesWhen);
    await expect(page.locator("thead").first().textContent()).resolves.toContain(DOCS_MESSAGES[ZH].fieldColumn);
    // Every field of the event, each described in Chinese.
    const fields = CDN_EVENT_CATALOG[name].parameterFields as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const row = page.locator(`tr[data-field="eventParameter.${key}"]`);
      await expect(row.textContent(), key).resolves.toContain(
        (zh.parameterFields as Record<string, { description: string }>)[key]!.description.replace(/`/g, ""),
      );
    }
    for (const note of zh.notes as readonly string[]) {
      await expect(page.locator("ul.quirks").textContent()).resolves.toContain(note);
    }
    // Code stays identical: the sample, the handlers in every tab.
    await expect(codeBlocks()).resolves.toEqual(englishCode);
    expect(englishCode.length).toBeGreaterThanOrEqual(4);
    // No English prose of ours: neither the docs messages nor the catalog's own English text.
    const text = await proseText();
    const english = [
      ...englishOnlyMessages(name),
      CDN_EVENT_CATALOG[name].firesWhen,
      ...(CDN_EVENT_CATALOG[name].notes as readonly string[]),
    ].filter((phrase) => containsWord(text, phrase));
    expect(english).toEqual([]);
  });

  it("/zh-cn/events/ lists the 8 events in Chinese and links to their Chinese pages", async () => {
    await visit(`/${ZH}/events/`);
    const rows = page.locator("table.events-overview tbody tr");
    await expect(rows.count()).resolves.toBe(CDN_EVENT_NAMES.length);
    for (const [i, name] of CDN_EVENT_NAMES.entries()) {
      await expect(rows.nth(i).textContent()).resolves.toContain(CDN_CATALOG_ZH_CN.events[name].firesWhen);
      await expect(rows.nth(i).locator("a").getAttribute("href")).resolves.toBe(`/${ZH}/events/${name}/`);
    }
    await expect(page.locator("h1").textContent()).resolves.toBe(DOCS_MESSAGES[ZH].eventsTitle);
  });

  it("the Chinese sidebar is translated and still links to the (English) API reference", async () => {
    await visit(`/${ZH}/events/LogFileCreated/`);
    const sidebar = page.locator("nav.sidebar");
    for (const label of [DOCS_MESSAGES[ZH].sidebarEvents, DOCS_MESSAGES[ZH].sidebarApiReference]) {
      await expect(sidebar.getByText(label, { exact: true }).count(), label).resolves.toBeGreaterThan(0);
    }
    const hrefs = await sidebar.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs).toContain(`/${ZH}/events/`);
    expect(hrefs.some((href) => /^\/(zh-cn\/)?api\//.test(href))).toBe(true);
  });

  it("the language picker switches an event page to its twin and back", async () => {
    await visit("/events/CdnDomainAdded/");
    await page.locator("starlight-lang-select select").first().selectOption({ label: "简体中文" });
    // The picker navigates: on a loaded machine that takes longer than expect.poll's default second.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe(`/${ZH}/events/CdnDomainAdded/`);
    // The URL changes before the Chinese page has run its scripts: a pick made sooner is never heard.
    await page.waitForLoadState("load");
    await page.locator("starlight-lang-select select").first().selectOption({ label: "English" });
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe("/events/CdnDomainAdded/");
  });
});

describe("search per language", () => {
  /** Room for three page loads of 30 s each and the query. */
  const SEARCH_TIMEOUT = 200_000;
  /** Runs a query in the search box of `path` and returns the result paths. */
  async function search(path: string, query: string): Promise<string[]> {
    const input = page.locator("#starlight__search input");
    const failedRequests: string[] = [];
    const onFailed = (request: Request) => failedRequests.push(`${request.url()} (${request.failure()?.errorText})`);
    page.on("requestfailed", onFailed);
    // The search box (Pagefind's UI) is built on the click (the Search override). Twice in CI, when Starlight still
    // built it when the browser was next idle, it was not there after 30 s and 100 s on a 2-core machine running
    // other test projects besides: so the test opens the page afresh (up to 3 times) and prints what it saw.
    try {
      for (let attempt = 1; ; attempt++) {
        await visit(path);
        await page.locator("site-search button[data-open-modal]").first().click();
        const shown = await input.waitFor({ timeout: 30_000 }).then(
          () => true,
          () => false,
        );
        if (shown) break;
        const state = await page.evaluate(() => ({
          readyState: document.readyState,
          dialogOpen: document.querySelector("site-search dialog")?.hasAttribute("open"),
          searchBox: document.querySelector("#starlight__search")?.innerHTML.slice(0, 200),
        }));
        const seen = JSON.stringify({ attempt, ...state, failedRequests, consoleErrors: browser.consoleErrors });
        if (attempt === 3) throw new Error(`no search box on ${path} after 3 page loads; last saw ${seen}`);
        console.log(`[i18n] no search box on ${path} after 30 s, loading it again; saw ${seen}`);
      }
    } finally {
      page.off("requestfailed", onFailed);
    }
    await input.fill(query);
    const results = page.locator("#starlight__search .pagefind-ui__result-link");
    await results.first().waitFor({ timeout: 15_000 });
    return results.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it(
    "a Chinese query on a Chinese page finds the Chinese event page, and only Chinese pages",
    async () => {
      const found = await search(`/${ZH}/`, "离线日志文件");
      expect(found).toContain(`/${ZH}/events/LogFileCreated/`);
      expect(found.filter((path) => !path.startsWith(`/${ZH}/`))).toEqual([]);
    },
    SEARCH_TIMEOUT,
  );

  it(
    "an English query on an English page finds only English pages",
    async () => {
      const found = await search("/", "LogFileCreated");
      expect(found).toContain("/events/LogFileCreated/");
      expect(found.filter((path) => path.startsWith(`/${ZH}/`))).toEqual([]);
    },
    SEARCH_TIMEOUT,
  );
});

describe("accessibility", () => {
  it.each(["/zh-cn/events/", ...CDN_EVENT_NAMES.map((name) => `/zh-cn/events/${name}/`)])(
    "axe reports no serious or critical violation on %s",
    async (path) => {
      await visit(path);
      const serious = await runAxe(page);
      expect(serious).toEqual([]);
    },
  );
});
