import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CdnLogRecord, formatCdnLogLine, parseCdnLogFileName, parseCdnLogLine } from "../src/logs/index.js";

const SAMPLE =
  '[9/Jun/2015:01:58:09 +0800] 10.10.10.10 - 1542 "-" "GET http://www.aliyun.com/index.html" 200 191 2830 MISS "Mozilla/5.0 (compatible; AhrefsBot/5.0; +http://example.com/robot/)" "text/html"';

describe("parseCdnLogLine", () => {
  it("parses the documented sample field by field", () => {
    const record = parseCdnLogLine(SAMPLE);
    expect(record).not.toBeNull();
    const r = record as CdnLogRecord;
    expect(r.time.toISOString()).toBe("2015-06-08T17:58:09.000Z");
    expect(r.clientIp).toBe("10.10.10.10");
    expect(r.proxyIp).toBeNull();
    expect(r.responseTimeMs).toBe(1542);
    expect(r.referer).toBeNull();
    expect(r.method).toBe("GET");
    expect(r.url).toBe("http://www.aliyun.com/index.html");
    expect(r.status).toBe(200);
    expect(r.requestBytes).toBe(191);
    expect(r.responseBytes).toBe(2830);
    expect(r.cacheStatus).toBe("MISS");
    expect(r.userAgent).toBe("Mozilla/5.0 (compatible; AhrefsBot/5.0; +http://example.com/robot/)");
    expect(r.contentType).toBe("text/html");
    expect(r.extra).toEqual([]);
    expect(r.protocol).toBeNull();
    expect(r.remoteIp).toBeNull();
  });

  it("puts every field after the content type in extra", () => {
    const r = parseCdnLogLine(`${SAMPLE} 47.100.1.2 "edge node" 7`);
    expect(r?.contentType).toBe("text/html");
    expect(r?.extra).toEqual(["47.100.1.2", "edge node", "7"]);
    expect(r?.remoteIp).toBe("47.100.1.2");
  });

  it("gives contentType null when the field is missing, with or without trailing fields", () => {
    const withoutType = SAMPLE.slice(0, SAMPLE.lastIndexOf(' "text/html"'));
    expect(parseCdnLogLine(withoutType)?.contentType).toBeNull();
    expect(parseCdnLogLine(withoutType)?.extra).toEqual([]);
    const dcdn = parseCdnLogLine(`${withoutType} 47.100.1.2`);
    expect(dcdn?.contentType).toBeNull();
    expect(dcdn?.extra).toEqual(["47.100.1.2"]);
  });

  it("reads quoted fields with spaces, escaped quotes and escaped backslashes", () => {
    const line =
      '[19/Dec/2023:23:59:59 -0130] 1.2.3.4 5.6.7.8 0 "https://ref.example/?q=a \\"b\\" c" "POST /a path/with spaces?x=\\"1\\"" 404 0 12 HIT "Bot \\"quoted\\" C:\\\\dir\\\\ \\x22" "text/plain; charset=utf-8"';
    const r = parseCdnLogLine(line);
    expect(r?.time.toISOString()).toBe("2023-12-20T01:29:59.000Z");
    expect(r?.proxyIp).toBe("5.6.7.8");
    expect(r?.referer).toBe('https://ref.example/?q=a "b" c');
    expect(r?.method).toBe("POST");
    expect(r?.url).toBe('/a path/with spaces?x="1"');
    expect(r?.cacheStatus).toBe("HIT");
    expect(r?.userAgent).toBe('Bot "quoted" C:\\dir\\ \\x22');
    expect(r?.contentType).toBe("text/plain; charset=utf-8");
  });

  it("keeps an unescaped quote that is not followed by a space inside the field", () => {
    const r = parseCdnLogLine(SAMPLE.replace("Mozilla/5.0 (compatible;", 'Mozilla/5.0 "odd"(compatible;'));
    expect(r?.userAgent).toBe('Mozilla/5.0 "odd"(compatible; AhrefsBot/5.0; +http://example.com/robot/)');
  });

  it("reads IPv6 client and proxy addresses", () => {
    const r = parseCdnLogLine(SAMPLE.replace("10.10.10.10 -", "2408:8207:24a6:5651::1 ::ffff:10.0.0.1"));
    expect(r?.clientIp).toBe("2408:8207:24a6:5651::1");
    expect(r?.proxyIp).toBe("::ffff:10.0.0.1");
  });

  it("ignores a trailing carriage return and reads a non-dash referer", () => {
    const r = parseCdnLogLine(`${SAMPLE.replace('"-"', '"https://www.aliyun.com/"')}\r`);
    expect(r?.referer).toBe("https://www.aliyun.com/");
    expect(r?.contentType).toBe("text/html");
  });

  it.each([
    ["empty", ""],
    ["plain text", "hello world"],
    ["no closing bracket", SAMPLE.replace("+0800]", "+0800")],
    ["day 32", SAMPLE.replace("9/Jun", "32/Jun")],
    ["29 Feb in a non-leap year", SAMPLE.replace("9/Jun/2015", "29/Feb/2015")],
    ["unknown month", SAMPLE.replace("Jun", "Jux")],
    ["hour 24", SAMPLE.replace("01:58:09", "24:58:09")],
    ["non-numeric response time", SAMPLE.replace(" 1542 ", " fast ")],
    ["unquoted referer", SAMPLE.replace('"-"', "-")],
    ["request without a URL", SAMPLE.replace('"GET http://www.aliyun.com/index.html"', '"GET"')],
    ["status 1000", SAMPLE.replace(" 200 ", " 1000 ")],
    ["negative bytes", SAMPLE.replace(" 191 ", " -191 ")],
    ["unterminated user agent", SAMPLE.slice(0, SAMPLE.indexOf('"Mozilla') + 20)],
    ["cut after the cache status", SAMPLE.slice(0, SAMPLE.indexOf(" MISS") + 5)],
    ["unterminated content type", SAMPLE.slice(0, -1)],
  ])("returns null for a malformed line: %s", (_name, line) => {
    expect(parseCdnLogLine(line)).toBeNull();
  });

  it("returns null for non-strings rather than throwing", () => {
    expect(parseCdnLogLine(42 as unknown as string)).toBeNull();
  });
});

