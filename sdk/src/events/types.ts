// Named, exact types of parsed events. They are read off the catalog's zod schemas (never written out by hand),
// minus the index signature a loose object adds: unknown fields are still kept at run time, but a typo such as
// `eventParameter.domian` must not compile. `withUnknownFields` reaches the unknown ones on purpose.
import type * as z from "zod/mini";
import type { CDN_EVENT_SCHEMAS, CdnEventName } from "./catalog.js";

type Parsed<N extends CdnEventName> = z.output<(typeof CDN_EVENT_SCHEMAS)[N]>;
/** The declared fields of a loose object's type, without the index signature that lets any key through. */
type Declared<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * `userIdentity` of every event: who owns the CDN domain.
 *
 * @example
 * ```ts
 * import type { CdnUserIdentity } from "fc-cdn-trigger";
 * const owner = (identity: CdnUserIdentity) => identity.aliUid;
 * ```
 */
export interface CdnUserIdentity extends Declared<Parsed<"LogFileCreated">["userIdentity"]> {}

/**
 * `resource` of every event: the accelerated domain it is about.
 *
 * @example
 * ```ts
 * import type { CdnEventResource } from "fc-cdn-trigger";
 * const domain = (resource: CdnEventResource) => resource.domain;
 * ```
 */
export interface CdnEventResource extends Declared<Parsed<"LogFileCreated">["resource"]> {}

/**
 * The fields every parsed CDN event has, whatever its name.
 *
 * @example
 * ```ts
 * import type { CdnEventCommon } from "fc-cdn-trigger";
 * const when = (event: CdnEventCommon) => new Date(event.eventTime);
 * ```
 */
export interface CdnEventCommon
  extends Omit<Declared<Parsed<"LogFileCreated">>, "eventName" | "eventParameter" | "userIdentity" | "resource"> {
  userIdentity: CdnUserIdentity;
  resource: CdnEventResource;
}

/**
 * A parsed event of name `N` whose `eventParameter` is `P`; each event's named type extends it.
 *
 * @example
 * ```ts
 * import type { CdnEventBase, LogFileCreatedParameters } from "fc-cdn-trigger";
 * type LogEvent = CdnEventBase<"LogFileCreated", LogFileCreatedParameters>;
 * ```
 */
export interface CdnEventBase<N extends CdnEventName, P> extends CdnEventCommon {
  eventName: N;
  eventParameter: P;
}

/**
 * `eventParameter` of a parsed LogFileCreated event.
 *
 * @example
 * ```ts
 * import type { LogFileCreatedParameters } from "fc-cdn-trigger";
 * const url = (parameters: LogFileCreatedParameters) => parameters.filePath;
 * ```
 */
export interface LogFileCreatedParameters extends Declared<Parsed<"LogFileCreated">["eventParameter"]> {}

/**
 * `eventParameter` of a parsed CachedObjectsRefreshed, CachedObjectsPushed or CachedObjectsBlocked event.
 *
 * @example
 * ```ts
 * import type { CachedObjectsParameters } from "fc-cdn-trigger";
 * const paths = (parameters: CachedObjectsParameters) => parameters.objectPath;
 * ```
 */
export interface CachedObjectsParameters extends Declared<Parsed<"CachedObjectsRefreshed">["eventParameter"]> {}

/**
 * `eventParameter` of a parsed CdnDomainStarted or CdnDomainStopped event.
 *
 * @example
 * ```ts
 * import type { CdnDomainStatusParameters } from "fc-cdn-trigger";
 * const serving = (parameters: CdnDomainStatusParameters) => parameters.status === "online";
 * ```
 */
export interface CdnDomainStatusParameters extends Declared<Parsed<"CdnDomainStarted">["eventParameter"]> {}

/**
 * `eventParameter` of a parsed CdnDomainAdded or CdnDomainDeleted event.
 *
 * @example
 * ```ts
 * import type { CdnDomainLifecycleParameters } from "fc-cdn-trigger";
 * const domain = (parameters: CdnDomainLifecycleParameters) => parameters.domain;
 * ```
 */
export interface CdnDomainLifecycleParameters extends Declared<Parsed<"CdnDomainAdded">["eventParameter"]> {}

/**
 * A parsed LogFileCreated event.
 *
 * @example
 * ```ts
 * import type { LogFileCreatedEvent } from "fc-cdn-trigger";
 * const url = (event: LogFileCreatedEvent) => event.eventParameter.filePath;
 * ```
 */
