// Where each log file's summary goes: next to the log on OSS when deployed, a local folder when run locally. One
// summary per LogFileCreated, keyed by the log's own path, so a retried invocation overwrites rather than adds.
import { mkdir, writeFile } from "node:fs/promises";
import { isIP } from "node:net";
import { dirname, join } from "node:path";
import type { FcContext } from "fc-cdn-trigger";
import { ossDate, signOssRequest } from "./oss-signature.js";

/** Stores one summary's JSON text under a key like `example.com/2024_06_01/example.com_…_0900.summary.json`. */
export interface SummaryStore {
  put(key: string, json: string): Promise<void>;
  /** Where `key` ends up, for logs and the handler's result (no credentials in it). */
  locate(key: string): string;
}

/** The environment variables the handler reads (set them in s.yaml's `environmentVariables`). */
export interface SummaryStoreEnv {
  /** A local folder to write summaries to (the local run). */
  SUMMARY_DIR?: string;
  /** The OSS bucket to write summaries to (the deployed function). Its role needs `oss:PutObject` on it. */
  SUMMARY_BUCKET?: string;
  /** A key prefix in the bucket. Default: `cdn-log-summaries/`. */
  SUMMARY_PREFIX?: string;
  /** The OSS endpoint. Default: the function's region's internal endpoint, `https://oss-<region>-internal.aliyuncs.com`. */
  SUMMARY_OSS_ENDPOINT?: string;
}

/**
 * The key of a log file's summary: the path of the log in `filePath` (`<domain>/<yyyy_mm_dd>/<name>.gz`), `.gz`
 * replaced by `.summary.json`. Throws on a path that has no file name or climbs out (`..`).
 */
export function summaryKey(fileUrl: string): string {
  const segments = new URL(fileUrl).pathname.split("/").filter((segment) => segment !== "");
  const name = segments.at(-1);
  if (!name || segments.some((segment) => segment === "." || segment === "..")) {
    throw new Error(`the log's filePath ${fileUrl.split("?")[0]} has no file name to name its summary after`);
  }
  segments[segments.length - 1] = `${name.replace(/\.gz$/i, "")}.summary.json`;
  return segments.join("/");
}

/** Writes summaries to a local folder, creating the subfolders a key names. */
export function folderSummaryStore(folder: string): SummaryStore {
  const locate = (key: string) => join(folder, ...key.split("/"));
  return {
    locate,
    async put(key, json) {
      const file = locate(key);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, json);
    },
  };
}

export interface OssSummaryStoreOptions {
  bucket: string;
  /** `https://oss-cn-hangzhou-internal.aliyuncs.com`; an IP-address endpoint (an OSS-compatible test server) is addressed path-style. */
  endpoint: string;
  region: string;
  prefix: string;
  credentials: FcContext["credentials"];
}

/** PUTs summaries to an OSS bucket with a V4-signed request, as the OSS SDKs do. */
export function ossSummaryStore({
  bucket,
  endpoint,
  region,
  prefix,
  credentials,
}: OssSummaryStoreOptions): SummaryStore {
  const base = new URL(endpoint);
  // OSS addresses buckets by host name (virtual-hosted style); SDKs fall back to path style for IP endpoints.
  const pathStyle = isIP(base.hostname.replace(/^\[|\]$/g, "")) !== 0;
  const objectUrl = (key: string) => {
    const path = `${prefix}${key}`.split("/").map(encodeURIComponent).join("/");
    return pathStyle ? `${base.origin}/${bucket}/${path}` : `${base.protocol}//${bucket}.${base.host}/${path}`;
  };
  return {
    locate: (key) => `oss://${bucket}/${prefix}${key}`,
    async put(key, json) {
      const date = new Date();
      const headers = signOssRequest(
        {
          method: "PUT",
          bucket,
          key: `${prefix}${key}`,
          headers: {
            "content-type": "application/json",
            "x-oss-content-sha256": "UNSIGNED-PAYLOAD",
            "x-oss-date": ossDate(date),
          },
        },
        credentials,
        region,
        date,
      );
      const response = await fetch(objectUrl(key), { method: "PUT", headers, body: json });
      if (!response.ok) {
        // OSS explains itself in an XML body (<Code>, <Message>); keep it short and without the signature.
        const body = (await response.text()).replace(/\s+/g, " ").slice(0, 500);
        throw new Error(
          `writing the summary to oss://${bucket}/${prefix}${key} failed: HTTP ${response.status} ${body}${response.status === 403 ? " (does the function's role allow oss:PutObject on this bucket?)" : ""}`,
        );
      }
    },
  };
}

/** The store the environment asks for: SUMMARY_DIR (local) or SUMMARY_BUCKET (OSS); a clear error without either. */
export function summaryStoreFromEnv(env: SummaryStoreEnv, context: FcContext): SummaryStore {
  if (env.SUMMARY_DIR) return folderSummaryStore(env.SUMMARY_DIR);
  if (env.SUMMARY_BUCKET) {
    const prefix = env.SUMMARY_PREFIX ?? "cdn-log-summaries/";
    return ossSummaryStore({
      bucket: env.SUMMARY_BUCKET,
      endpoint: env.SUMMARY_OSS_ENDPOINT || `https://oss-${context.region}-internal.aliyuncs.com`,
      region: context.region,
      prefix: prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`,
      credentials: context.credentials,
    });
  }
  throw new Error(
    "nowhere to write the summary: set SUMMARY_BUCKET (the OSS bucket, in s.yaml's environmentVariables) or, for a local run, SUMMARY_DIR (a folder)",
  );
}
