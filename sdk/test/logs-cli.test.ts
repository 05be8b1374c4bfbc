import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

  it("fails with a message (exit 1) when the log cannot be read", async () => {
    const cut = join(dir, "cut.gz");
    writeFileSync(cut, gzipSync(generateCdnLog({ lines: 2000 })).subarray(0, 5000));
    const truncated = await run(["logs", "summarize", cut]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(
      /^fc-cdn-trigger logs: The gzip data of .*cut\.gz is truncated.*read 5000 of 5000 bytes/,
    );
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
