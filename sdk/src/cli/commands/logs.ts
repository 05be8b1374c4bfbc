import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  CdnLogReadError,
  type CdnLogSource,
  type CdnLogSummary,
  CdnLogSummaryError,
  type CdnLogTopEntry,
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  mergeCdnLogSummaries,
  readCdnLog,
  summarizeCdnLog,
} from "../../logs/index.js";
import {
  type CliCommand,
  CliFailure,
  type CliIo,
  CliUsageError,
  EXIT,
  json,
  parseOrHelp,
  readInput,
} from "../command.js";
import { isPartialRead, type PartialRead, partialWarning } from "./logs-partial.js";
import { report } from "./logs-report.js";

const help = `Usage: fc-cdn-trigger logs summarize <file|url|-> [--json] [--top N]
       fc-cdn-trigger logs report <file…> -o report.html   (an HTML report with charts: logs report --help)
       fc-cdn-trigger logs merge <summary.json…> [--json] [--top N]   (logs merge --help)

Streams a CDN offline access log (gzip or plain text) and prints its summary: requests, traffic, status
classes, cache hit ratio by requests and by bytes, p50/p95/p99 response time, requests per hour and the
top URLs, referers, user agents, client IPs, content types and 4xx/5xx URLs. Memory stays flat whatever
the file size.

The source is a file path, a URL (a filePath without a scheme gets https://), or - for standard input.
A progress bar goes to stderr when it is a terminal.

Options:
  --json      Print the summary as versioned JSON (times in ISO 8601, UTC), which \`logs merge\` and
              \`logs report\` read back.
  --top N     Entries in each top list (default 10).
  -h, --help  Show this help.

Exit code: 0 when the log was read (malformed lines are reported, not fatal), 1 when it could not be
read (missing file, HTTP error, not a log), 2 when the command line is wrong, 3 when it was read only in
part (a truncated gzip file, a broken download): the summary of the complete lines read before the cut
is printed, marked PARTIAL (and "partial": true with --json), with a warning on stderr.

Examples:
  fc-cdn-trigger logs summarize www.example.com_2024_06_01_080000_090000.gz
  fc-cdn-trigger logs summarize "https://cdnlog.example.com/...gz?Expires=...&Signature=..." --json
  npm run -s gen:log -- --lines 100000 | fc-cdn-trigger logs summarize - --top 5
`;

/** The CLI's io, optionally saying whether stderr is a terminal (tests set it; the process falls back to isTTY). */
type LogsIo = CliIo & { stderrIsTTY?: boolean };

const UNITS = ["B", "KB", "MB", "GB", "TB"];
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

const count = (n: number) => n.toLocaleString("en-US");
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
/** The log writes +0800; show times the same way. */
const cst = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

function topLines(title: string, entries: CdnLogTopEntry[]): string[] {
  if (entries.length === 0) return [];
  const width = Math.max(...entries.map((e) => count(e.count).length));
  return [
    `  ${title}`,
    ...entries.map((e) => `    ${count(e.count).padStart(width)}${e.maxOverestimate > 0 ? "≈" : " "} ${e.value}`),
  ];
}

