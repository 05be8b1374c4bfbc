// Every link on the Chinese pages leads somewhere: each href starting with "/" (as Chromium reads it from the page)
// is a page or file of the built site, its #fragment is an element of that page, and where the target has a Chinese
// twin the link goes to the twin, so a reader who chose Chinese stays in Chinese.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type SiteBrowser } from "./browser.js";

const site = inject("siteUrl");
const dist = inject("siteDist");
const LOCALE = "zh-cn";
let browser: SiteBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The built file a site path is served from, or `undefined` when there is none. */
function builtFile(pathname: string): string | undefined {
  const path = join(dist, decodeURIComponent(pathname));
  const candidates = pathname.endsWith("/") ? [join(path, "index.html")] : [path, join(path, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

/** The URL path of every page built under /zh-cn/. */
function localePages(): string[] {
  const root = join(dist, LOCALE);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file === "index.html" || file.endsWith("/index.html"))
    .map((file) => `/${LOCALE}/${file.slice(0, -"index.html".length)}`)
    .sort();
}

interface VisitedPage {
  hrefs: string[];
  /** Starlight's stand-in for a page with no translation (the API reference): the English text under a notice. */
  fallback: boolean;
}

async function visit(path: string): Promise<VisitedPage> {
  const response = await page.goto(`${site}${path}`, { waitUntil: "domcontentloaded" });
  expect(response?.status(), `status of ${path}`).toBe(200);
  const hrefs = await page.$$eval("a[href]", (anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  // Starlight puts its "not translated yet" notice right under the title of a fallback page, and nowhere else.
  const fallback = await page.evaluate(() => document.querySelector("h1#_top + p") !== null);
  return { hrefs: [...new Set(hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//")))], fallback };
}

describe(`links on /${LOCALE}/ pages`, () => {
  it("lead to built pages (their Chinese translation where one exists) and to fragments that exist", async () => {
    const paths = localePages();
    // The home page and the six guides at least; the event pages and the playground join them when built.
    expect(paths, `no pages built under ${join(dist, LOCALE)}`).toEqual(
      expect.arrayContaining([`/${LOCALE}/`, `/${LOCALE}/guides/deploy/`, `/${LOCALE}/guides/write-a-handler/`]),
    );
    const pages = new Map<string, VisitedPage>();
    for (const path of paths) pages.set(path, await visit(path));
    const translated = (path: string) => pages.has(path) && !pages.get(path)?.fallback;

    const problems: string[] = [];
    const fragments = new Map<string, Set<string>>();
    for (const [from, { hrefs, fallback }] of pages) {
      for (const href of hrefs) {
        const { pathname, hash } = new URL(href, site);
        if (!builtFile(pathname)) {
          problems.push(`${from}: ${href} is no page or file of the built site (${join(dist, pathname)})`);
          continue;
        }
        // A fallback page's text is the English page's, links included; a translated page keeps readers in Chinese.
        const twin = `/${LOCALE}${pathname}`;
        if (!fallback && !pathname.startsWith(`/${LOCALE}/`) && translated(twin)) {
          problems.push(`${from}: ${href} leaves the Chinese site; link ${twin}${hash} instead`);
        }
        // `#share=…` and the like are app state for the playground, not element ids.
        if (hash.length > 1 && !hash.includes("=")) {
          const ids = fragments.get(pathname) ?? new Set<string>();
          fragments.set(pathname, ids.add(decodeURIComponent(hash.slice(1))));
        }
      }
    }
    for (const [pathname, ids] of fragments) {
      await page.goto(`${site}${pathname}`, { waitUntil: "domcontentloaded" });
      for (const id of ids) {
        const found = await page.evaluate((target) => document.getElementById(target) !== null, id);
        if (!found) problems.push(`${pathname}#${id}: no element with id "${id}" on ${pathname}`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000); // visits every built Chinese page (about 80 s on 2 busy cores)
});
