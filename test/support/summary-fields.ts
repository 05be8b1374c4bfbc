// The fields of a log summary that a merge must reproduce exactly: everything but the top lists, which carry
// Space-Saving error bounds instead (see mergeCdnLogSummaries). Shared by the SDK's merge properties and the
// log-file-handler example's fan-out test.
import type { CdnLogSummary } from "../../sdk/src/logs/index.js";

export const exactSummaryFields = (s: CdnLogSummary) => ({
  requests: s.requests,
  bytes: s.bytes,
  requestBytes: s.requestBytes,
  statusClasses: s.statusClasses,
  cacheHits: s.cacheHits,
  cacheHitRatio: s.cacheHitRatio,
  perHour: s.perHour,
  responseTimeMs: s.responseTimeMs,
  firstTime: s.firstTime,
  lastTime: s.lastTime,
  stats: s.stats && { lines: s.stats.lines, parsed: s.stats.parsed, malformed: s.stats.malformed },
});
