// `fc-cdn-trigger logs report`: log files and saved summaries, merged into one self-contained HTML report.
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  CdnLogReadError,
  type CdnLogSummary,
  CdnLogSummaryError,
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  mergeCdnLogSummaries,
  readCdnLog,
  summarizeCdnLog,
} from "../../logs/index.js";
import type { CdnLogReportLocale, CdnLogReportSource } from "../../logs/report/index.js";
import { CliFailure, type CliIo, CliUsageError, EXIT, parseOrHelp } from "../command.js";
import { reportHtml } from "../report-html.js";
import { REPORT_PAGE_SCRIPT } from "../report-page-source.js";
import { isPartialRead, type PartialRead, partialWarning } from "./logs-partial.js";

export const reportHelp = `Usage: fc-cdn-trigger logs report <file…> -o report.html [--json summary.json] [--top N] [--lang en|zh-cn]

Writes one self-contained HTML report of CDN offline access logs: totals, requests and bytes per hour, cache
hit ratio by requests and by bytes over time, status classes over time, response-time percentiles and
histogram, top URLs, referers, user agents, client IPs and content types, the top 4xx and 5xx URLs, and the
malformed lines. Every chart has its values in a table. The file has everything inline (no external URL), so
it opens offline, from disk or as an e-mail attachment.

Each <file> is a log (gzip or plain text) or a summary saved with \`logs summarize --json\` or --json here;
all of them are merged into one report (exact totals; top lists with error bounds).

Options:
  -o, --output FILE  Where to write the HTML report (required).
  --json FILE        Also write the merged summary as JSON, for \`logs merge\` or a later report.
  --top N            Entries in each top list (default 10).
  --lang LANG        The report's language: en (default) or zh-cn.
  -h, --help         Show this help.

Exit code: 0 when the report was written, 1 when an input could not be read or is not a log or summary
(the message names the file), 2 when the command line is wrong, 3 when a log was read only in part (a
truncated gzip file): the report is written with what was read and says on top "Partial: file X was cut
after N lines"; the other files are summarised and merged as usual, and stderr has a warning.

Examples:
  fc-cdn-trigger logs report www.example.com_2024_06_01_*.gz -o report.html
  fc-cdn-trigger logs report summaries/*.json -o day.html --json day.json --lang zh-cn
`;

const LOCALES: readonly CdnLogReportLocale[] = ["en", "zh-cn"];

/** True when the file holds JSON (a saved summary) rather than a log: its first non-blank byte is `{`. */
function isJsonFile(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(256);
    const length = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, length).toString("latin1").trimStart();
    return text.startsWith("{");
  } finally {
    closeSync(fd);
  }
}

/** The existing file `name` names, or a failure saying why it cannot be read. */
function inputFile(name: string, io: CliIo): string {
  const path = resolve(io.cwd, name);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new CliFailure(`cannot read ${name}: no such file`);
  }
  if (!isFile) throw new CliFailure(`cannot read ${name}: it is not a file`);
  return path;
}

/** The summary of the log or saved summary `name`; a log cut part-way gives the summary of what was read. */
async function summaryOf(name: string, top: number, io: CliIo): Promise<{ summary: CdnLogSummary; cut?: PartialRead }> {
  const path = inputFile(name, io);
  if (isJsonFile(path)) {
    try {
      return { summary: cdnLogSummaryFromJson(readFileSync(path, "utf8")) };
    } catch (error) {
      if (error instanceof CdnLogSummaryError) throw new CliFailure(`${name}: ${error.message}`);
      throw error;
    }
  }
  try {
    const summary = await summarizeCdnLog(readCdnLog(path), { top });
    if (summary.stats && summary.stats.parsed === 0 && summary.stats.lines > 0) {
      io.stderr(
        `warning: ${name}: none of its ${summary.stats.lines} lines is a CDN access-log line; is this the right file?\n`,
      );
    }
    return { summary };
  } catch (error) {
    if (isPartialRead(error)) return { summary: error.partial, cut: error };
    if (error instanceof CdnLogReadError) throw new CliFailure(`${name}: ${error.message}`);
    throw error;
  }
}

function write(name: string, text: string, io: CliIo): void {
  try {
    writeFileSync(resolve(io.cwd, name), text);
  } catch (error) {
    throw new CliFailure(`cannot write ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function report(argv: string[], io: CliIo): Promise<number> {
  const args = parseOrHelp(
    argv,
    {
      output: { type: "string", short: "o" },
      json: { type: "string" },
      top: { type: "string" },
      lang: { type: "string" },
    },
    io,
    reportHelp,
  );
  if (!args) return EXIT.ok;
  const { values, positionals } = args;
  if (positionals.length === 0) throw new CliUsageError("give one or more log files or saved summaries");
  if (values.output === undefined) throw new CliUsageError("give the report's file with -o report.html");
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isSafeInteger(top) || top < 1)
    throw new CliUsageError(`--top must be a positive integer, got ${values.top}`);
  const locale = (values.lang ?? "en") as CdnLogReportLocale;
  if (!LOCALES.includes(locale))
    throw new CliUsageError(`--lang must be one of ${LOCALES.join(", ")}, got ${values.lang}`);
  if (REPORT_PAGE_SCRIPT === undefined) {
    throw new CliFailure(
      "this fc-cdn-trigger runs from its sources without the report's page script: run `npm run build` and use the built CLI",
    );
  }
  const parts: CdnLogSummary[] = [];
  const sources: CdnLogReportSource[] = [];
  const warnings: string[] = [];
  for (const name of positionals) {
    const { summary, cut } = await summaryOf(name, top, io);
    parts.push(summary);
    // A saved summary of a cut log is flagged in the report too (it says partial), but only a log cut now exits 3.
    sources.push({ name, ...(summary.stats && { stats: summary.stats }), ...(summary.partial && { partial: true }) });
    if (cut) warnings.push(partialWarning(cut, name));
  }
  // Saved summaries keep their own list lengths unless --top says otherwise.
  const merged = mergeCdnLogSummaries(parts, values.top === undefined ? {} : { top });
  const json = cdnLogSummaryToJson(merged);
  if (values.json !== undefined) write(values.json, `${JSON.stringify(json, null, 2)}\n`, io);
  const html = reportHtml({ summary: json, options: { locale, sources }, script: REPORT_PAGE_SCRIPT });
  write(values.output, html, io);
  io.stdout(
    `wrote ${values.output}: ${merged.requests.toLocaleString("en-US")} requests from ${positionals.length} file${positionals.length === 1 ? "" : "s"}${values.json === undefined ? "" : `; summary in ${values.json}`}${warnings.length > 0 ? " (partial: see the warning)" : ""}\n`,
  );
  for (const warning of warnings) io.stderr(warning);
  return warnings.length > 0 ? EXIT.partial : EXIT.ok;
}
