import * as z from "zod/mini";
import { CachedObjectsBlocked, CachedObjectsPushed, CachedObjectsRefreshed } from "./cached-objects.js";
import { CdnDomainAdded, CdnDomainDeleted, CdnDomainStarted, CdnDomainStopped } from "./cdn-domain.js";
import { LogFileCreated } from "./log-file-created.js";
import type { CdnEventMap } from "./types.js";

/**
 * The event catalog: one definition per CDN event, in the order the docs list them.
 * Every other artefact (types, JSON Schema, docs pages, samples, codegen) reads this.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_CATALOG } from "fc-cdn-trigger";
 * console.log(CDN_EVENT_CATALOG.LogFileCreated.firesWhen);
 * ```
 */
export const CDN_EVENT_CATALOG = {
  LogFileCreated,
  CachedObjectsRefreshed,
  CachedObjectsPushed,
  CachedObjectsBlocked,
  CdnDomainStarted,
  CdnDomainStopped,
  CdnDomainAdded,
  CdnDomainDeleted,
} as const;

/**
 * The names of the 8 CDN trigger events.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_NAMES } from "fc-cdn-trigger";
 * CDN_EVENT_NAMES.includes("LogFileCreated"); // true
 * ```
 */
export const CDN_EVENT_NAMES = [
  "LogFileCreated",
  "CachedObjectsRefreshed",
  "CachedObjectsPushed",
  "CachedObjectsBlocked",
  "CdnDomainStarted",
  "CdnDomainStopped",
  "CdnDomainAdded",
  "CdnDomainDeleted",
] as const satisfies readonly (keyof typeof CDN_EVENT_CATALOG)[];

/**
 * The name of a CDN trigger event.
 *
 * @example
 * ```ts
 * import type { CdnEventName } from "fc-cdn-trigger";
 * const name: CdnEventName = "CdnDomainAdded";
 * ```
 */
export type CdnEventName = (typeof CDN_EVENT_NAMES)[number];

/**
 * Whether `value` is one of the 8 event names.
 *
 * @example
 * ```ts
 * import { isCdnEventName } from "fc-cdn-trigger";
 * isCdnEventName("CdnDomainAdded"); // true
 * isCdnEventName("LogFileDeleted"); // false
 * ```
 */
export const isCdnEventName = (value: unknown): value is CdnEventName =>
  typeof value === "string" && (CDN_EVENT_NAMES as readonly string[]).includes(value);

export {
  CachedObjectsBlockedSchema,
  CachedObjectsPushedSchema,
  CachedObjectsRefreshedSchema,
} from "./cached-objects.js";
export {
  CdnDomainAddedSchema,
  CdnDomainDeletedSchema,
  CdnDomainStartedSchema,
  CdnDomainStoppedSchema,
} from "./cdn-domain.js";
export { LogFileCreatedSchema } from "./log-file-created.js";

import {
  CachedObjectsBlockedSchema,
  CachedObjectsPushedSchema,
  CachedObjectsRefreshedSchema,
  cachedObjectsBlockedSchema,
  cachedObjectsPushedSchema,
  cachedObjectsRefreshedSchema,
} from "./cached-objects.js";
import {
  CdnDomainAddedSchema,
  CdnDomainDeletedSchema,
  CdnDomainStartedSchema,
  CdnDomainStoppedSchema,
  cdnDomainAddedSchema,
  cdnDomainDeletedSchema,
  cdnDomainStartedSchema,
  cdnDomainStoppedSchema,
} from "./cdn-domain.js";
import { LogFileCreatedSchema, logFileCreatedSchema } from "./log-file-created.js";

/**
 * @internal Each event's schema, built on first call: the parser needs zod only to word errors (and for
 * drift reports), so a handler that never sees a bad event never builds one. Same objects as the exports.
 */
export const cdnEventSchemaOf = {
  LogFileCreated: logFileCreatedSchema,
  CachedObjectsRefreshed: cachedObjectsRefreshedSchema,
  CachedObjectsPushed: cachedObjectsPushedSchema,
  CachedObjectsBlocked: cachedObjectsBlockedSchema,
  CdnDomainStarted: cdnDomainStartedSchema,
  CdnDomainStopped: cdnDomainStoppedSchema,
  CdnDomainAdded: cdnDomainAddedSchema,
  CdnDomainDeleted: cdnDomainDeletedSchema,
} as const satisfies { [N in CdnEventName]: () => unknown };

