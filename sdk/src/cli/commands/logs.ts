import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  CdnLogReadError,
  type CdnLogSource,
  type CdnLogSummary,
  type CdnLogTopEntry,
  readCdnLog,
  summarizeCdnLog,
} from "../../logs/index.js";
import { type CliCommand, CliFailure, type CliIo, CliUsageError, EXIT, json, parseOrHelp } from "../command.js";

const help = `Usage: fc-cdn-trigger logs summarize <file|url|-> [--json] [--top N]

Streams a CDN offline access log (gzip or plain text) and prints its summary: requests, traffic, status
classes, cache hit ratio by requests and by bytes, p50/p95/p99 response time, requests per hour and the
top URLs, referers, user agents and client IPs. Memory stays flat whatever the file size.

The source is a file path, a URL (a filePath without a scheme gets https://), or - for standard input.
A progress bar goes to stderr when it is a terminal.

Options:
  --json      Print the summary as JSON (times in ISO 8601, UTC).
  --top N     Entries in each top list (default 10).
  -h, --help  Show this help.

Exit code: 0 when the log was read (malformed lines are reported, not fatal), 1 when it could not be
read (missing file, HTTP error, truncated gzip), 2 when the command line is wrong.

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
  lines.push(
    ...topLines("top URLs", s.top.urls),
    ...topLines("top referers", s.top.referers),
    ...topLines("top user agents", s.top.userAgents),
    ...topLines("top client IPs", s.top.clientIps),
  );
  if ([s.top.urls, s.top.referers, s.top.userAgents, s.top.clientIps].some((l) => l.some((e) => e.maxOverestimate))) {
    lines.push("  ≈ estimated count (bounded sketch); the true count is at most that many lower");
  }
  return `${lines.join("\n")}\n`;
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
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isSafeInteger(top) || top < 1)
    throw new CliUsageError(`--top must be a positive integer, got ${values.top}`);
  const where = positionals[0] as string;
  let source: CdnLogSource = where;
  if (where === "-") source = process.stdin;
  else if (!/^[a-z][a-z0-9+.-]+:/i.test(where) && existsSync(resolve(io.cwd, where))) source = resolve(io.cwd, where);
  const tty = io.stderrIsTTY ?? process.stderr.isTTY === true;
  const bar = tty ? progressBar(io) : undefined;
  let summary: CdnLogSummary;
  try {
    summary = await summarizeCdnLog(
      readCdnLog(source, bar ? { onProgress: (p) => bar.update(p.bytesRead, p.totalBytes) } : {}),
      { top },
    );
  } catch (error) {
    bar?.clear();
    if (error instanceof CdnLogReadError) throw new CliFailure(error.message);
    throw error;
  }
  bar?.clear();
  const name = where === "-" ? "(stdin)" : where.replace(/\?.*$/, "?…");
  if (values.json) io.stdout(json(summary));
  else io.stdout(renderSummary(summary, name));
  if (summary.stats && summary.stats.parsed === 0 && summary.stats.lines > 0) {
    io.stderr(`warning: none of the ${summary.stats.lines} lines is a CDN access-log line; is this the right file?\n`);
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
    if (sub !== "summarize") throw new CliUsageError(`unknown subcommand ${JSON.stringify(sub)}; expected summarize`);
    return summarize(rest, io);
  },
};
