// The code and trigger panels' highlighted-line tables (site/playground/panels/highlight/), built as `astro build`
// builds them, with the docs' Expressive Code: for every output the code panel can show, and every trigger output
// the tables cover, looking its lines up gives exactly the HTML of highlighting it whole (a line highlighted by
// what comes before it would break this); typed domains and account IDs look up through their markers; a line the
// table lacks shows as plain text; and the files stay within their byte budget.
import { gzipSync } from "node:zlib";
import { CDN_EVENT_NAMES } from "fc-cdn-trigger";
import {
  CODEGEN_LANGUAGES,
  createTriggerConfig,
  renderTriggerConfig,
  TRIGGER_CONFIG_FORMATS,
} from "fc-cdn-trigger/tooling";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLineTable } from "../../site/playground/panels/highlight/build-line-table.js";
import { createLineHighlighter, type LineHighlighter } from "../../site/playground/panels/highlight/ec-lines.js";
import {
  codegenLineFile,
  escapeHtml,
  highlightedHtml,
  type LineTableFile,
  TRIGGER_LINE_FILE,
} from "../../site/playground/panels/highlight/line-table.js";
import {
  buildLineFile,
  CODEGEN_EC_LANGUAGES,
  codegenOutputs,
  eventSets,
  LINE_FILES,
  TRIGGER_EC_LANGUAGES,
  triggerOutputsToHighlight,
} from "../../site/playground/panels/highlight/panel-tables.js";
import { triggerSubstitutions } from "../../site/playground/panels/trigger-model.js";

// gzip bytes of each served table file. When set they measured codegen-typescript 6,998, codegen-javascript 6,519,
// codegen-python 8,012 and trigger 5,100 (26,629 in all); the budgets leave about 10%. Raise them deliberately.
const FILE_GZIP_BUDGET = 9_000;
const TOTAL_GZIP_BUDGET = 29_500;

let highlighter: LineHighlighter;
/** Every text the tables were built from, as [language, text] → its whole highlighting. */
const whole = new Map<string, string>();
const files: Record<string, LineTableFile> = {};

beforeAll(async () => {
  const real = await createLineHighlighter();
  // The real highlighter, remembering what it rendered, so each output is highlighted once.
  highlighter = {
    css: real.css,
    async highlight(code, language) {
      const lines = await real.highlight(code, language);
      whole.set(`${language}\n${code}`, lines.join("\n"));
      return lines;
    },
  };
  for (const name of LINE_FILES) files[name] = await buildLineFile(highlighter, name);
}, 600_000);

const wholeHtml = async (code: string, language: string) =>
  whole.get(`${language}\n${code}`) ?? (await highlighter.highlight(code, language)).join("\n");

