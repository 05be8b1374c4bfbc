// The 14th field of a CDN offline log line, the first after the content type. Alibaba's field table documents it
// as the request protocol (`quic`, `https` or `http`, since 12 November 2020); some real logs, DCDN's among them,
// write an IP address there instead. Both readings are by exact shape, so nothing else is ever taken for either.
import { isIpAddress } from "./ip-address.js";
import type { CdnLogProtocol } from "./record.js";

/** The protocol the field names, as a shared constant (no string per line), or `null` when it names none. */
export function protocolOf(field: string | undefined): CdnLogProtocol | null {
  return field === "https" ? "https" : field === "http" ? "http" : field === "quic" ? "quic" : null;
}

/** The field when it is one IP address, else `null`. */
export function remoteIpOf(field: string | undefined): string | null {
  return field !== undefined && isIpAddress(field) ? field : null;
}
