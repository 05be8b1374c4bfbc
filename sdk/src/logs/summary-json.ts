// The versioned JSON form of a summary: what `logs summarize --json` prints, what `logs merge` and the log analyzer
// read, and what a function writes next to each log file for a later merge. Reading it checks every value, so a
// merge never runs on a file that only looks like a summary.
// Type only: the logs entry imports no runtime code from the main entry (it stays free of zod), so the message is
// worded here the way formatIssues (errors.ts) words every issue list of the SDK.
import type { CdnIssue } from "../errors.js";
import type { CdnLogTopEntry } from "./heavy-hitters.js";
import { bucketIndexOf } from "./latency-histogram.js";
import type { CdnLogStats } from "./reader-types.js";
import {
  byTopList,
  type CdnLogHour,
  type CdnLogLatencyBucket,
  type CdnLogStatusClasses,
  type CdnLogSummary,
} from "./summary-types.js";

/** The `format` of {@link CdnLogSummaryJson}. */
const FORMAT = "fc-cdn-trigger/log-summary";
/** The `version` this SDK writes and reads. */
const VERSION = 1;

/**
 * A {@link CdnLogSummary} as JSON: dates as ISO 8601 strings, with `format` and `version` first so that a reader can
 * refuse what it does not know. {@link cdnLogSummaryToJson} writes it; {@link cdnLogSummaryFromJson} reads it back.
 *
 * @example
 * ```ts
 * import { type CdnLogSummaryJson, cdnLogSummaryToJson, readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * const json: CdnLogSummaryJson = cdnLogSummaryToJson(await summarizeCdnLog(readCdnLog("access.log.gz")));
 * const text = JSON.stringify(json); // { "format": "fc-cdn-trigger/log-summary", "version": 1, ... }
 * ```
 */
export interface CdnLogSummaryJson
  extends Omit<CdnLogSummary, "perHour" | "firstTime" | "lastTime" | "responseTimeMs" | "stats"> {
  format: "fc-cdn-trigger/log-summary";
  version: 1;
  perHour: (Omit<CdnLogHour, "start"> & { start: string })[];
  responseTimeMs: CdnLogSummary["responseTimeMs"];
  firstTime: string | null;
  lastTime: string | null;
  stats?: CdnLogStats;
}

/**
 * What each {@link CdnLogSummaryIssue} `code` means. Codes are stable: match on them, not on messages.
 *
 * @example
 * ```ts
 * import { CDN_LOG_SUMMARY_ISSUE_CODES, CdnLogSummaryError, cdnLogSummaryFromJson } from "fc-cdn-trigger/logs";
 * try {
 *   cdnLogSummaryFromJson("{");
 * } catch (error) {
 *   if (error instanceof CdnLogSummaryError) console.log(CDN_LOG_SUMMARY_ISSUE_CODES[error.issues[0]!.code]);
 * }
 * ```
 */
export const CDN_LOG_SUMMARY_ISSUE_CODES = {
  invalid_json: "the text is not JSON; the message gives the parser's reason",
  not_a_summary: 'the value has no "format": "fc-cdn-trigger/log-summary" (another JSON file, or another format)',
  unsupported_version: '"version" is not one this fc-cdn-trigger reads (a newer one wrote it: upgrade)',
  required: "a field the summary needs is missing",
  invalid_type: "a value has the wrong JSON type",
  invalid_value: "a value is out of range or not of its documented form",
  inconsistent: "values disagree with each other (the histogram or the hours do not add up to the requests)",
} as const;

/**
 * The `code` of a {@link CdnLogSummaryIssue}; {@link CDN_LOG_SUMMARY_ISSUE_CODES} says what each means.
 *
 * @example
 * ```ts
 * import type { CdnLogSummaryIssueCode } from "fc-cdn-trigger/logs";
 * const upgrade = (code: CdnLogSummaryIssueCode) => code === "unsupported_version";
 * ```
 */
export type CdnLogSummaryIssueCode = keyof typeof CDN_LOG_SUMMARY_ISSUE_CODES;

