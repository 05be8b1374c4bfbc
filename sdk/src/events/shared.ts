import * as z from "zod/mini";
import type { CdnFieldDoc } from "./field-doc.js";
import { EVENT_SOURCES, EVENT_VERSIONS, REGIONS } from "./known-values.js";
import { domainName, knownValues, lazy, wireId } from "./wire.js";

// ISO 8601 date-time with a UTC offset (or Z). A plain regex instead of z.iso.datetime: same rule for
// CDN's timestamps at a fraction of the bundle size; the JSON Schema still says `format: "date-time"`.
/** @internal */
export const ISO_DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

// The fields every event shares, built once, on first use: each zod schema costs time at import (cold start).
const sharedShape = /* @__PURE__ */ lazy(() => ({
  eventSource: knownValues(EVENT_SOURCES, z.string("expected eventSource as a string such as cdn")),
  region: knownValues(REGIONS, z.string().check(z.minLength(1, "expected a region such as cn-hangzhou"))),
  eventVersion: knownValues(EVENT_VERSIONS, z.string("expected eventVersion as a string such as 1.0.0")),
  eventTime: z
    .string()
    .check(z.regex(ISO_DATE_TIME, "expected an ISO 8601 date-time with an offset, e.g. 2018-06-14T15:31:49+08:00")),
  traceId: z.string(),
  userIdentity: z.looseObject({ aliUid: wireId("the account ID") }),
  resource: z.looseObject({ domain: domainName() }),
}));

/** Builds the schema of one event: the shared envelope fields plus its `eventParameter`. */
export const cdnEventShape = <N extends string, P extends z.core.$ZodLooseShape>(eventName: N, parameter: P) =>
  z.looseObject({
    eventName: z.literal(eventName),
    ...sharedShape(),
    eventParameter: z.looseObject(parameter),
  });

/**
 * Documentation of the fields every CDN event carries, keyed by their path in the event.
 *
 * @example
 * ```ts
 * import { SHARED_FIELDS } from "fc-cdn-trigger";
 * console.log(SHARED_FIELDS["userIdentity.aliUid"].description);
 * ```
 */
export const SHARED_FIELDS = {
  eventName: {
    description: "The CDN event type, for example LogFileCreated or CdnDomainStarted. Use it to tell events apart.",
    documentedAs: "String",
    wire: ["string"],
    type: "CdnEventName",
  },
  eventSource: {
    description: "Where the event comes from: cdn.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
    knownValues: EVENT_SOURCES,
  },
  region: {
    description: "The region of the CDN service that sent the event, for example cn-hangzhou.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
    knownValues: REGIONS,
  },
  eventVersion: {
    description: "The version of the event format: 1.0.0, the only version documented so far.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
    knownValues: EVENT_VERSIONS,
  },
  eventTime: {
    description: "When the event happened, as an ISO 8601 date-time with a UTC offset.",
    documentedAs: "String",
    wire: ["string (ISO 8601)"],
    type: "string",
    format: "date-time",
  },
  traceId: {
    description: "CDN's trace ID for this event. Quote it when you ask Alibaba Cloud support about a delivery.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
  },
  "userIdentity.aliUid": {
    description: "The ID of the Alibaba Cloud account that owns the CDN domain.",
    documentedAs: "String",
    wire: ["string", "integer"],
    type: "string",
  },
  "resource.domain": {
    description: "The CDN-accelerated domain name the event is about.",
    documentedAs: "String",
    wire: ["string"],
    type: "string",
  },
  eventParameter: {
    description: "The fields specific to this event type; see the table below.",
    documentedAs: "Map",
    wire: ["object"],
    type: "object",
  },
} as const satisfies Record<string, CdnFieldDoc>;