/** An HTML fragment's text, as a browser would show it. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("code panel line tables", () => {
  it("cover every set of events, each language and style: lines look up to the whole output's HTML", async () => {
    expect(eventSets()).toHaveLength(2 ** CDN_EVENT_NAMES.length - 1);
    for (const language of CODEGEN_LANGUAGES) {
      const table = files[codegenLineFile(language)]?.tables[language];
      const outputs = codegenOutputs(language);
      expect(outputs).toHaveLength(2 * (2 ** CDN_EVENT_NAMES.length - 1));
      const wrong = [];
      for (const code of outputs) {
        const expected = await wholeHtml(code, CODEGEN_EC_LANGUAGES[language]);
        if (highlightedHtml(code, table) !== expected) wrong.push(code.split("\n").slice(0, 5).join("\n"));
      }
      expect(wrong, `${language} outputs whose lines look up differently`).toEqual([]);
    }
  });

  it("colour the code: keywords, strings and comments have classes of their own", () => {
    const html = highlightedHtml(
      codegenOutputs("typescript")[0] as string,
      files["codegen-typescript"]?.tables.typescript,
    );
    const classOf = (token: string) => new RegExp(`<span class="(t\\w+)">${token}`).exec(html)?.[1];
    const classes = [classOf("import"), classOf("fc-cdn-trigger"), classOf("// Function Compute")];
    expect(classes.every(Boolean), html.slice(0, 400)).toBe(true);
    expect(new Set(classes).size).toBe(3);
    // Each class has the docs' dark (--0) and light (--1) colour, or inherits one from the foreground rule.
    const css = files["codegen-typescript"]?.css ?? "";
    expect(css).toMatch(/^\.fcx-tokens\{--0:#[\da-f]{6};--1:#[\da-f]{6}\}/i);
    for (const name of classes) expect(css).toMatch(new RegExp(`\\.fcx-tokens \\.${name}\\{--0:#[\\da-fA-F]{6};--1:#`));
  });

  it("trigger outputs with the sentinel values look up to their whole HTML, in every format", async () => {
    const covered = triggerOutputsToHighlight();
    for (const format of TRIGGER_CONFIG_FORMATS) {
      const table = files[TRIGGER_LINE_FILE]?.tables[format];
      expect(covered[format].length).toBeGreaterThan(CDN_EVENT_NAMES.length);
      for (const { text, substitutions } of covered[format]) {
        expect(highlightedHtml(text, table, substitutions), `${format}:\n${text}`).toBe(
          await wholeHtml(text, TRIGGER_EC_LANGUAGES[format]),
        );
      }
    }
  });

  it("typed domains and account IDs look up through their markers to the HTML of the whole output", async () => {
    const inputs = [
      { eventName: "LogFileCreated", domains: ["example.com"] },
      { eventName: "CdnDomainAdded", domains: ["example.com", "*.static.example.com", "cdn.example.org"] },
      {
        eventName: "CachedObjectsPushed",
        domains: ["*.img.example.net", "a-b.example.cn"],
        accountId: "1234567890123456",
      },
    ] as const;
    for (const input of inputs) {
      const config = createTriggerConfig(input);
      for (const format of TRIGGER_CONFIG_FORMATS) {
        const text = renderTriggerConfig(config, format);
        const html = highlightedHtml(text, files[TRIGGER_LINE_FILE]?.tables[format], triggerSubstitutions(config));
        expect(html, `${format} for ${input.domains.join(", ")}`).toBe(
          await wholeHtml(text, TRIGGER_EC_LANGUAGES[format]),
        );
        expect(textOf(html)).toBe(text);
      }
    }
  });

  it("keys a line highlighted in two ways with the lines before it, as far back as it takes", () => {
    // As in a block comment: "x" is a comment after "/*" but code elsewhere, and "y" only tells apart two lines back.
    const blocks = [
      { lines: ["/*", "x", "*/"], html: ["C/*", "Cx", "C*/"] },
      { lines: ["x", "x"], html: ["Kx", "Kx"] },
      { lines: ["/*", "a", "y"], html: ["C/*", "Ca", "Cy"] },
      { lines: ["b", "a", "y"], html: ["Kb", "Ka", "Ky"] },
    ];
    const table = buildLineTable(blocks);
    expect(table.context).toBe(2);
    expect(table.lines["*/"]).toBe("C*/");
    expect(table.lines.x).toBeUndefined();
    expect(table.lines["/*\nx"]).toBe("Cx");
    for (const { lines, html } of blocks) expect(highlightedHtml(lines.join("\n"), table)).toBe(html.join("\n"));
    expect(() => buildLineTable([...blocks, { lines: ["b", "a", "y"], html: ["Kb", "Ka", "Cy"] }])).toThrow(
      /"y" after identical lines has two highlightings/,
    );
  });

  it("shows a line the table lacks as plain text, and keeps every other line highlighted", () => {
    const file = files["codegen-python"] as LineTableFile;
    const code = codegenOutputs("python")[3] as string;
    const lines = code.split("\n");
    const missing = lines.findIndex((line) => line.includes("def ") && line.includes("<") === false);
    expect(missing).toBeGreaterThan(-1);
    const table = { ...(file.tables.python as NonNullable<typeof file.tables.python>) };
    table.lines = { ...table.lines };
    delete table.lines[lines[missing] as string];
    const shown = highlightedHtml(code, table).split("\n");
    expect(shown[missing]).toBe(escapeHtml(lines[missing] as string));
    expect(shown.filter((line) => line.includes("<span")).length).toBeGreaterThan(lines.length / 2);
    expect(textOf(shown.join("\n"))).toBe(code);
    // No table yet: all plain, all there.
    expect(highlightedHtml(`${code}<&>`, undefined)).toBe(escapeHtml(`${code}<&>`));
  });

  it(`serves each table file in at most ${FILE_GZIP_BUDGET} B gzip, ${TOTAL_GZIP_BUDGET} B in all`, () => {
    const sizes = Object.fromEntries(
      Object.entries(files).map(([name, file]) => [name, gzipSync(JSON.stringify(file)).length]),
    );
    console.log("[repo] code panel line tables, gzip bytes:", sizes);
    expect(Object.keys(sizes).sort()).toEqual([...LINE_FILES].sort());
    for (const [name, size] of Object.entries(sizes)) expect(size, name).toBeLessThanOrEqual(FILE_GZIP_BUDGET);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TOTAL_GZIP_BUDGET);
  });
});
