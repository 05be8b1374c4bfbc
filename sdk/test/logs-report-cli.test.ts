// `fc-cdn-trigger logs report`: inputs (logs and saved summaries) merged into one HTML file and its JSON, and a
// clear message with the right exit code for each bad input. The page itself is checked in Chromium
// (logs-report-page.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import {
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  generateCdnLog,
  mergeCdnLogSummaries,
  readCdnLog,
  summarizeCdnLog,
} from "../src/logs/index.js";

const dir = mkdtempSync(join(tmpdir(), "fc-cdn-logs-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const HOUR_8 = new Date("2024-06-01T00:00:00Z");
const HOUR_9 = new Date("2024-06-01T01:00:00Z");
const logA = generateCdnLog({ lines: 3000, seed: 5, start: HOUR_8, durationSeconds: 3600, malformedRate: 0.002 });
const logB = generateCdnLog({ lines: 2000, seed: 6, start: HOUR_9, durationSeconds: 3600 });
writeFileSync(at("a.log.gz"), gzipSync(logA));
writeFileSync(at("b.log"), logB);

/** The embedded JSON of one <script type="application/json" id=…> of the report. */
const embedded = (html: string, id: string) => {
  const match = new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`).exec(html);
  if (!match) throw new Error(`the report has no script #${id}`);
  return JSON.parse(match[1] as string);
};

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["logs", "report", ...argv], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => "",
    cwd: dir,
  });
  return { code, stdout, stderr };
}

describe("fc-cdn-trigger logs report", () => {
  it("merges logs and saved summaries into one HTML file and its JSON", async () => {
    const b = await summarizeCdnLog(readCdnLog(at("b.log")));
    writeFileSync(at("b.json"), JSON.stringify(cdnLogSummaryToJson(b)));
    const { code, stdout, stderr } = await run("a.log.gz", "b.json", "-o", "report.html", "--json", "merged.json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe("wrote report.html: 4,994 requests from 2 files; summary in merged.json\n");
    const a = await summarizeCdnLog(readCdnLog(at("a.log.gz")));
    const expected = cdnLogSummaryToJson(mergeCdnLogSummaries([a, b]));
    const written = JSON.parse(readFileSync(at("merged.json"), "utf8"));
    expect(written).toEqual(expected);
    expect(cdnLogSummaryFromJson(written).requests).toBe(a.requests + b.requests);
    const html = readFileSync(at("report.html"), "utf8");
    expect(embedded(html, "fc-cdn-log-summary")).toEqual(expected);
    expect(embedded(html, "fc-cdn-log-report-options")).toEqual({
      locale: "en",
      sources: [
        { name: "a.log.gz", stats: a.stats },
        { name: "b.json", stats: b.stats },
      ],
    });
    // The page script is inline, whole: the renderer and uPlot.
    expect(html).toMatch(/<script>[\s\S]*uplot[\s\S]*<\/script>\s*<\/body>/);
  });

  it("writes the report in 简体中文 with --lang zh-cn", async () => {
    expect((await run("b.log", "-o", "zh.html", "--lang", "zh-cn")).code).toBe(0);
    const html = readFileSync(at("zh.html"), "utf8");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<h1>CDN 日志报告</h1>");
    expect(embedded(html, "fc-cdn-log-report-options").locale).toBe("zh-cn");
  });

  it("keeps a </script> inside a log value from ending the embedded JSON early", async () => {
    const line = logB.split("\n")[0] as string;
    const hostile = line.replace(/"GET [^ "]+/, '"GET http://cdn.example.com/</script><script>alert(1)</script>');
    writeFileSync(at("hostile.log"), `${hostile}\n`);
    expect((await run("hostile.log", "-o", "hostile.html")).code).toBe(0);
    const html = readFileSync(at("hostile.html"), "utf8");
    expect(html).not.toContain("<script>alert(1)");
    expect(embedded(html, "fc-cdn-log-summary").top.urls[0].value).toContain("</script><script>alert(1)</script>");
  });

  it("prints its help with exit code 0", async () => {
    const { code, stdout } = await run("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: fc-cdn-trigger logs report <file…> -o report\.html/);
  });

  it.each([
    [[], "give one or more log files or saved summaries"],
    [["a.log.gz"], "give the report's file with -o report.html"],
    [["a.log.gz", "-o", "x.html", "--top", "0"], "--top must be a positive integer, got 0"],
    [["a.log.gz", "-o", "x.html", "--lang", "fr"], "--lang must be one of en, zh-cn, got fr"],
    [["a.log.gz", "-o", "x.html", "--colour"], "unknown option '--colour'"],
  ])("exits 2 on the command line %j", async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it.each([
    ["missing.gz", () => undefined, "cannot read missing.gz: no such file"],
    ["other.json", () => writeFileSync(at("other.json"), '{"name": "package"}'), "other.json: Not a log summary"],
    ["broken.json", () => writeFileSync(at("broken.json"), '{"format": '), "broken.json: Not a log summary"],
  ])("exits 1 naming the file when %s cannot be read", async (name, make, message) => {
    make();
    const { code, stderr } = await run("b.log", name, "-o", "bad.html");
    expect(code).toBe(1);
    expect(stderr).toContain(`fc-cdn-trigger logs: ${message}`);
  });

  it("warns about a file with no log line in it, and still writes the report", async () => {
    writeFileSync(at("notes.txt"), "hello\nworld\n");
    const { code, stderr } = await run("notes.txt", "-o", "notes.html");
    expect(code).toBe(0);
    expect(stderr).toBe("warning: notes.txt: none of its 2 lines is a CDN access-log line; is this the right file?\n");
  });

  it("says which file it cannot write", async () => {
    const { code, stderr } = await run("b.log", "-o", "no-such-dir/report.html");
    expect(code).toBe(1);
    expect(stderr).toContain("cannot write no-such-dir/report.html: ");
  });
});
