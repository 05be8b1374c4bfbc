// "Try this in the playground" under the guides' runnable snippets, in English and 简体中文: every guide that shows
// a handler snippet links it; each link carries exactly the snippet file's code and an event's sample, opens the
// playground (in the page's locale) with that code and event, and the code runs there. The home page's hero links
// the playground.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventPresets } from "../../site/playground/event-presets.js";
import { decodeShareState, SHARE_PARAM, type ShareState } from "../../site/playground/share/share-state.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { ROOT } from "./paths.js";
import { clickRun } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const siteDist = inject("siteDist");
const GUIDES = join(ROOT, "site/content/docs/guides");
const SNIPPETS = join(ROOT, "site/snippets");

/** Snippet files that are handlers the playground can run (they define FC's `handler`). */
const handlerSnippets = readdirSync(SNIPPETS).filter((file) =>
  /^(export const handler\b|exports\.handler\b|def handler\()/m.test(readFileSync(join(SNIPPETS, file), "utf8")),
);

/** The handler snippets a guide's MDX shows in a code block, as file names. */
function snippetsShownBy(mdx: string): string[] {
  const shown: string[] = [];
  for (const [, name, file] of mdx.matchAll(/^import (\w+) from "[./]+\/snippets\/([\w.-]+)\?raw";$/gm)) {
    if (handlerSnippets.includes(file as string) && mdx.includes(`<Code code={${name}}`)) shown.push(file as string);
  }
  return shown.sort();
}

const guides = readdirSync(GUIDES)
  .filter((file) => file.endsWith(".mdx"))
  .map((file) => ({
    slug: file.replace(/\.mdx$/, ""),
    snippets: snippetsShownBy(readFileSync(join(GUIDES, file), "utf8")),
  }))
  .filter((guide) => guide.snippets.length > 0);

interface GuideLink {
  href: string;
  state: ShareState;
}

/** The guide's "Try this in the playground" links in the built page, decoded. */
function linksOf(prefix: string, slug: string): GuideLink[] {
  const html = readFileSync(join(siteDist, prefix, "guides", slug, "index.html"), "utf8");
  return [...html.matchAll(/<a href="([^"]+)" data-try-in-playground="[^"]*"/g)].map(([, href]) => {
    const decoded = decodeShareState((href as string).split(`#${SHARE_PARAM}=`)[1] ?? "");
    if (!decoded.ok)
      throw new Error(`${prefix}/guides/${slug}/: a playground link does not decode (${decoded.problem.code})`);
    return { href: (href as string).replaceAll("&amp;", "&"), state: decoded.state };
  });
}

let browser: SiteBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the guides' snippets link the playground", () => {
  it("some guides show handler snippets (the check below has something to check)", () => {
    expect(guides.map((guide) => guide.slug)).toEqual(expect.arrayContaining(["write-a-handler", "process-cdn-logs"]));
  });

  describe.each(["", "zh-cn"])("locale '%s'", (prefix) => {
    it.each(guides)("$slug links each handler snippet it shows, with that file's exact code", ({ slug, snippets }) => {
      const links = linksOf(prefix, slug);
      const linked = links.map(({ state }) =>
        handlerSnippets.find((file) => readFileSync(join(SNIPPETS, file), "utf8") === state.code),
      );
      expect(linked.sort()).toEqual(snippets);
      for (const { href, state } of links) {
        expect(href.startsWith(prefix ? `/${prefix}/playground/#` : "/playground/#"), href).toBe(true);
        const preset = eventPresets().find((candidate) => candidate.id === state.eventName);
        expect(state.event, `${slug}: the event is the ${state.eventName} preset`).toBe(preset?.json);
      }
    });
  });

  const everyLink = ["", "zh-cn"].flatMap((prefix) =>
    guides.flatMap(({ slug }) => linksOf(prefix, slug).map((link) => ({ page: `${prefix}/guides/${slug}/`, ...link }))),
  );

  it.each(everyLink)(
    "$page → $state.language on $state.eventName: opens with that code and event, and runs",
    async ({ href, state }) => {
      const page: Page = await browser.newPage({ width: 1400, height: 1000 });
      try {
        await page.goto(`${siteUrl}${href}`);
        await page.waitForSelector('[data-fc-playground][data-state="ready"]', { timeout: 60_000 });
        const shown = await page.evaluate(() => {
          const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
            playground: { code: string; language: string; eventJson: string };
          };
          const picker = root.querySelector<HTMLSelectElement>('select[data-role="event"]');
          return {
            code: root.playground.code,
            language: root.playground.language,
            eventJson: root.playground.eventJson,
            picked: picker?.value,
          };
        });
        expect(shown).toEqual({
          code: state.code,
          language: state.language,
          eventJson: state.event,
          picked: state.eventName,
        });
        if (state.language === "python") {
          await page.waitForSelector('[data-fc-playground][data-python="ready"]', { timeout: 120_000 });
        }
        const outcome = await clickRun(page, 120_000);
        expect(outcome.state, outcome.text).toBe("done");
      } finally {
        await page.close();
      }
    },
  );
});

describe("the home page", () => {
  it.each([
    ["", "/playground/"],
    ["zh-cn/", "/zh-cn/playground/"],
  ])("/%s: the hero links the playground", (prefix, target) => {
    const html = readFileSync(join(siteDist, prefix, "index.html"), "utf8");
    // The hero's actions are the page's only Starlight link buttons.
    expect(html).toMatch(new RegExp(`<a class="sl-link-button[^"]*" href="${target}">`));
  });
});
