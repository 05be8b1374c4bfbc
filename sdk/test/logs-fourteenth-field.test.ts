// The 14th and later fields of a CDN offline log line: kept in `extra`, and the 14th read as the documented request
// protocol or as the IP address some real logs write there, never anything else. Node's own `net.isIP` is the
// oracle for what an IP address is.
import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatCdnLogLine,
  generateCdnLog,
  generateCdnLogRecords,
  parseCdnLogLine,
  readCdnLog,
  summarizeCdnLog,
} from "../src/logs/index.js";

// Real-looking lines: the first 13 fields as Alibaba documents them, then each form the 14th field takes.
const BASE =
  '[1/Jun/2024:08:00:05 +0800] 223.104.3.17 - 23 "https://www.example.com/" "GET https://img.example.com/static/logo.png?v=3" 200 412 8123 HIT "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1" "image/png"';
const NO_CONTENT_TYPE = BASE.slice(0, BASE.lastIndexOf(' "image/png"'));

describe("parseCdnLogLine: the 14th and later fields", () => {
  it.each([
    ["the documented protocol, bare", `${BASE} https`, ["https"], "https", null],
    ["the documented protocol, quoted as DCDN's docs show it", `${BASE} "quic"`, ["quic"], "quic", null],
    ["plain http", `${BASE} http`, ["http"], "http", null],
    ["an IPv4 address, as some DCDN logs write", `${BASE} 116.62.1.33`, ["116.62.1.33"], null, "116.62.1.33"],
    ["an IPv6 address", `${BASE} 240e:3b4:38e4:2c0::12`, ["240e:3b4:38e4:2c0::12"], null, "240e:3b4:38e4:2c0::12"],
    ["nothing: an older line ends at the content type", BASE, [], null, null],
    ["the protocol, then more fields", `${BASE} https "edge node 7" 1`, ["https", "edge node 7", "1"], "https", null],
    ["an IP, then more fields", `${BASE} 47.100.1.2 quic`, ["47.100.1.2", "quic"], null, "47.100.1.2"],
    ["the protocol without a content type", `${NO_CONTENT_TYPE} quic`, ["quic"], "quic", null],
    ["an IP without a content type", `${NO_CONTENT_TYPE} 47.100.1.2`, ["47.100.1.2"], null, "47.100.1.2"],
  ])("reads %s", (_name, line, extra, protocol, remoteIp) => {
    const record = parseCdnLogLine(line);
    expect(record).not.toBeNull();
    expect(record?.contentType).toBe(line.startsWith(BASE) ? "image/png" : null);
    expect(record?.extra).toEqual(extra);
    expect(record?.protocol).toBe(protocol);
    expect(record?.remoteIp).toBe(remoteIp);
  });

  it.each([
    ["HTTP/2.0"],
    ["HTTPS"],
    ["h3"],
    ["-"],
    ["1.2.3"],
    ["256.1.1.1"],
    ["01.2.3.4"],
    ["1.2.3.4:443"],
    ["[::1]"],
    ["fe80::1%eth0"],
    ["1::2::3"],
    ["::1]:80/[::2"],
  ])("leaves an unrecognised 14th field (%s) only in extra", (field) => {
    const record = parseCdnLogLine(`${BASE} ${field} https`);
    expect(record?.extra).toEqual([field, "https"]);
    expect(record?.protocol).toBeNull();
    expect(record?.remoteIp).toBeNull();
  });

  it("reads the 14th field as Node's net.isIP and the documented protocols say, whatever it holds (fast-check)", () => {
    const hexish = fc.stringMatching(/^[0-9a-fA-F:.]{1,45}$/);
    const field = fc.oneof(
      fc.constantFrom("quic", "https", "http", "QUIC", "Https", "http2"),
      fc.ipV4(),
      fc.ipV6(),
      fc.ipV4Extended(),
      hexish,
      fc.stringMatching(/^[!#-~]{1,20}$/),
    );
    fc.assert(
      fc.property(field, fc.boolean(), (value, quoted) => {
        const record = parseCdnLogLine(`${BASE} ${quoted ? JSON.stringify(value) : value}`);
        expect(record?.extra[0]).toBe(value);
        expect(record?.protocol).toBe(["quic", "https", "http"].includes(value) ? value : null);
        // Zone ids (`fe80::1%eth0`) name a local interface, never a peer of a CDN node: refused on purpose.
        expect(record?.remoteIp).toBe(isIP(value) !== 0 && !value.includes("%") ? value : null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("formatCdnLogLine and the 14th field", () => {
  it("writes extra and round-trips protocol and remoteIp", () => {
    for (const line of [`${BASE} https`, `${BASE} 116.62.1.33 x`, BASE]) {
      const record = parseCdnLogLine(line);
      expect(record).not.toBeNull();
      if (record) expect(formatCdnLogLine(record)).toBe(line);
    }
  });

  it("refuses a protocol or remoteIp that extra[0] does not hold, naming both", () => {
    const record = parseCdnLogLine(`${BASE} https`);
    if (!record) throw new Error("the line should parse");
    expect(() => formatCdnLogLine({ ...record, protocol: "quic" })).toThrow(
      /protocol "quic" does not match extra\[0\] \("https"\).*set extra\[0\] instead/,
    );
    expect(() => formatCdnLogLine({ ...record, remoteIp: "1.2.3.4" })).toThrow(/remoteIp "1.2.3.4" does not match/);
    expect(formatCdnLogLine({ ...record, extra: ["quic"], protocol: "quic" })).toBe(`${BASE} quic`);
    const { protocol: _p, remoteIp: _r, ...fields } = record;
    expect(formatCdnLogLine({ ...fields, extra: ["47.100.1.2"] })).toBe(`${BASE} 47.100.1.2`);
  });
});

describe("generateCdnLog and the 14th field", () => {
  it("writes the documented protocol with `protocol`, after the URL's scheme", () => {
    const records = [...generateCdnLogRecords({ lines: 2000, seed: 3, protocol: true })];
    const counts = { quic: 0, https: 0, http: 0 };
    for (const record of records) {
      expect(record.extra).toEqual([record.protocol]);
      expect(record.remoteIp).toBeNull();
      const protocol = record.protocol as keyof typeof counts;
      counts[protocol]++;
      expect(record.url.startsWith("https:")).toBe(protocol !== "http");
    }
    expect(Math.min(counts.quic, counts.https, counts.http)).toBeGreaterThan(100);
  });

  it("writes an IP with `dcdn`, nothing by default, and refuses both at once", () => {
    for (const record of generateCdnLogRecords({ lines: 200, seed: 3, dcdn: true })) {
      expect(record.remoteIp).toBe(record.extra[0]);
      expect(isIP(record.remoteIp ?? "")).toBe(4);
      expect(record.protocol).toBeNull();
    }
    for (const record of generateCdnLogRecords({ lines: 200, seed: 3 })) {
      expect([record.extra, record.protocol, record.remoteIp]).toEqual([[], null, null]);
    }
    expect(() => [...generateCdnLogRecords({ lines: 1, dcdn: true, protocol: true })]).toThrow(
      /dcdn and protocol both write the 14th field/,
    );
  });

  it("keeps a seed's log the same apart from the 14th field", () => {
    const plain = generateCdnLog({ lines: 300, seed: 8, missingContentTypeRate: 0.2 }).split("\n");
    const withProtocol = generateCdnLog({ lines: 300, seed: 8, missingContentTypeRate: 0.2, protocol: true });
    expect(withProtocol.split("\n").map((line) => line.replace(/ (quic|https|http)$/, ""))).toEqual(plain);
  });
});

describe("reading whole logs with a 14th field", () => {
  it("streams the same records as parseCdnLogLine, and the byte summary agrees with the record one", async () => {
    const text = [
      generateCdnLog({ lines: 500, seed: 5, protocol: true, missingContentTypeRate: 0.1 }),
      generateCdnLog({ lines: 500, seed: 6, dcdn: true }),
      `${BASE} "quic" "tail"\n${BASE} 240e:3b4:38e4:2c0::12\n`,
    ].join("");
    const lines = text.trimEnd().split("\n");
    const reader = readCdnLog(new TextEncoder().encode(text));
    const streamed = [];
    for await (const record of reader) streamed.push(record);
    expect(streamed).toEqual(lines.map(parseCdnLogLine));
    expect(reader.stats.malformed).toBe(0);
    const fromBytes = await summarizeCdnLog(readCdnLog(new TextEncoder().encode(text)), { worker: false });
    const fromRecords = await summarizeCdnLog(streamed);
    const { stats: _a, ...bytesSummary } = fromBytes;
    const { stats: _b, ...recordsSummary } = fromRecords;
    expect(bytesSummary).toEqual(recordsSummary);
    expect(fromBytes.requests).toBe(lines.length);
  });
});

describe("the guide's snippet (site/snippets/log-protocols.ts)", () => {
  it("counts what the 14th field holds, as the lines' last field says", async () => {
    const { countProtocols } = await import("../../site/snippets/log-protocols.js");
    const lines = [
      ...generateCdnLog({ lines: 600, seed: 2, protocol: true }).trimEnd().split("\n"),
      ...generateCdnLog({ lines: 200, seed: 2, dcdn: true }).trimEnd().split("\n"),
      ...generateCdnLog({ lines: 100, seed: 2 }).trimEnd().split("\n"),
      `${BASE} HTTP/2.0`,
      `${BASE} "-"`,
    ];
    const last = (line: string) => line.slice(line.lastIndexOf(" ") + 1);
    const expected = {
      quic: lines.filter((line) => last(line) === "quic").length,
      https: lines.filter((line) => last(line) === "https").length,
      http: lines.filter((line) => last(line) === "http").length,
      remoteIp: lines.filter((line) => isIP(last(line)) !== 0).length,
      unrecognised: 2,
      none: lines.filter((line) => line.endsWith('"')).length - 1,
    };
    expect(expected.quic).toBeGreaterThan(0);
    expect(await countProtocols(new TextEncoder().encode(`${lines.join("\n")}\n`))).toEqual(expected);
  });
});
