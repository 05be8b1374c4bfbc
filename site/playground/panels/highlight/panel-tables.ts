// Build time only: the line tables of the code and trigger panels. Every output the code panel can show (each set
// of events × language × style) is highlighted whole and reduced to one table per language; the trigger panel's
// outputs (each event × format, with one to MAX_SENTINEL_DOMAINS domains and with and without an account ID) are
// rendered with sentinel values that the tables hold as markers, so any typed domain or account ID looks up.
// Served by site/pages/code-lines/[file].json.ts. The panels' first render (CodegenPanel.astro, TriggerPanel.astro)
// uses the same highlighter, so the highlighted default is in the HTML.

import { CDN_EVENT_NAMES, type CdnEventName } from "fc-cdn-trigger";
import {
  CODEGEN_LANGUAGES,
  CODEGEN_STYLES,
  type CodegenLanguage,
  createTriggerConfig,
  generateHandlerCode,
  renderTriggerConfig,
  TRIGGER_CONFIG_FORMATS,
  type TriggerConfigFormat,
} from "fc-cdn-trigger/tooling";
import { triggerSubstitutions } from "../trigger-model.js";
import { buildLineTable, type HighlightedBlock } from "./build-line-table.js";
import { createLineHighlighter, type LineHighlighter } from "./ec-lines.js";
import {
  codegenLineFile,
  type LineTable,
  type LineTableFile,
  normalize,
  type Substitution,
  TRIGGER_LINE_FILE,
} from "./line-table.js";

/** The docs' language of each code panel language (event pages show the same handlers as docs code blocks). */
export const CODEGEN_EC_LANGUAGES: Record<CodegenLanguage, string> = {
  typescript: "ts",
  javascript: "js",
  python: "python",
};

/** The docs' language of each trigger format (as the create-a-trigger guide highlights them). */
export const TRIGGER_EC_LANGUAGES: Record<TriggerConfigFormat, string> = {
  "fc-api-json": "json",
  "s-yaml": "yaml",
  terraform: "hcl",
  "aliyun-cli": "sh",
};

/** Trigger outputs with more domains than this show their domain-list lines as plain text. */
export const MAX_SENTINEL_DOMAINS = 5;
const SENTINEL_ACCOUNT = "1000000000000001";

/** Every table file. */
export const LINE_FILES = [...CODEGEN_LANGUAGES.map(codegenLineFile), TRIGGER_LINE_FILE];

/** Every non-empty set of events, each in catalog order (as the panel's checkboxes give them). */
export function eventSets(): CdnEventName[][] {
  const sets: CdnEventName[][] = [];
  for (let mask = 1; mask < 2 ** CDN_EVENT_NAMES.length; mask++) {
    sets.push(CDN_EVENT_NAMES.filter((_, bit) => mask & (2 ** bit)));
  }
  return sets;
}

/** Every output of the code panel in `language`. */
export const codegenOutputs = (language: CodegenLanguage): string[] =>
  CODEGEN_STYLES.flatMap((style) => eventSets().map((events) => generateHandlerCode({ language, events, style })));

/** Sentinel domain lists: 1 to MAX_SENTINEL_DOMAINS domains, alternately plain and wildcard, and one wildcard alone. */
function sentinelDomainLists(): string[][] {
  const lists = [["*.d0.example.com"]];
  for (let count = 1; count <= MAX_SENTINEL_DOMAINS; count++) {
    lists.push(Array.from({ length: count }, (_, i) => `${i % 2 ? "*." : ""}d${i}.example.com`));
  }
  return lists;
}

/** Every trigger output the table covers, per format, with the sentinel values it holds. */
export function triggerOutputsToHighlight(): Record<
  TriggerConfigFormat,
  { text: string; substitutions: Substitution[] }[]
