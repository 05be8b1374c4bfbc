// A log whose reading fails part-way (a truncated gzip file, a download that breaks off) still gives the summary of
// what was read: CdnLogReadError.partial. The oracle is zlib's own gunzipSync (gzip-prefix.ts): the lines it gives
// whole from a cut file are the ones the partial summary must count.
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  CdnLogReadError,
  type CdnLogRecord,
  type CdnLogSummary,
  generateCdnLog,
  readCdnLog,
  type SummarizeCdnLogOptions,
  summarizeCdnLog,
} from "../src/logs/index.js";
import { completeLinesOf } from "./gzip-prefix.js";

// Malformed lines and lines without a content type, so that both counting paths have every kind of line to count.
const LOG = generateCdnLog({ lines: 20_000, seed: 13, malformedRate: 0.01, missingContentTypeRate: 0.1 });
const GZ = gzipSync(LOG);
const OPTIONS: SummarizeCdnLogOptions = { top: 20, sketchCapacity: 256 };

/** The summary of `bytes` given as a complete, plain-text input. */
const summaryOf = (bytes: Uint8Array) =>
  summarizeCdnLog(readCdnLog(bytes, { gzip: false }), { ...OPTIONS, worker: false });

/** The error summarizeCdnLog rejects with. */
async function failure(summary: Promise<CdnLogSummary>): Promise<CdnLogReadError> {
  const error = await summary.then(
    () => new Error("expected summarizeCdnLog to fail"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CdnLogReadError);
  return error as CdnLogReadError;
}

/** The records of a reader, through a plain async generator: summarizeCdnLog then counts them one by one. */
async function* recordsOf(source: Parameters<typeof readCdnLog>[0]): AsyncGenerator<CdnLogRecord> {
  yield* readCdnLog(source);
}

/** `bytes` in chunks of `size`, then `error`: a download that breaks off. */
async function* breaksOff(bytes: Uint8Array, size: number, error: Error): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  throw error;
}

const withoutStats = ({ stats: _, ...rest }: CdnLogSummary) => rest;

describe("CdnLogReadError.partial", () => {
  // From inside the gzip header to the last byte of the trailer (every line complete, the check sum missing).
  const CUTS = [6, 40, 1000, 0.1, 0.37, 0.5, 0.83, GZ.length - 9, GZ.length - 1].map((at) =>
    at < 1 ? Math.floor(GZ.length * at) : at,
  );

  it("is the summary of every complete line of a cut gzip file, in both counting paths and both threads", async () => {
    let midLine = 0;
    for (const at of CUTS) {
      const cut = GZ.subarray(0, at);
      const complete = completeLinesOf(cut);
      if (complete.cutMidLine) midLine++;
      const expected = await summaryOf(complete.bytes);
      for (const worker of [false, true]) {
        const error = await failure(summarizeCdnLog(readCdnLog(cut), { ...OPTIONS, worker }));
        expect(error.partial, `cut at ${at}, worker ${worker}`).toEqual({ ...expected, partial: true });
        expect(error.linesRead).toBe(expected.stats?.lines);
        expect(error.bytesRead).toBe(at);
        expect(error.message).toMatch(/truncated or corrupt/);
      }
      // Records counted one by one (the record path) give the same figures; a plain iterable has no line stats.
      const records = await failure(summarizeCdnLog(recordsOf(cut), OPTIONS));
      expect(records.partial).toEqual({ ...withoutStats(expected), partial: true });
    }
    // The cuts include lines cut in the middle (left out, not malformed) and a cut with every line complete.
    expect(midLine).toBeGreaterThan(3);
    expect(completeLinesOf(GZ.subarray(0, GZ.length - 1)).bytes.length).toBe(LOG.length);
  });

  it("is the same when the file arrives in small chunks", async () => {
    const cut = GZ.subarray(0, Math.floor(GZ.length * 0.61));
    const expected = await summaryOf(completeLinesOf(cut).bytes);
    const chunks = async function* () {
      for (let at = 0; at < cut.length; at += 777) yield cut.subarray(at, at + 777);
    };
    for (const worker of [false, true]) {
      const error = await failure(summarizeCdnLog(readCdnLog(chunks()), { ...OPTIONS, worker }));
      expect(error.partial).toEqual({ ...expected, partial: true });
    }
  });

  it("counts the lines read before a download breaks off, gzip or plain text", async () => {
    const text = new TextEncoder().encode(LOG);
    for (const [bytes, gzip] of [
      [GZ.subarray(0, 150_000), true],
      [text.subarray(0, 1_234_567), false],
    ] as const) {
      const expected = await summaryOf(
        gzip ? completeLinesOf(bytes).bytes : bytes.subarray(0, bytes.lastIndexOf(10) + 1),
      );
      for (const worker of [false, true]) {
        const reason = new Error("socket hang up");
        const error = await failure(
          summarizeCdnLog(readCdnLog(breaksOff(bytes, 10_000, reason)), { ...OPTIONS, worker }),
        );
        expect(error.message).toMatch(/^Reading .* failed after \d+ bytes and \d+ lines: socket hang up$/);
        expect(error.cause).toBe(reason);
        expect(error.partial, `gzip ${gzip}, worker ${worker}`).toEqual({ ...expected, partial: true });
        expect(error.linesRead).toBe(expected.stats?.lines);
        expect(error.message).toContain(`and ${error.linesRead} lines`);
      }
    }
  });

  it("is undefined when nothing was read, when the input is not a log, and for readCdnLog's own iteration", async () => {
    const missing = await failure(summarizeCdnLog(readCdnLog(join(import.meta.dirname, "no-such.log.gz"))));
    expect(missing.partial).toBeUndefined();
    const long = new TextEncoder().encode(`${generateCdnLog({ lines: 3, seed: 1 })}${"a".repeat(5 * 1024 * 1024)}`);
    for (const worker of [false, true]) {
      const error = await failure(summarizeCdnLog(readCdnLog(long), { worker }));
      expect(error.message).toMatch(/^Line 4 is longer than 4 MiB/);
      expect(error.partial).toBeUndefined();
    }
    const reading = await (async () => {
      try {
        for await (const _ of readCdnLog(GZ.subarray(0, 5000)));
      } catch (error) {
        return error as CdnLogReadError;
      }
    })();
    expect(reading).toBeInstanceOf(CdnLogReadError);
    expect(reading?.partial).toBeUndefined();
  });
});
