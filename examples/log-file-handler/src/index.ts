// Function Compute handler: when CDN announces an offline log file, stream it (download + gunzip + parse, in
// constant memory), summarise it (traffic, cache hit ratio, status classes, latency, top URLs) and store the
// summary's JSON next to the log's path: on OSS when deployed (SUMMARY_BUCKET), in a folder locally (SUMMARY_DIR).
// FC fans the work out, one invocation per hourly file; `npm run report` merges a day's summaries later.
// Deploy dist/code.zip (npm run build); FC calls index.handler.
import { type CdnEventOf, defineCdnHandler, type FcContext } from "fc-cdn-trigger";
import { type CdnLogSummary, cdnLogSummaryToJson, readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";
import { type SummaryStoreEnv, summaryKey, summaryStoreFromEnv } from "./summary-store.js";

/** The download URL of a log file: filePath may come without a scheme; Alibaba's own sample prefixes https://. */
export function logFileUrl(filePath: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(filePath) ? filePath : `https://${filePath}`;
}

/** The URL without its query: the query holds the signature, which must not reach the logs. */
export const withoutQuery = (url: string): string => url.split("?")[0] as string;

/** What the handler returns for one log file. */
export interface LogFileReport {
  domain: string;
  /** The period the file covers, in Unix seconds. */
  startTime: number;
  endTime: number;
  url: string;
  /** Compressed bytes downloaded, and the size CDN announced. */
  bytes: number;
  announcedBytes: number;
  summary: CdnLogSummary;
  /** Where the summary's JSON was written: `oss://bucket/key` or a local path. */
  summaryLocation: string;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

async function summarize(event: CdnEventOf<"LogFileCreated">, context: FcContext): Promise<LogFileReport> {
  const { domain, startTime, endTime, fileSize, filePath } = event.eventParameter;
  const url = logFileUrl(filePath);
  // Checked before the download, so a misconfigured function fails at once and says what to set.
  const store = summaryStoreFromEnv(process.env as SummaryStoreEnv, context);
  const key = summaryKey(url);
  let bytes = 0;
  // Streams: the file is never held whole in memory, so a 1 GB log fits a 512 MB function. A failed or truncated
  // download throws a CdnLogReadError (its message has no signature), which fails the invocation so FC retries.
  const reader = readCdnLog(url, { onProgress: (progress) => (bytes = progress.bytesRead) });
  const summary = await summarizeCdnLog(reader, { top: 10 });
  const { requests, cacheHitRatio, responseTimeMs, statusClasses } = summary;
  context.logger.info(
    `${domain}: ${requests} requests, cache hits ${percent(cacheHitRatio.byRequests)} (${percent(cacheHitRatio.byBytes)} of bytes), 5xx ${statusClasses["5xx"]}, p95 ${responseTimeMs.p95} ms`,
  );
  if (reader.stats.malformed > 0) {
    context.logger.warn(
      `${domain}: skipped ${reader.stats.malformed} malformed lines (first: ${reader.stats.malformedLineNumbers.join(", ")})`,
    );
  }
  if (bytes !== fileSize) context.logger.warn(`${domain}: CDN announced ${fileSize} bytes, got ${bytes}`);
  await store.put(key, `${JSON.stringify(cdnLogSummaryToJson(summary))}\n`);
  const summaryLocation = store.locate(key);
  context.logger.info(`${domain}: summary written to ${summaryLocation}`);
  return {
    domain,
    startTime,
    endTime,
    url: withoutQuery(url),
    bytes,
    announcedBytes: fileSize,
    summary,
    summaryLocation,
  };
}

export const handler = defineCdnHandler({ LogFileCreated: summarize });
