import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CdnLogSummarizer, generateCdnLogLines, parseCdnLogLine } from "fc-cdn-trigger/logs";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itShipsDeployArtifacts } from "../../../test/support/example-artifacts.js";
import { invokeOnSystemNode, systemNodeVersion } from "../../../test/support/system-node.js";
import { handler, logFileUrl } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist/index.js");

// A generated CDN access log (two malformed lines included), gzip-compressed as CDN writes it.
const LINES = [...generateCdnLogLines({ lines: 5000, seed: 7, start: new Date("2018-06-14T15:00:00+08:00") })];
LINES[99] = "garbage";
LINES[4000] = "[14/Jun/2018:15:70:00 +0800] broken";
const LOG = gzipSync(`${LINES.join("\n")}\n`);
/** The summary computed independently: parse each line, add the records one by one. */
const expected = (() => {
  const summarizer = new CdnLogSummarizer({ top: 10 });
  for (const line of LINES) {
    const record = parseCdnLogLine(line);
    if (record) summarizer.add(record);
  }
  return JSON.parse(JSON.stringify(summarizer.summary()));
})();
const PATH = "/example.com/2018_06_14/example.com_2018_06_14_1500_1600.gz";
let server: Server;
let base = "";
const requests: string[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, ["../build.mjs"], { cwd: root, stdio: "pipe" });
  server = createServer((request, response) => {
    requests.push(request.url ?? "");
    if (request.url?.startsWith(PATH)) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(LOG);
    } else if (request.url?.startsWith("/truncated.gz")) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(LOG.subarray(0, 2000));
    } else response.writeHead(404).end("no such log");
  });
  // Loopback only: nothing leaves the machine.
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const logEvent = (filePath: string) =>
  createCdnEvent("LogFileCreated", { eventParameter: { filePath, fileSize: LOG.byteLength } });

describe("log-file-handler", () => {
  it("adds https:// to a filePath without a scheme, as Alibaba's sample does", () => {
    expect(logFileUrl("cdnlog.cn-hangzhou.oss.aliyun-inc.com/a.gz?Signature=x")).toBe(
      "https://cdnlog.cn-hangzhou.oss.aliyun-inc.com/a.gz?Signature=x",
    );
    expect(logFileUrl("http://cdnlog.example.com/a.gz")).toBe("http://cdnlog.example.com/a.gz");
    expect(logFileUrl("HTTPS://cdnlog.example.com/a.gz")).toBe("HTTPS://cdnlog.example.com/a.gz");
  });

  it("streams the gzip log file and returns its summary, keeping the signature out of logs", async () => {
    const { result, error, logs } = await invokeHandler(
      handler,
      createCdnEnvelope(logEvent(`${base}${PATH}?OSSAccessKeyId=id&Expires=1&Signature=secret`)),
    );
    expect(error).toBeUndefined();
    const [report] = JSON.parse(JSON.stringify(result));
    expect(report).toMatchObject({
      domain: "example.com",
      startTime: 1528959600,
      endTime: 1528959900,
      url: `${base}${PATH}`,
      bytes: LOG.byteLength,
      announcedBytes: LOG.byteLength,
    });
    const { stats, ...summary } = report.summary;
    expect(summary).toEqual(expected);
    expect(stats).toEqual({ lines: 5000, parsed: 4998, malformed: 2, malformedLineNumbers: [100, 4001] });
    const messages = logs.map((line) => `${line.level} ${line.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /^info example\.com: 4998 requests, cache hits \d+\.\d% \(\d+\.\d% of bytes\), 5xx \d+, p95 \d+ ms$/,
      ),
      "warn example.com: skipped 2 malformed lines (first: 100, 4001)",
    ]);
    expect(messages.join("\n")).not.toContain("secret");
    expect(requests.at(-1)).toBe(`${PATH}?OSSAccessKeyId=id&Expires=1&Signature=secret`);
  });

  it("fails the invocation (so FC retries) when the download fails or is cut short", async () => {
    const { error } = await invokeHandler(handler, createCdnEnvelope(logEvent(`${base}/missing.gz?Signature=secret`)));
    expect((error as Error).name).toBe("CdnHandlerError");
    expect((error as Error).message).toContain(`Downloading ${base}/missing.gz?… failed: HTTP 404`);
    expect((error as Error).message).not.toContain("secret");
    const cut = await invokeHandler(handler, createCdnEnvelope(logEvent(`${base}/truncated.gz`)));
    expect((cut.error as Error).message).toMatch(
      /gzip data of .*truncated\.gz is truncated or corrupt.*read 2000 bytes/,
    );
  });

  it("runs bundled, from the machine's system Node, as FC would", async () => {
    const body = JSON.stringify(createCdnEnvelope(logEvent(`${base}${PATH}?Signature=x`)));
    const outcome = await invokeOnSystemNode(bundle, body);
    expect(outcome.node).toBe(systemNodeVersion());
    expect(outcome).toMatchObject({ ok: true, result: [{ bytes: LOG.byteLength, summary: { requests: 4998 } }] });
    expect((outcome.result as { summary: unknown }[])[0]?.summary).toMatchObject(expected);
    expect(outcome.logs[0]).toMatch(/^INFO example\.com: 4998 requests/);
  });

  itShipsDeployArtifacts(root, bundle);
});
