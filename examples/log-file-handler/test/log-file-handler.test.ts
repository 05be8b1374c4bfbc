import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  CdnLogSummarizer,
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  generateCdnLogLines,
  parseCdnLogLine,
} from "fc-cdn-trigger/logs";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itShipsDeployArtifacts } from "../../../test/support/example-artifacts.js";
import { invokeOnSystemNode, systemNodeVersion } from "../../../test/support/system-node.js";
import { handler, logFileUrl } from "../src/index.js";
import { signOssRequest } from "../src/oss-signature.js";

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
const SUMMARY_KEY = "example.com/2018_06_14/example.com_2018_06_14_1500_1600.summary.json";
let server: Server;
let base = "";
const requests: string[] = [];
/** What the loopback "OSS" received: PUTs under /summaries-bucket/ (path style, as for an IP endpoint). */
const puts: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const summaryDir = mkdtempSync(join(tmpdir(), "log-file-handler-"));

beforeAll(async () => {
  execFileSync(process.execPath, ["../build.mjs"], { cwd: root, stdio: "pipe" });
  // The local run writes summaries to a folder; the tests of the OSS path set SUMMARY_BUCKET instead.
  process.env.SUMMARY_DIR = summaryDir;
  server = createServer((request, response) => {
    requests.push(request.url ?? "");
    if (request.method === "PUT" && request.url?.startsWith("/summaries-bucket/")) {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        puts.push({ url: request.url ?? "", headers: request.headers, body });
        response.writeHead(200).end();
      });
    } else if (request.method === "PUT") {
      response
        .writeHead(403, { "content-type": "application/xml" })
        .end(
          "<Error>\n  <Code>AccessDenied</Code>\n  <Message>You have no right to access this object.</Message>\n</Error>",
        );
    } else if (request.url?.startsWith(PATH)) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(LOG);
    } else if (request.url?.startsWith("/truncated.gz")) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(LOG.subarray(0, 2000));
    } else response.writeHead(404).end("no such log");
  });
  // Loopback only: nothing leaves the machine.
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.SUMMARY_DIR;
  rmSync(summaryDir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

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

  it("streams the gzip log file, returns its summary and writes it next to the log's path, keeping the signature out of logs", async () => {
    const { result, error, logs } = await invokeHandler(
      handler,
      createCdnEnvelope(logEvent(`${base}${PATH}?OSSAccessKeyId=id&Expires=1&Signature=secret`)),
    );
    expect(error).toBeUndefined();
    const [report] = JSON.parse(JSON.stringify(result));
    const written = join(summaryDir, ...SUMMARY_KEY.split("/"));
    expect(report).toMatchObject({
      summaryLocation: written,
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
    // The file holds the versioned JSON form, which reads back to the very summary returned.
    const text = readFileSync(written, "utf8");
    expect(JSON.parse(text)).toMatchObject({ format: "fc-cdn-trigger/log-summary", version: 1 });
    expect(cdnLogSummaryFromJson(text)).toEqual((result as { summary: unknown }[])[0]?.summary);
    const messages = logs.map((line) => `${line.level} ${line.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /^info example\.com: 4998 requests, cache hits \d+\.\d% \(\d+\.\d% of bytes\), 5xx \d+, p95 \d+ ms$/,
      ),
      "warn example.com: skipped 2 malformed lines (first: 100, 4001)",
      `info example.com: summary written to ${written}`,
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

  it("fails at once, saying what to set, when it has nowhere to write the summary", async () => {
    delete process.env.SUMMARY_DIR;
    try {
      const count = requests.length;
      const { error } = await invokeHandler(handler, createCdnEnvelope(logEvent(`${base}${PATH}`)));
      expect((error as Error).message).toContain("set SUMMARY_BUCKET");
      expect((error as Error).message).toContain("SUMMARY_DIR");
      expect(requests.length).toBe(count); // nothing downloaded
    } finally {
      process.env.SUMMARY_DIR = summaryDir;
    }
  });

  it("fails the invocation, naming the permission, when OSS refuses the summary", async () => {
    delete process.env.SUMMARY_DIR;
    Object.assign(process.env, { SUMMARY_BUCKET: "other-bucket", SUMMARY_OSS_ENDPOINT: base });
    try {
      const { error } = await invokeHandler(handler, createCdnEnvelope(logEvent(`${base}${PATH}`)));
      expect((error as Error).message).toContain(
        `writing the summary to oss://other-bucket/cdn-log-summaries/${SUMMARY_KEY} failed: HTTP 403`,
      );
      expect((error as Error).message).toContain("AccessDenied");
      expect((error as Error).message).toContain("oss:PutObject");
    } finally {
      delete process.env.SUMMARY_BUCKET;
      delete process.env.SUMMARY_OSS_ENDPOINT;
      process.env.SUMMARY_DIR = summaryDir;
    }
  });

  it("runs bundled, from the machine's system Node, as FC would, and PUTs the summary to OSS signed", async () => {
    const body = JSON.stringify(createCdnEnvelope(logEvent(`${base}${PATH}?Signature=x`)));
    const env = { SUMMARY_BUCKET: "summaries-bucket", SUMMARY_PREFIX: "daily", SUMMARY_OSS_ENDPOINT: base };
    const outcome = await invokeOnSystemNode(bundle, body, env);
    expect(outcome.node).toBe(systemNodeVersion());
    expect(outcome).toMatchObject({ ok: true, result: [{ bytes: LOG.byteLength, summary: { requests: 4998 } }] });
    expect((outcome.result as { summary: unknown }[])[0]?.summary).toMatchObject(expected);
    expect(outcome.logs[0]).toMatch(/^INFO example\.com: 4998 requests/);
    const location = `oss://summaries-bucket/daily/${SUMMARY_KEY}`;
    expect(outcome.logs.at(-1)).toBe(`INFO example.com: summary written to ${location}`);
    expect((outcome.result as { summaryLocation: string }[])[0]?.summaryLocation).toBe(location);
    // One PUT, signed with the role's STS credentials the runner passes in context.credentials (id, secret,
    // token) by the V4 signer that test/oss-signature.test.ts checks against OSS's own SDK vectors.
    expect(puts.map((put) => put.url)).toEqual([`/summaries-bucket/daily/${SUMMARY_KEY}`]);
    const [put] = puts;
    if (!put) throw new Error("no PUT");
    const header = (name: string) => String(put.headers[name]);
    expect(header("x-oss-security-token")).toBe("token");
    expect(header("content-type")).toBe("application/json");
    const sentAt = header("x-oss-date").replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z");
    const signed = signOssRequest(
      {
        method: "PUT",
        bucket: "summaries-bucket",
        key: `daily/${SUMMARY_KEY}`,
        headers: {
          "content-type": "application/json",
          "x-oss-content-sha256": header("x-oss-content-sha256"),
          "x-oss-date": header("x-oss-date"),
        },
      },
      { accessKeyId: "id", accessKeySecret: "secret", securityToken: "token" },
      "cn-hangzhou",
      new Date(sentAt),
    );
    expect(header("authorization")).toBe(signed.Authorization);
    expect(header("authorization")).toMatch(
      /^OSS4-HMAC-SHA256 Credential=id\/\d{8}\/cn-hangzhou\/oss\/aliyun_v4_request,Signature=[0-9a-f]{64}$/,
    );
    const { stats, ...summary } = cdnLogSummaryToJson(cdnLogSummaryFromJson(put.body));
    expect(JSON.parse(JSON.stringify(summary))).toMatchObject(expected);
    expect(stats).toMatchObject({ parsed: 4998, malformed: 2 });
  });

  itShipsDeployArtifacts(root, bundle);
});
