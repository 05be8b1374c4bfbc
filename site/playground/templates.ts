// The handler templates the playground offers. Each one prints the event name and domain, so whatever event
// is picked, Run shows something meaningful. Written for the playground; none is copied from the seed docs.

/** The languages the handler editor supports. */
export type PlaygroundLanguage = "typescript" | "javascript" | "python";

/** The languages whose template sources are written out below; Python's come from python/python-templates.ts. */
export type ScriptLanguage = Exclude<PlaygroundLanguage, "python">;

/** A template id, as used in `data-template` and the template picker. */
export type TemplateId = "sdk" | "plain" | "official" | "logs";

/**
 * One template: its source in each script language. Its label and description, per language, are in the message
 * tables (i18n/: `playground.templates`, `templateHints`, `pythonTemplates`, `pythonTemplateHints`).
 */
export interface HandlerTemplate {
  id: TemplateId;
  source: Record<ScriptLanguage, string>;
}

/** Text of a template that differs by language: one string for each. */
interface PerLanguage {
  typescript: string;
  javascript: string;
}

/**
 * One template written once for both languages: a plain `${"…"}` slot holds TypeScript-only text (a type
 * annotation, an `import type` line) that the JavaScript version leaves out, and a `${{ typescript, javascript }}`
 * slot holds text that differs. (The `\${…}` in the sources are the handlers' own template literals.)
 */
function bothLanguages(
  strings: TemplateStringsArray,
  ...slots: (string | PerLanguage)[]
): Record<ScriptLanguage, string> {
  const write = (language: ScriptLanguage) =>
    strings.reduce((out, text, i) => {
      const slot = slots[i - 1];
      const inserted =
        slot === undefined ? "" : typeof slot === "string" ? (language === "typescript" ? slot : "") : slot[language];
      return out + inserted + text;
    });
  return { typescript: write("typescript"), javascript: write("javascript") };
}

