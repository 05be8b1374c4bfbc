// A deterministic generator of realistic access logs: Zipf-distributed URLs and clients, a browser/bot mix of user
// agents, log-normal latencies and sizes. Pure JavaScript (no gzip, no Node APIs) so the playground can run it too.
import { protocolOf, remoteIpOf } from "./fourteenth-field.js";
import { formatCdnLogLine } from "./line-formatter.js";
import type { CdnLogRecord } from "./record.js";

/**
 * Options of {@link generateCdnLogRecords}, {@link generateCdnLogLines} and {@link generateCdnLog}.
 *
 * @example
 * ```ts
 * import { generateCdnLog } from "fc-cdn-trigger/logs";
 * const text = generateCdnLog({ lines: 500, seed: 3, protocol: true, malformedRate: 0.01 });
 * ```
 */
export interface GenerateCdnLogOptions {
  /** How many lines. Default: 1000. */
  lines?: number;
  /** PRNG seed: the same seed and options always give the same log. Default: 1. */
  seed?: number;
  /** The accelerated domain the URLs belong to. Default: `cdn.example.com`. */
  domain?: string;
  /** Time of the first request. Default: 2024-06-01T08:00:00+08:00. */
  start?: Date;
  /** Span the requests cover, in seconds, spread evenly and in order. Default: 3600 (one hourly file). */
  durationSeconds?: number;
  /**
   * Write an IP address as the 14th field, as some real logs (DCDN's among them) do; records read it as
   * `remoteIp`. Default: false.
   */
  dcdn?: boolean;
  /**
   * Write the request protocol as the 14th field, as Alibaba's field table documents it: `http` or `https` after
   * the URL's scheme, and `quic` for a share of the `https` requests; records read it as `protocol`. Not with
   * `dcdn`, which fills the same field. Default: false.
   */
  protocol?: boolean;
  /** Fraction of lines without the content type field, like some domains. Default: 0. */
  missingContentTypeRate?: number;
  /** Fraction of lines replaced by garbage, to exercise malformed-line handling. Default: 0. */
  malformedRate?: number;
}

/** sfc32: small, fast, well-distributed, and identical in every JavaScript engine. */
function createPrng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let k = 0; k < 16; k++) next();
  return next;
}

/** Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^s, by binary search over the cumulative weights. */
function zipf(n: number, s: number): (u: number) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cdf[k] = sum;
  }
  return (u) => {
    const target = u * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function weighted<T>(entries: readonly (readonly [T, number])[]): (u: number) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  return (u) => {
    let target = u * total;
    for (const [value, w] of entries) {
      target -= w;
      if (target < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  };
}

const USER_AGENTS = [
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
    30,
  ],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    20,
  ],
  [
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.113 Mobile Safari/537.36",
    16,
  ],
  [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
    10,
  ],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0", 6],
  [
    "Mozilla/5.0 (Linux; U; Android 12; zh-CN; V2055A Build/SP1A.210812.003) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/16.0.1.1270 Mobile Safari/537.36",
    6,
  ],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/WIFI Language/zh_CN",
    5,
  ],
  ["Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", 2],
  ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 1.5],
  ["Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", 1],
  ["curl/8.5.0", 1],
  ["okhttp/4.12.0", 1],
  ["Go-http-client/1.1", 0.5],
  ["-", 0.3],
  ['Mozilla/5.0 (compatible; "QuotedBot" 1.0; +https://bot.example/)', 0.1],
] as const satisfies readonly (readonly [string, number])[];

const ASSETS = [
  ["js", "application/javascript", 40_000],
  ["css", "text/css", 18_000],
  ["jpg", "image/jpeg", 120_000],
  ["png", "image/png", 60_000],
  ["webp", "image/webp", 45_000],
  ["html", "text/html", 12_000],
  ["json", "application/json", 3_000],
  ["mp4", "video/mp4", 2_000_000],
  ["ts", "video/mp2t", 900_000],
  ["woff2", "font/woff2", 30_000],
] as const;

const SEARCH_REFERERS = [
  "https://www.baidu.com/",
  "https://www.google.com/",
  "https://cn.bing.com/",
  "https://www.so.com/s?q=cdn+logs",
];

const STATUS = weighted<number>([
  [200, 80],
  [206, 4],
  [304, 9],
  [301, 0.7],
  [302, 0.8],
  [404, 4],
  [403, 0.8],
  [499, 0.3],
  [500, 0.2],
  [502, 0.15],
  [504, 0.05],
]);
const METHOD = weighted<string>([
  ["GET", 96],
  ["HEAD", 2.5],
  ["POST", 1.2],
  ["OPTIONS", 0.3],
]);
const USER_AGENT = weighted<string>(USER_AGENTS);

/**
 * Generates log records lazily. The same options always yield the same records, in every JavaScript engine.
 *
 * @example
 * ```ts
 * import { generateCdnLogRecords } from "fc-cdn-trigger/logs";
 * for (const record of generateCdnLogRecords({ lines: 3, seed: 42 })) console.log(record.url);
 * ```
 */
