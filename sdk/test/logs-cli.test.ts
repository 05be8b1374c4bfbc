import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { generateCdnLog, generateCdnLogRecords } from "../src/logs/index.js";

const dir = mkdtempSync(join(tmpdir(), "fc-cdn-logs-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "cdn.example.com_2024_06_01_080000_090000.gz");
writeFileSync(file, gzipSync(generateCdnLog({ lines: 5000, seed: 21, malformedRate: 0.001 })));

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

  it("draws a progress bar on stderr only when it is a terminal", async () => {
    const tty = await run(["logs", "summarize", file], true);
    const plain = await run(["logs", "summarize", file], false);
    expect(plain.stderr).toBe("");
    // The bar is throttled to 100 ms, so a fast read may draw nothing; whatever it draws it erases.
    if (tty.stderr !== "") expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect(tty.stdout).toBe(plain.stdout);
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
