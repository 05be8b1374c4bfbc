import * as z from "zod/mini";
import type { CdnEventDefinition } from "./definition.js";
import { cdnEventShape } from "./shared.js";
import { domainName, lazy, wireInteger } from "./wire.js";

/** @internal Builds {@link LogFileCreatedSchema} on first use (the parser needs it only to word errors). */
export const logFileCreatedSchema = /* @__PURE__ */ lazy(() =>
  cdnEventShape("LogFileCreated", {
    domain: domainName(),
    startTime: wireInteger("startTime (Unix seconds)"),
    endTime: wireInteger("endTime (Unix seconds)"),
    fileSize: wireInteger("fileSize (bytes)"),
    filePath: z.string().check(z.minLength(1, "expected the log file's download URL")),
  }),
);

/**
 * The zod/mini schema of one LogFileCreated event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { LogFileCreatedSchema } from "fc-cdn-trigger";
 * const event = LogFileCreatedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const LogFileCreatedSchema = /* @__PURE__ */ logFileCreatedSchema();

const NUMBER_QUIRK = "Documented as String, sent as a JSON number. Both are accepted; the SDK outputs a number.";

export const LogFileCreated = {
  name: "LogFileCreated",
  family: "logs",
  firesWhen: "CDN has written an offline log file for the domain (about once an hour).",
  description:
    "Sent when CDN finishes an offline access-log file for an accelerated domain. The file is gzip-compressed, one line per request, and `filePath` is a signed URL to download it. Most CDN triggers are wired to this event to archive or analyse logs.",
  schema: LogFileCreatedSchema,
  parameterFields: {
    domain: {
      description: "The accelerated domain the log file covers.",
      documentedAs: "String",
      wire: ["string"],
      type: "string",
    },
    startTime: {
      description: "Start of the period the file covers, in Unix seconds.",
      documentedAs: "String",
      wire: ["integer", "numeric string"],
      type: "number",
      quirk: NUMBER_QUIRK,
    },
    endTime: {
      description: "End of the period the file covers, in Unix seconds.",
      documentedAs: "String",
      wire: ["integer", "numeric string"],
      type: "number",
      quirk: NUMBER_QUIRK,
    },
    fileSize: {
      description: "Size of the compressed log file, in bytes.",
      documentedAs: "String",
      wire: ["integer", "numeric string"],
      type: "number",
      quirk: NUMBER_QUIRK,
    },
    filePath: {
      description:
        "Signed download URL of the gzip log file: the field a log handler processes. It may come without a scheme; prefix https:// before fetching it.",
      documentedAs: "String",
      wire: ["string"],
      type: "string",
    },
  },
  keyFields: ["filePath", "startTime", "endTime", "fileSize"],
  notes: ["The signed filePath expires; download the file promptly or copy it to OSS."],
  sample: {
    events: [
      {
        eventName: "LogFileCreated",
        eventSource: "cdn",
        region: "cn-hangzhou",
        eventVersion: "1.0.0",
        eventTime: "2018-06-14T15:31:49+08:00",
        traceId: "c6459282-6a4d-4413-894c-e4ea3968****",
        userIdentity: { aliUid: "164901546557****" },
        resource: { domain: "example.com" },
        eventParameter: {
          domain: "example.com",
          startTime: 1528959600,
          endTime: 1528959900,
          fileSize: 1788115,
          filePath:
            "http://cdnlog.cn-hangzhou.oss.aliyun-inc.com/www.aliyun.com/2017_12_27/www.aliyun.com_2017_12_27_0800_0900.gz?OSSAccessKeyId=xxxx&Expires=xxxx&Signature=xxxx",
        },
      },
    ],
  },
} as const satisfies CdnEventDefinition<"LogFileCreated">;
