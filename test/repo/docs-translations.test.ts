// The Chinese docs (site/content/docs/zh-cn/) mirror the English pages one for one. A translation changes prose only:
// the same snippet files and components, the same code blocks, the same inline code and the same links (pointed at
// the Chinese twins), and no sentence left in English. The API reference is generated and stays English.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../../scripts/generated-files.mjs";
import { type DocsPage, readDocsPage } from "../support/mdx-page.js";

const DOCS = join(REPO, "site/content/docs");
const LOCALE = "zh-cn";
/** Folders of site/content/docs that are not English pages: the generated API reference and the translations. */
const NOT_TRANSLATED = new Set(["api", LOCALE]);

/** Every .md/.mdx page under `dir`, as paths relative to it, except the folders in `skip`. */
function pagesUnder(dir: string, skip: Set<string> = new Set()): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.mdx?$/.test(path) && !skip.has(path.split("/")[0] as string))
    .sort();
}

const english = pagesUnder(DOCS, NOT_TRANSLATED);
const chinese = pagesUnder(join(DOCS, LOCALE));
const HAN = /\p{Script=Han}/u;
/** Four Latin words in a row: a sentence (or most of one) left untranslated. */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){3,}/;

const read = (path: string) => readDocsPage(join(DOCS, path), REPO);
/** The distinct values, sorted: a translation may name a function twice where the English sentence names it once. */
const distinct = (values: string[]) => [...new Set(values)].sort();
// A translated page links to its own locale's twin where one exists; which ones do is checked on the built site
// (test/e2e/zh-cn-links.test.ts). Here both forms count as the English page's link.
const unlocalized = (link: string) => (link.startsWith(`/${LOCALE}/`) ? link.slice(LOCALE.length + 1) : link);

describe(`docs in ${LOCALE}`, () => {
  it("every English page has a Chinese twin at the same path, and every Chinese page an English original", () => {
    expect(english.length).toBeGreaterThan(0);
    expect(chinese, `site/content/docs/${LOCALE}/ must mirror site/content/docs/ (without api/)`).toEqual(english);
  });

  describe.each(english.filter((path) => chinese.includes(path)))("%s", (path) => {
    const en: DocsPage = read(path);
    const zh: DocsPage = read(`${LOCALE}/${path}`);
    const where = `${zh.file} (translating ${en.file})`;

    it("imports the same snippets, components and modules", () => {
      expect(zh.imports, where).toEqual(en.imports);
    });

    it("has the same code blocks and components in the same order, with the same code", () => {
      expect(zh.blocks, `${where}: code is shared, never translated; change it in the English page and here`).toEqual(
        en.blocks,
      );
    });

    it("has the same inline code and the same links", () => {
      expect(distinct(zh.inlineCode), `${where}: inline code differs`).toEqual(distinct(en.inlineCode));
      expect(distinct(zh.links.map(unlocalized)), `${where}: links differ`).toEqual(distinct(en.links));
    });

    it("keeps the page's outline: the same heading levels in the same order", () => {
      expect(
        zh.headings.map((h) => h.depth),
        `${where}: ${zh.headings.map((h) => h.text).join(" / ")}`,
      ).toEqual(en.headings.map((h) => h.depth));
    });

    it("is written in Chinese: title, description, headings and every sentence", () => {
      const { title, description } = zh.frontmatter as { title?: string; description?: string };
      // A one-word title is a name (the home page's `fc-cdn-trigger`); anything longer is translated.
      expect(HAN.test(title ?? "") || (title === en.frontmatter.title && !/\s/.test(title ?? "")), where).toBe(true);
      expect(description, where).toMatch(HAN);
      expect(
        zh.headings.filter((h) => !HAN.test(h.text)).map((h) => h.text),
        `${where}: English headings`,
      ).toEqual([]);
      const untranslated = zh.prose.filter((text) => ENGLISH_RUN.test(text) && !HAN.test(text));
      expect(untranslated, `${where}: text left in English`).toEqual([]);
    });
  });
});