/**
 * One problem in a summary's JSON, at a path inside it (`["perHour", 3, "requests"]`, written
 * `$.perHour[3].requests`).
 *
 * @example
 * ```ts
 * import { type CdnLogSummaryIssue, formatJsonPath } from "fc-cdn-trigger/logs";
 * const line = (issue: CdnLogSummaryIssue) => `${formatJsonPath(issue.path)}: ${issue.message}`;
 * ```
 */
export interface CdnLogSummaryIssue extends CdnIssue<CdnLogSummaryIssueCode> {}

/**
 * A path as a JSONPath: `$` for the whole value, `$.perHour[3].requests` inside it.
 *
 * @example
 * ```ts
 * import { formatJsonPath } from "fc-cdn-trigger/logs";
 * formatJsonPath(["perHour", 3, "requests"]); // "$.perHour[3].requests"
 * ```
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Thrown by {@link cdnLogSummaryFromJson} when a value is not a summary it can read. `issues` lists every problem
 * with its path; the message lists them one per line, as `$.path: what is wrong`.
 *
 * @example
 * ```ts
 * import { CdnLogSummaryError, cdnLogSummaryFromJson } from "fc-cdn-trigger/logs";
 * try {
 *   cdnLogSummaryFromJson({ format: "fc-cdn-trigger/log-summary", version: 1 });
 * } catch (error) {
 *   if (error instanceof CdnLogSummaryError) console.log(error.issues.map((issue) => issue.path));
 * }
 * ```
 */
export class CdnLogSummaryError extends Error {
  override readonly name = "CdnLogSummaryError";
  readonly issues: readonly CdnLogSummaryIssue[];

  constructor(issues: readonly CdnLogSummaryIssue[]) {
    const lines = issues.map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);
    const subject = "Not a log summary this fc-cdn-trigger can read";
    super(
      lines.length === 1
        ? `${subject}: ${lines[0]}`
        : `${subject} (${lines.length} issues):\n${lines.map((line) => `  - ${line}`).join("\n")}`,
    );
    this.issues = issues;
  }
}

/**
 * The JSON form of a summary, ready for `JSON.stringify`: {@link cdnLogSummaryFromJson} reads it back equal.
 *
 * @example
 * ```ts
 * import { cdnLogSummaryToJson, generateCdnLogRecords, summarizeCdnLog } from "fc-cdn-trigger/logs";
 * import { writeFile } from "node:fs/promises";
 * const summary = await summarizeCdnLog(generateCdnLogRecords({ lines: 1000 }));
 * await writeFile("summary.json", JSON.stringify(cdnLogSummaryToJson(summary)));
 * ```
 */
export function cdnLogSummaryToJson(summary: CdnLogSummary): CdnLogSummaryJson {
  const { perHour, firstTime, lastTime, stats, responseTimeMs, top, topUnlistedMax, partial, ...totals } = summary;
  const json: CdnLogSummaryJson = {
    format: FORMAT,
    version: VERSION,
    requests: totals.requests,
    bytes: totals.bytes,
    requestBytes: totals.requestBytes,
    statusClasses: { ...totals.statusClasses },
    cacheHits: { ...totals.cacheHits },
    cacheHitRatio: { ...totals.cacheHitRatio },
    top: byTopList((name) => top[name].map((entry) => ({ ...entry }))),
    topUnlistedMax: { ...topUnlistedMax },
    perHour: perHour.map(({ start, cacheHits, statusClasses, ...hour }) => ({
      start: start.toISOString(),
      ...hour,
      cacheHits: { ...cacheHits },
      statusClasses: { ...statusClasses },
    })),
    responseTimeMs: { ...responseTimeMs, histogram: responseTimeMs.histogram.map((bucket) => ({ ...bucket })) },
    firstTime: firstTime === null ? null : firstTime.toISOString(),
    lastTime: lastTime === null ? null : lastTime.toISOString(),
  };
  if (stats) json.stats = { ...stats, malformedLineNumbers: [...stats.malformedLineNumbers] };
  // Only when true: the JSON of a complete summary stays as version 1 always wrote it.
  if (partial) json.partial = true;
  return json;
}

