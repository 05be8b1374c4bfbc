// The versioned JSON form of a summary: it reads back equal, and anything else is refused with issues that say
// where (a JSON path) and what to do.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  CDN_LOG_SUMMARY_ISSUE_CODES,
  type CdnLogSummaryError,
  type CdnLogSummaryJson,
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  formatJsonPath,
  generateCdnLog,
  readCdnLog,
  summarizeCdnLog,
} from "../src/logs/index.js";

const summary = await summarizeCdnLog(
  readCdnLog(gzipSync(generateCdnLog({ lines: 500, seed: 4, durationSeconds: 3 * 3600, malformedRate: 0.02 }))),
  { top: 5, sketchCapacity: 16, worker: false },
);
const json = () =>
  JSON.parse(JSON.stringify(cdnLogSummaryToJson(summary))) as Record<string, unknown> & CdnLogSummaryJson;

/** The issues cdnLogSummaryFromJson throws for `value`. */
function issuesOf(value: unknown) {
  try {
    cdnLogSummaryFromJson(value);
  } catch (error) {
    expect((error as Error).name).toBe("CdnLogSummaryError");
    return { issues: (error as CdnLogSummaryError).issues, message: (error as Error).message };
  }
  throw new Error("expected cdnLogSummaryFromJson to throw");
}

describe("cdnLogSummaryToJson / cdnLogSummaryFromJson", () => {
  it("reads back equal, from text or from a parsed value, with format and version first", () => {
    expect(summary.stats?.malformed).toBeGreaterThan(0);
    expect(summary.perHour.length).toBe(3);
    expect(summary.topUnlistedMax.urls).toBeGreaterThan(0);
    const text = JSON.stringify(cdnLogSummaryToJson(summary));
    expect(cdnLogSummaryFromJson(text)).toEqual(summary);
    expect(cdnLogSummaryFromJson(JSON.parse(text))).toEqual(summary);
    expect(Object.keys(JSON.parse(text)).slice(0, 2)).toEqual(["format", "version"]);
    expect(JSON.parse(text)).toMatchObject({ format: "fc-cdn-trigger/log-summary", version: 1 });
    expect(JSON.parse(text).perHour[0].start).toBe(summary.perHour[0]?.start.toISOString());
  });

  it("writes a copy: changing the JSON does not change the summary", () => {
    const written = cdnLogSummaryToJson(summary);
    written.top.urls[0]!.count = -1;
    written.perHour[0]!.cacheHits.requests = -1;
    expect(summary.top.urls[0]?.count).toBeGreaterThan(0);
    expect(summary.perHour[0]?.cacheHits.requests).toBeGreaterThanOrEqual(0);
  });

  it("refuses text that is not JSON, values that are not objects, other formats and other versions", () => {
    expect(issuesOf("{")).toMatchObject({
      issues: [{ code: "invalid_json", path: [] }],
      message: /^.*: \$: is not JSON/,
    });
    expect(issuesOf([1]).issues).toEqual([
      { code: "invalid_type", path: [], message: "must be an object, got an array" },
    ]);
    expect(issuesOf({ requests: 1 }).issues).toMatchObject([{ code: "not_a_summary", path: ["format"] }]);
    const other = issuesOf({ format: "goaccess", version: 1 });
    expect(other.issues).toMatchObject([{ code: "not_a_summary", path: ["format"] }]);
    expect(other.message).toMatch(
      /\$\.format: must be "fc-cdn-trigger\/log-summary".*"goaccess".*logs summarize --json/,
    );
    const newer = issuesOf({ ...json(), version: 2 });
    expect(newer.issues).toMatchObject([{ code: "unsupported_version", path: ["version"] }]);
    expect(newer.message).toMatch(/\$\.version: is 2; .*upgrade/);
  });

  it("says where a value is malformed, with its JSON path", () => {
    const bad = json();
    bad.perHour[2]!.requests = -1;
    (bad.perHour[0] as unknown as Record<string, unknown>).start = "yesterday";
    (bad.responseTimeMs as unknown as Record<string, unknown>).histogram = undefined;
    bad.top.clientIps[1]!.maxOverestimate = bad.top.clientIps[1]!.count + 1;
    (bad.cacheHitRatio as unknown as Record<string, unknown>).byBytes = "0.5";
    const { issues, message } = issuesOf(bad);
    expect(issues.map((issue) => [issue.code, formatJsonPath(issue.path)])).toEqual([
      ["invalid_type", "$.cacheHitRatio.byBytes"],
      ["invalid_value", "$.top.clientIps[1].maxOverestimate"],
      ["invalid_value", "$.perHour[0].start"],
      ["invalid_value", "$.perHour[2].requests"],
      ["required", "$.responseTimeMs.histogram"],
    ]);
    expect(message).toMatch(/\(5 issues\):\n {2}- \$\.cacheHitRatio\.byBytes: must be a number, got a string\n/);
    expect(message).toContain("$.perHour[2].requests: must be a whole number of 0 or more, got -1");
  });

  it("refuses buckets that are not the histogram's and totals that do not add up", () => {
    const bucket = json();
    bucket.responseTimeMs.histogram[0] = { fromMs: 300, toMs: 300, count: bucket.responseTimeMs.histogram[0]!.count };
    expect(issuesOf(bucket).issues).toMatchObject([
      { code: "invalid_value", path: ["responseTimeMs", "histogram", 0] },
    ]);
    const order = json();
    order.responseTimeMs.histogram.reverse();
    expect(issuesOf(order).issues[0]).toMatchObject({ code: "invalid_value", message: /ascending/ });
    const sums = json();
    sums.requests += 1;
    expect(issuesOf(sums).issues.map((issue) => [issue.code, formatJsonPath(issue.path)])).toEqual([
      ["inconsistent", "$.statusClasses"],
      ["inconsistent", "$.responseTimeMs.histogram"],
      ["inconsistent", "$.perHour"],
    ]);
  });

  it("marks a partial summary with partial: true, and still reads version 1 files without the field", () => {
    const partial: typeof summary = { ...summary, partial: true };
    const written = JSON.parse(JSON.stringify(cdnLogSummaryToJson(partial)));
    expect(written).toMatchObject({ version: 1, partial: true });
    expect(cdnLogSummaryFromJson(written)).toEqual(partial);
    // A complete summary's JSON is what version 1 always was: no partial key, read back without one.
    const complete = json();
    expect(Object.keys(complete)).not.toContain("partial");
    expect(Object.keys(cdnLogSummaryFromJson(complete))).not.toContain("partial");
    expect(issuesOf({ ...complete, partial: false }).issues).toEqual([
      {
        code: "invalid_value",
        path: ["partial"],
        message: "must be true (the summary covers only part of its log) or left out, got false",
      },
    ]);
    expect(issuesOf({ ...complete, partial: "yes" }).issues).toMatchObject([
      { code: "invalid_type", path: ["partial"], message: /got a string$/ },
    ]);
  });

  it("documents every code, and issues have CdnIssue's shape", () => {
    const { issues } = issuesOf({ format: "fc-cdn-trigger/log-summary", version: 1 });
    expect(issues.length).toBeGreaterThan(5);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(["code", "message", "path"]);
      expect(Object.keys(CDN_LOG_SUMMARY_ISSUE_CODES)).toContain(issue.code);
    }
    expect(formatJsonPath([])).toBe("$");
    expect(formatJsonPath([0, "a b"])).toBe('$[0]["a b"]');
  });
});
