// summarizeCdnLog over readCdnLog counts straight from bytes (byte-summarizer), in Node in a worker thread. These
// tests hold that path to the string parser and the record-by-record summariser, and the worker to the calling thread.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  CdnLogReadError,
  type CdnLogRecord,
  type CdnLogSummary,
  type CdnLogSummaryThread,
  generateCdnLog,
  generateCdnLogLines,
  parseCdnLogLine,
  readCdnLog,
  type SummarizeCdnLogOptions,
  summarizeCdnLog,
} from "../src/logs/index.js";
import { type InThreadSink, WorkerSink } from "../src/logs/summary-sinks.js";
import { type NodeWorkerThreads, nodeWorkerHost } from "../src/logs/summary-worker-hosts.js";
import { WORKER_FALLBACK_CODE } from "../src/logs/worker-fallback.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The summary of `text` the way a handler gets it, in the calling thread or in a worker. */
async function viaBytes(bytes: Uint8Array, options: SummarizeCdnLogOptions, chunkSize?: number) {
  const source = chunkSize
    ? (async function* () {
        for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
      })()
    : bytes;
  const reader = readCdnLog(source);
  const summary = await summarizeCdnLog(reader, options);
  return { summary, stats: reader.stats };
}

/** The summary and line stats of `text` from parseCdnLogLine and the record-by-record summariser. */
async function viaStrings(text: string, options: SummarizeCdnLogOptions) {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines[0]?.startsWith("\uFEFF")) lines[0] = lines[0].slice(1);
  const records: CdnLogRecord[] = [];
  const malformedLineNumbers: number[] = [];
  let malformed = 0;
  lines.forEach((line, k) => {
    if (line === "" || line === "\r") return;
    const record = parseCdnLogLine(line);
    if (record) records.push(record);
    else {
      malformed++;
      if (malformedLineNumbers.length < 20) malformedLineNumbers.push(k + 1);
    }
  });
  const summary = await summarizeCdnLog(records, options);
  return {
    summary,
    stats: { lines: lines.length, parsed: records.length, malformed, malformedLineNumbers },
  };
}

const withoutStats = ({ stats: _, ...rest }: CdnLogSummary) => rest;

/** A log of every kind of line: generated ones (escaped quotes included), DCDN, no content type, and garbage. */
function mixedLog(lines: number, seed: number): string {
  const parts = [
    generateCdnLog({ lines, seed, malformedRate: 0.02, missingContentTypeRate: 0.1 }),
    generateCdnLog({ lines: lines >> 2, seed: seed + 1, dcdn: true, durationSeconds: 7200 }),
  ];
  const extra = [
    "",
    "\r",
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "a \\"b\\" \\\\c" "GET https://x.example/\\"q\\"" 200 1 2 HIT "UA \\"x\\"" "t"\r',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET https://x.example/例子?ü" 200 1 2 MISS "ua" "t" "tail one" two',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET https://x.example/" 0200 1 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET https://x.example/" 200 1 2 HIT "ua" "unclosed',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET" 200 1 2 HIT "ua"',
    '[31/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 200 1 2 HIT "ua"',
    "[1/Jun/2024:08:00:00 +0800]",
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 1000 1 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 200 1234567890123456 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 200 1 123456789012345 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "--" "G"ET /" 200 1 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" " GET /" 200 1 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "" GET /" 200 1 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "G\\" GET /" 200 1 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 200 1 2  "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /a\\" 200 1 2 HIT "ua\\" "ct\\"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 200 1 2 HIT "ua" ',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 200 1 2 HIT "ua"x',
    '[1/Jun/2024:08:00:00 +0800]  1.1.1.1 - 5 "-" "GET /" 200 1 2 HIT "ua"',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 200 1 2 HIT "ua" "ct"\r',
    '[1/Jun/2024:08:00:00 +0800] 1.1.1.1 - 5 "-" "GET /" 404 1 2 HIT "ua" "text/\\"x\\""',
  ];
  return `${parts.join("")}${extra.join("\n")}\n`;
}

