// The playground's words in English: the source table. It defines the keys and each message's parameters; every
// other locale's table (zh-cn.ts) is typed as `PlaygroundMessages`, so a missing or extra key fails type-check.
// Inline `code` and [links](/path/) in a string are rendered by Inline.astro (server-rendered text only).
// Code, file names, event names and the SDK's own messages are not here: they are the same in every locale.

import type { MessageShape } from "../../lib/message-shape.js";
import type { RuntimeTextValues } from "../runner/protocol.js";
import type { ShareProblemValues } from "../share/share-state.js";

type V<K extends keyof RuntimeTextValues> = RuntimeTextValues[K];
type P<K extends keyof ShareProblemValues> = ShareProblemValues[K];

/** Why a share link cannot be opened (share/share-state.ts's ShareProblem). */
const shareProblems = {
  empty: () => "it holds no state (nothing after #share=)",
  tooLong: (v: P<"tooLong">) => `it is ${v.length} characters long, more than the ${v.max} a link may hold`,
  badCharacters: () => "it contains characters a share link never has (was it cut or edited?)",
  tooLarge: (v: P<"tooLarge">) => `it expands to more than ${v.kilobytes} kB`,
  corrupt: () => "its data is corrupt or incomplete (was the link cut short when it was copied?)",
  notState: () => "its data is not a playground state",
  newer: (v: P<"newer">) => `it was made by a newer playground (format v${v.version}; this one reads v1)`,
  noVersion: () => "its data has no format version",
  badLanguage: (v: P<"badLanguage">) => `its language ${v.language} is not one of ${v.languages}`,
  missingField: (v: P<"missingField">) => `its "${v.field}" is missing or not text`,
} satisfies { [K in keyof ShareProblemValues]: (values: P<K>) => string };

/** How each coded runtime message reads (see RuntimeTextValues in runner/protocol.ts). */
const runtime = {
  noHandler: () =>
    "No handler found: export a function named handler (export const handler = async (event, context) => …, or exports.handler = … in JavaScript).",
  cannotImport: (v: V<"cannotImport">) =>
    `Cannot import "${v.specifier}": the playground provides only ${v.provided}; use those or plain JavaScript.`,
  moduleNotFound: (v: V<"moduleNotFound">) =>
    `Cannot find module '${v.specifier}': the playground provides only ${v.provided}.`,
  sdkEntryMissing: (v: V<"sdkEntryMissing">) =>
    `The playground's SDK bundle lacks ${v.entry}, which runs handlers: rebuild the site.`,
  thrownValue: () => "Thrown value",
  issueAt: (v: V<"issueAt">) => `issue at ${v.path || "(input)"}: ${v.message}`,
  eventFailed: (v: V<"eventFailed">) =>
    `events[${v.index}] (${v.eventName}) failed${v.line ? ` at ${v.file}:${v.line}:${v.column}` : ""}: ${v.reason}`,
  causedBy: (v: V<"causedBy">) => `caused by ${v.cause}`,
  notJson: (v: V<"notJson">) => `(not JSON-serialisable: ${v.reason}; FC could not return it)`,
  pyNotJson: (v: V<"pyNotJson">) =>
    `(shown with repr(): FC sends back only a str, bytes, or a dict or list as JSON; ${v.reason})`,
  pyNoHandler: () =>
    "index.py defines no function named handler: FC calls index.handler, so define def handler(event, context): ...",
  pyNotCallable: (v: V<"pyNotCallable">) => `index.handler is a ${v.type}, not a function`,
  pyCoroutine: () =>
    "handler returned a coroutine: FC's Python runtime calls handler(event, context) synchronously, so define it with def, not async def",
  workerFailedToStart: (v: V<"workerFailedToStart">) => v.reason || "the run worker failed to start",
  pyCouldNotStart: (v: V<"pyCouldNotStart">) => `Python could not start: ${v.reason}`,
  pyStopped: (v: V<"pyStopped">) => `Python stopped working: ${v.reason}`,
  pyWorkerFailed: (v: V<"pyWorkerFailed">) => v.reason || "the Python worker failed",
} satisfies { [K in keyof RuntimeTextValues]: (values: V<K>) => string };

const s = (count: number) => (count === 1 ? "" : "s");

