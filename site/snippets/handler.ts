// Write a handler (TypeScript): one function for every CDN event your triggers send.
import { type CdnEvent, parseCdnEvents } from "fc-cdn-trigger";

/** What the function returns for each event; Function Compute serialises the array as JSON. */
export interface Outcome {
  eventName: CdnEvent["eventName"];
  domain: string;
  info: string;
}

// FC's Node.js runtime passes the body as a Buffer. One invocation may carry several events: handle them all.
export const handler = async (event: Buffer): Promise<Outcome[]> =>
  parseCdnEvents(event).map((cdnEvent) => ({
    eventName: cdnEvent.eventName,
    domain: cdnEvent.resource.domain,
    info: describe(cdnEvent),
  }));

function describe(event: CdnEvent): string {
  // Narrowing on eventName types eventParameter: numbers are numbers, objectPath is always string[].
  switch (event.eventName) {
    case "LogFileCreated": {
      const { filePath, fileSize, startTime, endTime } = event.eventParameter;
      return `log ${filePath} (${fileSize} bytes, ${endTime - startTime} s of traffic)`;
    }
    case "CachedObjectsRefreshed":
    case "CachedObjectsPushed":
    case "CachedObjectsBlocked": {
      const { taskId, objectType, objectPath } = event.eventParameter;
      return `task ${taskId}: ${objectPath.length} ${objectType.toLowerCase()}(s): ${objectPath.join(", ")}`;
    }
    case "CdnDomainStarted":
    case "CdnDomainStopped":
      return `domain is ${event.eventParameter.status}`;
    case "CdnDomainAdded":
    case "CdnDomainDeleted":
      return event.eventName === "CdnDomainAdded" ? "domain added" : "domain deleted";
  }
}