describe("summarizeCdnLog from bytes", () => {
  it("gives the summary and line stats of the string parser on every kind of line", async () => {
    const text = mixedLog(3000, 21);
    const expected = await viaStrings(text, { top: 50 });
    for (const chunkSize of [undefined, 1, 7, 4093]) {
      const { summary, stats } = await viaBytes(encoder.encode(text), { top: 50, worker: false }, chunkSize);
      expect(withoutStats(summary)).toEqual(withoutStats(expected.summary));
      expect(stats).toEqual(expected.stats);
      expect(summary.stats).toEqual(expected.stats);
    }
    expect(expected.stats.malformed).toBeGreaterThan(50);
    // Every list has something to compare, escaped content types included.
    const { top } = expected.summary;
    for (const list of Object.values(top)) expect(list.length).toBeGreaterThan(0);
    expect(top.contentTypes.map((entry) => entry.value)).toContain('text/"x"');
    // Feeding a megabyte one byte at a time takes seconds, more on a busy machine.
  }, 30_000);

  it("accepts exactly the lines parseCdnLogLine accepts, field for field (fast-check, mutated lines)", async () => {
    const generated = [...generateCdnLogLines({ lines: 200, seed: 4, dcdn: true, missingContentTypeRate: 0.3 })];
    const pieces = ['"', " ", "\\", "-", "\r", "0", "9", "[", "]", "/", ":", "+", "x", "ü", '\\"', '" '];
    const mutation = fc.record({
      line: fc.constantFrom(...generated),
      at: fc.nat(),
      cut: fc.nat({ max: 3 }),
      insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((p) => p.join("")),
      truncate: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 30 }), async (mutations) => {
        const lines = mutations.map(({ line, at, cut, insert, truncate }) => {
          const k = at % (line.length + 1);
          return truncate ? line.slice(0, k) : line.slice(0, k) + insert + line.slice(k + cut);
        });
        // Through UTF-8 and back, as the reader sees it (a cut may split a character).
        const text = decoder.decode(encoder.encode(`${lines.join("\n")}\n`));
        const expected = await viaStrings(text, { top: 100 });
        const { summary, stats } = await viaBytes(encoder.encode(text), { top: 100, worker: false });
        expect(withoutStats(summary)).toEqual(withoutStats(expected.summary));
        expect(stats).toEqual(expected.stats);
      }),
      { numRuns: 200 },
    );
  });

  it("counts a byte order mark before the first line as nothing", async () => {
    const text = `\uFEFF${generateCdnLog({ lines: 5, seed: 2 })}`;
    const { summary } = await viaBytes(encoder.encode(text), { worker: false });
    expect(summary.requests).toBe(5);
    expect(summary.stats?.malformed).toBe(0);
  });

  it("reports the same top lists as the string path when the sketches have to evict", async () => {
    const text = generateCdnLog({ lines: 20_000, seed: 8 });
    const options = { top: 10, sketchCapacity: 64 };
    const expected = await viaStrings(text, options);
    const { summary } = await viaBytes(gzipSync(text), { ...options, worker: false });
    expect(summary.top).toEqual(expected.summary.top);
    expect(summary.topUnlistedMax).toEqual(expected.summary.topUnlistedMax);
    expect(summary.top.clientIps.some((entry) => entry.maxOverestimate > 0)).toBe(true);
    // After evictions the bound is at least the smallest counter's count, never 0.
    expect(summary.topUnlistedMax.clientIps).toBeGreaterThan(0);
  });

  it("rejects a line over 4 MiB, saying which line", async () => {
    const text = `${generateCdnLog({ lines: 3, seed: 1 })}${"a".repeat(5 * 1024 * 1024)}`;
    const error = await viaBytes(encoder.encode(text), { worker: false }, 65536).catch((caught) => caught);
    expect(error).toBeInstanceOf(CdnLogReadError);
    expect((error as CdnLogReadError).message).toMatch(/^Line 4 is longer than 4 MiB/);
    expect((error as CdnLogReadError).linesRead).toBe(3);
  });
});

