// Write a handler (TypeScript): one route per CDN event; each route gets its event already typed.
import { type CdnEvent, defineCdnHandler } from "fc-cdn-trigger";

/** What the function returns for each event; Function Compute serialises the array as JSON. */
export interface Outcome {
  eventName: CdnEvent["eventName"];
  domain: string;
  info: string;
}

const outcome = (event: CdnEvent, info: string): Outcome => ({
  eventName: event.eventName,
  domain: event.resource.domain,
  info,
});

// The body arrives as a Buffer; defineCdnHandler parses it, validates it and runs the route of EVERY event in it.
// Inside a route, eventParameter is typed: numbers are numbers, objectPath is always string[].
export const handler = defineCdnHandler({
  LogFileCreated: (event, context) => {
    const { filePath, fileSize, startTime, endTime } = event.eventParameter;
    context.logger.info(`new log file: ${fileSize} bytes, ${endTime - startTime} s of traffic`);
    return outcome(event, filePath);
  },
  CachedObjectsRefreshed: (event) => outcome(event, `purged ${event.eventParameter.objectPath.join(", ")}`),
  CachedObjectsPushed: (event) => outcome(event, `prefetched ${event.eventParameter.objectPath.join(", ")}`),
  CdnDomainStarted: (event) => outcome(event, `domain is ${event.eventParameter.status}`),
  CdnDomainStopped: (event) => outcome(event, `domain is ${event.eventParameter.status}`),
  // Every other event (CachedObjectsBlocked, CdnDomainAdded, CdnDomainDeleted) lands here.
  default: (event) => outcome(event, `task or change on ${event.eventParameter.domain}`),
});
