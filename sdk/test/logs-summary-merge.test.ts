// mergeCdnLogSummaries against the summary of the whole log: a log split into any parts, each part summarised (by
// records and from bytes), merged. Exact fields must equal the whole's; top lists must keep their stated bounds
// against the true counts, and be exact when every part's list is complete.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactSummaryFields as exactFields } from "../../test/support/summary-fields.js";
import {
  type CdnLogRecord,
  type CdnLogSummary,
  type CdnLogTopListName,
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  generateCdnLogLines,
  mergeCdnLogSummaries,
  parseCdnLogLine,
  readCdnLog,
  summarizeCdnLog,
} from "../src/logs/index.js";

const encoder = new TextEncoder();
const LISTS: CdnLogTopListName[] = [
  "urls",
  "referers",
  "userAgents",
  "clientIps",
  "contentTypes",
  "clientErrorUrls",
  "serverErrorUrls",
];

/** The value each top list counts for a record (null: not counted). */
const countedValue: Record<CdnLogTopListName, (r: CdnLogRecord) => string | null> = {
  urls: (r) => r.url,
  referers: (r) => r.referer,
  userAgents: (r) => r.userAgent,
  clientIps: (r) => r.clientIp,
  contentTypes: (r) => r.contentType,
  clientErrorUrls: (r) => (Math.floor(r.status / 100) === 4 ? r.url : null),
  serverErrorUrls: (r) => (Math.floor(r.status / 100) === 5 ? r.url : null),
};

/** True counts of each list's values. */
function trueCounts(records: CdnLogRecord[]): Record<CdnLogTopListName, Map<string, number>> {
  const out = Object.fromEntries(LISTS.map((name) => [name, new Map<string, number>()])) as Record<
    CdnLogTopListName,
    Map<string, number>
  >;
  for (const r of records) {
    for (const name of LISTS) {
      const value = countedValue[name](r);
      if (value !== null) out[name].set(value, (out[name].get(value) ?? 0) + 1);
    }
  }
  return out;
}

/** The summary of `lines` from bytes (what readCdnLog input gets) or from records. */
async function summarize(lines: string[], fromBytes: boolean, options: { top: number; sketchCapacity: number }) {
  if (fromBytes) {
    const text = lines.map((line) => `${line}\n`).join("");
    return summarizeCdnLog(readCdnLog(encoder.encode(text)), { ...options, worker: false });
  }
  return summarizeCdnLog(
    lines.map(parseCdnLogLine).filter((r) => r !== null),
    options,
  );
}

/** Checks the documented guarantee of every top list of `summary` against the true counts. */
function expectWithinBounds(summary: CdnLogSummary, truth: ReturnType<typeof trueCounts>, top: number) {
  for (const name of LISTS) {
    const list = summary.top[name];
    expect(list.length).toBeLessThanOrEqual(top);
    const listed = new Set(list.map((entry) => entry.value));
    for (const { value, count, maxOverestimate } of list) {
      const real = truth[name].get(value) ?? 0;
      expect(real, `${name} ${value}`).toBeLessThanOrEqual(count);
      expect(real, `${name} ${value}`).toBeGreaterThanOrEqual(count - maxOverestimate);
    }
    for (const [value, real] of truth[name]) {
      if (!listed.has(value))
        expect(real, `${name} ${value} unlisted`).toBeLessThanOrEqual(summary.topUnlistedMax[name]);
    }
  }
}

/** Top `n` by true count, ties by value: what an exact list holds. */
const exactTop = (counts: Map<string, number>, n: number) =>
  [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, n)
    .map(([value, count]) => ({ value, count, maxOverestimate: 0 }));

const splitLog = fc.record({
  seed: fc.nat({ max: 1000 }),
  lines: fc.integer({ min: 0, max: 300 }),
  // Over several hours, so that an hour is often split between parts.
  hours: fc.integer({ min: 1, max: 5 }),
  malformedRate: fc.constantFrom(0, 0.05),
  cuts: fc.array(fc.nat({ max: 300 }), { maxLength: 6 }),
  top: fc.integer({ min: 1, max: 8 }),
  // Small sketches evict (bounds are tested); large ones keep every value (exactness is tested).
  sketchCapacity: fc.constantFrom(4, 16, 10_000),
  fromBytes: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
});