> {
  const outputs = Object.fromEntries(TRIGGER_CONFIG_FORMATS.map((format) => [format, []])) as unknown as Record<
    TriggerConfigFormat,
    { text: string; substitutions: Substitution[] }[]
  >;
  for (const eventName of CDN_EVENT_NAMES) {
    for (const domains of sentinelDomainLists()) {
      for (const accountId of [undefined, SENTINEL_ACCOUNT]) {
        const config = createTriggerConfig({ eventName, domains, ...(accountId ? { accountId } : {}) });
        for (const format of TRIGGER_CONFIG_FORMATS) {
          outputs[format].push({
            text: renderTriggerConfig(config, format),
            substitutions: triggerSubstitutions(config),
          });
        }
      }
    }
  }
  return outputs;
}

/**
 * Highlights `text` whole and keys its lines with the typed values as markers (checking that each value is one run
 * of text in the HTML, so that putting any other value in its place keeps the highlighting).
 */
export async function highlightBlock(
  highlighter: LineHighlighter,
  text: string,
  language: string,
  substitutions: readonly Substitution[] = [],
): Promise<HighlightedBlock> {
  const html = await highlighter.highlight(text, language);
  const lines = text.split("\n").map((line, at) => {
    const key = normalize(line, substitutions);
    const marked = normalize(html[at] as string, substitutions);
    if (marked.taken.join("\n") !== key.taken.join("\n")) {
      throw new Error(`${language} line ${at + 1} ${JSON.stringify(line)}: a typed value is split across tokens`);
    }
    html[at] = marked.text;
    return key.text;
  });
  return { lines, html };
}

/** Builds the table file `name` (one of LINE_FILES). */
export async function buildLineFile(highlighter: LineHighlighter, name: string): Promise<LineTableFile> {
  const tables: Record<string, LineTable> = {};
  const language = CODEGEN_LANGUAGES.find((candidate) => codegenLineFile(candidate) === name);
  if (language) {
    const blocks: HighlightedBlock[] = [];
    for (const code of codegenOutputs(language)) {
      blocks.push(await highlightBlock(highlighter, code, CODEGEN_EC_LANGUAGES[language]));
    }
    tables[language] = buildLineTable(blocks);
  } else if (name === TRIGGER_LINE_FILE) {
    const outputs = triggerOutputsToHighlight();
    for (const format of TRIGGER_CONFIG_FORMATS) {
      const blocks: HighlightedBlock[] = [];
      for (const { text, substitutions } of outputs[format]) {
        blocks.push(await highlightBlock(highlighter, text, TRIGGER_EC_LANGUAGES[format], substitutions));
      }
      tables[format] = buildLineTable(blocks);
    }
  } else {
    throw new Error(`no line table file "${name}"; the files are ${LINE_FILES.join(", ")}`);
  }
  const html = Object.values(tables).flatMap((table) => Object.values(table.lines));
  return { css: highlighter.css(html.join("")), tables };
}

// One highlighter (one palette) for the whole build: the pages' first renders and the table files share classes.
let highlighter: Promise<LineHighlighter> | undefined;
const files = new Map<string, Promise<LineTableFile>>();
const sharedHighlighter = () => {
  highlighter ??= createLineHighlighter();
  return highlighter;
};

/** Table file `name` of this build, made on first use. */
export function lineFile(name: string): Promise<LineTableFile> {
  let file = files.get(name);
  if (!file) {
    file = sharedHighlighter().then((shared) => buildLineFile(shared, name));
    files.set(name, file);
  }
  return file;
}

/**
 * A panel's first render: `text` highlighted whole (which the line tables reproduce line by line, as their test
 * checks).
 *
 * @example
 * ```ts
 * const html = await firstRender(code, CODEGEN_EC_LANGUAGES.typescript);
 * ```
 */
export async function firstRender(text: string, language: string): Promise<string> {
  return (await (await sharedHighlighter()).highlight(text, language)).join("\n");
}

/** The CSS that first renders need: the foreground and the classes `html` uses. */
export async function firstRenderCss(...html: string[]): Promise<string> {
  return (await sharedHighlighter()).css(html.join(""));
}
