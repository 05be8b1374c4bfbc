// The report's words in English and 简体中文. English is the source: ReportMessages is read off it, so a
// translation that misses a key, adds one or takes other arguments is a compile error.

const EN = {
  noRequests: "The log has no requests to chart.",
  partialSource: (name: string, lines: string | undefined) =>
    lines === undefined
      ? `Partial: file ${name} was cut, so this report covers only the part of it that was read.`
      : `Partial: file ${name} was cut after ${lines} lines, so this report covers only those lines.`,
  partialSummary: "Partial: an input was cut, so this report covers only the part of it that was read.",
  period: (from: string, to: string) => `${from} to ${to} (UTC+08:00)`,
  totals: "Totals",
  requests: "Requests",
  bytes: "Bytes sent",
  requestBytes: "Bytes received",
  cacheHitByRequests: "Cache hits, by requests",
  cacheHitByBytes: "Cache hits, by bytes",
  share4xx: "4xx responses",
  share5xx: "5xx responses",
  trafficTitle: "Traffic per hour",
  requestsPerHour: "Requests per hour",
  bytesPerHour: "Bytes sent per hour",
  cacheTitle: "Cache hit ratio over time",
  cacheCaption: "Share of requests and of bytes served from cache (HIT), per hour",
  statusTitle: "Status classes over time",
  statusCaption: "Requests per hour by status class",
  latencyTitle: "Response time",
  latencyCaption: "Requests by response time (ms)",
  p50: "Median (p50)",
  p95: "p95",
  p99: "p99",
  max: "Maximum",
  mean: "Mean",
  ms: (value: string) => `${value} ms`,
  hour: "Hour (UTC+08:00)",
  responseTime: "Response time",
  count: "Requests",
  share: "Share",
  rank: "#",
  showTable: "Show the values as a table",
  chartLabel: (title: string) => `Chart: ${title}. The table below it holds the same values.`,
  topTitle: "Top lists",
  topUrls: "URLs",
  topReferers: "Referers",
  topUserAgents: "User agents",
  topClientIps: "Client IPs",
  topContentTypes: "Content types",
  topClientErrorUrls: "URLs of 4xx responses",
  topServerErrorUrls: "URLs of 5xx responses",
  value: "Value",
  empty: "None seen.",
  estimated: "≈ estimated: the true count is at most this much lower",
  atMost: (n: string) => `≈ at most ${n} lower`,
  unlisted: (n: string) => `A value missing from this list was seen at most ${n} times.`,
  linesTitle: "Lines",
  sources: "Sources",
  source: "File",
  lines: "Lines",
  parsed: "Parsed",
  malformed: "Malformed",
  malformedLines: (count: string, lines: string) =>
    `${count} malformed lines skipped (not in the access-log format)${lines ? `: line ${lines}` : ""}.`,
  noMalformed: "Every line is in the access-log format.",
} as const;

/** The report's strings: one per key of the English table, functions taking the same arguments. */
export type ReportMessages = {
  readonly [K in keyof typeof EN]: (typeof EN)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

const ZH_CN: ReportMessages = {
  noRequests: "日志中没有可绘制图表的请求。",
  partialSource: (name, lines) =>
    lines === undefined
      ? `部分结果：文件 ${name} 不完整，此报告仅包含已读取的部分。`
      : `部分结果：文件 ${name} 在第 ${lines} 行之后被截断，此报告仅包含这些行。`,
  partialSummary: "部分结果：有输入不完整，此报告仅包含已读取的部分。",
  period: (from, to) => `${from} 至 ${to}（UTC+08:00）`,
  totals: "总计",
  requests: "请求数",
  bytes: "发送字节数",
  requestBytes: "接收字节数",
  cacheHitByRequests: "缓存命中率（按请求数）",
  cacheHitByBytes: "缓存命中率（按字节数）",
  share4xx: "4xx 响应",
  share5xx: "5xx 响应",
  trafficTitle: "每小时流量",
  requestsPerHour: "每小时请求数",
  bytesPerHour: "每小时发送字节数",
  cacheTitle: "缓存命中率随时间变化",
  cacheCaption: "每小时由缓存（HIT）响应的请求数与字节数占比",
  statusTitle: "状态码类别随时间变化",
  statusCaption: "每小时各状态码类别的请求数",
  latencyTitle: "响应时间",
  latencyCaption: "按响应时间（毫秒）统计的请求数",
  p50: "中位数（p50）",
  p95: "p95",
  p99: "p99",
  max: "最大值",
  mean: "平均值",
  ms: (value) => `${value} 毫秒`,
  hour: "小时（UTC+08:00）",
  responseTime: "响应时间",
  count: "请求数",
  share: "占比",
  rank: "#",
  showTable: "以表格显示数值",
  chartLabel: (title) => `图表：${title}。下方表格包含相同的数值。`,
  topTitle: "排行",
  topUrls: "URL",
  topReferers: "来源（Referer）",
  topUserAgents: "用户代理（User-Agent）",
  topClientIps: "客户端 IP",
  topContentTypes: "内容类型",
  topClientErrorUrls: "4xx 响应的 URL",
  topServerErrorUrls: "5xx 响应的 URL",
  value: "值",
  empty: "无。",
  estimated: "≈ 估算值：真实次数最多比该值少所示数量",
  atMost: (n) => `≈ 最多少 ${n}`,
  unlisted: (n) => `未列出的值各自最多出现 ${n} 次。`,
  linesTitle: "日志行",
  sources: "来源文件",
  source: "文件",
  lines: "行数",
  parsed: "已解析",
  malformed: "格式错误",
  malformedLines: (count, lines) =>
    `跳过了 ${count} 行格式错误的行（不是访问日志格式）${lines ? `：第 ${lines} 行` : ""}。`,
  noMalformed: "所有行均为访问日志格式。",
};

/** The report's languages. */
export type CdnLogReportLocale = "en" | "zh-cn";

export const REPORT_MESSAGES: Readonly<Record<CdnLogReportLocale, ReportMessages>> = { en: EN, "zh-cn": ZH_CN };

/** The BCP 47 tag of a locale, for `lang` and `Intl`. */
export const LOCALE_TAGS: Readonly<Record<CdnLogReportLocale, string>> = { en: "en", "zh-cn": "zh-CN" };
