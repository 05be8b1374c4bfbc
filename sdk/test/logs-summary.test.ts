import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CdnLogRecord,
  CdnLogSummarizer,
  type CdnLogTopEntry,
  generateCdnLog,
  generateCdnLogLines,
  generateCdnLogRecords,
  LatencyHistogram,
  parseCdnLogLine,
  readCdnLog,
  SpaceSaving,
  summarizeCdnLog,
} from "../src/logs/index.js";

/** Top n by exact count, ties by value: what the sketch must report when it never had to evict. */
function exactTop(values: (string | null)[], n: number): CdnLogTopEntry[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, n)
    .map(([value, count]) => ({ value, count, maxOverestimate: 0 }));
}

/** Nearest-rank percentile on the sorted values. */
const nearestRank = (sorted: number[], p: number) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? 0;

describe("summarizeCdnLog", () => {
  it("matches figures computed independently on a hand-written fixture", async () => {
    const lines = [
      '[1/Jun/2024:08:59:59 +0800] 1.1.1.1 - 10 "-" "GET https://a.example/x.js" 200 100 1000 HIT "UA-1" "application/javascript"',
      '[1/Jun/2024:09:00:00 +0800] 1.1.1.1 - 30 "https://a.example/" "GET https://a.example/x.js" 304 100 0 HIT "UA-1" "application/javascript"',
      '[1/Jun/2024:09:10:00 +0800] 2.2.2.2 - 20 "https://a.example/" "GET https://a.example/y.png" 404 100 500 MISS "UA-2"',
      '[1/Jun/2024:09:20:00 +0800] 3.3.3.3 - 40 "https://b.example/" "POST https://a.example/api" 502 300 200 MISS "UA-1" "application/json" 47.1.1.1',
      '[1/Jun/2024:09:30:00 +0800] 1.1.1.1 - 1000 "-" "GET https://a.example/x.js" 200 100 3000 MISS "UA-3" "application/javascript"',
    ];
    const summary = await summarizeCdnLog(
      lines.map((line) => parseCdnLogLine(line) as CdnLogRecord),
      { top: 2 },
    );
    expect(summary.requests).toBe(5);
    expect(summary.bytes).toBe(4700);
    expect(summary.requestBytes).toBe(700);
    expect(summary.statusClasses).toEqual({ "1xx": 0, "2xx": 2, "3xx": 1, "4xx": 1, "5xx": 1, other: 0 });
    expect(summary.cacheHits).toEqual({ requests: 2, bytes: 1000 });
    expect(summary.cacheHitRatio).toEqual({ byRequests: 2 / 5, byBytes: 1000 / 4700 });
    expect(summary.top.urls).toEqual([
      { value: "https://a.example/x.js", count: 3, maxOverestimate: 0 },
      { value: "https://a.example/api", count: 1, maxOverestimate: 0 },
    ]);
    expect(summary.top.referers).toEqual([
      { value: "https://a.example/", count: 2, maxOverestimate: 0 },
      { value: "https://b.example/", count: 1, maxOverestimate: 0 },
    ]);
    expect(summary.top.userAgents.map((e) => [e.value, e.count])).toEqual([
      ["UA-1", 3],
      ["UA-2", 1],
    ]);
    expect(summary.top.clientIps.map((e) => [e.value, e.count])).toEqual([
      ["1.1.1.1", 3],
      ["2.2.2.2", 1],
    ]);
    expect(summary.top.contentTypes).toEqual([
      { value: "application/javascript", count: 3, maxOverestimate: 0 },
      { value: "application/json", count: 1, maxOverestimate: 0 },
    ]);
    expect(summary.top.clientErrorUrls).toEqual([{ value: "https://a.example/y.png", count: 1, maxOverestimate: 0 }]);
    expect(summary.top.serverErrorUrls).toEqual([{ value: "https://a.example/api", count: 1, maxOverestimate: 0 }]);
    // Lists cut at 2 say how often a value left out can have been seen; complete lists say 0.
    expect(summary.topUnlistedMax).toEqual({
      urls: 1,
      referers: 0,
      userAgents: 1,
      clientIps: 1,
      contentTypes: 0,
      clientErrorUrls: 0,
      serverErrorUrls: 0,
    });
    const classes = (c2: number, c3: number, c4: number, c5: number) => ({
      "1xx": 0,
      "2xx": c2,
      "3xx": c3,
      "4xx": c4,
      "5xx": c5,
      other: 0,
    });
    expect(summary.perHour).toEqual([
      {
        start: new Date("2024-06-01T00:00:00Z"),
        requests: 1,
        bytes: 1000,
        cacheHits: { requests: 1, bytes: 1000 },
        statusClasses: classes(1, 0, 0, 0),
      },
      {
        start: new Date("2024-06-01T01:00:00Z"),
        requests: 4,
        bytes: 3700,
        cacheHits: { requests: 1, bytes: 0 },
        statusClasses: classes(1, 1, 1, 1),
      },
    ]);
    expect(summary.responseTimeMs).toEqual({
      p50: 30,
      p95: 1000,
      p99: 1000,
      max: 1000,
      mean: 1100 / 5,
      histogram: [
        { fromMs: 10, toMs: 10, count: 1 },
        { fromMs: 20, toMs: 20, count: 1 },
        { fromMs: 30, toMs: 30, count: 1 },
        { fromMs: 40, toMs: 40, count: 1 },
        // Above 256 ms a bucket spans under 0.4%: 1000 falls in 1000-1003.
        { fromMs: 1000, toMs: 1003, count: 1 },
      ],
    });
    expect(summary.firstTime).toEqual(new Date("2024-06-01T00:59:59Z"));
    expect(summary.lastTime).toEqual(new Date("2024-06-01T01:30:00Z"));
    expect(summary.stats).toBeUndefined();
  });

  it("matches independent figures on a generated log read from gzip, with line stats", async () => {
    const options = { lines: 2000, seed: 5, durationSeconds: 3 * 3600, malformedRate: 0.01 };
    const records = [...generateCdnLogLines(options)].map(parseCdnLogLine).filter((r) => r !== null);
    const { gzipSync } = await import("node:zlib");
    const summary = await summarizeCdnLog(readCdnLog(gzipSync(generateCdnLog(options))), {
      top: 5,
      sketchCapacity: 100_000,
    });
    const sum = (pick: (r: CdnLogRecord) => number) => records.reduce((total, r) => total + pick(r), 0);
    const hits = records.filter((r) => r.cacheStatus === "HIT");
    expect(summary.requests).toBe(records.length);
    expect(summary.bytes).toBe(sum((r) => r.responseBytes));
    expect(summary.requestBytes).toBe(sum((r) => r.requestBytes));
    expect(summary.cacheHits).toEqual({ requests: hits.length, bytes: hits.reduce((t, r) => t + r.responseBytes, 0) });
    for (const cls of [1, 2, 3, 4, 5] as const) {
      expect(summary.statusClasses[`${cls}xx`]).toBe(records.filter((r) => Math.floor(r.status / 100) === cls).length);
    }
    expect(summary.top.urls).toEqual(
      exactTop(
        records.map((r) => r.url),
        5,
      ),
    );
    expect(summary.top.referers).toEqual(
      exactTop(
        records.map((r) => r.referer),
        5,
      ),
    );
    expect(summary.top.userAgents).toEqual(
      exactTop(
        records.map((r) => r.userAgent),
        5,
      ),
    );
    expect(summary.top.clientIps).toEqual(
      exactTop(
        records.map((r) => r.clientIp),
        5,
      ),
    );
    for (const [list, values] of [
      ["contentTypes", records.map((r) => r.contentType)],
      ["clientErrorUrls", records.map((r) => (Math.floor(r.status / 100) === 4 ? r.url : null))],
      ["serverErrorUrls", records.map((r) => (Math.floor(r.status / 100) === 5 ? r.url : null))],
    ] as const) {
      expect(summary.top[list]).toEqual(exactTop([...values], 5));
      // Nothing was evicted: the bound on what is left out is the first count left out.
      expect(summary.topUnlistedMax[list]).toBe(exactTop([...values], 6)[5]?.count ?? 0);
    }
    const hours = new Map<string, { requests: number; bytes: number; hits: number; hitBytes: number; c4: number }>();
    for (const r of records) {
      const key = `${r.time.toISOString().slice(0, 13)}:00:00.000Z`;
      const bucket = hours.get(key) ?? { requests: 0, bytes: 0, hits: 0, hitBytes: 0, c4: 0 };
      bucket.requests++;
      bucket.bytes += r.responseBytes;
      if (r.cacheStatus === "HIT") {
        bucket.hits++;
        bucket.hitBytes += r.responseBytes;
      }
      if (Math.floor(r.status / 100) === 4) bucket.c4++;
      hours.set(key, bucket);
    }
    expect(
      summary.perHour.map((h) => ({
        start: h.start.toISOString(),
        requests: h.requests,
        bytes: h.bytes,
        hits: h.cacheHits.requests,
        hitBytes: h.cacheHits.bytes,
        c4: h.statusClasses["4xx"],
      })),
    ).toEqual([...hours].sort().map(([start, h]) => ({ start, ...h })));
    const histogram = new Map<number, number>();
    for (const r of records) histogram.set(r.responseTimeMs, (histogram.get(r.responseTimeMs) ?? 0) + 1);
    const below256 = summary.responseTimeMs.histogram.filter((b) => b.toMs < 256);
    expect(below256).toEqual(
      [...histogram]
        .filter(([ms]) => ms < 256)
        .sort(([a], [b]) => a - b)
        .map(([ms, count]) => ({ fromMs: ms, toMs: ms, count })),
    );
    for (const bucket of summary.responseTimeMs.histogram) {
      const inBucket = records.filter((r) => r.responseTimeMs >= bucket.fromMs && r.responseTimeMs <= bucket.toMs);
      expect(inBucket.length).toBe(bucket.count);
    }
    const sorted = records.map((r) => r.responseTimeMs).sort((a, b) => a - b);
    for (const p of [50, 95, 99] as const) {
      const exact = nearestRank(sorted, p);
      expect(Math.abs(summary.responseTimeMs[`p${p}`] - exact)).toBeLessThanOrEqual(Math.max(0.5, exact * 0.004));
    }
    expect(summary.responseTimeMs.max).toBe(sorted.at(-1));
    expect(summary.stats?.lines).toBe(2000);
    expect(summary.stats?.malformed).toBe(2000 - records.length);
    expect(summary.stats?.malformed).toBeGreaterThan(0);
  });

  it("accepts an async iterable and reports an empty log as zeros", async () => {
    const summary = await summarizeCdnLog((async function* () {})());
    expect(summary.requests).toBe(0);
    expect(summary.cacheHitRatio).toEqual({ byRequests: 0, byBytes: 0 });
    expect(summary.responseTimeMs).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, mean: 0, histogram: [] });
    expect(summary.firstTime).toBeNull();
    expect(summary.perHour).toEqual([]);
  });

  it("rejects what it cannot summarise", async () => {
    await expect(summarizeCdnLog(42 as unknown as CdnLogRecord[])).rejects.toThrow(/expects records/);
    expect(() => new CdnLogSummarizer({ top: 0 })).toThrow(/top must be a positive integer/);
  });

  it("gives the same summary record by record as over the whole log", async () => {
    const records = [...generateCdnLogRecords({ lines: 500, seed: 8 })];
    const summarizer = new CdnLogSummarizer();
    for (const record of records) summarizer.add(record);
    expect(summarizer.summary()).toEqual(await summarizeCdnLog(records));
  });
});

