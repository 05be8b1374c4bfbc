import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import { generateCdnLog, generateCdnLogRecords } from "../src/logs/index.js";
import { barFrames, bytesOf, screenLine } from "./terminal-output.js";

const dir = mkdtempSync(join(tmpdir(), "fc-cdn-logs-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "cdn.example.com_2024_06_01_080000_090000.gz");
const log = generateCdnLog({ lines: 5000, seed: 21, malformedRate: 0.001 });
writeFileSync(file, gzipSync(log));
// The same log stored uncompressed in gzip (level 0): over a megabyte, so reading it takes several chunks.
const stored = join(dir, "stored.gz");
const storedGzip = gzipSync(log, { level: 0 });
writeFileSync(stored, storedGzip);
afterEach(() => {
  vi.restoreAllMocks();
});

async function run(argv: string[], stderrIsTTY = false) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => "",
    cwd: dir,
    stderrIsTTY,
  } as Parameters<typeof main>[1]);
  return { code, stdout, stderr };
}

describe("fc-cdn-trigger logs summarize", () => {
  it("prints the summary as JSON, relative to the working directory", async () => {
    const { code, stdout, stderr } = await run([
      "logs",
      "summarize",
      "cdn.example.com_2024_06_01_080000_090000.gz",
      "--json",
      "--top",
      "3",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const summary = JSON.parse(stdout);
    const records = [...generateCdnLogRecords({ lines: 5000, seed: 21 })];
    expect(summary.requests + summary.stats.malformed).toBe(5000);
    expect(summary.stats.malformed).toBeGreaterThan(0);
    expect(summary.top.urls).toHaveLength(3);
    expect(summary.firstTime).toBe(records[0]?.time.toISOString());
  });

  it("prints a readable report, with the malformed line numbers", async () => {
    const { code, stdout } = await run(["logs", "summarize", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^.*\.gz: [\d,]+ requests\n/);
    expect(stdout).toMatch(/malformed +\d+ of 5,000 lines skipped \(lines? \d+/);
    expect(stdout).toMatch(/cache hits +\d+\.\d% of requests, \d+\.\d% of bytes/);
    expect(stdout).toMatch(/response +p50 \d+ ms +p95 \d+ ms +p99 \d+ ms/);
    expect(stdout).toContain("top client IPs");
  });

  it("draws no progress bar when stderr is not a terminal", async () => {
    const plain = await run(["logs", "summarize", file], false);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe("");
  });

  it("on a terminal, redraws one bar in place up to 100% and erases it before the report", async () => {
    // A clock that moves 100 ms per reading, so the bar's throttle lets every progress event draw.
    let now = 1_700_000_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => (now += 100));
    const tty = await run(["logs", "summarize", stored], true);
    const plain = await run(["logs", "summarize", stored], false);
    expect(tty.code).toBe(0);
    expect(tty.stdout).toBe(plain.stdout);

    // One frame per chunk read; each is drawn over the previous one.
    const frames = barFrames(tty.stderr);
    expect(frames.length, `${storedGzip.byteLength} bytes should take several chunks`).toBeGreaterThan(1);
    const percents = frames.map((f) => f.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents).size).toBe(percents.length);
    for (const frame of frames) {
      expect(frame.filled, frame.text).toBe(Math.round((frame.percent / 100) * 30));
      expect(frame.total).toBe(frames[0]?.total);
      // Wider than the terminal, the line would wrap and \r would redraw only its last row.
      expect(frame.text.length).toBeLessThanOrEqual(80);
    }
    expect(frames.at(-1)).toMatchObject({ percent: 100, filled: 30, read: frames[0]?.total });
    // Three significant digits of the file's size.
    expect(Math.abs(bytesOf(frames[0]?.total ?? "") / storedGzip.byteLength - 1)).toBeLessThan(0.005);
    // What the terminal shows once the command is done: nothing left of the bar.
    expect(screenLine(tty.stderr)).toBe("");
  });

  it("on a terminal, draws at most one frame per 100 ms", async () => {
    vi.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    const tty = await run(["logs", "summarize", stored], true);
    expect(barFrames(tty.stderr)).toHaveLength(1);
    expect(screenLine(tty.stderr)).toBe("");
  });

  it("prints what it read of a truncated log, marked partial, and exits 3", async () => {
    const cut = join(dir, "cut.gz");
    writeFileSync(cut, gzipSync(generateCdnLog({ lines: 2000 })).subarray(0, 5000));
    const truncated = await run(["logs", "summarize", cut]);
    expect(truncated.code).toBe(3);
    expect(truncated.stdout).toMatch(/^\S*cut\.gz: \d+ requests\n {2}PARTIAL {5}the log was cut/);
    expect(truncated.stderr).toMatch(
      /^warning: partial result: \S*cut\.gz was read only up to line \d+ \(5,000 bytes\): The gzip data of .*cut\.gz is truncated.*read 5000 of 5000 bytes/,
    );
  });

  it("fails with a message (exit 1) when the log cannot be read", async () => {
    const missing = await run(["logs", "summarize", "nope.gz"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Cannot read the log file nope.gz: no such file");
  });

  it("rejects a wrong command line (exit 2)", async () => {
    expect((await run(["logs", "summarize"])).code).toBe(2);
    expect((await run(["logs", "summarize", file, "--top", "zero"])).stderr).toContain(
      "--top must be a positive integer",
    );
    expect((await run(["logs", "tail", file])).stderr).toContain('unknown subcommand "tail"');
    expect((await run(["logs", "--help"])).stdout).toContain("Usage: fc-cdn-trigger logs summarize");
  });
});

describe("fc-cdn-trigger logs merge", () => {
  const start = Date.parse("2024-06-01T08:00:00+08:00");
  /** Summarises three hourly logs with `logs summarize --json`, into 08.json, 09.json, 10.json. */
  async function hourlySummaries() {
    const names: string[] = [];
    for (const hour of [0, 1, 2]) {
      const log = join(dir, `hour-${hour}.gz`);
      writeFileSync(
        log,
        gzipSync(generateCdnLog({ lines: 800, seed: 40 + hour, start: new Date(start + hour * 3_600_000) })),
      );
      const { code, stdout } = await run(["logs", "summarize", log, "--json", "--top", "5"]);
      expect(code).toBe(0);
      const name = `${8 + hour}.json`.padStart(7, "0");
      writeFileSync(join(dir, name), stdout);
      names.push(name);
    }
    return names;
  }

  it("merges the versioned JSON of `logs summarize --json` into the summary of all the logs", async () => {
    const names = await hourlySummaries();
    const first = JSON.parse(readFileSync(join(dir, names[0] as string), "utf8"));
    expect(first).toMatchObject({ format: "fc-cdn-trigger/log-summary", version: 1 });
    const merged = await run(["logs", "merge", ...names, "--json"]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toBe("");
    const day = JSON.parse(merged.stdout);
    expect(day).toMatchObject({ format: "fc-cdn-trigger/log-summary", version: 1, requests: 2400 });
    expect(day.perHour).toHaveLength(3);
    expect(day.top.urls).toHaveLength(5);
    // The same as summarising the three logs as one.
    writeFileSync(
      join(dir, "day.log"),
      [0, 1, 2]
        .map((hour) => generateCdnLog({ lines: 800, seed: 40 + hour, start: new Date(start + hour * 3_600_000) }))
        .join(""),
    );
    const whole = JSON.parse((await run(["logs", "summarize", "day.log", "--json", "--top", "5"])).stdout);
    for (const key of [
      "requests",
      "bytes",
      "statusClasses",
      "cacheHits",
      "perHour",
      "responseTimeMs",
      "firstTime",
      "lastTime",
    ]) {
      expect(day[key], key).toEqual(whole[key]);
    }
    // Merged output merges again; the text form names how many summaries it merged.
    writeFileSync(join(dir, "day.json"), merged.stdout);
    const text = await run(["logs", "merge", "day.json", "--top", "2"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^1 summary merged: 2,400 requests\n/);
    expect(text.stdout).toContain("top 4xx URLs");
  });

  it("names the file and the JSON path of a bad summary (exit 1)", async () => {
    const [good] = await hourlySummaries();
    const bad = JSON.parse(readFileSync(join(dir, good as string), "utf8"));
    bad.perHour[0].requests = "many";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const wrong = await run(["logs", "merge", good as string, "bad.json"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toMatch(
      /^fc-cdn-trigger logs: bad\.json: .*\$\.perHour\[0\]\.requests: must be a number, got a string/,
    );
    writeFileSync(join(dir, "not.json"), "[1/Jun/2024:08:00:00 +0800] a log line, not JSON");
    expect((await run(["logs", "merge", "not.json"])).stderr).toMatch(/not\.json: .*\$: is not JSON/);
    writeFileSync(join(dir, "other.json"), JSON.stringify({ format: "fc-cdn-trigger/log-summary", version: 7 }));
    expect((await run(["logs", "merge", "other.json"])).stderr).toMatch(/other\.json: .*\$\.version: is 7; .*upgrade/);
    const missing = await run(["logs", "merge", "nope.json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read nope.json: no such file");
  });

  it("has --help and rejects a wrong command line (exit 2)", async () => {
    const help = await run(["logs", "merge", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: fc-cdn-trigger logs merge <summary\.json…>/);
    const none = await run(["logs", "merge"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("give the summaries to merge");
    expect((await run(["logs", "merge", "a.json", "--top", "0"])).code).toBe(2);
    expect((await run(["logs", "merge", "a.json", "--bogus"])).stderr).toContain("unknown option");
    expect((await run(["logs", "--help"])).stdout).toContain("fc-cdn-trigger logs merge");
  });
});
