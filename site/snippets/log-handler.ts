// Process CDN logs: stream the gzip file a LogFileCreated event points to and summarise it, in constant memory.
import { type CdnEventOf, defineCdnHandler, type FcContext } from "fc-cdn-trigger";
import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";

async function summarize(event: CdnEventOf<"LogFileCreated">, context: FcContext) {
  const { domain, filePath } = event.eventParameter;
  // filePath is a signed URL that expires (download it right away); readCdnLog adds https:// when it has no scheme.
  const reader = readCdnLog(filePath);
  const summary = await summarizeCdnLog(reader, { top: 5 });
  const hits = (summary.cacheHitRatio.byRequests * 100).toFixed(1);
  context.logger.info(
    `${domain}: ${summary.requests} requests, ${hits}% cache hits, p95 ${summary.responseTimeMs.p95} ms`,
  );
  if (reader.stats.malformed > 0) context.logger.warn(`${domain}: ${reader.stats.malformed} malformed lines skipped`);
  return {
    domain,
    requests: summary.requests,
    cacheHitRatio: summary.cacheHitRatio,
    statusClasses: summary.statusClasses,
    topUrls: summary.top.urls,
  };
}

export const handler = defineCdnHandler({ LogFileCreated: summarize });
