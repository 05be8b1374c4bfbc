import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webGunzip } from "../src/logs/gunzip.js";
import {
  type CdnLogProgress,
  CdnLogReadError,
  type CdnLogRecord,
  type CdnLogSource,
  generateCdnLog,
  generateCdnLogLines,
  generateCdnLogRecords,
  type ReadCdnLogOptions,
  readCdnLog,
} from "../src/logs/index.js";

const LOG = generateCdnLog({ lines: 3000, seed: 11 });
const GZ = gzipSync(LOG);
const EXPECTED_URLS = [...generateCdnLogRecords({ lines: 3000, seed: 11 })].map((record) => record.url);

async function readAll(source: CdnLogSource, options?: ReadCdnLogOptions) {
  const reader = readCdnLog(source, options);
  const records: CdnLogRecord[] = [];
  for await (const record of reader) records.push(record);
  return { records, stats: reader.stats };
}

const dir = mkdtempSync(join(tmpdir(), "fc-cdn-logs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readCdnLog sources", () => {
  it("reads plain and gzip bytes alike", async () => {
    const plain = await readAll(new TextEncoder().encode(LOG));
    const gzip = await readAll(GZ);
    expect(plain.records.map((r) => r.url)).toEqual(EXPECTED_URLS);
    expect(gzip.records).toEqual(plain.records);
    expect(gzip.stats).toEqual({ lines: 3000, parsed: 3000, malformed: 0, malformedLineNumbers: [] });
  });

  it("reads an ArrayBuffer, a Blob, a web ReadableStream, a Node stream and an async iterable of strings", async () => {
    const arrayBuffer = GZ.buffer.slice(GZ.byteOffset, GZ.byteOffset + GZ.length);
    const pieces = (bytes: Uint8Array, size: number) =>
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => bytes.subarray(k * size, (k + 1) * size));
    const sources: CdnLogSource[] = [
      arrayBuffer,
      new Blob([GZ]),
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const piece of pieces(GZ, 1000)) controller.enqueue(piece);
          controller.close();
        },
      }),
      Readable.from(pieces(GZ, 777)),
      (async function* () {
        for (let at = 0; at < LOG.length; at += 4096) yield LOG.slice(at, at + 4096);
      })(),
    ];
    for (const source of sources) {
      const { records, stats } = await readAll(source);
      expect(records.map((r) => r.url)).toEqual(EXPECTED_URLS);
      expect(stats.parsed).toBe(3000);
    }
  });

  it("reads a file path and a file URL, reporting progress up to the file size", async () => {
    const file = join(dir, "cdn.example.com_2024_06_01_080000_090000.gz");
    writeFileSync(file, GZ);
    const progress: CdnLogProgress[] = [];
    const { records } = await readAll(file, { onProgress: (p) => progress.push(p) });
    expect(records).toHaveLength(3000);
    expect(progress.at(-1)).toEqual({ bytesRead: GZ.length, totalBytes: GZ.length });
    expect((await readAll(pathToFileURL(file))).records).toHaveLength(3000);
  });

  it("reads lines split across chunk boundaries, CRLF endings, blank lines and a last line without newline", async () => {
    const lines = [...generateCdnLogLines({ lines: 4, seed: 2 })];
    const text = `${lines[0]}\r\n\r\n${lines[1]}\n${lines[2]}\n\n${lines[3]}`;
    const bytes = new TextEncoder().encode(text);
    const oneByteChunks = (async function* () {
      for (let k = 0; k < bytes.length; k++) yield bytes.subarray(k, k + 1);
    })();
    const { records, stats } = await readAll(oneByteChunks);
    expect(records.map((r) => r.url)).toEqual([...generateCdnLogRecords({ lines: 4, seed: 2 })].map((r) => r.url));
    expect(stats).toEqual({ lines: 6, parsed: 4, malformed: 0, malformedLineNumbers: [] });
  });

  it("keeps multi-byte UTF-8 characters intact across chunk boundaries", async () => {
    const line = LOG.split("\n")[0]?.replace('"GET https://', '"GET https://例子.测试/路径?q=ü&') as string;
    const bytes = new TextEncoder().encode(`${line}\n${line}\n`);
    const chunks = (async function* () {
      for (let k = 0; k < bytes.length; k += 7) yield bytes.subarray(k, k + 7);
    })();
    const { records } = await readAll(chunks);
    expect(records).toHaveLength(2);
    for (const record of records) expect(record.url.startsWith("https://例子.测试/路径?q=ü&")).toBe(true);
  });

  it("reads a gzip file of several members (cat a.gz b.gz)", async () => {
    const joined = Buffer.concat([GZ, GZ]);
    expect((await readAll(joined)).stats.parsed).toBe(6000);
  });

  it("offers the records in batches", async () => {
    const reader = readCdnLog(GZ);
    let total = 0;
    for await (const batch of reader.batches()) total += batch.length;
    expect(total).toBe(3000);
  });
});