export function* generateCdnLogRecords(options: GenerateCdnLogOptions = {}): Generator<CdnLogRecord, void, undefined> {
  const lines = options.lines ?? 1000;
  if (!Number.isSafeInteger(lines) || lines < 0) throw new RangeError(`lines must be a non-negative integer`);
  const random = createPrng(options.seed ?? 1);
  const protocolRandom = createPrng((options.seed ?? 1) ^ 0x27d4eb2f);
  const domain = options.domain ?? "cdn.example.com";
  const startMs = (options.start ?? new Date("2024-06-01T08:00:00+08:00")).getTime();
  const spanMs = (options.durationSeconds ?? 3600) * 1000;
  const noTypeRate = options.missingContentTypeRate ?? 0;
  if (options.dcdn && options.protocol) {
    throw new RangeError("dcdn and protocol both write the 14th field: set one of them");
  }

  // A fixed universe of paths and clients, then Zipf popularity over them (a few hot objects, a long tail).
  const paths: { path: string; asset: (typeof ASSETS)[number] }[] = [];
  for (let k = 0; k < 4000; k++) {
    const asset = ASSETS[Math.floor(random() * ASSETS.length)] as (typeof ASSETS)[number];
    const id = Math.floor(random() * 0xffffff)
      .toString(16)
      .padStart(6, "0");
    const dir = ["static", "assets", "img", "media", "v"][k % 5];
    paths.push({ path: `/${dir}/${k % 97}/${id}.${asset[0]}`, asset });
  }
  const clients: string[] = [];
  for (let k = 0; k < 20_000; k++) {
    if (random() < 0.06) {
      const h = () => Math.floor(random() * 0xffff).toString(16);
      clients.push(`240e:${h()}:${h()}:${h()}::${h()}`);
    } else {
      const o = () => Math.floor(random() * 254) + 1;
      clients.push(`${o()}.${o()}.${o()}.${o()}`);
    }
  }
  const pickPath = zipf(paths.length, 1.05);
  const pickClient = zipf(clients.length, 0.9);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  for (let n = 0; n < lines; n++) {
    const { path, asset } = paths[pickPath(random())] as (typeof paths)[number];
    const method = METHOD(random());
    const status = STATUS(random());
    const hit = status < 400 && random() < (asset[0] === "json" ? 0.3 : 0.88);
    const query = asset[0] === "json" && random() < 0.5 ? `?page=${Math.floor(random() * 20)}` : "";
    const referer =
      random() < 0.55
        ? null
        : random() < 0.8
          ? `https://${domain}/${["", "index.html", "products/", "news/today.html"][Math.floor(random() * 4)]}`
          : (SEARCH_REFERERS[Math.floor(random() * SEARCH_REFERERS.length)] as string);
    const body =
      status === 304 || method === "HEAD" || status >= 300
        ? 0
        : Math.max(1, Math.round(asset[2] * Math.exp(0.6 * normal())));
    const record: CdnLogRecord = {
      time: new Date(startMs + Math.floor((n * spanMs) / Math.max(lines, 1) / 1000) * 1000),
      clientIp: clients[pickClient(random())] as string,
      proxyIp: random() < 0.04 ? `100.64.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}` : null,
      responseTimeMs: Math.max(0, Math.round((hit ? 12 : 180) * Math.exp(0.9 * normal()))),
      referer,
      method,
      url: `${random() < 0.7 ? "https" : "http"}://${domain}${path}${query}`,
      status,
      requestBytes: 120 + Math.floor(random() * 600),
      responseBytes: body + 250 + Math.floor(random() * 200),
      cacheStatus: hit ? "HIT" : "MISS",
      userAgent: USER_AGENT(random()),
      contentType: random() < noTypeRate ? null : asset[1],
      extra: [],
      protocol: null,
      remoteIp: null,
    };
    // The 14th field, drawn last. The protocol's draws come from their own PRNG, so the other fields of a seed's
    // log stay what they are without it.
    if (options.dcdn) record.extra.push(`47.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.10`);
    else if (options.protocol) {
      record.extra.push(record.url.startsWith("https:") ? (protocolRandom() < 0.15 ? "quic" : "https") : "http");
    }
    record.protocol = protocolOf(record.extra[0]);
    record.remoteIp = remoteIpOf(record.extra[0]);
    yield record;
  }
}

const GARBAGE = [
  "-",
  "GET /index.html HTTP/1.1",
  '[32/Jun/2024:08:00:00 +0800] 1.2.3.4 - 5 "-" "GET /x" 200 1 2 HIT "ua" "text/html"',
  "[1/Jun/2024:08:00:00 +0800] 1.2.3.4 - slow",
  '[1/Jun/2024:08:00:00 +0800] 1.2.3.4 - 5 "-" "GET /unterminated',
];

/**
 * Generates log lines lazily (no line terminator), formatted by {@link formatCdnLogLine}. With `malformedRate`,
 * some lines are garbage; they are still counted as lines.
 *
 * @example
 * ```ts
 * import { generateCdnLogLines } from "fc-cdn-trigger/logs";
 * const [first] = generateCdnLogLines({ lines: 1, seed: 7 });
 * ```
 */
export function* generateCdnLogLines(options: GenerateCdnLogOptions = {}): Generator<string, void, undefined> {
  const malformedRate = options.malformedRate ?? 0;
  const random = malformedRate > 0 ? createPrng((options.seed ?? 1) ^ 0x5bd1e995) : () => 1;
  let k = 0;
  for (const record of generateCdnLogRecords(options)) {
    yield random() < malformedRate ? (GARBAGE[k++ % GARBAGE.length] as string) : formatCdnLogLine(record);
  }
}

/**
 * A whole log as one string, one line per request, each ending in `\n`. Meant for tests, docs and the
 * playground; stream {@link generateCdnLogLines} for large logs.
 *
 * @example
 * ```ts
 * import { generateCdnLog, summarizeCdnLog, parseCdnLogLine } from "fc-cdn-trigger/logs";
 * const text = generateCdnLog({ lines: 100, seed: 1 });
 * text.split("\n").filter(Boolean).map(parseCdnLogLine).length; // 100
 * ```
 */
export function generateCdnLog(options: GenerateCdnLogOptions = {}): string {
  let text = "";
  for (const line of generateCdnLogLines(options)) text += `${line}\n`;
  return text;
}
