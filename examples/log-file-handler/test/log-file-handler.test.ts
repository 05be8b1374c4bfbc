import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handler, logFileUrl } from "../src/index.js";
import { invokeOnSystemNode, systemNodeVersion } from "./fc-runtime.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist/index.js");

// A small CDN access log, gzip-compressed as CDN writes it.
const LOG = gzipSync(
  Array.from(
    { length: 50 },
    (_, i) =>
      `[14/Jun/2018:15:${String(i % 60).padStart(2, "0")}:00 +0800] 192.0.2.${i % 250} - 12 "-" "GET https://example.com/img/${i}.png" 200 1024 2048 HIT "Mozilla/5.0" "image/png"`,
  ).join("\n"),
);
const PATH = "/example.com/2018_06_14/example.com_2018_06_14_1500_1600.gz";
let server: Server;
let base = "";
const requests: string[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, ["build.mjs"], { cwd: root, stdio: "pipe" });
  server = createServer((request, response) => {
    requests.push(request.url ?? "");
    if (request.url?.startsWith(PATH)) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(LOG);
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

  it("downloads the gzip log file and reports its size, keeping the signature out of logs", async () => {
    const { result, error, logs } = await invokeHandler(
      handler,
      createCdnEnvelope(logEvent(`${base}${PATH}?OSSAccessKeyId=id&Expires=1&Signature=secret`)),
    );
    expect(error).toBeUndefined();
    expect(result).toEqual([
      {
        domain: "example.com",
        startTime: 1528959600,
        endTime: 1528959900,
        url: `${base}${PATH}`,
        bytes: LOG.byteLength,
        announcedBytes: LOG.byteLength,
        gzip: true,
      },
    ]);
    expect(logs.map((line) => line.message).join("\n")).not.toContain("secret");
    expect(requests.at(-1)).toBe(`${PATH}?OSSAccessKeyId=id&Expires=1&Signature=secret`);
  });

  it("fails the invocation (so FC retries) when the download fails", async () => {
    const { error } = await invokeHandler(handler, createCdnEnvelope(logEvent(`${base}/missing.gz?Signature=secret`)));
    expect((error as Error).name).toBe("CdnHandlerError");
    expect((error as Error).message).toContain(`downloading ${base}/missing.gz failed: HTTP 404`);
    expect((error as Error).message).not.toContain("secret");
  });

  it("runs bundled, from the machine's system Node, as FC would", async () => {
    const body = JSON.stringify(createCdnEnvelope(logEvent(`${base}${PATH}?Signature=x`)));
    const outcome = await invokeOnSystemNode(bundle, body);
    expect(outcome.node).toBe(systemNodeVersion());
    expect(outcome).toMatchObject({ ok: true, result: [{ bytes: LOG.byteLength, gzip: true }] });
    expect(outcome.logs).toEqual([`INFO example.com: downloaded ${LOG.byteLength} bytes of logs from ${base}${PATH}`]);
  });

  it("ships code.zip holding exactly the bundled index.js", () => {
    const files = unzipSync(readFileSync(join(root, "dist/code.zip")));
    expect(Object.keys(files)).toEqual(["index.js"]);
    expect(Buffer.from(files["index.js"] as Uint8Array).equals(readFileSync(bundle))).toBe(true);
  });

  it("keeps s.yaml in sync with package.json's settings (regenerate: npm run s-yaml)", async () => {
    const { renderSYaml } = (await import(join(root, "build.mjs"))) as { renderSYaml: () => string };
    expect(readFileSync(join(root, "s.yaml"), "utf8")).toBe(renderSYaml());
    expect(renderSYaml()).toContain("eventName: LogFileCreated");
  });
});