export interface LogFileCreatedEvent extends CdnEventBase<"LogFileCreated", LogFileCreatedParameters> {}
/**
 * A parsed CachedObjectsRefreshed event.
 *
 * @example
 * ```ts
 * import type { CachedObjectsRefreshedEvent } from "fc-cdn-trigger";
 * const paths = (event: CachedObjectsRefreshedEvent) => event.eventParameter.objectPath;
 * ```
 */
export interface CachedObjectsRefreshedEvent extends CdnEventBase<"CachedObjectsRefreshed", CachedObjectsParameters> {}
/**
 * A parsed CachedObjectsPushed event.
 *
 * @example
 * ```ts
 * import type { CachedObjectsPushedEvent } from "fc-cdn-trigger";
 * const paths = (event: CachedObjectsPushedEvent) => event.eventParameter.objectPath;
 * ```
 */
export interface CachedObjectsPushedEvent extends CdnEventBase<"CachedObjectsPushed", CachedObjectsParameters> {}
/**
 * A parsed CachedObjectsBlocked event.
 *
 * @example
 * ```ts
 * import type { CachedObjectsBlockedEvent } from "fc-cdn-trigger";
 * const paths = (event: CachedObjectsBlockedEvent) => event.eventParameter.objectPath;
 * ```
 */
export interface CachedObjectsBlockedEvent extends CdnEventBase<"CachedObjectsBlocked", CachedObjectsParameters> {}
/**
 * A parsed CdnDomainStarted event.
 *
 * @example
 * ```ts
 * import type { CdnDomainStartedEvent } from "fc-cdn-trigger";
 * const domain = (event: CdnDomainStartedEvent) => event.eventParameter.domain;
 * ```
 */
export interface CdnDomainStartedEvent extends CdnEventBase<"CdnDomainStarted", CdnDomainStatusParameters> {}
/**
 * A parsed CdnDomainStopped event.
 *
 * @example
 * ```ts
 * import type { CdnDomainStoppedEvent } from "fc-cdn-trigger";
 * const domain = (event: CdnDomainStoppedEvent) => event.eventParameter.domain;
 * ```
 */
export interface CdnDomainStoppedEvent extends CdnEventBase<"CdnDomainStopped", CdnDomainStatusParameters> {}
/**
 * A parsed CdnDomainAdded event.
 *
 * @example
 * ```ts
 * import type { CdnDomainAddedEvent } from "fc-cdn-trigger";
 * const domain = (event: CdnDomainAddedEvent) => event.eventParameter.domain;
 * ```
 */
export interface CdnDomainAddedEvent extends CdnEventBase<"CdnDomainAdded", CdnDomainLifecycleParameters> {}
/**
 * A parsed CdnDomainDeleted event.
 *
 * @example
 * ```ts
 * import type { CdnDomainDeletedEvent } from "fc-cdn-trigger";
 * const domain = (event: CdnDomainDeletedEvent) => event.eventParameter.domain;
 * ```
 */
export interface CdnDomainDeletedEvent extends CdnEventBase<"CdnDomainDeleted", CdnDomainLifecycleParameters> {}

/**
 * Each event name → its parsed event's named type. A type test checks that its keys are the 8 names and that
 * each type is exactly its schema's output without index signatures.
 *
 * @example
 * ```ts
 * import type { CdnEventMap } from "fc-cdn-trigger";
 * type Refreshed = CdnEventMap["CachedObjectsRefreshed"];
 * ```
 */
export interface CdnEventMap {
  LogFileCreated: LogFileCreatedEvent;
  CachedObjectsRefreshed: CachedObjectsRefreshedEvent;
  CachedObjectsPushed: CachedObjectsPushedEvent;
  CachedObjectsBlocked: CachedObjectsBlockedEvent;
  CdnDomainStarted: CdnDomainStartedEvent;
  CdnDomainStopped: CdnDomainStoppedEvent;
  CdnDomainAdded: CdnDomainAddedEvent;
  CdnDomainDeleted: CdnDomainDeletedEvent;
}

/**
 * A typed view of a parsed object that also reaches the fields the documentation does not list. The parser
 * keeps unknown fields (and reports them through `onDrift`); the event types leave them out so that a typo is a
 * compile error. Costs nothing at run time: it returns `value` itself.
 *
 * @example
 * ```ts
 * import { parseCdnEvents, withUnknownFields } from "fc-cdn-trigger";
 * for (const event of parseCdnEvents(body)) {
 *   const extra = withUnknownFields(event.eventParameter).newField; // unknown
 * }
 * ```
 */
export const withUnknownFields = <T extends object>(value: T): T & { readonly [field: string]: unknown } =>
  value as T & { readonly [field: string]: unknown };
