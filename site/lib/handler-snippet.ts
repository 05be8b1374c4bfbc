// The typed handler each event page shows. Tests compile this output for every event with tsc --strict.
import { CDN_EVENT_CATALOG, type CdnEventName } from "fc-cdn-trigger";

/** A complete TypeScript handler for one event: parse the FC body, narrow on the name, read the key fields. */
export function handlerSnippet(name: CdnEventName): string {
  const keyFields = CDN_EVENT_CATALOG[name].keyFields;
  const fn = `on${name}`;
  return `import { type CdnEventOf, parseCdnEvents } from "fc-cdn-trigger";

// Function Compute passes the body as a Buffer; one invocation may carry several events.
export const handler = async (event: Buffer) => {
  const results = [];
  for (const cdnEvent of parseCdnEvents(event)) {
    if (cdnEvent.eventName === "${name}") results.push(${fn}(cdnEvent));
  }
  return results;
};

function ${fn}(event: CdnEventOf<"${name}">) {
  // Typed and normalised: see the field table for each field's type.
  const { ${keyFields.join(", ")} } = event.eventParameter;
  console.log(\`${name} on \${event.resource.domain}\`, { ${keyFields.join(", ")} });
  return { ${keyFields.join(", ")} };
}
`;
}