describe("summarizeCdnLog in a worker thread", () => {
  it("gives the same summary and stats as the calling thread, malformed lines and evictions included", async () => {
    const gz = gzipSync(mixedLog(20_000, 31));
    for (const options of [{ top: 10 }, { top: 5, sketchCapacity: 32 }]) {
      const threads: CdnLogSummaryThread[] = [];
      const here = await viaBytes(gz, { ...options, worker: false, onThread: (thread) => threads.push(thread) });
      const there = await viaBytes(gz, { ...options, worker: true, onThread: (thread) => threads.push(thread) });
      expect(threads).toEqual([{ worker: false, reason: "the worker option is false" }, { worker: true }]);
      expect(there.summary).toEqual(here.summary);
      expect(there.stats).toEqual(here.stats);
      expect(there.stats.malformed).toBeGreaterThan(0);
    }
  });

  it("says how many bytes and lines were read when the gzip data is truncated, as the calling thread does", async () => {
    const gz = gzipSync(generateCdnLog({ lines: 40_000, seed: 3 }));
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    const errors: CdnLogReadError[] = [];
    for (const worker of [false, true]) {
      const reader = readCdnLog(cut);
      const error = await summarizeCdnLog(reader, { worker }).catch((caught) => caught);
      expect(error).toBeInstanceOf(CdnLogReadError);
      expect((error as CdnLogReadError).linesRead).toBe(reader.stats.lines);
      errors.push(error as CdnLogReadError);
    }
    const [here, there] = errors as [CdnLogReadError, CdnLogReadError];
    expect(there.bytesRead).toBe(cut.length);
    expect(there.linesRead).toBe(here.linesRead);
    expect(there.linesRead).toBeGreaterThan(10_000);
    expect(there.message).toBe(here.message);
    expect(there.message).toContain(`read ${cut.length} of ${cut.length} bytes and ${there.linesRead} lines`);
  });

  it("rejects a line over 4 MiB from the worker as a CdnLogReadError", async () => {
    const bytes = encoder.encode(`${generateCdnLog({ lines: 2, seed: 1 })}${"a".repeat(5 * 1024 * 1024)}`);
    const error = await viaBytes(bytes, { worker: true }).catch((caught) => caught);
    expect(error).toBeInstanceOf(CdnLogReadError);
    expect((error as CdnLogReadError).message).toMatch(/^Line 3 is longer than 4 MiB/);
    expect((error as CdnLogReadError).linesRead).toBe(2);
  });

  it("stops the worker with the abort reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const reader = readCdnLog(gzipSync(generateCdnLog({ lines: 30_000, seed: 5 })), {
      signal: controller.signal,
      onProgress: ({ bytesRead }) => {
        if (bytesRead > 100_000) controller.abort(reason);
      },
    });
    await expect(summarizeCdnLog(reader, { worker: true })).rejects.toBe(reason);
  });

  it("counts in the calling thread when the worker cannot start, says so once, with the same result", async () => {
    // A fresh copy of the sinks, so that this test sees the process's first (and only) warning.
    vi.resetModules();
    const fresh = await import("../src/logs/summary-sinks.js");
    const warnings: { message: string; code: unknown }[] = [];
    const emitWarning = vi.spyOn(process, "emitWarning").mockImplementation((warning, options) => {
      warnings.push({ message: String(warning), code: (options as { code?: unknown } | undefined)?.code });
    });
    const text = mixedLog(2000, 41);
    const bytes = encoder.encode(text);
    // Fails after starting, before it is ready: the error a worker whose script does not run raises.
    const failing: NodeWorkerThreads = {
      Worker: class {
        private error?: (error: Error) => void;
        on(event: string, listener: (value: never) => void) {
          if (event === "error") {
            this.error = listener as (error: Error) => void;
            setTimeout(() => this.error?.(new ReferenceError("__name is not defined")), 5);
          }
        }
        postMessage() {
          throw new Error("not started");
        }
        async terminate() {
          return 1;
        }
      } as unknown as NodeWorkerThreads["Worker"],
    };
    // Cannot even be constructed (no threads allowed here).
    const throwing: NodeWorkerThreads = {
      Worker: class {
        constructor() {
          throw new Error("ERR_WORKER_INIT_FAILED: threads are disabled");
        }
      } as unknown as NodeWorkerThreads["Worker"],
    };
    const feed = async (sink: InThreadSink | WorkerSink) => {
      for (let at = 0; at < bytes.length; at += 50_000) await sink.push(bytes.subarray(at, at + 50_000));
      await sink.end();
      return sink.state;
    };
    const stats = () => ({ lines: 0, parsed: 0, malformed: 0, malformedLineNumbers: [] });
    try {
      const expected = await feed(new fresh.InThreadSink(10, 1024, stats(), "test"));
      for (const [threads, reason] of [
        [failing, "the worker could not start: it failed before it was ready: __name is not defined"],
        [throwing, "the worker could not start: new Worker() threw: ERR_WORKER_INIT_FAILED: threads are disabled"],
      ] as const) {
        const fallbackStats = stats();
        const fallback = new fresh.WorkerSink(nodeWorkerHost(threads), 10, 1024, fallbackStats);
        expect(await feed(fallback)).toEqual(expected);
        expect(fallback.inWorker).toBe(false);
        expect(fallback.thread).toEqual({ worker: false, reason });
        expect(fallbackStats).toEqual(expected?.stats);
      }
      // Said once, for the first failure, naming its reason and what happens instead.
      expect(warnings).toEqual([
        {
          message: expect.stringMatching(
            /could not start its worker thread \(it failed before it was ready: __name is not defined\); it continues in the calling thread/,
          ),
          code: WORKER_FALLBACK_CODE,
        },
      ]);
      // The real worker starts here (the sdk's vitest project bundles it, as the build does), and agrees.
      const threads = (await import("node:worker_threads")) as unknown as NodeWorkerThreads;
      const workerStats = stats();
      const real = new fresh.WorkerSink(nodeWorkerHost(threads), 10, 1024, workerStats);
      expect(await feed(real)).toEqual(expected);
      expect(real.inWorker).toBe(true);
      expect(real.thread).toEqual({ worker: true });
      expect(workerStats).toEqual(expected?.stats);
    } finally {
      emitWarning.mockRestore();
    }
  });

  it("reports a worker that fails after starting as such, not as a truncated file", async () => {
    const crashing: NodeWorkerThreads = {
      Worker: class {
        private readonly listeners = new Map<string, (value: unknown) => void>();
        on(event: string, listener: (value: unknown) => void) {
          this.listeners.set(event, listener);
          if (event === "message") setTimeout(() => listener({ type: "ready" }), 1);
        }
        postMessage() {
          setTimeout(() => this.listeners.get("error")?.(new Error("out of memory")), 1);
        }
        async terminate() {
          return 1;
        }
      } as unknown as NodeWorkerThreads["Worker"],
    };
    const sink = new WorkerSink(nodeWorkerHost(crashing), 10, 1024, {
      lines: 0,
      parsed: 0,
      malformed: 0,
      malformedLineNumbers: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const bytes = encoder.encode(generateCdnLog({ lines: 5000, seed: 1 }));
    const failure = await (async () => {
      for (let at = 0; at < bytes.length; at += 65536) await sink.push(bytes.subarray(at, at + 65536));
      await sink.end();
    })().catch((caught) => caught);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe("The summary worker failed: out of memory");
    expect(sink.inWorker).toBe(true);
  });
});
