// The sample log the playground serves for LogFileCreated: when a handler fetches the filePath of a LogFileCreated
// event it was given, the run worker answers with a gzip CDN access log made by the SDK's deterministic generator,
// for that event's domain and time window. Shared by both run workers (JavaScript and Python) and the tests (which
// regenerate the same log in Node to check the summary), so all derive the generator's options the same way. No
// SDK code: each worker passes in the generator it has (the JavaScript one from its SDK bundle).

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

/** The SDK's `generateCdnLog`, as each worker has it. */
export type GenerateCdnLog = (options: GenerateCdnLogOptions) => string;

/**
 * The sample logs one run may request: its event body's LogFileCreated files, each generated on first request and
 * kept for the run.
 *
 * @example
 * ```ts
 * const served = new SampleLogServer(eventJson, generateCdnLog);
 * served.text("https://cdnlog.example.com/a.gz"); // the log text, or undefined for any other URL
 * ```
 */
export class SampleLogServer {
  readonly #files = new Map<string, SampleLogFile>();
  readonly #texts = new Map<string, string>();
  readonly #generate: GenerateCdnLog;

  constructor(eventJson: string, generate: GenerateCdnLog) {
    this.#generate = generate;
    for (const file of sampleLogFiles(eventJson)) this.#files.set(logUrlKey(file.filePath), file);
  }

  /** The (uncompressed) log served for `url`, or undefined when `url` is not one of the run's log files. */
  text(url: string): string | undefined {
    const key = logUrlKey(url);
    const file = this.#files.get(key);
    if (!file) return undefined;
    let text = this.#texts.get(key);
    if (text === undefined) {
      text = this.#generate(file.options);
      this.#texts.set(key, text);
    }
    return text;
  }
}

/**
 * A run's `fetch`: the filePath of a LogFileCreated event in the run's event body is answered with a gzip access
 * log from the SDK's generator (made in the worker: the sandbox has no network, by design); any other request, or
 * another method than GET and HEAD, fails with `noNetwork` (the page's words).
 *
 * @example
 * ```ts
 * self.fetch = sampleLogFetch(request.event, request.phrases.noNetwork, generateCdnLog);
 * ```
 */
export function sampleLogFetch(eventJson: string, noNetwork: string, generate: GenerateCdnLog): typeof fetch {
  const served = new SampleLogServer(eventJson, generate);
  const gzipped = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const gzip = async (text: string) => {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : (input as Request).url;
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const text = method === "GET" || method === "HEAD" ? served.text(String(url)) : undefined;
    if (text === undefined) throw new TypeError(noNetwork);
    if (init?.signal?.aborted) throw init.signal.reason;
    const key = logUrlKey(String(url));
    if (!gzipped.has(key)) gzipped.set(key, gzip(text));
    const bytes = (await gzipped.get(key)) as Uint8Array<ArrayBuffer>;
    const headers = {
      "content-type": "application/gzip",
      "content-length": String(bytes.byteLength),
      "x-playground": "sample log generated in your browser",
    };
    return new Response(method === "HEAD" ? null : bytes, { status: 200, statusText: "OK", headers });
  };
}
