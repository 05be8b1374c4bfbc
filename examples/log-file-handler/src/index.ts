// Function Compute handler: downloads each CDN offline log file when CDN announces it.
// Deploy dist/code.zip (npm run build); FC calls index.handler.
import { type CdnEventOf, defineCdnHandler, type FcContext } from "fc-cdn-trigger";

/** The download URL of a log file: filePath may come without a scheme; Alibaba's own sample prefixes https://. */
export function logFileUrl(filePath: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(filePath) ? filePath : `https://${filePath}`;
}

/** The URL without its query: the query holds the signature, which must not reach the logs. */
export const withoutQuery = (url: string): string => url.split("?")[0] as string;

/** What the handler reports for one log file. */
export interface LogFileDownload {
  domain: string;
  /** The period the file covers, in Unix seconds. */
  startTime: number;
  endTime: number;
  url: string;
  /** Bytes downloaded, and the size CDN announced. */
  bytes: number;
  announcedBytes: number;
  /** Whether the file starts with the gzip magic bytes, as CDN log files do. */
  gzip: boolean;
}

async function download(event: CdnEventOf<"LogFileCreated">, context: FcContext): Promise<LogFileDownload> {
  const { domain, startTime, endTime, fileSize, filePath } = event.eventParameter;
  const url = logFileUrl(filePath);
  const response = await fetch(url);
  if (!response.ok) {
    // Throwing makes the invocation fail, so FC retries it while the signed URL is still valid.
    throw new Error(`downloading ${withoutQuery(url)} failed: HTTP ${response.status} ${response.statusText}`);
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const result: LogFileDownload = {
    domain,
    startTime,
    endTime,
    url: withoutQuery(url),
    bytes: body.byteLength,
    announcedBytes: fileSize,
    gzip: body[0] === 0x1f && body[1] === 0x8b,
  };
  context.logger.info(`${domain}: downloaded ${result.bytes} bytes of logs from ${result.url}`);
  if (result.bytes !== fileSize) context.logger.warn(`${domain}: CDN announced ${fileSize} bytes, got ${result.bytes}`);
  return result;
}

export const handler = defineCdnHandler({ LogFileCreated: download });
