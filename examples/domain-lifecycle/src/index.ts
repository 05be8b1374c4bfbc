// Function Compute handler: the current state of each CDN domain, from the four domain events.
// Deploy dist/code.zip (npm run build); FC calls index.handler.
import { type CdnEventOf, defineCdnHandler, type FcContext } from "fc-cdn-trigger";

type DomainEvent = CdnEventOf<"CdnDomainStarted" | "CdnDomainStopped" | "CdnDomainAdded" | "CdnDomainDeleted">;

/** What a domain is after an event: serving (online), not serving (offline), just added, or gone. */
export type DomainState = "online" | "offline" | "added" | "deleted";

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
    case "CdnDomainStopped":
      return event.eventParameter.status;
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
