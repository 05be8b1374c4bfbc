// OSS's V4 request signature (OSS4-HMAC-SHA256), as documented in "Include a V4 signature in the Authorization
// header": enough for the one PUT this example makes, without the whole OSS SDK in the bundle.
import { createHash, createHmac } from "node:crypto";

/** The request to sign. Header names in any case; `query` values of "" are written as the bare key. */
export interface OssRequest {
  method: string;
  bucket: string;
  key: string;
  headers: Record<string, string>;
  query?: Record<string, string>;
}

/** Temporary (STS) or long-term credentials; FC passes the function role's in `context.credentials`. */
export interface OssCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** RFC 3986 encoding, which `encodeURIComponent` leaves short of for !'()*. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** `20231216T162057Z`, the form `x-oss-date` takes. */
export const ossDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/**
 * Signs `request`, sent at `date` (which the request must carry too, as `x-oss-date: ossDate(date)` or in `Date`),
 * for `region`, and returns the headers to send: the given ones plus `x-oss-security-token` (with STS
 * credentials) and `Authorization`. The headers signed are the ones OSS always signs: `content-type`,
 * `content-md5` and every `x-oss-*` (so no `AdditionalHeaders`).
 */
export function signOssRequest(
  request: OssRequest,
  credentials: OssCredentials,
  region: string,
  date: Date,
): Record<string, string> {
  const timestamp = ossDate(date);
  const day = timestamp.slice(0, 8);
  const headers: Record<string, string> = { ...request.headers };
  if (credentials.securityToken) headers["x-oss-security-token"] = credentials.securityToken;
  const lower = Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()] as const);
  const signed = lower
    .filter(([name]) => name === "content-type" || name === "content-md5" || name.startsWith("x-oss-"))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = Object.entries(request.query ?? {})
    .map(([name, value]) => [encode(name), value === "" ? "" : encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === "" ? name : `${name}=${value}`))
    .join("&");
  const payload = lower.find(([name]) => name === "x-oss-content-sha256")?.[1] ?? "UNSIGNED-PAYLOAD";
  const canonicalRequest = [
    request.method.toUpperCase(),
    `/${encode(request.bucket)}/${encode(request.key).replace(/%2F/g, "/")}`,
    query,
    signed.map(([name, value]) => `${name}:${value}\n`).join(""),
    "", // AdditionalHeaders: none
    payload,
  ].join("\n");
  const scope = `${day}/${region}/oss/aliyun_v4_request`;
  const stringToSign = [
    "OSS4-HMAC-SHA256",
    timestamp,
    scope,
    createHash("sha256").update(canonicalRequest).digest("hex"),
  ].join("\n");
  const signingKey = hmac(
    hmac(hmac(hmac(`aliyun_v4${credentials.accessKeySecret}`, day), region), "oss"),
    "aliyun_v4_request",
  );
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  headers.Authorization = `OSS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},Signature=${signature}`;
  return headers;
}