export const en = {
  // The playground itself (Playground.astro, app/playground-app.ts).
  playground: {
    label: "Handler playground",
    template: "Template",
    language: "Language",
    event: "Event",
    // The Template picker: labels and descriptions for TypeScript and JavaScript, then for Python (templates.ts).
    templates: {
      sdk: "SDK (defineCdnHandler)",
      plain: "Plain FC handler",
      official: "Like the official sample",
      logs: "Summarise the log file",
    },
    templateHints: {
      sdk: "Typed routes per event; the SDK parses and validates the body.",
      plain: "No dependency: the event is a Buffer you parse yourself.",
      official: "The if/else chain of FC's Python sample, in JavaScript with a callback.",
      logs: "Streams the event's gzip log file (a generated sample here) and prints top URLs, cache hit ratio, status classes.",
    },
    pythonTemplates: {
      sdk: "One function per event",
      plain: "Plain FC handler",
      official: "Like the official sample",
      logs: "Summarise the log file",
    },
    pythonTemplateHints: {
      sdk: "Generated for the events in event.json: one function per event, every event runs, failures are raised at the end. No dependency.",
      plain: "Generated for the events in event.json: one if/elif branch per event, standard library only.",
      official: "The if/elif chain of FC's Python sample: the first event, a summary string.",
      logs: "Downloads the event's gzip log file with urllib (a generated sample here) and returns top URLs, cache hit ratio, status classes.",
    },
    severalEvents: "Envelope with several events",
    invalidEvent: "Invalid event (see the SDK's errors)",
    customEvent: "Custom event",
    customEvents: (count: number) => `Custom: ${count} events`,
    run: "Run",
    runTitle: "Run the handler (Ctrl/Cmd+Enter)",
    runAction: "Run the handler",
    stop: "Stop",
    output: "Output",
    emptyOutput:
      "Press Run to call `handler(event, context)` as Function Compute would, in a sandbox in your browser. Nothing leaves this page.",
    loadEditor: "Load the editor",
    // A Run pressed while the editor is still starting: it runs once the editor is there.
    startingEditor: "Starting the editor…",
    // "Download project" (project/project-download.ts).
    downloadProject: "Download project",
    downloadProjectTitle:
      "Download this handler as a Function Compute project: s.yaml with a CDN trigger per event in event.json, a test that runs, a README",
    projectDomains: "Fix the domains in event.json (eventParameter.domain) and download again.",
    handlerEditor: "Handler source code",
    sandbox: "Handler sandbox",
    eventEditor: "Event JSON passed to the handler",
    editorFailed: (error: string) => `The editor failed to load: ${error}. Reload the page to retry.`,
    jsonError: (line: number, message: string) => `JSON error at line ${line}: ${message}`,
    schemaWarnings: (count: number) => `${count} schema warning${s(count)}: Run still sends it`,
    validEnvelope: "Valid CDN envelope",
    checking: "Checking…",
    couldNotStart: "The run could not start.",
    pressRunAgain: "Press Run again.",
    invalidJson: "The event is not valid JSON, so the handler was not run.",
    invalidJsonReason: "invalid JSON",
    fixEvent: "Fix event.json (its red marks show where), or pick an event from the list.",
    notCdnFormat:
      "This event does not match the CDN event format. Running anyway, so you can see how your handler copes:",
    syntaxError: (fileName: string) => `Syntax error in ${fileName}, so it was not run.`,
    typeErrors: (count: number, fileName: string) =>
      `Ran with ${count} type error${s(count)} in ${fileName} — see Problems:`,
    at: (line: number, column: number, message: string) => `line ${line}, column ${column}: ${message}`,
  },

  // The output panel (output/output-view.ts).
  output: {
    running: "Running…",
    returnValueJson: "Return value (JSON)",
    returnValue: "Return value",
    doneIn: (duration: string) => `Done in ${duration}`,
    errorAt: (name: string, fileName: string, line: number, column: number) =>
      `${name} at ${fileName} line ${line}, column ${column}`,
    failedAfter: (duration: string) => `Failed after ${duration}`,
    timedOutTitle: (seconds: number) => `Timed out after ${seconds} s: the run was stopped.`,
    timedOutHint: "Function Compute would stop it too. Look for an endless loop or a promise that never settles.",
    timedOut: (seconds: number) => `Timed out after ${seconds} s`,
    workerFailed: "The run's worker failed.",
    failed: "Failed",
    stoppedTitle: "Stopped.",
    stopped: "Stopped",
    notRun: "Not run",
    truncated: (hidden: string, limit: string) =>
      `Output truncated: ${hidden} more console lines were not shown (the limit is ${limit}).`,
    moreCharacters: (count: string) => ` (${count} more characters)`,
  },

  // The Problems tab (problems/) and the JS output tab (editor/js-output.ts).
  problems: {
    title: "Problems",
    none: "No problems: the handler and the event check out.",
    severity: { error: "Error", warning: "Warning", info: "Info" },
    summary: (errors: number, warnings: number) => `${errors} error${s(errors)}, ${warnings} warning${s(warnings)}`,
    more: (count: number) => `… and ${count} more`,
    jump: (location: string) => `Go to ${location}`,
    jsOutputEditor: "The JavaScript that runs (read-only)",
    noJsOutput: "TypeScript produced no JavaScript for this handler.",
  },

  // Python (python/python-mode.ts, python/python-sandbox.ts).
  python: {
    download: "Pyodide download",
    sandbox: "Python handler sandbox",
    loading: (version: string, loaded: string, total: string) =>
      `Loading Python (Pyodide ${version}): ${loaded} of ${total} MB`,
    starting: "Starting Python…",
    ready: (version: string, seconds: string) => `Python ready (Pyodide ${version}, started in ${seconds} s)`,
    failed: (message: string) => `Python could not start: ${message}`,
    notInTime: "Python did not start in time.",
    couldNotLoad: (message: string) => `Python could not be loaded: ${message}`,
    downloadFailed: (path: string, error: string) =>
      `${path} could not be downloaded (${error}); press Run to try again`,
    httpError: (path: string, status: number) => `${path} answered HTTP ${status}; press Run to try again`,
  },

  // The app's layout, toolbar tools, tabs and output chrome (Playground.astro, layout/, output/output-view.ts).
  layout: {
    handlerViews: "Handler views",
    jsOutput: "JS output",
    outputViews: "Output views",
    problems: "Problems",
    outputRegion: "Run output",
    copyOutput: "Copy output",
    panes: "Playground panes",
    handlerTab: "Handler",
    eventTab: "Event",
    outputTab: "Output",
    resizeEditors: "Resize the handler and event editors",
    resizeOutput: "Resize the editors and the output",
    format: "Format",
    formatTitle: "Format the handler, or the event JSON when it has focus (Shift+Alt+F)",
    formatPython: "Format (not available for Python)",
    shortcuts: "Shortcuts",
    shortcutsTitle: "Keyboard shortcuts",
    close: "Close",
    fullScreen: "Full screen",
    exitFullScreen: "Exit full screen",
    staleCode: "From the previous run: the code has changed since.",
    staleEvent: "From the previous run: the event has changed since.",
    staleLanguage: "From the previous run: the language has changed since.",
    keys: {
      run: "Run the handler",
      format: "Format the handler or the event JSON",
      fullScreen: "Leave full screen",
      resize: "Resize panes (on a focused divider)",
      resizeToLimit: "Move a focused divider to its limit",
      nextProblem: "Go to the next problem in the editor",
      previousProblem: "Go to the previous problem",
      tabFocus: "Toggle whether Tab moves focus out of the editor",
      commands: "All editor commands",
      find: "Find in the editor",
      switchTab: "Switch tabs (on a focused tab)",
    },
  },

  // Share links, autosave and Reset (share/).
  share: {
    share: "Share",
    shareTitle: "Copy a link that opens this handler and event (it does not run them)",
    reset: "Reset",
    resetTitle: "Back to the template and the event you started with",
    opened: "Opened a shared handler and event. It has not been run: read it first, then press Run.",
    cannotOpen: (why: string) => `This share link cannot be opened: ${why}.`,
    showingDefault: "Showing the default template instead.",
    unchanged: "Your handler and event are unchanged.",
    restored: "Restored your last edit from this browser. Reset brings back the template.",
    cannotSave: (error: string) =>
      `Your edits cannot be saved in this browser (${error}); they last until you leave the page.`,
    cannotLink: (why: string) => `Cannot make a link: ${why}.`,
    tooLargeForLink: (length: number, max: number) =>
      `the handler and event are too large for a link (${length} characters compressed, at most ${max}); share a shorter handler or event`,
    copied: "Link copied. It opens this handler and event without running them.",
    inAddressBar: "The link is in the address bar (copying to the clipboard was not allowed).",
    problems: shareProblems,
  },

  // What the sandbox says inside the user's own objects (runner/protocol.ts's RuntimePhrases).
  phrases: {
    noNetwork: "the playground has no network; only the sample log is served",
    pyNoNetwork: "the playground has no network; handlers run offline in your browser",
    unhandledRejection: "Unhandled promise rejection:",
    unprintable: "value could not be printed",
  },

  runtime,

  // The generated-code panel (panels/CodegenPanel.astro, panels/codegen-panel.ts).
  codegen: {
    label: "Generate a handler",
    events: "Events the handler handles",
    language: "Language",
    style: "Style",
    styleSdk: "SDK (defineCdnHandler)",
    stylePlain: "Plain (no dependencies)",
    open: "Open in playground",
    project: "Download as an FC project",
    projectHint:
      "The handler above, `package.json`, an `s.yaml` with one CDN trigger per event, and a README with the deploy steps, zipped in your browser.",
    download: "Download .zip",
    pickEvent: "Pick at least one event: the handler is generated for the events you check.",
    cannotBuildYaml: (problems: string) => `Cannot build the project's s.yaml. ${problems}`,
    projectFailed: (message: string) => `The project could not be built: ${message}`,
  },

  // The trigger-config panel (panels/TriggerPanel.astro, panels/trigger-model.ts).
  trigger: {
    label: "CDN trigger configuration",
    event: "Event",
    formats: "Configuration format",
    requestBody: "CreateTrigger request body",
    domain: (index: number) => `Domain ${index}`,
    domains: "Domains",
    accountId: "Account ID",
  },

  // The Domains and Account ID fields of both panels (panels/DomainFields.astro).
  domains: {
    label: "Domains",
    title: "One or more accelerated domains, separated by commas or spaces",
    account: "Account ID (optional)",
  },

  // Copy buttons (panels/copy.ts).
  copy: {
    copy: "Copy",
    copied: "Copied",
    pressCtrlC: "Press Ctrl+C",
  },

  // "Try it" on an event page (EventTryIt.astro).
  tryIt: {
    intro: (eventName: string) =>
      `Run a handler against the \`${eventName}\` sample right here: it runs in a sandbox in your browser, receives the event as a Buffer and a Function Compute context, and nothing leaves the page.`,
    logFile:
      "The template downloads the event's `filePath`: the playground answers with a generated gzip access log, so you see the summary a real log would give.",
    fullPlayground: "The full [playground](/playground/) has every event.",
    label: (eventName: string) => `Try ${eventName}`,
    generate: "Generate the handler",
    generateLabel: (eventName: string) => `Generate a handler for ${eventName}`,
    trigger: "Trigger configuration",
    triggerLabel: (eventName: string) => `Trigger configuration for ${eventName}`,
  },

  // The /playground/ page (PlaygroundPage.astro).
  page: {
    title: "Playground",
    description:
      "Edit a Function Compute handler with IntelliSense for every CDN event, and run it in your browser against any event.",
    intro:
      "Pick an event, edit the handler, press **Run** (or Ctrl/Cmd+Enter). The handler runs in a sandboxed worker in this tab, receives the event as a Buffer (in Python: `bytes`, run by a self-hosted Pyodide that loads only when you choose Python) and a Function Compute context, exactly as on FC. Nothing is sent anywhere.",
    label: "CDN event handler playground",
    generate: "Generate a handler",
    generateIntro:
      "The SDK writes a handler for the events you pick, in TypeScript, JavaScript or Python. Copy it, open it in the playground above, or download it as a Function Compute project ready for `s deploy`.",
    trigger: "Trigger configuration",
    triggerIntro:
      "The CDN trigger for an event and your domains, for the API, Serverless Devs, Terraform or the aliyun CLI. Leave the account ID empty to get a placeholder.",
  },
} as const;

/** The playground's message table: the English table's keys, each a string or a function of the same parameters. */
export type PlaygroundMessages = MessageShape<typeof en>;