/** The human-readable report. */
export function renderSummary(summary: CdnLogSummary, source: string): string {
  const s = summary;
  const lines = [`${source}: ${count(s.requests)} requests`];
  if (s.partial) lines.push("  PARTIAL     the log was cut: these figures cover only the lines read before the cut");
  if (s.stats && s.stats.malformed > 0) {
    const shown = s.stats.malformedLineNumbers.join(", ");
    lines.push(
      `  malformed   ${count(s.stats.malformed)} of ${count(s.stats.lines)} lines skipped (line${s.stats.malformed === 1 ? "" : "s"} ${shown}${s.stats.malformed > s.stats.malformedLineNumbers.length ? ", …" : ""})`,
    );
  }
  if (s.firstTime && s.lastTime) lines.push(`  period      ${cst(s.firstTime)} → ${cst(s.lastTime)} (+08:00)`);
  lines.push(`  traffic     ${formatBytes(s.bytes)} sent, ${formatBytes(s.requestBytes)} received`);
  const classes = Object.entries(s.statusClasses)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${count(n)} (${percent(n / Math.max(1, s.requests))})`);
  lines.push(`  status      ${classes.join("  ") || "-"}`);
  lines.push(
    `  cache hits  ${percent(s.cacheHitRatio.byRequests)} of requests, ${percent(s.cacheHitRatio.byBytes)} of bytes`,
  );
  const t = s.responseTimeMs;
  lines.push(`  response    p50 ${t.p50} ms  p95 ${t.p95} ms  p99 ${t.p99} ms  max ${t.max} ms`);
  if (s.perHour.length > 0) {
    lines.push("  per hour (+08:00)");
    for (const hour of s.perHour) {
      lines.push(
        `    ${cst(hour.start).slice(0, 16)}  ${count(hour.requests).padStart(12)} requests  ${formatBytes(hour.bytes)}`,
      );
    }
  }
  const lists: [string, CdnLogTopEntry[]][] = [
    ["top URLs", s.top.urls],
    ["top referers", s.top.referers],
    ["top user agents", s.top.userAgents],
    ["top client IPs", s.top.clientIps],
    ["top content types", s.top.contentTypes],
    ["top 4xx URLs", s.top.clientErrorUrls],
    ["top 5xx URLs", s.top.serverErrorUrls],
  ];
  lines.push(...lists.flatMap(([title, entries]) => topLines(title, entries)));
  if (lists.some(([, entries]) => entries.some((e) => e.maxOverestimate))) {
    lines.push("  ≈ estimated count (bounded sketch); the true count is at most that many lower");
  }
  return `${lines.join("\n")}\n`;
}

/** `--top N`, checked; `fallback` when absent. */
function topOption(value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  const top = Number(value);
  if (!Number.isSafeInteger(top) || top < 1) throw new CliUsageError(`--top must be a positive integer, got ${value}`);
  return top;
}

/** A progress bar redrawn in place on stderr, at most every 100 ms. */
function progressBar(io: CliIo) {
  let last = 0;
  let drawn = false;
  return {
    update(bytesRead: number, totalBytes?: number) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      if (totalBytes) {
        const ratio = Math.min(1, bytesRead / totalBytes);
        const filled = Math.round(ratio * 30);
        io.stderr(
          `\r[${"#".repeat(filled)}${".".repeat(30 - filled)}] ${percent(ratio).padStart(6)} ${formatBytes(bytesRead)} / ${formatBytes(totalBytes)}\x1b[K`,
        );
      } else io.stderr(`\rread ${formatBytes(bytesRead)}\x1b[K`);
    },
    clear() {
      if (drawn) io.stderr("\r\x1b[K");
    },
  };
}

async function summarize(argv: string[], io: LogsIo): Promise<number> {
  const args = parseOrHelp(argv, { json: { type: "boolean" }, top: { type: "string" } }, io, help);
  if (!args) return EXIT.ok;
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    throw new CliUsageError(
      positionals.length === 0 ? "give the log file, its URL, or - for standard input" : "give one log",
    );
  }
  const top = topOption(values.top, 10);
  const where = positionals[0] as string;
  let source: CdnLogSource = where;
  if (where === "-") source = process.stdin;
  else if (!/^[a-z][a-z0-9+.-]+:/i.test(where) && existsSync(resolve(io.cwd, where))) source = resolve(io.cwd, where);
  const tty = io.stderrIsTTY ?? process.stderr.isTTY === true;
  const bar = tty ? progressBar(io) : undefined;
  const name = where === "-" ? "(stdin)" : where.replace(/\?.*$/, "?…");
  let summary: CdnLogSummary;
  let cut: PartialRead | undefined;
  try {
    summary = await summarizeCdnLog(
      readCdnLog(source, bar ? { onProgress: (p) => bar.update(p.bytesRead, p.totalBytes) } : {}),
      { top },
    );
  } catch (error) {
    bar?.clear();
    // A log cut part-way still has a summary of what was read: print it, marked partial, and warn after it.
    if (isPartialRead(error)) {
      cut = error;
      summary = error.partial;
    } else if (error instanceof CdnLogReadError) throw new CliFailure(error.message);
    else throw error;
  }
  bar?.clear();
  if (values.json) io.stdout(json(cdnLogSummaryToJson(summary)));
  else io.stdout(renderSummary(summary, name));
  if (cut) io.stderr(partialWarning(cut, name));
  if (summary.stats && summary.stats.parsed === 0 && summary.stats.lines > 0) {
    io.stderr(`warning: none of the ${summary.stats.lines} lines is a CDN access-log line; is this the right file?\n`);
  }
  return cut ? EXIT.partial : EXIT.ok;
}

const mergeHelp = `Usage: fc-cdn-trigger logs merge <summary.json…> [--json] [--top N]

Merges summaries saved with \`logs summarize --json\` (or cdnLogSummaryToJson), say the hourly files of a day,
into the summary of them all, and prints it. Totals, status classes, cache hits, the per-hour series and the
response-time histogram and percentiles are exact. Top lists carry their error bounds: each listed count is
at most its maxOverestimate too high, and a value not listed was seen at most topUnlistedMax times.

Options:
  --json      Print the merged summary as versioned JSON (to merge again, or for \`logs report\`).
  --top N     Entries in each top list (default: the longest list of the inputs).
  -h, --help  Show this help.

Exit code: 0 when the summaries were merged, 1 when a file cannot be read or is not a summary (the message
names the file and the JSON path, e.g. $.perHour[3].requests), 2 when the command line is wrong. A merge
with a partial summary (of a cut log) is partial too.

Examples:
  fc-cdn-trigger logs summarize www.example.com_2024_06_01_080000_090000.gz --json > 08.json
  fc-cdn-trigger logs merge 08.json 09.json 10.json
  fc-cdn-trigger logs merge summaries/*.json --json > day.json
`;

/** The summary in the JSON file `name`, or a failure naming the file and where it is wrong. */
async function readSummary(name: string, io: CliIo): Promise<CdnLogSummary> {
  const text = await readInput(name, io);
  try {
    return cdnLogSummaryFromJson(text);
  } catch (error) {
    if (error instanceof CdnLogSummaryError) throw new CliFailure(`${name}: ${error.message}`);
    throw error;
  }
}

async function merge(argv: string[], io: CliIo): Promise<number> {
  const args = parseOrHelp(argv, { json: { type: "boolean" }, top: { type: "string" } }, io, mergeHelp);
  if (!args) return EXIT.ok;
  const { values, positionals } = args;
  if (positionals.length === 0) {
    throw new CliUsageError("give the summaries to merge, JSON files written by `logs summarize --json`");
  }
  const top = topOption(values.top, undefined);
  const summaries: CdnLogSummary[] = [];
  for (const name of positionals) summaries.push(await readSummary(name, io));
  const merged = mergeCdnLogSummaries(summaries, { top });
  if (values.json) io.stdout(json(cdnLogSummaryToJson(merged)));
  else {
    const files = positionals.length === 1 ? "1 summary" : `${positionals.length} summaries`;
    io.stdout(renderSummary(merged, `${files} merged`));
  }
  return EXIT.ok;
}

export const logsCommand: CliCommand = {
  name: "logs",
  summary: "summarize a CDN offline access log (file, URL or stdin)",
  help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === "--help" || sub === "-h") {
      io.stdout(help);
      return sub === undefined ? EXIT.usage : EXIT.ok;
    }
    if (sub === "report") return report(rest, io);
    if (sub === "merge") return merge(rest, io);
    if (sub !== "summarize") {
      throw new CliUsageError(`unknown subcommand ${JSON.stringify(sub)}; expected summarize, report or merge`);
    }
    return summarize(rest, io);
  },
};
