// @ts-check
// Write a handler (JavaScript, CommonJS): the same handler without a build step. `// @ts-check` plus the
// SDK's types still catch a misspelled field in your editor.
const { parseCdnEvents } = require("fc-cdn-trigger");

/**
 * Function Compute (Node.js 18+) calls `handler(event, context)` with the body as a Buffer.
 * @param {Buffer} event
 * @param {{ requestId: string }} context
 */
exports.handler = async (event, context) => {
  const results = [];
  for (const cdnEvent of parseCdnEvents(event)) {
    const domain = cdnEvent.resource.domain;
    if (cdnEvent.eventName === "LogFileCreated") {
      results.push({ domain, log: cdnEvent.eventParameter.filePath });
    } else if (
      cdnEvent.eventName === "CachedObjectsRefreshed" ||
      cdnEvent.eventName === "CachedObjectsPushed" ||
      cdnEvent.eventName === "CachedObjectsBlocked"
    ) {
      results.push({ domain, objects: cdnEvent.eventParameter.objectPath });
    } else {
      results.push({ domain, event: cdnEvent.eventName });
    }
  }
  console.log(`request ${context.requestId}: handled ${results.length} event(s)`);
  return results;
};
