// Function Compute handler: the current state of each CDN domain, from the four domain events.
// Deploy dist/code.zip (npm run build); FC calls index.handler.
import { type CdnEventOf, defineCdnHandler, type FcContext } from "fc-cdn-trigger";

type DomainEvent = CdnEventOf<"CdnDomainStarted" | "CdnDomainStopped" | "CdnDomainAdded" | "CdnDomainDeleted">;

/**
 * What a domain is after an event: serving (online), not serving (offline), being configured or failed to be,
 * just added, or gone.
 */
export type DomainState = "online" | "offline" | "configuring" | "configure_failed" | "added" | "deleted";

const STATUS_STATES: readonly string[] = ["online", "offline", "configuring", "configure_failed"];

/** A domain's state and the event that set it. */
export interface DomainStatus {
  domain: string;
  state: DomainState;
  /** The eventTime of the event that set the state. */
  since: string;
  /** The account that owns the domain. */
  aliUid: string;
}

/** What each event means for the domain. Started/Stopped carry their status; the others imply one. */
export function stateAfter(event: DomainEvent): DomainState {
  switch (event.eventName) {
    case "CdnDomainStarted":
    case "CdnDomainStopped": {
      // CDN's APIs also write Online/Offline, and a status the SDK does not know still parses (onDrift reports
      // it): fall back to what the event itself says rather than storing an unknown state.
      const status = event.eventParameter.status.toLowerCase();
      if (STATUS_STATES.includes(status)) return status as DomainState;
      return event.eventName === "CdnDomainStarted" ? "online" : "offline";
    }
    case "CdnDomainAdded":
      return "added";
    case "CdnDomainDeleted":
      return "deleted";
  }
}

// The latest state per domain in this (warm) instance. In production, write it to a table or KV store.
const states = new Map<string, DomainStatus>();

/** The states this instance has seen, for inspection and tests. */
export const knownDomains = (): ReadonlyMap<string, DomainStatus> => states;

const track = (event: DomainEvent, context: FcContext): DomainStatus => {
  const { domain } = event.eventParameter;
  const previous = states.get(domain);
  // CDN may deliver events late: an older event never overwrites a newer state.
  if (previous && Date.parse(previous.since) > Date.parse(event.eventTime)) {
    context.logger.warn(`${domain}: ignoring ${event.eventName} from ${event.eventTime}, older than ${previous.since}`);
    return previous;
  }
  const status: DomainStatus = {
    domain,
    state: stateAfter(event),
    since: event.eventTime,
    aliUid: event.userIdentity.aliUid,
  };
  states.set(domain, status);
  context.logger.info(`${domain} is ${status.state} since ${status.since}`);
  return status;
};

export const handler = defineCdnHandler({
  CdnDomainStarted: track,
  CdnDomainStopped: track,
  CdnDomainAdded: track,
  CdnDomainDeleted: track,
});
