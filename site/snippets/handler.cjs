// @ts-check
// Write a handler (JavaScript, CommonJS): no build step. With `// @ts-check` the SDK's types still catch a
// misspelled event name or field in your editor.
const { defineCdnHandler } = require("fc-cdn-trigger");

exports.handler = defineCdnHandler({
  LogFileCreated: (event) => ({ domain: event.resource.domain, log: event.eventParameter.filePath }),
  CachedObjectsRefreshed: (event) => ({ domain: event.resource.domain, objects: event.eventParameter.objectPath }),
  CachedObjectsPushed: (event) => ({ domain: event.resource.domain, objects: event.eventParameter.objectPath }),
  default: (event, context) => {
    context.logger.info(`request ${context.requestId}: ${event.eventName} on ${event.resource.domain}`);
    return { domain: event.resource.domain, event: event.eventName };
  },
});
