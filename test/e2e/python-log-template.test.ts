// The playground's "Summarise the log file" Python template, run by python3 the way FC's Python runtime runs
// it (on FC it downloads the file; only Pyodide in the browser stops short): on generated gzip logs served by a
// local HTTP server, the numbers it returns equal summarizeCdnLog's on the same bytes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  type CdnLogSummary,
  type GenerateCdnLogOptions,
  generateCdnLog,
  readCdnLog,
  summarizeCdnLog,
} from "fc-cdn-trigger/logs";
import { createCdnEnvelope, createCdnEvent } from "fc-cdn-trigger/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pythonTemplate } from "../../site/playground/python/python-templates.js";
import { python3Version, runPythonHandler } from "../support/python3.js";

if (!python3Version) console.warn("[python log template] skipping: python3 is not installed (apt-get install python3)");

/** What the template returns for each LogFileCreated event (see LOGS_PY in python-templates.ts). */
interface TemplateSummary {
  domain: string;
  requests: number;
  bytes: number;
  cacheHitRatio: number;
  statusClasses: Record<string, number>;
  topUrls: { url: string; count: number }[];
}

// Two hourly files: a plain CDN log, and a DCDN one with missing content types and garbage lines (among them a
// well-formed line stamped 32/Jun, which only a real date check rejects).
const LOGS: { domain: string; name: string; options: GenerateCdnLogOptions }[] = [
  { domain: "cdn.example.com", name: "cdn.example.com_2024_06_01_080000_090000.gz", options: { lines: 4000, seed: 5 } },
  {
    domain: "dcdn.example.com",
    name: "dcdn.example.com_2024_06_01_090000_100000.gz",
    options: {
      lines: 4000,
      seed: 9,
      domain: "dcdn.example.com",
      dcdn: true,
      missingContentTypeRate: 0.1,
      malformedRate: 0.02,
    },
  },
];
const gzips = new Map(LOGS.map((log) => [`/${log.name}`, gzipSync(generateCdnLog(log.options))]));

let server: Server;
let baseUrl = "";
let scratch = "";
beforeAll(async () => {
  server = createServer((request, response) => {
    const body = gzips.get(request.url ?? "");
    response.writeHead(body ? 200 : 404, { "content-length": body?.byteLength ?? 0 }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scratch = mkdtempSync(join(tmpdir(), "fc-python-log-template-"));
});
afterAll(async () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  await new Promise((resolve) => server?.close(resolve));
});

describe.skipIf(!python3Version)(`the "Summarise the log file" Python template in ${python3Version}`, () => {
  it("returns the requests, bytes, cache hit ratio, status classes and top URLs summarizeCdnLog finds", async () => {
    const file = join(scratch, "index.py");
    writeFileSync(file, pythonTemplate("logs", ["LogFileCreated"]));
    const logEvent = ({ domain, name }: (typeof LOGS)[number]) =>
      createCdnEvent("LogFileCreated", {
        eventParameter: { domain, filePath: `${baseUrl}/${name}`, fileSize: gzips.get(`/${name}`)?.byteLength },
      });
    const [first, second] = LOGS as [(typeof LOGS)[number], (typeof LOGS)[number]];
    const envelope = createCdnEnvelope(logEvent(first), createCdnEvent("CdnDomainAdded"), logEvent(second));

    const { result, stdout } = await runPythonHandler(file, JSON.stringify(envelope));
    expect(stdout).toContain("CdnDomainAdded: not a log file, skipped");
    expect(typeof result, "the template returns a JSON string").toBe("string");
    const summaries = JSON.parse(result as string) as TemplateSummary[];
    expect(summaries.map((s) => s.domain)).toEqual(LOGS.map((log) => log.domain));

    for (const [i, log] of LOGS.entries()) {
      const python = summaries[i] as TemplateSummary;
      const expected: CdnLogSummary = await summarizeCdnLog(readCdnLog(new Uint8Array(gzips.get(`/${log.name}`)!)), {
        top: 50,
      });
      const where = `${log.name}: python3 ${JSON.stringify(python)}`;
      if (log.options.malformedRate) expect(expected.stats?.malformed, where).toBeGreaterThan(0);
      expect(python.requests, where).toBe(expected.requests);
      expect(python.bytes, where).toBe(expected.bytes);
      expect(python.cacheHitRatio, where).toBe(expected.cacheHitRatio.byRequests);
      const classes = Object.fromEntries(Object.entries(expected.statusClasses).filter(([, n]) => n > 0));
      expect(python.statusClasses, where).toEqual(classes);
      // Equal counts may be listed in either order: the counts match in order, each URL's count matches exactly.
      expect(
        python.topUrls.map((u) => u.count),
        where,
      ).toEqual(expected.top.urls.slice(0, 5).map((u) => u.count));
      const exact = new Map(expected.top.urls.filter((u) => u.maxOverestimate === 0).map((u) => [u.value, u.count]));
      for (const { url, count } of python.topUrls) expect(exact.get(url), `${where}: ${url}`).toBe(count);
      expect(stdout).toContain(`LogFileCreated for ${log.domain}: ${gzips.get(`/${log.name}`)?.byteLength} bytes`);
      expect(stdout).toContain(`${expected.requests} requests, ${(expected.bytes / 1e6).toFixed(1)} MB`);
    }
  });
});