describe("SpaceSaving", () => {
  it("brackets every reported count and never misses a value above n / capacity", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 600 }),
        fc.integer({ min: 1, max: 20 }),
        (stream, capacity) => {
          const sketch = new SpaceSaving(capacity);
          const truth = new Map<string, number>();
          // Skewed keys: small numbers are much more frequent, like URLs.
          for (const n of stream) {
            const key = `key-${Math.floor(Math.sqrt(n))}`;
            sketch.add(key);
            truth.set(key, (truth.get(key) ?? 0) + 1);
          }
          const top = sketch.top(capacity);
          for (const entry of top) {
            const actual = truth.get(entry.value) ?? 0;
            expect(entry.count - entry.maxOverestimate).toBeLessThanOrEqual(actual);
            expect(entry.count).toBeGreaterThanOrEqual(actual);
          }
          for (const [key, count] of truth) {
            if (count > stream.length / capacity) expect(top.map((e) => e.value)).toContain(key);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects a capacity that is not an integer from 1 to 2^24", () => {
    expect(() => new SpaceSaving(0)).toThrow(/capacity must be an integer from 1 to 2\^24, got 0/);
    expect(() => new SpaceSaving(1.5)).toThrow(/got 1.5/);
  });
});

describe("LatencyHistogram", () => {
  it("answers percentiles exactly below 256 and within 0.4% above", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const histogram = new LatencyHistogram();
          for (const v of values) histogram.add(v);
          const exact = nearestRank(
            [...values].sort((a, b) => a - b),
            p,
          );
          const got = histogram.percentile(p);
          if (exact < 256) expect(got).toBe(exact);
          else expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(0.004);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("generateCdnLog", () => {
  it("is deterministic, seed-dependent and always parseable", () => {
    const a = generateCdnLog({ lines: 300, seed: 4, dcdn: true, missingContentTypeRate: 0.2 });
    expect(generateCdnLog({ lines: 300, seed: 4, dcdn: true, missingContentTypeRate: 0.2 })).toBe(a);
    expect(generateCdnLog({ lines: 300, seed: 5 })).not.toBe(a);
    const records = a.trimEnd().split("\n").map(parseCdnLogLine);
    expect(records.every((r) => r !== null && r.extra.length === 1)).toBe(true);
    expect(records.some((r) => r?.contentType === null)).toBe(true);
    expect(records.some((r) => r?.clientIp.includes(":"))).toBe(true);
    const times = records.map((r) => r?.time.getTime() ?? 0);
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});
