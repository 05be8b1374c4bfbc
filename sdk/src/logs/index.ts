// fc-cdn-trigger/logs: parse, stream and summarise the CDN offline access logs that LogFileCreated points to.
// Runs in Node (zlib, files) and in browsers (fetch, DecompressionStream).
export { type CdnLogFileName, type CdnLogFileNameForm, parseCdnLogFileName } from "./file-name.js";
export {
  type GenerateCdnLogOptions,
  generateCdnLog,
  generateCdnLogLines,
  generateCdnLogRecords,
} from "./generator.js";
export { type CdnLogTopEntry, SpaceSaving } from "./heavy-hitters.js";
export { LatencyHistogram } from "./latency-histogram.js";
export { type FormatCdnLogLineOptions, formatCdnLogLine } from "./line-formatter.js";
export { parseCdnLogLine } from "./line-parser.js";
export { CdnLogReadError } from "./read-error.js";
export { CdnLogReader, readCdnLog } from "./reader.js";
export type { CdnLogProgress, CdnLogSource, CdnLogStats, ReadCdnLogOptions } from "./reader-types.js";
export type { CdnCacheStatus, CdnLogFields, CdnLogProtocol, CdnLogRecord } from "./record.js";
export {
  CdnLogSummarizer,
  type CdnLogSummaryThread,
  type SummarizeCdnLogOptions,
  summarizeCdnLog,
} from "./summary.js";
export {
  CDN_LOG_SUMMARY_ISSUE_CODES,
  CdnLogSummaryError,
  type CdnLogSummaryIssue,
  type CdnLogSummaryIssueCode,
  type CdnLogSummaryJson,
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  formatJsonPath,
} from "./summary-json.js";
export { type MergeCdnLogSummariesOptions, mergeCdnLogSummaries } from "./summary-merge.js";
export type {
  CdnLogHour,
  CdnLogLatencyBucket,
  CdnLogStatusClasses,
  CdnLogSummary,
  CdnLogTopListName,
  CdnLogTopLists,
} from "./summary-types.js";
