import * as z from "zod/mini";
import type { CdnEventDefinition } from "./definition.js";
import type { CdnFieldDoc } from "./field-doc.js";
import { OBJECT_TYPES } from "./known-values.js";
import { cdnEventShape } from "./shared.js";
import { domainName, knownValues, lazy, wireId, wireInteger, wirePathList } from "./wire.js";

// One set of field schemas for the three events of the family.
const cachedObjectsParameter = /* @__PURE__ */ lazy(() => ({
  domain: domainName(),
  taskId: wireId("taskId"),
  objectType: knownValues(OBJECT_TYPES, z.string("expected objectType as a string such as File")),
  objectPath: wirePathList(),
  createTime: wireInteger("createTime (Unix seconds)"),
  completeTime: wireInteger("completeTime (Unix seconds)"),
}));

/** @internal Builds {@link CachedObjectsRefreshedSchema} on first use (the parser needs it only to word errors). */
export const cachedObjectsRefreshedSchema = /* @__PURE__ */ lazy(() =>
  cdnEventShape("CachedObjectsRefreshed", cachedObjectsParameter()),
);
/** @internal Builds {@link CachedObjectsPushedSchema} on first use. */
export const cachedObjectsPushedSchema = /* @__PURE__ */ lazy(() =>
  cdnEventShape("CachedObjectsPushed", cachedObjectsParameter()),
);
/** @internal Builds {@link CachedObjectsBlockedSchema} on first use. */
export const cachedObjectsBlockedSchema = /* @__PURE__ */ lazy(() =>
  cdnEventShape("CachedObjectsBlocked", cachedObjectsParameter()),
);

/**
 * The zod/mini schema of one CachedObjectsRefreshed event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { CachedObjectsRefreshedSchema } from "fc-cdn-trigger";
 * const event = CachedObjectsRefreshedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CachedObjectsRefreshedSchema = /* @__PURE__ */ cachedObjectsRefreshedSchema();
/**
 * The zod/mini schema of one CachedObjectsPushed event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { CachedObjectsPushedSchema } from "fc-cdn-trigger";
 * const event = CachedObjectsPushedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CachedObjectsPushedSchema = /* @__PURE__ */ cachedObjectsPushedSchema();
/**
 * The zod/mini schema of one CachedObjectsBlocked event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { CachedObjectsBlockedSchema } from "fc-cdn-trigger";
 * const event = CachedObjectsBlockedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CachedObjectsBlockedSchema = /* @__PURE__ */ cachedObjectsBlockedSchema();

const NUMBER_QUIRK = "Documented as String, sent as a JSON number. Both are accepted; the SDK outputs a number.";

const parameterFields = {
  domain: {
    description: "The accelerated domain of the task.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
  },
  taskId: {
    description: "ID of the CDN task (refresh, prefetch or block).",
    documentedAs: "String",
    wire: ["string", "integer"],
    type: "string",
    quirk:
      "Documented as String, sent as a JSON number. The SDK outputs a string so IDs never lose precision in arithmetic.",
  },
  objectType: {
    description:
      "What the task targeted: single files (File) or whole directories (Directory); CDN's APIs also use Regex, IgnoreParams and lowercase forms.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
    knownValues: OBJECT_TYPES,
  },
  objectPath: {
    description: "The paths of the objects the task covered.",
    documentedAs: "String",
    wire: ["array of strings", "string"],
    type: "string[]",
    quirk: "Documented as a String, sent as an array of strings. One string is accepted and wrapped in an array.",
  },
  createTime: {
    description: "When the task started, in Unix seconds.",
    documentedAs: "String",
    wire: ["integer", "numeric string"],
    type: "number",
    quirk: NUMBER_QUIRK,
  },
  completeTime: {
    description: "When the task completed, in Unix seconds.",
    documentedAs: "String",
    wire: ["integer", "numeric string"],
    type: "number",
    quirk: NUMBER_QUIRK,
  },
} as const satisfies Record<string, CdnFieldDoc>;

// Pure, so a bundle that only parses drops the samples and docs.
/* @__NO_SIDE_EFFECTS__ */
const sampleOf = <N extends string>(eventName: N) =>
  ({
    events: [
      {
        eventName,
        eventVersion: "1.0.0",
        eventSource: "cdn",
        region: "cn-hangzhou",
        eventTime: "2018-03-16T14:19:55+08:00",
        traceId: "cf89e5a8-7d59-4bb5-a33e-4c3d08e2****",
        resource: { domain: "example.com" },
        eventParameter: {
          domain: "example.com",
          taskId: 2089687230,
          objectType: "File",
          objectPath: ["/2018/03/16/13/33b430c57e7.mp4", "/2018/03/16/14/4ff6b9bd54d.mp4"],
          createTime: 1521180769,
          completeTime: 1521180777,
        },
        userIdentity: { aliUid: "164901546557****" },
      },
    ],
  }) as const;

const keyFields = ["objectPath", "objectType", "taskId"] as const;

export const CachedObjectsRefreshed = {
  name: "CachedObjectsRefreshed",
  family: "cache",
  firesWhen: "A refresh (purge) task for the domain has completed.",
  description:
    "Sent when a CDN refresh task completes: the listed files or directories were purged from the edge caches, so the next request goes back to the origin.",
  schema: CachedObjectsRefreshedSchema,
  parameterFields,
  keyFields,
  notes: [],
  sample: sampleOf("CachedObjectsRefreshed"),
} as const satisfies CdnEventDefinition<"CachedObjectsRefreshed">;

export const CachedObjectsPushed = {
  name: "CachedObjectsPushed",
  family: "cache",
  firesWhen: "A prefetch (pre-push) task for the domain has completed.",
  description:
    "Sent when a CDN prefetch task completes: the listed objects were fetched from the origin and pushed to the edge caches ahead of requests.",
  schema: CachedObjectsPushedSchema,
  parameterFields,
  keyFields,
  notes: [],
  sample: sampleOf("CachedObjectsPushed"),
} as const satisfies CdnEventDefinition<"CachedObjectsPushed">;

export const CachedObjectsBlocked = {
  name: "CachedObjectsBlocked",
  family: "cache",
  firesWhen: "A block task for the domain's objects has completed.",
  description:
    "Sent when CDN blocks the listed objects so the edge no longer serves them. Same shape as CachedObjectsRefreshed. The trigger page this SDK is based on does not list it; Alibaba documents it elsewhere.",
  schema: CachedObjectsBlockedSchema,
  parameterFields,
  keyFields,
  notes: [
    "Your account needs an allow-list ticket from Alibaba Cloud support before CDN sends this event.",
    "Missing from the Function Compute trigger page; documented in Alibaba's CDN event list.",
  ],
  sample: sampleOf("CachedObjectsBlocked"),
} as const satisfies CdnEventDefinition<"CachedObjectsBlocked">;
