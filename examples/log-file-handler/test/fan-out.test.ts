// FC's fan-out end to end, locally: six hourly log files, one handler invocation each (as six LogFileCreated
// events would run), each writing its summary to SUMMARY_DIR; then `npm run report` merges the day into one HTML
// report and its JSON. The merged summary must equal one summariser reading every line of the day, on every exact
// field, and its top lists must keep Space-Saving's bounds against the true counts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  CdnLogSummarizer,
  type CdnLogSummary,
  cdnLogSummaryFromJson,
  generateCdnLogLines,
  parseCdnLogLine,
} from "fc-cdn-trigger/logs";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exactSummaryFields as exactFields } from "../../../test/support/summary-fields.js";
import { handler } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(root, "../..");
const DAY = Date.parse("2024-06-01T08:00:00+08:00");
const two = (n: number) => String(n).padStart(2, "0");

/** Six hourly files as CDN names them (hours in UTC+8), each with its own traffic; one has malformed lines. */
const FILES = Array.from({ length: 6 }, (_, hour) => {
  const lines = [
    ...generateCdnLogLines({
      lines: 1500 + 300 * hour,
      seed: 40 + hour,
      start: new Date(DAY + hour * 3_600_000),
      protocol: hour % 2 === 0,
      missingContentTypeRate: 0.02,
      malformedRate: hour === 3 ? 0.01 : 0,
    }),
  ];
  const name = `example.com_2024_06_01_${two(8 + hour)}0000_${two(9 + hour)}0000`;
  return { path: `/example.com/2024_06_01/${name}.gz`, name, lines, gzip: gzipSync(`${lines.join("\n")}\n`) };
});

let server: Server;
let base = "";
const summaryDir = mkdtempSync(join(tmpdir(), "log-fan-out-"));
const dayFolder = join(summaryDir, "example.com", "2024_06_01");

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = FILES.find((f) => request.url?.startsWith(f.path));
    if (file) response.writeHead(200).end(file.gzip);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(summaryDir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** One summariser over every line of the day, in order: what the merge must reproduce. */
function wholeDay(): CdnLogSummary {
  const summarizer = new CdnLogSummarizer();
  for (const file of FILES) {
    for (const line of file.lines) {
      const record = parseCdnLogLine(line);
      if (record) summarizer.add(record);
    }
  }
  return summarizer.summary();
}

describe("the fan-out: one invocation per log file, merged later", () => {
  it("writes one summary per file, and the day's report merges them into the whole day's summary", async () => {
    process.env.SUMMARY_DIR = summaryDir;
    try {
      for (const file of FILES) {
        const event = createCdnEvent("LogFileCreated", {
          eventParameter: {
            domain: "example.com",
            filePath: `${base}${file.path}?Signature=s`,
            fileSize: file.gzip.byteLength,
          },
        });
        const { error } = await invokeHandler(handler, createCdnEnvelope(event));
        expect(error).toBeUndefined();
      }
    } finally {
      delete process.env.SUMMARY_DIR;
    }
    expect(readdirSync(dayFolder).sort()).toEqual(FILES.map((file) => `${file.name}.summary.json`));

    // The second step, as a reader runs it: npm run report -- <day folder> (the CLI's `logs report` underneath).
    const merged = join(summaryDir, "day.json");
    const report = join(summaryDir, "day.html");
    const run = spawnSync(process.execPath, ["scripts/report.mjs", dayFolder, "-o", report, "--json", merged], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, PATH: `${join(repo, "node_modules/.bin")}${delimiter}${process.env.PATH}` },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`merged 6 summaries from ${dayFolder}`);
    expect(existsSync(report)).toBe(true);

    const day = cdnLogSummaryFromJson(readFileSync(merged, "utf8"));
    const whole = wholeDay();
    // The whole day is summarised from records (no line stats); the merged stats are checked just below.
    expect({ ...exactFields(day), stats: undefined }).toEqual(exactFields(whole));
    expect(day.perHour).toHaveLength(6);
    const lines = FILES.reduce((sum, file) => sum + file.lines.length, 0);
    expect(day.stats).toMatchObject({ lines, parsed: whole.requests, malformed: lines - whole.requests });

    // Top URLs: each listed count is within its bound of the true count, and nothing unlisted beats the bound.
    const truth = new Map<string, number>();
    for (const file of FILES) {
      for (const line of file.lines) {
        const url = parseCdnLogLine(line)?.url;
        if (url !== undefined) truth.set(url, (truth.get(url) ?? 0) + 1);
      }
    }
    for (const entry of day.top.urls) {
      const count = truth.get(entry.value) ?? 0;
      expect(count).toBeLessThanOrEqual(entry.count);
      expect(count).toBeGreaterThanOrEqual(entry.count - entry.maxOverestimate);
    }
    const listed = new Set(day.top.urls.map((entry) => entry.value));
    for (const [url, count] of truth) if (!listed.has(url)) expect(count).toBeLessThanOrEqual(day.topUnlistedMax.urls);
  });

  it("says what is wrong when the folder holds no summaries", () => {
    const empty = join(summaryDir, "empty");
    mkdirSync(empty);
    const run = spawnSync(process.execPath, ["scripts/report.mjs", empty], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`no *.summary.json under ${empty}`);
  });
});