/**
 * The zod/mini schema of each event, by name; the runtime parser picks from it without loading docs or samples.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_SCHEMAS } from "fc-cdn-trigger";
 * const result = CDN_EVENT_SCHEMAS.CdnDomainStarted.safeParse(event);
 * ```
 */
export const CDN_EVENT_SCHEMAS = {
  LogFileCreated: LogFileCreatedSchema,
  CachedObjectsRefreshed: CachedObjectsRefreshedSchema,
  CachedObjectsPushed: CachedObjectsPushedSchema,
  CachedObjectsBlocked: CachedObjectsBlockedSchema,
  CdnDomainStarted: CdnDomainStartedSchema,
  CdnDomainStopped: CdnDomainStoppedSchema,
  CdnDomainAdded: CdnDomainAddedSchema,
  CdnDomainDeleted: CdnDomainDeletedSchema,
} as const satisfies { [N in CdnEventName]: unknown };

/**
 * Any CDN event, discriminated on `eventName`.
 *
 * @example
 * ```ts
 * import { CdnEventSchema } from "fc-cdn-trigger";
 * const event = CdnEventSchema.parse(JSON.parse(body).events[0]);
 * ```
 */
export const CdnEventSchema = /* @__PURE__ */ z.discriminatedUnion("eventName", [
  LogFileCreatedSchema,
  CachedObjectsRefreshedSchema,
  CachedObjectsPushedSchema,
  CachedObjectsBlockedSchema,
  CdnDomainStartedSchema,
  CdnDomainStoppedSchema,
  CdnDomainAddedSchema,
  CdnDomainDeletedSchema,
]);

/**
 * The body Function Compute passes to a CDN-triggered function: `{ "events": [...] }`.
 *
 * @example
 * ```ts
 * import { CdnEnvelopeSchema } from "fc-cdn-trigger";
 * const { events } = CdnEnvelopeSchema.parse(JSON.parse(body));
 * ```
 */
export const CdnEnvelopeSchema = /* @__PURE__ */ (() =>
  // A pure-marked IIFE (`.check()` is a method call) so a bundle that does not use the schema drops it.
  z.looseObject({
    events: z.array(CdnEventSchema).check(z.minLength(1, "expected at least one event")),
  }))();

/**
 * A parsed CDN event, discriminated on `eventName`: narrow on it to get that event's `eventParameter`. Exactly
 * the documented fields: reach others with {@link withUnknownFields}.
 *
 * @example
 * ```ts
 * import type { CdnEvent } from "fc-cdn-trigger";
 * function paths(event: CdnEvent): string[] {
 *   return event.eventName === "CachedObjectsRefreshed" ? event.eventParameter.objectPath : [];
 * }
 * ```
 */
export type CdnEvent = CdnEventMap[CdnEventName];

/**
 * The parsed event of one name.
 *
 * @example
 * ```ts
 * import type { CdnEventOf } from "fc-cdn-trigger";
 * const url = (event: CdnEventOf<"LogFileCreated">) => event.eventParameter.filePath;
 * ```
 */
export type CdnEventOf<N extends CdnEventName> = CdnEventMap[N];

/**
 * A parsed envelope: `{ events: CdnEvent[] }` (any other fields CDN adds are kept at run time).
 *
 * @example
 * ```ts
 * import type { CdnEnvelope } from "fc-cdn-trigger";
 * const count = (envelope: CdnEnvelope) => envelope.events.length;
 * ```
 */
export interface CdnEnvelope {
  events: CdnEvent[];
}

/**
 * An event as CDN may send it, before normalisation (numbers as strings, one `objectPath` string...).
 *
 * @example
 * ```ts
 * import type { CdnEventInput } from "fc-cdn-trigger";
 * const raw: CdnEventInput = JSON.parse(body).events[0];
 * ```
 */
export type CdnEventInput = z.input<typeof CdnEventSchema>;
