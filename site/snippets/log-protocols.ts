// Process CDN logs: what the 14th field of each line says, the request protocol Alibaba documents or an IP address.
import { type CdnLogSource, readCdnLog } from "fc-cdn-trigger/logs";

export async function countProtocols(source: CdnLogSource) {
  const counts = { quic: 0, https: 0, http: 0, remoteIp: 0, unrecognised: 0, none: 0 };
  for await (const record of readCdnLog(source)) {
    // "quic", "https" or "http": the field Alibaba's docs list
    if (record.protocol !== null) counts[record.protocol]++;
    // an IP address, as some DCDN logs write there
    else if (record.remoteIp !== null) counts.remoteIp++;
    // anything else: read it yourself in record.extra[0]
    else if (record.extra.length > 0) counts.unrecognised++;
    // an older line, which ends at the content type
    else counts.none++;
  }
  return counts;
}
