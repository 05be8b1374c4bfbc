// Function Compute handler: one message per object path for CDN cache events.
// Deploy dist/code.zip (npm run build); FC calls index.handler.
import { type CdnEventOf, defineCdnHandler } from "fc-cdn-trigger";

type CacheEvent = CdnEventOf<"CachedObjectsRefreshed" | "CachedObjectsPushed" | "CachedObjectsBlocked">;

const VERBS = {
  CachedObjectsRefreshed: "refreshed",
  CachedObjectsPushed: "prefetched",
  CachedObjectsBlocked: "blocked",
} as const;

/** One line per object path, e.g. "example.com/a.mp4 refreshed (File, task 2089687230)". */
export function cacheMessages(event: CacheEvent): string[] {
  const { domain, objectPath, objectType, taskId } = event.eventParameter;
  const kind = objectType === "Directory" ? "directory" : "file";
  return objectPath.map(
    (path) => `${domain}${path.startsWith("/") ? "" : "/"}${path} ${VERBS[event.eventName]} (${kind}, task ${taskId})`,
  );
}

const notify = (event: CacheEvent, context: { logger: { info(message: string): void } }) => {
  const messages = cacheMessages(event);
  // Send these to your chat or queue of choice; here they go to FC's log.
  for (const message of messages) context.logger.info(message);
  return messages;
};

export const handler = defineCdnHandler({
  CachedObjectsRefreshed: notify,
  CachedObjectsPushed: notify,
  CachedObjectsBlocked: notify,
});
