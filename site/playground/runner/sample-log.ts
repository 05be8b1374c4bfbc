// The sample log the playground serves for LogFileCreated: when a handler fetches the filePath of a LogFileCreated
// event it was given, the run worker answers with a gzip CDN access log made by the SDK's deterministic generator,
// for that event's domain and time window. Shared by the worker runtime and the tests (which regenerate the same
// log in Node to check the summary), so both derive the generator's options the same way. No SDK code: the worker
// calls the generator from the SDK bundle it already has.

/** The options of the SDK's `generateCdnLog` this file sets (a subset of its GenerateCdnLogOptions). */
export interface GenerateCdnLogOptions {
  lines?: number;
  seed?: number;
  domain?: string;
  start?: Date;
  durationSeconds?: number;
}

/** Requests in the sample log: enough for meaningful top lists and ratios, small enough to stay instant. */
export const SAMPLE_LOG_LINES = 5000;
/** The generator's seed: every run, and the tests, get the same log for the same event. */
export const SAMPLE_LOG_SEED = 20240601;

/** One LogFileCreated event's log file, as found in an event body. */
export interface SampleLogFile {
  /** The `filePath` as the event carries it. */
  filePath: string;
  options: GenerateCdnLogOptions;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A number from the wire (CDN sends some as strings), or undefined. */
const wireNumber = (value: unknown): number | undefined => {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
};

/**
 * The generator options for one LogFileCreated `eventParameter`: its domain, and requests spread over its
 * `startTime`..`endTime` window (Unix seconds). Missing or odd values fall back to the generator's defaults.
 *
 * @example
 * ```ts
 * import { generateCdnLog } from "fc-cdn-trigger/logs";
 * const text = generateCdnLog(sampleLogOptions({ domain: "example.com", startTime: 1528959600, endTime: 1528959900 }));
 * ```
 */
export function sampleLogOptions(parameter: Record<string, unknown>): GenerateCdnLogOptions {
  const options: GenerateCdnLogOptions = { lines: SAMPLE_LOG_LINES, seed: SAMPLE_LOG_SEED };
  if (typeof parameter.domain === "string" && /^[a-z0-9.*-]+$/i.test(parameter.domain)) {
    options.domain = parameter.domain.replace(/^\*\./, "");
  }
  const start = wireNumber(parameter.startTime);
  const end = wireNumber(parameter.endTime);
  if (start !== undefined && start > 0) {
    options.start = new Date(start * 1000);
    if (end !== undefined && end > start) options.durationSeconds = Math.min(end - start, 86_400);
  }
  return options;
}

/**
 * The log files of every LogFileCreated event in an event body (JSON text), in order. Invalid JSON, other events
 * and events without a `filePath` give none.
 *
 * @example
 * ```ts
 * const [file] = sampleLogFiles(JSON.stringify(CDN_EVENT_CATALOG.LogFileCreated.sample));
 * file?.filePath; // "http://cdnlog.cn-hangzhou.oss.aliyun-inc.com/…"
 * ```
 */
export function sampleLogFiles(eventJson: string): SampleLogFile[] {
  let body: unknown;
  try {
    body = JSON.parse(eventJson);
  } catch {
    return [];
  }
  const events = isRecord(body) && Array.isArray(body.events) ? body.events : [];
  const files: SampleLogFile[] = [];
  for (const event of events) {
    if (!isRecord(event) || event.eventName !== "LogFileCreated" || !isRecord(event.eventParameter)) continue;
    const { filePath } = event.eventParameter;
    if (typeof filePath === "string" && filePath.trim() !== "") {
      files.push({ filePath, options: sampleLogOptions(event.eventParameter) });
    }
  }
  return files;
}

/**
 * What identifies a log URL whatever scheme it is fetched with: `filePath` may come without one (readCdnLog then
 * adds https://) or with http://. Host, path and query must match exactly.
 *
 * @example
 * ```ts
 * logUrlKey("http://cdnlog.example.com/a.gz?x=1") === logUrlKey("https://cdnlog.example.com/a.gz?x=1"); // true
 * ```
 */
export function logUrlKey(url: string): string {
  const text = url.trim();
  try {
    // Through URL, so percent-encoding and host case compare the way fetch sends them.
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return `${parsed.host}${parsed.pathname}${parsed.search}`;
  } catch {
    return text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/#.*$/, "");
  }
}
