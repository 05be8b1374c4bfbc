// The runtime entry a deployed handler imports: zod/mini only, no Node-only APIs.
export { CDN_DRIFT_KINDS, type CdnDrift, type CdnDriftKind, type CdnDriftReport } from "./drift.js";
export {
  CDN_EVENT_ISSUE_CODES,
  type CdnEventIssue,
  type CdnEventIssueCode,
  CdnEventParseError,
  type CdnIssue,
  formatIssuePath,
  formatIssues,
} from "./errors.js";
export {
  CachedObjectsBlockedSchema,
  CachedObjectsPushedSchema,
  CachedObjectsRefreshedSchema,
  CDN_EVENT_CATALOG,
  CDN_EVENT_NAMES,
  CDN_EVENT_SCHEMAS,
  CdnDomainAddedSchema,
  CdnDomainDeletedSchema,
  CdnDomainStartedSchema,
  CdnDomainStoppedSchema,
  type CdnEnvelope,
  CdnEnvelopeSchema,
  type CdnEvent,
  type CdnEventInput,
  type CdnEventName,
  type CdnEventOf,
  CdnEventSchema,
  isCdnEventName,
  LogFileCreatedSchema,
} from "./events/catalog.js";
export type { CdnEventDefinition, CdnEventFamily } from "./events/definition.js";
export type { CdnFieldDoc } from "./events/field-doc.js";
export { closestMatch, suggestCdnEventName } from "./events/names.js";
export { SHARED_FIELDS } from "./events/shared.js";
export {
  type CachedObjectsBlockedEvent,
  type CachedObjectsParameters,
  type CachedObjectsPushedEvent,
  type CachedObjectsRefreshedEvent,
  type CdnDomainAddedEvent,
  type CdnDomainDeletedEvent,
  type CdnDomainLifecycleParameters,
  type CdnDomainStartedEvent,
  type CdnDomainStatusParameters,
  type CdnDomainStoppedEvent,
  type CdnEventBase,
  type CdnEventCommon,
  type CdnEventMap,
  type CdnEventResource,
  type CdnUserIdentity,
  type LogFileCreatedEvent,
  type LogFileCreatedParameters,
  withUnknownFields,
} from "./events/types.js";
export {
  type CdnHandler,
  CdnHandlerError,
  type CdnHandlerFailure,
  type CdnRoute,
  type CdnRouteResult,
  type CdnRoutes,
  type DefineCdnHandlerOptions,
  defineCdnHandler,
  type FcContext,
  type FcLogger,
} from "./handler.js";
export {
  type CdnEventsInput,
  type ParseCdnEventsOptions,
  parseCdnEvents,
  type SafeParseCdnEventsResult,
  safeParseCdnEvents,
} from "./parse.js";
