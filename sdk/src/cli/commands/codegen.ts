import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CDN_EVENT_NAMES, type CdnEventName, isCdnEventName } from "../../index.js";
import {
  CODEGEN_LANGUAGES,
  CODEGEN_STYLES,
  type CodegenLanguage,
  type CodegenStyle,
  generateHandlerCode,
} from "../../tooling/index.js";
import { CliUsageError, defineCommand, EXIT, listOf, unknownName } from "../command.js";

const help = `Usage: fc-cdn-trigger codegen --lang <language> --events <a,b,...> [--style sdk|plain] [--out <file>]

Writes a handler for the chosen CDN events, with a comment on every field it reads. It loops over
every event of the envelope and skips (and logs) the events it does not handle.

Options:
  --lang <language>  typescript (ts), javascript (js) or python (py).
  --events <names>   Comma-separated or repeated event names, or "all".
  --style <style>    sdk (default): routes with defineCdnHandler (Python: the same design, no
                     dependency). plain: no dependency at all, to paste into the FC console.
  --out <file>       Write to a file instead of standard output.
  -h, --help         Show this help.

Examples:
  fc-cdn-trigger codegen --lang ts --events LogFileCreated
  fc-cdn-trigger codegen --lang python --events CdnDomainStarted,CdnDomainStopped --style plain --out index.py
`;

const ALIASES: Record<string, CodegenLanguage> = { ts: "typescript", js: "javascript", py: "python" };

export const codegenCommand = defineCommand({
  name: "codegen",
  summary: "write a handler in TypeScript, JavaScript or Python",
  help,
  options: {
    lang: { type: "string" },
    events: { type: "string", multiple: true },
    style: { type: "string" },
    out: { type: "string" },
  },
  allowPositionals: false,
  async run({ values }, io) {
    if (values.lang === undefined) throw new CliUsageError(`--lang is required: ${CODEGEN_LANGUAGES.join(", ")}`);
    const language = ALIASES[values.lang] ?? values.lang;
    if (!(CODEGEN_LANGUAGES as readonly string[]).includes(language)) {
      throw new CliUsageError(`--lang: ${unknownName("a language", values.lang, CODEGEN_LANGUAGES)}`);
    }
    const style = values.style ?? "sdk";
    if (!(CODEGEN_STYLES as readonly string[]).includes(style)) {
      throw new CliUsageError(`--style: ${unknownName("a style", style, CODEGEN_STYLES)}`);
    }
    const names = listOf(values.events);
    if (names.length === 0) throw new CliUsageError('--events is required: one or more event names, or "all"');
    const events: CdnEventName[] = [];
    for (const name of names.includes("all") ? CDN_EVENT_NAMES : names) {
      if (!isCdnEventName(name))
        throw new CliUsageError(`--events: ${unknownName("a CDN event", name, CDN_EVENT_NAMES)}`);
      if (!events.includes(name)) events.push(name);
    }
    const code = generateHandlerCode({ language: language as CodegenLanguage, events, style: style as CodegenStyle });
    if (values.out !== undefined) {
      const path = resolve(io.cwd, values.out);
      writeFileSync(path, code);
      io.stderr(`wrote ${values.out}\n`);
    } else io.stdout(code);
    return EXIT.ok;
  },
});
