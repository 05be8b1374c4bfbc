// Process CDN logs: stream the gzip file a LogFileCreated event points to, in constant memory.

import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { type CdnEventOf, parseCdnEvents } from "fc-cdn-trigger";

export interface LogSummary {
  domain: string;
  requests: number;
  cacheHits: number;
  statusClasses: Record<string, number>;
}

export const handler = async (event: Buffer): Promise<LogSummary[]> => {
  const summaries = [];
  for (const cdnEvent of parseCdnEvents(event)) {
    if (cdnEvent.eventName === "LogFileCreated") summaries.push(await summarize(cdnEvent));
  }
  return summaries;
};

export async function summarize(event: CdnEventOf<"LogFileCreated">): Promise<LogSummary> {
  const { filePath, domain } = event.eventParameter;
  // filePath is a signed URL that may come without a scheme, and it expires: download it right away.
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(filePath) ? filePath : `https://${filePath}`;
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`downloading ${domain}'s log failed: HTTP ${response.status}`);

  const summary: LogSummary = { domain, requests: 0, cacheHits: 0, statusClasses: {} };
  // One line per request: [time] client proxy ms "referer" "METHOD URL" status reqBytes respBytes HIT|MISS ...
  const lines = createInterface({ input: Readable.from(response.body).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const afterRequest = line.split('" ', 3)[2]; // "status reqBytes respBytes HIT|MISS ..."
    if (!afterRequest) continue;
    const [status, , , cache] = afterRequest.split(" ");
    summary.requests += 1;
    if (cache === "HIT") summary.cacheHits += 1;
    const statusClass = `${status?.[0] ?? "?"}xx`;
    summary.statusClasses[statusClass] = (summary.statusClasses[statusClass] ?? 0) + 1;
  }
  return summary;
}