describe("readCdnLog errors", () => {
  it("counts malformed lines with their line numbers (the first 20)", async () => {
    const lines = LOG.trimEnd().split("\n");
    const bad = [2, 5, 6, 100, 2999];
    for (const n of bad) lines[n - 1] = `garbage ${n}`;
    const { records, stats } = await readAll(gzipSync(`${lines.join("\n")}\n`));
    expect(records).toHaveLength(3000 - bad.length);
    expect(stats).toEqual({ lines: 3000, parsed: 2995, malformed: 5, malformedLineNumbers: bad });
    const many = await readAll(new TextEncoder().encode("x\n".repeat(50)));
    expect(many.stats.malformed).toBe(50);
    expect(many.stats.malformedLineNumbers).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
  });

  it("says how many bytes and lines were read when the gzip data is truncated", async () => {
    const big = gzipSync(generateCdnLog({ lines: 20_000, seed: 3 }));
    const cut = big.subarray(0, Math.floor(big.length * 0.6));
    const reader = readCdnLog(cut);
    let seen = 0;
    const error = await (async () => {
      try {
        for await (const _ of reader) seen++;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CdnLogReadError);
    const readError = error as CdnLogReadError;
    expect(readError.bytesRead).toBe(cut.length);
    expect(readError.linesRead).toBe(reader.stats.lines);
    expect(readError.linesRead).toBeGreaterThan(5000);
    expect(seen).toBe(readError.linesRead);
    expect(readError.message).toContain(`truncated or corrupt`);
    expect(readError.message).toContain(`read ${cut.length} of ${cut.length} bytes and ${readError.linesRead} lines`);
  });

  it("reports a truncated file by name", async () => {
    const file = join(dir, "cut.gz");
    writeFileSync(file, GZ.subarray(0, GZ.length - 10));
    await expect(readAll(file)).rejects.toThrow(/gzip data of .*cut\.gz is truncated/);
  });

  it("says when the file does not exist", async () => {
    await expect(readAll(join(dir, "missing.gz"))).rejects.toThrow(
      /Cannot read the log file .*missing\.gz: no such file/,
    );
  });

  it("refuses a second read of the same reader", async () => {
    const reader = readCdnLog(GZ);
    for await (const _ of reader.batches());
    await expect(reader.batches().next()).rejects.toThrow(/already read; call readCdnLog again/);
  });

  it("stops with the abort reason", async () => {
    const controller = new AbortController();
    const reader = readCdnLog(GZ, { signal: controller.signal });
    const reason = new Error("stop");
    await expect(
      (async () => {
        for await (const _ of reader) controller.abort(reason);
      })(),
    ).rejects.toBe(reason);
  });

  it("rejects input without line breaks instead of buffering it all", async () => {
    await expect(readAll(new Uint8Array(5 * 1024 * 1024).fill(65))).rejects.toThrow(/Line 1 is longer than 4 MiB/);
  });

  it("rejects an unsupported source with a TypeError", async () => {
    await expect(readAll(42 as unknown as CdnLogSource)).rejects.toThrow(/cannot read from number/);
    await expect(readAll("ftp://example.com/a.gz")).rejects.toThrow(/unsupported scheme "ftp:"/);
  });
});

describe("readCdnLog over HTTP (loopback)", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith("/expired")) {
        response.writeHead(403, "Forbidden").end("AccessDenied");
        return;
      }
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": GZ.length });
      response.end(GZ);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("downloads and gunzips a log, with Content-Length as totalBytes", async () => {
    const progress: CdnLogProgress[] = [];
    const { records } = await readAll(`${base}/log.gz?Signature=secret`, { onProgress: (p) => progress.push(p) });
    expect(records.map((r) => r.url)).toEqual(EXPECTED_URLS);
    expect(progress.at(-1)).toEqual({ bytesRead: GZ.length, totalBytes: GZ.length });
  });

  it("explains an HTTP error without leaking the signature", async () => {
    const error = await readAll(`${base}/expired/log.gz?Signature=secret`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CdnLogReadError);
    expect((error as Error).message).toMatch(/HTTP 403 Forbidden.*signed filePath URL may have expired/);
    expect((error as Error).message).not.toContain("secret");
  });

  it("adds https:// to a filePath without a scheme", async () => {
    const asked: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      asked.push(String(url));
      return fetch(`${base}/log.gz`);
    }) as typeof fetch;
    const { records } = await readAll("cdnlog.cn-hangzhou.oss.aliyun-inc.com/www.aliyun.com/x.gz?Expires=1", {
      fetch: fakeFetch,
    });
    expect(asked).toEqual(["https://cdnlog.cn-hangzhou.oss.aliyun-inc.com/www.aliyun.com/x.gz?Expires=1"]);
    expect(records).toHaveLength(3000);
  });
});

describe("browser code paths", () => {
  it("gunzips with DecompressionStream, and reports truncated data", async () => {
    const chunks = async function* (bytes: Uint8Array) {
      for (let at = 0; at < bytes.length; at += 5000) yield bytes.subarray(at, at + 5000);
    };
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of webGunzip(chunks(GZ))) text += decoder.decode(chunk, { stream: true });
    expect(text).toBe(LOG);
    await expect(
      (async () => {
        for await (const _ of webGunzip(chunks(GZ.subarray(0, GZ.length - 20))));
      })(),
    ).rejects.toThrow();
  });

  it("loads Node modules only through guarded dynamic imports", () => {
    const src = join(import.meta.dirname, "../src/logs");
    // Recursive: the report renderer's folder runs in browsers too.
    const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(30);
    for (const entry of files) {
      const file = relative(src, join(entry.parentPath, entry.name));
      const code = readFileSync(join(src, file), "utf8");
      expect(code, file).not.toMatch(/\bBuffer\./);
      // The worker's own entry runs only in a Node worker thread, bundled into a script on its own; no module of
      // the logs entry imports it.
      expect(code, file).not.toMatch(/from\s+["']\.\/summary-worker\.js["']/);
      if (file === "summary-worker.ts") continue;
      expect(code, file).not.toMatch(/^\s*import\s[^;]*from\s+["']node:/m);
    }
  });
});