type Path = (string | number)[];

/** Collects the issues of one value as it is read; every reader returns a usable value even after an issue. */
class Reader {
  readonly issues: CdnLogSummaryIssue[] = [];

  issue(code: CdnLogSummaryIssueCode, path: Path, message: string): void {
    // One broken array can hold thousands of bad items: the first 20 say enough.
    if (this.issues.length < 20) this.issues.push({ code, path, message });
  }

  object(value: unknown, path: Path): Record<string, unknown> {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    if (value === undefined) this.issue("required", path, "is missing");
    else this.issue("invalid_type", path, `must be an object, got ${describe(value)}`);
    return {};
  }

  array(value: unknown, path: Path): unknown[] {
    if (Array.isArray(value)) return value;
    if (value === undefined) this.issue("required", path, "is missing");
    else this.issue("invalid_type", path, `must be an array, got ${describe(value)}`);
    return [];
  }

  /** A count: a non-negative safe integer. */
  count(value: unknown, path: Path): number {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
    if (value === undefined) this.issue("required", path, "is missing");
    else if (typeof value !== "number") this.issue("invalid_type", path, `must be a number, got ${describe(value)}`);
    else this.issue("invalid_value", path, `must be a whole number of 0 or more, got ${value}`);
    return 0;
  }

  /** A finite number from `min` to `max`. */
  number(value: unknown, path: Path, min = 0, max = Number.MAX_VALUE): number {
    if (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max) return value;
    if (value === undefined) this.issue("required", path, "is missing");
    else if (typeof value !== "number") this.issue("invalid_type", path, `must be a number, got ${describe(value)}`);
    else this.issue("invalid_value", path, `must be a number from ${min} to ${max}, got ${value}`);
    return 0;
  }

  string(value: unknown, path: Path): string {
    if (typeof value === "string") return value;
    if (value === undefined) this.issue("required", path, "is missing");
    else this.issue("invalid_type", path, `must be a string, got ${describe(value)}`);
    return "";
  }