const SDK = bothLanguages`import { defineCdnHandler } from "fc-cdn-trigger";

${{
  typescript:
    "// One typed route per event: `event` is narrowed to that event, so completion offers exactly its fields.",
  javascript: "// One route per event; the SDK parses and validates the body before your route runs.",
}}
export const handler = defineCdnHandler({
  LogFileCreated: (event, context) => {
    const { domain, filePath, fileSize } = event.eventParameter;
    console.log(\`\${event.eventName} for \${domain}: \${fileSize} bytes\`);
    context.logger.info("download the log from", filePath);
    return { event: event.eventName, domain, filePath };
  },
  CachedObjectsRefreshed: (event) => {
    const { domain, objectPath } = event.eventParameter;
    console.log(\`\${event.eventName} for \${domain}: purged\`, objectPath);
    return { event: event.eventName, domain, paths: objectPath.length };
  },
${`  CdnDomainStopped: (event) => {
    console.log(\`\${event.eventName}: \${event.eventParameter.domain} is \${event.eventParameter.status}\`);
    return { event: event.eventName, domain: event.eventParameter.domain };
  },
`}  // Every other event lands here.
  default: (event) => {
    console.log(\`\${event.eventName} for \${event.eventParameter.domain}\`);
    return { event: event.eventName, domain: event.eventParameter.domain };
  },
});
`;

const PLAIN = bothLanguages`${'import type { FcContext } from "fc-cdn-trigger";\n\n'}// No SDK at run time: FC's Node.js runtime passes the body as a Buffer, and you parse it yourself.
export const handler = async (event${": Buffer"}, context${": FcContext"}) => {
  const { events } = JSON.parse(event.toString());
  const results = [];
  for (const cdnEvent of events) {
    const { eventName, eventParameter } = cdnEvent;
    console.log(\`\${eventName} for \${eventParameter.domain} (request \${context.requestId})\`);
    results.push({ eventName, domain: eventParameter.domain });
  }
  return results;
};
`;

// The shape of the Python sample in FC's "Configure a CDN trigger" page (first event, an if/else-if chain
// on its name, a summary string), written in JavaScript with Node.js ≤16's callback style.
const OFFICIAL = bothLanguages`${`import type { FcContext } from "fc-cdn-trigger";

type Callback = (error: Error | null, result?: string) => void;

`}exports.handler = (event${": Buffer"}, context${": FcContext"}, callback${": Callback"}) => {
  const body = JSON.parse(event${".toString()"});
  const first = body.events[0];
  const eventName${": string"} = first.eventName;
  const param = first.eventParameter;
  const domain${": string"} = param.domain;
  let info = "";
  if (eventName === "CachedObjectsRefreshed" || eventName === "CachedObjectsPushed" || eventName === "CachedObjectsBlocked") {
    info = param.objectPath.join(",");
  } else if (eventName === "LogFileCreated") {
    info = param.filePath;
  } else if (eventName === "CdnDomainStarted" || eventName === "CdnDomainStopped") {
    // Your business logic here
  } else if (eventName === "CdnDomainAdded" || eventName === "CdnDomainDeleted") {
    // Your business logic here
  }
  callback(null, \`eventName:\${eventName}, domain: \${domain}, info: \${info}\`);
};
`;

// LogFileCreated end to end: the playground serves the event's filePath with a generated gzip log (see
// runner/sample-log.ts), so this streams, gunzips and summarises a realistic file right in the browser.
const LOGS = bothLanguages`import { defineCdnHandler } from "fc-cdn-trigger";
import { readCdnLog, summarizeCdnLog } from "fc-cdn-trigger/logs";

const percent = (ratio${": number"}) => \`\${(ratio * 100).toFixed(1)}%\`;

export const handler = defineCdnHandler({
  LogFileCreated: async (event) => {
    const { domain, filePath } = event.eventParameter;
    // Download, gunzip and parse one chunk at a time: flat memory.
    const summary = await summarizeCdnLog(readCdnLog(filePath), { top: 5 });
    const { requests, bytes, cacheHitRatio, statusClasses } = summary;
    const mb = (bytes / 1e6).toFixed(1);
    console.log(\`\${event.eventName} for \${domain}: \${requests} requests, \${mb} MB\`);
    console.log(\`cache hit ratio: \${percent(cacheHitRatio.byRequests)} of requests\`);
    console.log("status classes:", statusClasses);
    console.log("top URLs:");
    for (const { value, count } of summary.top.urls) {
      console.log(\`\${String(count).padStart(6)}  \${value}\`);
    }
    return {
      domain,
      requests,
      cacheHitRatio,
      statusClasses,
      topUrls: summary.top.urls.map(({ value, count }) => ({ url: value, count })),
    };
  },
  default: (event) => console.log(\`\${event.eventName}: not a log file, skipped\`),
});
`;

/**
 * The templates, in picker order.
 *
 * @example
 * ```ts
 * const source = TEMPLATES.find((t) => t.id === "sdk")?.source.typescript;
 * ```
 */
export const TEMPLATES: readonly HandlerTemplate[] = [
  { id: "sdk", source: SDK },
  { id: "plain", source: PLAIN },
  { id: "official", source: OFFICIAL },
  { id: "logs", source: LOGS },
];

/** The language a template opens in by default: the official-sample shape is JavaScript, like FC's console. */
export const defaultLanguageOf = (id: TemplateId): PlaygroundLanguage =>
  id === "official" ? "javascript" : "typescript";

/**
 * A template by id, falling back to the SDK template for unknown ids.
 *
 * @example
 * ```ts
 * templateById("plain").source.javascript;
 * ```
 */
export const templateById = (id: string | undefined): HandlerTemplate =>
  TEMPLATES.find((template) => template.id === id) ?? (TEMPLATES[0] as HandlerTemplate);

/** The template picker's words, from the page's message table (`t.playground`). */
interface TemplateWords {
  templates: Record<TemplateId, string>;
  templateHints: Record<TemplateId, string>;
  pythonTemplates: Record<TemplateId, string>;
  pythonTemplateHints: Record<TemplateId, string>;
}

/**
 * A template's label and one-line description in the picker, for the handler's language: Python's templates
 * are not the TypeScript ones (there is no defineCdnHandler in Python), so they are named for what they do.
 *
 * @example
 * ```ts
 * templateWords(PLAYGROUND_MESSAGES.en.playground, "sdk", "python").label; // "One function per event"
 * ```
 */
export function templateWords(
  t: TemplateWords,
  id: TemplateId,
  language: PlaygroundLanguage,
): { label: string; hint: string } {
  return language === "python"
    ? { label: t.pythonTemplates[id], hint: t.pythonTemplateHints[id] }
    : { label: t.templates[id], hint: t.templateHints[id] };
}

/**
 * Words the template picker's options (and its description, the `title`) for `language`.
 *
 * @example
 * ```ts
 * labelTemplatePicker(select, t.playground, "python");
 * ```
 */
export function labelTemplatePicker(select: HTMLSelectElement, t: TemplateWords, language: PlaygroundLanguage): void {
  for (const option of select.options) {
    const { label, hint } = templateWords(t, templateById(option.value).id, language);
    option.textContent = label;
    option.title = hint;
  }
  select.title = select.selectedOptions[0]?.title ?? "";
}