const noBreak = (s: string) => !/[\r\n]/.test(s);
const text = fc.string({ unit: "grapheme", maxLength: 40 }).filter(noBreak);
const token = fc.stringMatching(/^[!#-~]{1,20}$/).filter((s) => s !== "-");

const recordArbitrary: fc.Arbitrary<CdnLogRecord> = fc
  .record({
    time: fc.integer({ min: -62_135_596_800, max: 253_402_214_400 }).map((s) => new Date(s * 1000)),
    clientIp: fc.oneof(fc.ipV4(), fc.ipV6()),
    proxyIp: fc.option(fc.oneof(fc.ipV4(), fc.ipV6()), { nil: null }),
    responseTimeMs: fc.nat(),
    referer: fc.option(
      text.filter((s) => s !== "-"),
      { nil: null },
    ),
    method: fc.stringMatching(/^[A-Z]{1,8}$/),
    url: text,
    status: fc.integer({ min: 0, max: 999 }),
    requestBytes: fc.nat(),
    responseBytes: fc.integer({ min: 0, max: 999_999_999_999_999 }),
    cacheStatus: fc.oneof(fc.constant("HIT"), fc.constant("MISS"), token),
    userAgent: text,
    contentType: fc.option(text, { nil: null }),
    extra: fc.array(fc.oneof(token, text, fc.constantFrom("quic", "https", "http"), fc.ipV4(), fc.ipV6()), {
      maxLength: 3,
    }),
  })
  // Without a content type, a first trailing field that needs quotes would read as the content type.
  .filter((r) => r.contentType !== null || r.extra.every((e) => /^[!#-~]+$/.test(e)))
  .filter((r) => r.time.getUTCFullYear() >= 1 && r.time.getUTCFullYear() <= 9998)
  // The readings of the 14th field, by the documented protocols and Node's own IP check.
  .map((r) => ({
    ...r,
    protocol: r.extra[0] === "quic" || r.extra[0] === "https" || r.extra[0] === "http" ? r.extra[0] : null,
    remoteIp: r.extra[0] !== undefined && isIP(r.extra[0]) !== 0 ? r.extra[0] : null,
  }));

describe("formatCdnLogLine", () => {
  it("round-trips: format a random record, parse it, get the same record", () => {
    fc.assert(
      fc.property(recordArbitrary, fc.integer({ min: -12 * 4, max: 14 * 4 }), (record, quarterHours) => {
        const line = formatCdnLogLine(record, { utcOffsetMinutes: quarterHours * 15 });
        expect(parseCdnLogLine(line)).toEqual(record);
      }),
      { numRuns: 2000 },
    );
  });

  it("writes the documented sample back byte for byte", () => {
    expect(formatCdnLogLine(parseCdnLogLine(SAMPLE) as CdnLogRecord)).toBe(SAMPLE);
  });

  it("names the field it cannot write", () => {
    const record = parseCdnLogLine(SAMPLE) as CdnLogRecord;
    expect(() => formatCdnLogLine({ ...record, clientIp: "1.2.3.4 5" })).toThrow(/clientIp/);
    expect(() => formatCdnLogLine({ ...record, userAgent: "a\nb" })).toThrow(/userAgent contains a line break/);
    expect(() => formatCdnLogLine({ ...record, status: 2.5 })).toThrow(/status must be a non-negative integer/);
    expect(() => formatCdnLogLine({ ...record, time: new Date(Number.NaN) })).toThrow(/valid Date/);
  });
});

describe("parseCdnLogFileName", () => {
  it("reads the standard form, whose times are UTC+8", () => {
    expect(parseCdnLogFileName("www.example.com_2024_06_01_080000_090000.gz")).toEqual({
      domain: "www.example.com",
      start: new Date("2024-06-01T00:00:00Z"),
      end: new Date("2024-06-01T01:00:00Z"),
      suffix: null,
      form: "standard",
    });
  });

  it("reads the standard form with an extension field", () => {
    const name = parseCdnLogFileName("img.example.com_2024_06_01_083000_084500_cn-hangzhou_2.gz");
    expect(name.domain).toBe("img.example.com");
    expect(name.start.toISOString()).toBe("2024-06-01T00:30:00.000Z");
    expect(name.end.toISOString()).toBe("2024-06-01T00:45:00.000Z");
    expect(name.suffix).toBe("cn-hangzhou_2");
    expect(name.form).toBe("standard");
  });

  it("reads the DCDN/ESA site form, with a dot before the extension and UTC+8 times", () => {
    expect(parseCdnLogFileName("example.com_2024_01_01_000000_010000.xx.gz")).toEqual({
      domain: "example.com",
      start: new Date("2023-12-31T16:00:00Z"),
      end: new Date("2023-12-31T17:00:00Z"),
      suffix: "xx",
      form: "site",
    });
    const name = parseCdnLogFileName(
      "https://logs.example.net/site/a.example.com_2024_06_01_233000_000000.3.gz?Expires=1",
    );
    expect([name.domain, name.start.toISOString(), name.end.toISOString(), name.suffix, name.form]).toEqual([
      "a.example.com",
      "2024-06-01T15:30:00.000Z",
      "2024-06-01T16:00:00.000Z",
      "3",
      "site",
    ]);
  });

  it("reads the legacy form from a signed filePath URL", () => {
    const name = parseCdnLogFileName(
      "http://cdnlog.cn-hangzhou.oss.aliyun-inc.com/www.aliyun.com/2017_12_27/www.aliyun.com_2017_12_27_0800_0900.gz?OSSAccessKeyId=x&Expires=1&Signature=y",
    );
    expect(name).toEqual({
      domain: "www.aliyun.com",
      start: new Date("2017-12-27T00:00:00Z"),
      end: new Date("2017-12-27T01:00:00Z"),
      suffix: null,
      form: "legacy",
    });
  });

  it("puts an end at or before the start on the next day", () => {
    const name = parseCdnLogFileName("a.example.com_2024_12_31_2300_0000.gz");
    expect(name.start.toISOString()).toBe("2024-12-31T15:00:00.000Z");
    expect(name.end.toISOString()).toBe("2024-12-31T16:00:00.000Z");
  });

  // Every refusal names the file, says why, and lists the three forms it accepts.
  const FORMS_LISTED =
    /Expected <domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>\[_<ext>\]\.gz \(CDN and DCDN\), <domain>_<YYYY>_<MM>_<DD>_<HHMMSS>_<HHMMSS>\.<ext>\.gz \(DCDN\/ESA site logs\) or <domain>_<YYYY>_<MM>_<DD>_<HHMM>_<HHMM>\[_<ext>\]\.gz \(legacy\), with the times in UTC\+8$/;
  it.each([
    ["no date", "www.example.com.gz", "none of the known forms"],
    ["not gzip", "www.example.com_2024_06_01_0800_0900.log", "none of the known forms"],
    ["an empty site extension", "example.com_2024_01_01_000000_010000..gz", "none of the known forms"],
    ["a site extension without .gz", "example.com_2024_01_01_000000_010000.xx", "none of the known forms"],
    ["a 13th month", "www.example.com_2024_13_01_0800_0900.gz", "2024-13-01 is not a date"],
    ["31 April in a site name", "example.com_2024_04_31_000000_010000.xx.gz", "2024-04-31 is not a date"],
    ["mixed time lengths", "www.example.com_2024_06_01_0800_090000.gz", "different lengths"],
    ["minute 60", "www.example.com_2024_06_01_0860_0900.gz", "out of range"],
    ["hour 25 in a site name", "example.com_2024_01_01_250000_010000.xx.gz", "out of range"],
    ["a dot extension with HHMM times", "example.com_2024_01_01_0000_0100.xx.gz", "only with HHMMSS times"],
  ])("throws, naming the file, the reason and the forms, for %s", (_name, file, why) => {
    let message = "";
    try {
      parseCdnLogFileName(file);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      message = (error as Error).message;
    }
    expect(message).toContain(`Not a CDN log file name: ${JSON.stringify(file)} (`);
    expect(message).toContain(why);
    expect(message).toMatch(FORMS_LISTED);
  });
});