  /** An ISO 8601 date-time with a time zone, as toISOString writes it. */
  date(value: unknown, path: Path): Date {
    const text = this.string(value, path);
    const ms = ISO_DATE_TIME.test(text) ? Date.parse(text) : Number.NaN;
    if (typeof value === "string" && Number.isNaN(ms)) {
      this.issue(
        "invalid_value",
        path,
        `must be an ISO 8601 date-time such as "2024-06-01T00:00:00.000Z", got ${JSON.stringify(text.slice(0, 40))}`,
      );
    }
    return new Date(Number.isNaN(ms) ? 0 : ms);
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value's JSON type, for messages. */
const describe = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;

const CLASS_NAMES = ["1xx", "2xx", "3xx", "4xx", "5xx", "other"] as const;

function readClasses(r: Reader, value: unknown, path: Path): CdnLogStatusClasses {
  const o = r.object(value, path);
  const classes = {} as CdnLogStatusClasses;
  for (const name of CLASS_NAMES) classes[name] = r.count(o[name], [...path, name]);
  return classes;
}

function readHits(r: Reader, value: unknown, path: Path): { requests: number; bytes: number } {
  const o = r.object(value, path);
  return { requests: r.count(o.requests, [...path, "requests"]), bytes: r.count(o.bytes, [...path, "bytes"]) };
}

function readTopEntry(r: Reader, value: unknown, path: Path): CdnLogTopEntry {
  const o = r.object(value, path);
  const entry = {
    value: r.string(o.value, [...path, "value"]),
    count: r.count(o.count, [...path, "count"]),
    maxOverestimate: r.count(o.maxOverestimate, [...path, "maxOverestimate"]),
  };
  if (entry.maxOverestimate > entry.count) {
    r.issue(
      "invalid_value",
      [...path, "maxOverestimate"],
      `must be at most count (${entry.count}), got ${entry.maxOverestimate}`,
    );
  }
  return entry;
}

function readHistogram(r: Reader, value: unknown, path: Path): CdnLogLatencyBucket[] {
  let previous = -1;
  return r.array(value, path).map((item, k) => {
    const at = [...path, k];
    const o = r.object(item, at);
    const bucket = {
      fromMs: r.count(o.fromMs, [...at, "fromMs"]),
      toMs: r.count(o.toMs, [...at, "toMs"]),
      count: r.count(o.count, [...at, "count"]),
    };
    const index = bucketIndexOf(bucket.fromMs, bucket.toMs);
    if (typeof o.fromMs === "number" && typeof o.toMs === "number" && index === -1) {
      r.issue(
        "invalid_value",
        at,
        `from ${bucket.fromMs} to ${bucket.toMs} ms is not one of the histogram's buckets (write summaries with cdnLogSummaryToJson, not by hand)`,
      );
    } else if (index !== -1 && index <= previous) {
      r.issue("invalid_value", at, "buckets must be in ascending order, each listed once");
    }
    if (index !== -1) previous = index;
    return bucket;
  });
}

function readStats(r: Reader, value: unknown, path: Path): CdnLogStats {
  const o = r.object(value, path);
  return {
    lines: r.count(o.lines, [...path, "lines"]),
    parsed: r.count(o.parsed, [...path, "parsed"]),
    malformed: r.count(o.malformed, [...path, "malformed"]),
    malformedLineNumbers: r
      .array(o.malformedLineNumbers, [...path, "malformedLineNumbers"])
      .map((n, k) => r.count(n, [...path, "malformedLineNumbers", k])),
  };
}

/** Parses JSON text, or says where it breaks. */
function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CdnLogSummaryError([
      {
        code: "invalid_json",
        path: [],
        message: `is not JSON (${(error as Error).message}); give the output of cdnLogSummaryToJson or \`fc-cdn-trigger logs summarize --json\``,
      },
    ]);
  }
}

/**
 * Reads a summary back from its JSON form ({@link cdnLogSummaryToJson}), as JSON text or as a parsed value.
 * It checks every field; anything else throws a {@link CdnLogSummaryError} whose issues say where
 * (`$.perHour[3].requests`) and what to do, including a summary of another format or of a newer version.
 *
 * @example
 * ```ts
 * import { cdnLogSummaryFromJson, mergeCdnLogSummaries } from "fc-cdn-trigger/logs";
 * import { readFile } from "node:fs/promises";
 * const parts = await Promise.all(["00.json", "01.json"].map(async (f) => cdnLogSummaryFromJson(await readFile(f, "utf8"))));
 * const day = mergeCdnLogSummaries(parts);
 * ```
 */
