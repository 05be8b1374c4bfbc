// The handlers each event page shows, written by the SDK's own code generator (whose output the SDK's tests
// compile with tsc --strict, run through invokeHandler and python3); the site tests compile the TypeScript again.
import type { CdnEventName } from "fc-cdn-trigger";
import { generateHandlerCode } from "fc-cdn-trigger/tooling";

/** A typed TypeScript handler for one event, using `defineCdnHandler`. */
export const handlerSnippet = (name: CdnEventName): string =>
  generateHandlerCode({ language: "typescript", events: [name], style: "sdk" });

/** The handlers an event page offers, one per language tab. */
export const handlerSnippets = (name: CdnEventName) =>
  [
    { label: "TypeScript", lang: "ts", title: "index.ts", code: handlerSnippet(name), icon: "seti:typescript" },
    {
      label: "JavaScript",
      lang: "js",
      title: "index.js (no dependency)",
      code: generateHandlerCode({ language: "javascript", events: [name], style: "plain" }),
      icon: "seti:javascript",
    },
    {
      label: "Python",
      lang: "python",
      title: "index.py (no dependency)",
      code: generateHandlerCode({ language: "python", events: [name], style: "plain" }),
      icon: "seti:python",
    },
  ] as const;