describe("mergeCdnLogSummaries", () => {
  it("gives the whole log's summary from any split: exact fields equal, top lists within their bounds", async () => {
    await fc.assert(
      fc.asyncProperty(
        splitLog,
        async ({ seed, lines, hours, malformedRate, cuts, top, sketchCapacity, fromBytes }) => {
          const all = [
            ...generateCdnLogLines({
              lines,
              seed,
              durationSeconds: hours * 3600,
              malformedRate,
              missingContentTypeRate: 0.1,
            }),
          ];
          const bounds = [0, ...cuts.map((cut) => Math.min(cut, all.length)).sort((a, b) => a - b), all.length];
          const parts = bounds.slice(1).map((end, k) => all.slice(bounds[k], end));
          const options = { top, sketchCapacity };
          const whole = await summarize(all, true, options);
          const summaries = await Promise.all(
            parts.map((part, k) => summarize(part, fromBytes[k % 7] as boolean, options)),
          );
          // Each part through its JSON text and back, as `logs merge` reads them.
          const read = summaries.map((s) => cdnLogSummaryFromJson(JSON.stringify(cdnLogSummaryToJson(s))));
          expect(read).toEqual(summaries);
          const merged = mergeCdnLogSummaries(read, { top });

          const withStats = summaries.every((s) => s.stats !== undefined);
          const expected = exactFields(whole);
          if (!withStats) {
            // Parts summarised from records have no line counts: compare the ones that do.
            const partStats = summaries.flatMap((s) => (s.stats ? [s.stats] : []));
            expected.stats =
              partStats.length === 0
                ? undefined
                : {
                    lines: partStats.reduce((n, s) => n + s.lines, 0),
                    parsed: partStats.reduce((n, s) => n + s.parsed, 0),
                    malformed: partStats.reduce((n, s) => n + s.malformed, 0),
                  };
          }
          expect(exactFields(merged)).toEqual(expected);

          const truth = trueCounts(all.map(parseCdnLogLine).filter((r) => r !== null));
          expectWithinBounds(whole, truth, top);
          expectWithinBounds(merged, truth, top);
          for (const name of LISTS) {
            if (summaries.every((s) => s.topUnlistedMax[name] === 0)) {
              // Every part listed every value it saw: the merged list is exact, as the whole's is without evictions.
              expect(merged.top[name]).toEqual(exactTop(truth[name], top));
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it("keeps as many entries as the parts' lists by default", async () => {
    const all = [...generateCdnLogLines({ lines: 3000, seed: 9, durationSeconds: 4 * 3600 })];
    const options = { top: 10, sketchCapacity: 100_000 };
    const whole = await summarize(all, true, options);
    const parts = await Promise.all(
      [0, 1, 2, 3].map((k) => summarize(all.slice(k * 750, (k + 1) * 750), k % 2 === 0, options)),
    );
    const merged = mergeCdnLogSummaries(parts);
    expect(merged.top.urls).toHaveLength(10);
    expect(exactFields(merged).perHour).toEqual(whole.perHour);
    expect(merged.top.contentTypes.map((e) => e.value)).toEqual(whole.top.contentTypes.map((e) => e.value));
    expectWithinBounds(merged, trueCounts(all.map(parseCdnLogLine).filter((r) => r !== null)), 10);
  });

  it("merges nothing into an empty summary, and one summary into itself", async () => {
    const empty = mergeCdnLogSummaries([]);
    expect(empty.requests).toBe(0);
    expect(empty.firstTime).toBeNull();
    expect(empty.responseTimeMs).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, mean: 0, histogram: [] });
    expect(empty.top.urls).toEqual([]);
    const one = await summarize([...generateCdnLogLines({ lines: 400, seed: 3, malformedRate: 0.05 })], true, {
      top: 5,
      sketchCapacity: 32,
    });
    expect(mergeCdnLogSummaries([one])).toEqual(one);
  });

  it("is partial when any part is", async () => {
    const part = await summarize([...generateCdnLogLines({ lines: 50, seed: 9 })], true, {
      top: 5,
      sketchCapacity: 64,
    });
    const cut: CdnLogSummary = { ...part, partial: true };
    expect(mergeCdnLogSummaries([part, part]).partial).toBeUndefined();
    expect(mergeCdnLogSummaries([part, cut]).partial).toBe(true);
    expect(mergeCdnLogSummaries([cut])).toEqual(cut);
  });

  it("keeps malformed line numbers only when one part had malformed lines", async () => {
    const bad = await summarize(["garbage", ...generateCdnLogLines({ lines: 3, seed: 1 })], true, {
      top: 3,
      sketchCapacity: 8,
    });
    const good = await summarize([...generateCdnLogLines({ lines: 3, seed: 2 })], true, { top: 3, sketchCapacity: 8 });
    expect(mergeCdnLogSummaries([good, bad]).stats).toEqual({
      lines: 7,
      parsed: 6,
      malformed: 1,
      malformedLineNumbers: [1],
    });
    expect(mergeCdnLogSummaries([bad, bad]).stats).toEqual({
      lines: 8,
      parsed: 6,
      malformed: 2,
      malformedLineNumbers: [],
    });
  });

  it("carries the bounds of cut lists: a value absent from a part may have up to its topUnlistedMax there", () => {
    const part = (top: [string, number][], unlisted: number): CdnLogSummary => {
      const summary = mergeCdnLogSummaries([]);
      summary.top.urls = top.map(([value, count]) => ({ value, count, maxOverestimate: 0 }));
      summary.topUnlistedMax.urls = unlisted;
      return summary;
    };
    const merged = mergeCdnLogSummaries(
      [
        part(
          [
            ["/a", 10],
            ["/b", 6],
          ],
          5,
        ),
        part(
          [
            ["/c", 9],
            ["/a", 4],
          ],
          3,
        ),
      ],
      { top: 2 },
    );
    expect(merged.top.urls).toEqual([
      { value: "/a", count: 14, maxOverestimate: 0 },
      { value: "/c", count: 14, maxOverestimate: 5 },
    ]);
    // /b: 6 + up to 3 in the second part, which is more than 5 + 3.
    expect(merged.topUnlistedMax.urls).toBe(9);
    expect(() => mergeCdnLogSummaries([], { top: -1 })).toThrow(/top must be/);
  });
});