export function cdnLogSummaryFromJson(value: unknown): CdnLogSummary {
  const input = typeof value === "string" ? parseText(value) : value;
  const r = new Reader();
  const o = r.object(input, []);
  if (r.issues.length > 0) throw new CdnLogSummaryError(r.issues);
  if (o.format !== FORMAT) {
    const got = o.format === undefined ? "has no format" : `has format ${JSON.stringify(o.format)}`;
    throw new CdnLogSummaryError([
      {
        code: "not_a_summary",
        path: ["format"],
        message: `must be "${FORMAT}", but the value ${got}: this is not a log summary (write one with cdnLogSummaryToJson or \`fc-cdn-trigger logs summarize --json\`)`,
      },
    ]);
  }
  if (o.version !== VERSION) {
    throw new CdnLogSummaryError([
      {
        code: "unsupported_version",
        path: ["version"],
        message: `is ${JSON.stringify(o.version)}; this fc-cdn-trigger reads version ${VERSION} only: a newer fc-cdn-trigger wrote it, upgrade to read it`,
      },
    ]);
  }
  const requests = r.count(o.requests, ["requests"]);
  const ratio = r.object(o.cacheHitRatio, ["cacheHitRatio"]);
  const top = r.object(o.top, ["top"]);
  const unlisted = r.object(o.topUnlistedMax, ["topUnlistedMax"]);
  const latency = r.object(o.responseTimeMs, ["responseTimeMs"]);
  const summary: CdnLogSummary = {
    requests,
    bytes: r.count(o.bytes, ["bytes"]),
    requestBytes: r.count(o.requestBytes, ["requestBytes"]),
    statusClasses: readClasses(r, o.statusClasses, ["statusClasses"]),
    cacheHits: readHits(r, o.cacheHits, ["cacheHits"]),
    cacheHitRatio: {
      byRequests: r.number(ratio.byRequests, ["cacheHitRatio", "byRequests"], 0, 1),
      byBytes: r.number(ratio.byBytes, ["cacheHitRatio", "byBytes"], 0, 1),
    },
    top: byTopList((name) =>
      r.array(top[name], ["top", name]).map((entry, k) => readTopEntry(r, entry, ["top", name, k])),
    ),
    topUnlistedMax: byTopList((name) => r.count(unlisted[name], ["topUnlistedMax", name])),
    perHour: r.array(o.perHour, ["perHour"]).map((item, k) => {
      const h = r.object(item, ["perHour", k]);
      return {
        start: r.date(h.start, ["perHour", k, "start"]),
        requests: r.count(h.requests, ["perHour", k, "requests"]),
        bytes: r.count(h.bytes, ["perHour", k, "bytes"]),
        cacheHits: readHits(r, h.cacheHits, ["perHour", k, "cacheHits"]),
        statusClasses: readClasses(r, h.statusClasses, ["perHour", k, "statusClasses"]),
      };
    }),
    responseTimeMs: {
      p50: r.number(latency.p50, ["responseTimeMs", "p50"]),
      p95: r.number(latency.p95, ["responseTimeMs", "p95"]),
      p99: r.number(latency.p99, ["responseTimeMs", "p99"]),
      max: r.number(latency.max, ["responseTimeMs", "max"]),
      mean: r.number(latency.mean, ["responseTimeMs", "mean"]),
      histogram: readHistogram(r, latency.histogram, ["responseTimeMs", "histogram"]),
    },
    firstTime: o.firstTime === null ? null : r.date(o.firstTime, ["firstTime"]),
    lastTime: o.lastTime === null ? null : r.date(o.lastTime, ["lastTime"]),
  };
  if (o.stats !== undefined) summary.stats = readStats(r, o.stats, ["stats"]);
  if (o.partial === true) summary.partial = true;
  else if (o.partial !== undefined) {
    r.issue(
      o.partial === false ? "invalid_value" : "invalid_type",
      ["partial"],
      `must be true (the summary covers only part of its log) or left out, got ${o.partial === false ? "false" : describe(o.partial)}`,
    );
  }
  if (r.issues.length === 0) checkTotals(r, summary);
  if (r.issues.length > 0) throw new CdnLogSummaryError(r.issues);
  return summary;
}

/** The totals a merge adds up must agree with each other, or the merged percentiles and hours would be wrong. */
function checkTotals(r: Reader, summary: CdnLogSummary): void {
  const { requests } = summary;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const classes = sum(Object.values(summary.statusClasses));
  if (classes !== requests) {
    r.issue("inconsistent", ["statusClasses"], `add up to ${classes} requests, but requests is ${requests}`);
  }
  const histogram = sum(summary.responseTimeMs.histogram.map((bucket) => bucket.count));
  if (histogram !== requests) {
    r.issue(
      "inconsistent",
      ["responseTimeMs", "histogram"],
      `counts add up to ${histogram}, but requests is ${requests}`,
    );
  }
  const hours = sum(summary.perHour.map((hour) => hour.requests));
  if (hours !== requests)
    r.issue("inconsistent", ["perHour"], `requests add up to ${hours}, but requests is ${requests}`);
  if ((summary.firstTime === null) !== (requests === 0) || (summary.lastTime === null) !== (requests === 0)) {
    r.issue("inconsistent", ["firstTime"], "firstTime and lastTime must be null exactly when requests is 0");
  }
}
