import * as z from "zod/mini";
import type { CdnEventDefinition } from "./definition.js";
import { DOMAIN_STATUSES } from "./known-values.js";
import { cdnEventShape } from "./shared.js";
import { domainName, knownValues, lazy } from "./wire.js";

const statusParameter = /* @__PURE__ */ lazy(() => ({
  domain: domainName(),
  status: knownValues(DOMAIN_STATUSES, z.string("expected status as a string such as online")),
}));

/** @internal Builds {@link CdnDomainStartedSchema} on first use (the parser needs it only to word errors). */
export const cdnDomainStartedSchema = /* @__PURE__ */ lazy(() => cdnEventShape("CdnDomainStarted", statusParameter()));
/** @internal Builds {@link CdnDomainStoppedSchema} on first use. */
export const cdnDomainStoppedSchema = /* @__PURE__ */ lazy(() => cdnEventShape("CdnDomainStopped", statusParameter()));
/** @internal Builds {@link CdnDomainAddedSchema} on first use. */
export const cdnDomainAddedSchema = /* @__PURE__ */ lazy(() =>
  cdnEventShape("CdnDomainAdded", { domain: domainName() }),
);
/** @internal Builds {@link CdnDomainDeletedSchema} on first use. */
export const cdnDomainDeletedSchema = /* @__PURE__ */ lazy(() =>
  cdnEventShape("CdnDomainDeleted", { domain: domainName() }),
);

/**
 * The zod/mini schema of one CdnDomainStarted event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { CdnDomainStartedSchema } from "fc-cdn-trigger";
 * const event = CdnDomainStartedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CdnDomainStartedSchema = /* @__PURE__ */ cdnDomainStartedSchema();
/**
 * The zod/mini schema of one CdnDomainStopped event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { CdnDomainStoppedSchema } from "fc-cdn-trigger";
 * const event = CdnDomainStoppedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CdnDomainStoppedSchema = /* @__PURE__ */ cdnDomainStoppedSchema();
/**
 * The zod/mini schema of one CdnDomainAdded event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { CdnDomainAddedSchema } from "fc-cdn-trigger";
 * const event = CdnDomainAddedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CdnDomainAddedSchema = /* @__PURE__ */ cdnDomainAddedSchema();
/**
 * The zod/mini schema of one CdnDomainDeleted event: lenient on the wire forms, exact on output.
 *
 * @example
 * ```ts
 * import { CdnDomainDeletedSchema } from "fc-cdn-trigger";
 * const event = CdnDomainDeletedSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CdnDomainDeletedSchema = /* @__PURE__ */ cdnDomainDeletedSchema();

const statusFields = {
  domain: {
    description: "The accelerated domain that was started or stopped.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
  },
  status: {
    description: "The domain's status after the change: online or offline (or another CDN domain state).",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
    knownValues: DOMAIN_STATUSES,
  },
} as const;

const lifecycleFields = {
  domain: {
    description: "The accelerated domain that was added or deleted.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
  },
} as const;

// Pure, so a bundle that only parses drops the samples and docs.
/* @__NO_SIDE_EFFECTS__ */
const sampleOf = <N extends string, P extends object>(eventName: N, eventParameter: P) =>
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
        eventParameter,
        userIdentity: { aliUid: "164901546557****" },
      },
    ],
  }) as const;

export const CdnDomainStarted = {
  name: "CdnDomainStarted",
  family: "domain-status",
  firesWhen: "An accelerated domain has been enabled.",
  description: "Sent when a stopped CDN domain is enabled again and starts serving traffic.",
  schema: CdnDomainStartedSchema,
  parameterFields: statusFields,
  keyFields: ["domain", "status"],
  notes: [],
  sample: sampleOf("CdnDomainStarted", { domain: "example.com", status: "online" }),
} as const satisfies CdnEventDefinition<"CdnDomainStarted">;

export const CdnDomainStopped = {
  name: "CdnDomainStopped",
  family: "domain-status",
  firesWhen: "An accelerated domain has been disabled.",
  description: "Sent when a CDN domain is stopped and no longer serves traffic.",
  notes: [
    "The source documentation shares one sample (status online) between Started and Stopped; this sample uses offline.",
  ],
  schema: CdnDomainStoppedSchema,
  parameterFields: statusFields,
  keyFields: ["domain", "status"],
  sample: sampleOf("CdnDomainStopped", { domain: "example.com", status: "offline" }),
} as const satisfies CdnEventDefinition<"CdnDomainStopped">;

export const CdnDomainAdded = {
  name: "CdnDomainAdded",
  family: "domain-lifecycle",
  firesWhen: "An accelerated domain has been added to CDN.",
  description: "Sent when a domain is added to CDN as an accelerated domain.",
  schema: CdnDomainAddedSchema,
  parameterFields: lifecycleFields,
  keyFields: ["domain"],
  notes: [],
  sample: sampleOf("CdnDomainAdded", { domain: "example.com" }),
} as const satisfies CdnEventDefinition<"CdnDomainAdded">;

export const CdnDomainDeleted = {
  name: "CdnDomainDeleted",
  family: "domain-lifecycle",
  firesWhen: "An accelerated domain has been removed from CDN.",
  description: "Sent when an accelerated domain is deleted from CDN.",
  schema: CdnDomainDeletedSchema,
  parameterFields: lifecycleFields,
  keyFields: ["domain"],
  notes: [],
  sample: sampleOf("CdnDomainDeleted", { domain: "example.com" }),
} as const satisfies CdnEventDefinition<"CdnDomainDeleted">;
