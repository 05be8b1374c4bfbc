// The runtime of one run: a fresh module Web Worker inside the sandbox iframe (opaque origin, no DOM, no
// cookies, no storage). It imports the bundled SDK, imports the user's compiled module, and calls its handler
// through the SDK's own invokeHandler and createFcContext, so the playground settles a run exactly as
// `fc-cdn-trigger/testing` (and the CLI) do: event as a Buffer, a realistic context, async or callback.
// Bundled into one ES module string by the playground's Vite plugin; it has no imports at run time.

import type { createFcContext, FcHandler, invokeHandler } from "fc-cdn-trigger/testing";
import { FcBuffer } from "./fc-buffer";
import { formatArgs, inspect, setErrorFormatter } from "./inspect";
import {
  type FromWorker,
  type LogLevel,
  type LogLine,
  MAX_LINE_CHARS,
  MAX_OUTPUT_LINES,
  type RunRequest,
  type RunResult,
  type RuntimePhrases,
  type RuntimeText,
  type SerializedError,
  type Text,
  type ToWorker,
} from "./protocol";
import { type GenerateCdnLog, sampleLogFetch } from "./sample-log";
import { type DecodedMappings, decodeMappings, mapPosition } from "./source-map";

// Captured before user code runs: the user may overwrite `postMessage`, `console` or `onmessage`.
const post = self.postMessage.bind(self) as (message: FromWorker) => void;
const nativeConsole = self.console;

const TESTING = "fc-cdn-trigger/testing";

interface Sdk {
  /** Specifier → blob URL of a facade module re-exporting that entry. */
  urls: Map<string, string>;
  /** Specifier → namespace, for `require()` in CommonJS-style handlers. */
  namespaces: Map<string, Record<string, unknown>>;
  /** The bundle's blob URL, to recognise SDK frames in stacks. */
  bundleUrl: string;
}

const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: "text/javascript" }));

async function bootSdk(bundle: string): Promise<Sdk> {
  const bundleUrl = blobUrl(bundle);
  // The bundle lists its entries (specifier → namespace), from the SDK's one list of entry points.
  const { entries } = (await import(/* @vite-ignore */ bundleUrl)) as {
    entries: Record<string, Record<string, unknown>>;
  };
  const urls = new Map<string, string>();
  const namespaces = new Map<string, Record<string, unknown>>();
  for (const [specifier, namespace] of Object.entries(entries)) {
    const names = Object.keys(namespace).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    // A facade per entry: every entry shares the one bundle, so classes (CdnEventParseError...) exist once.
    const facade = `import { entries as __fcEntries } from ${JSON.stringify(bundleUrl)};\nexport const { ${names.join(", ")} } = __fcEntries[${JSON.stringify(specifier)}];\n`;
    urls.set(specifier, blobUrl(facade));
    namespaces.set(specifier, namespace);
  }
  return { urls, namespaces, bundleUrl };
}

/** "fc-cdn-trigger (and /testing, /tooling, /logs)": what `require` and `import` can load, for error messages. */
function providedModules(sdkModules: Sdk): string {
  const [main = "fc-cdn-trigger", ...rest] = sdkModules.namespaces.keys();
  return rest.length ? `${main} (and ${rest.map((specifier) => specifier.slice(main.length)).join(", ")})` : main;
}

let sdk: Promise<Sdk> | undefined;
let started = false;
/** The page's words for what this runtime says inside the user's objects: set by the run, before user code runs. */
let phrases: RuntimePhrases = { noNetwork: "", pyNoNetwork: "", unhandledRejection: "", unprintable: "" };
/** Errors this runtime throws into user code, with the coded message the page words when one ends the run. */
const codedErrors = new WeakMap<object, RuntimeText>();

// ---- console capture ------------------------------------------------------------------------------

let runId = 0;
let batch: LogLine[] = [];
let kept = 0;
let dropped = 0;
let lastFlush = 0;

function flush(): void {
  if (batch.length === 0) return;
  post({ kind: "console", runId, lines: batch });
  batch = [];
  lastFlush = performance.now();
}

function emit(level: LogLevel, args: readonly unknown[]): void {
  // Past the cap, count only: formatting 100,000 objects nobody will see would waste the run.
  if (kept >= MAX_OUTPUT_LINES) {
    dropped++;
    return;
  }
  let text: string;
  try {
    text = formatArgs(args);
  } catch (error) {
    text = `[${phrases.unprintable}: ${String(error)}]`;
  }
  // The page says how many characters were cut, in its language.
  const more = Math.max(0, text.length - MAX_LINE_CHARS);
  batch.push(more ? { level, text: `${text.slice(0, MAX_LINE_CHARS)}…`, more } : { level, text });
  kept++;
  if (batch.length >= 250 || performance.now() - lastFlush > 50) flush();
}

function installConsole(): void {
  const capture =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      emit(level, args);
  const replacement: Partial<Console> = {
    log: capture("log"),
    info: capture("info"),
    warn: capture("warn"),
    error: capture("error"),
    debug: capture("debug"),
    trace: (...args: unknown[]) => emit("error", ["Trace:", ...args]),
    dir: (value: unknown) => emit("log", [inspect(value)]),
    table: (value: unknown) => emit("log", [inspect(value)]),
    assert: (condition?: boolean, ...args: unknown[]) => {
      if (!condition) emit("error", ["Assertion failed", ...args]);
    },
  };
  self.console = Object.assign(Object.create(nativeConsole), replacement);
}

// ---- the Node.js-like globals a handler expects --------------------------------------------------

/**
 * The run's `fetch` (runner/sample-log.ts): the sample log for the event's LogFileCreated files, made with the
 * generator of the SDK bundle; any other request fails with the page's `noNetwork` phrase.
 */
function runFetch(request: RunRequest, sdkModules: Sdk): typeof fetch {
  const noNetwork = request.phrases.noNetwork;
  return sampleLogFetch(request.event, noNetwork, (options) => {
    const logs = sdkModules.namespaces.get("fc-cdn-trigger/logs") as { generateCdnLog?: GenerateCdnLog } | undefined;
    if (!logs?.generateCdnLog) throw new TypeError(`fetch failed: ${noNetwork} (fc-cdn-trigger/logs)`);
    return logs.generateCdnLog(options);
  });
}

function installGlobals(request: RunRequest, sdkModules: Sdk): { module: { exports: Record<string, unknown> } } {
  const g = self as unknown as Record<string, unknown>;
  const module = { exports: {} as Record<string, unknown> };
  g.Buffer = FcBuffer;
  g.module = module;
  g.exports = module.exports;
  g.require = (specifier: string) => {
    const namespace = sdkModules.namespaces.get(specifier);
    if (namespace) return namespace;
    // Node's own words for the user's code to read; the run's error, if nobody catches it, in the page's language.
    const text: RuntimeText = { code: "moduleNotFound", values: { specifier, provided: providedModules(sdkModules) } };
    const error = new Error(`Cannot find module '${specifier}'`);
    codedErrors.set(error, text);
    throw error;
  };
  g.process = {
    env: {
      FC_FUNCTION_NAME: "cdn-handler",
      FC_REGION: "cn-hangzhou",
      FC_FUNCTION_HANDLER: "index.handler",
      FC_FUNCTION_MEMORY_SIZE: "512",
      FC_TIMEOUT: String(Math.ceil(request.timeoutMs / 1000)),
    },
    platform: "linux",
    version: "v20.0.0",
    versions: { node: "20.0.0" },
    nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
  };
  g.fetch = runFetch(request, sdkModules);
  for (const name of ["XMLHttpRequest", "WebSocket", "EventSource"]) {
    g[name] = class {
      constructor() {
        throw new TypeError(`${name}: ${request.phrases.noNetwork}`);
      }
    };
  }
  return { module };
}

// ---- errors, mapped back to the user's source -----------------------------------------------------

interface Locator {
  userUrl: string;
  fileName: string;
  mappings: DecodedMappings | undefined;
  sdkUrls: string[];
  /** What the playground provides, for the message of an unresolvable import. */
  provided: string;
}

const FRAME = /^\s*at (?:(.*?) \()?(blob:[^\s)]+|data:[^\s)]+):(\d+):(\d+)\)?\s*$/;

function mapStack(error: unknown, locator: Locator): Pick<SerializedError, "stack" | "line" | "column"> {
  const raw = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  const out: string[] = [];
  let first: { line: number; column: number } | undefined;
  for (const text of raw.split("\n")) {
    const match = FRAME.exec(text);
    // The "Name: message" head is shown separately; frames of anything but user code and the SDK are noise.
    if (!match) continue;
    const [, fn, url, lineText, columnText] = match;
    const generated = { line: Number(lineText), column: Number(columnText) };
    if (url === locator.userUrl) {
      const original = locator.mappings ? mapPosition(locator.mappings, generated.line, generated.column) : generated;
      const position = original ?? generated;
      first ??= position;
      out.push(`    at ${fn ? `${fn} (` : ""}${locator.fileName}:${position.line}:${position.column}${fn ? ")" : ""}`);
    } else if (locator.sdkUrls.includes(url as string)) {
      // invokeHandler calls the handler itself: its frame ("Object.invokeHandler": called on the entry's
      // namespace) and those below it are the runtime's, not the user's.
      if (/(?:^|\.)invokeHandler$/.test(fn ?? "")) break;
      out.push(`    at ${fn ? `${fn} ` : ""}(fc-cdn-trigger)`);
    }
    // Frames of the playground runtime itself are noise to the user: dropped.
  }
  return { stack: out.join("\n"), ...(first ? { line: first.line, column: first.column } : {}) };
}

/** The errors an error wraps: a CdnHandlerError's failures, an AggregateError's errors, a `cause`. */
function innerErrors(error: unknown): unknown[] {
  if (typeof error !== "object" || error === null) return [];
  const record = error as Record<string, unknown>;
  if (Array.isArray(record.failures)) return record.failures.map((failure) => (failure as { error?: unknown }).error);
  const inner: unknown[] = error instanceof AggregateError ? [...error.errors] : [];
  if (error instanceof Error && error.cause !== undefined) inner.push(error.cause);
  return inner;
}

type Located = Pick<SerializedError, "stack" | "line" | "column">;

/**
 * The stack of `error` in the user's lines, or, when it has no user frame (a CdnHandlerError is thrown by the SDK
 * after all routes ran), that of the first error it wraps that has one: where the user's code went wrong.
 */
function locate(error: unknown, locator: Locator, depth = 0): Located {
  const own = mapStack(error, locator);
  if (own.line !== undefined || depth > 3) return own;
  for (const inner of innerErrors(error)) {
    const found = locate(inner, locator, depth + 1);
    if (found.line !== undefined) return found;
  }
  return own;
}

function describeDetails(error: unknown, locator: Locator, depth = 0): Text[] {
  if (typeof error !== "object" || error === null || depth > 3) return [];
  const details: Text[] = [];
  const record = error as Record<string, unknown>;
  // A CdnEventParseError's message already lists its issues; list them only when the message does not.
  if (Array.isArray(record.issues) && !String(record.message).includes("\n")) {
    for (const issue of record.issues.slice(0, 50)) {
      const item = issue as { path?: unknown[]; message?: unknown };
      const path = Array.isArray(item.path) ? item.path.map(String).join(".") : "";
      details.push({ code: "issueAt", values: { path, message: String(item.message) } });
    }
  }
  if (Array.isArray(record.failures)) {
    for (const failure of record.failures.slice(0, 50)) {
      const item = failure as { index?: unknown; eventName?: unknown; error?: unknown };
      const reason = item.error instanceof Error ? `${item.error.name}: ${item.error.message}` : String(item.error);
      // Each failed route on the user's line: the page lists it and marks it in the editor.
      const { line, column } = locate(item.error, locator, depth + 1);
      details.push({
        code: "eventFailed",
        values: {
          index: String(item.index),
          eventName: String(item.eventName),
          reason,
          file: line === undefined ? "" : locator.fileName,
          line: line === undefined ? "" : String(line),
          column: column === undefined ? "" : String(column),
        },
      });
    }
  } else if (error instanceof AggregateError) {
    for (const inner of error.errors.slice(0, 50)) {
      details.push(inner instanceof Error ? `${inner.name}: ${inner.message}` : inspect(inner));
    }
  }
  if (error instanceof Error && error.cause !== undefined) {
    const cause = error.cause;
    const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : inspect(cause);
    details.push({ code: "causedBy", values: { cause: text } });
    details.push(...describeDetails(cause, locator, depth + 1));
  }
  return details;
}

function serializeError(error: unknown, locator: Locator): SerializedError {
  if (!(error instanceof Error)) {
    return { name: { code: "thrownValue", values: {} }, message: inspect(error), stack: "", details: [] };
  }
  let message: Text = codedErrors.get(error) ?? String(error.message);
  const unresolved = /Failed to resolve module specifier "([^"]+)"/.exec(error.message);
  if (unresolved) {
    message = { code: "cannotImport", values: { specifier: unresolved[1] as string, provided: locator.provided } };
  }
  return { name: error.name, message, ...locate(error, locator), details: describeDetails(error, locator) };
}

// ---- calling the handler like FC ---------------------------------------------------------------------

function findHandler(namespace: Record<string, unknown>, module: { exports: Record<string, unknown> }): unknown {
  const fromDefault = namespace.default as Record<string, unknown> | undefined;
  return (
    namespace.handler ??
    (typeof fromDefault === "object" && fromDefault !== null ? fromDefault.handler : undefined) ??
    module.exports.handler ??
    (typeof module.exports === "function" ? module.exports : undefined)
  );
}

const decoder = new TextDecoder();

function renderResult(value: unknown): RunResult {
  if (value === undefined) return { kind: "undefined", text: "undefined" };
  if (typeof value === "string") return { kind: "text", text: value };
  if (value instanceof Uint8Array) return { kind: "text", text: decoder.decode(value) };
  try {
    const json = JSON.stringify(value, null, 2);
    return json === undefined ? { kind: "text", text: inspect(value) } : { kind: "json", text: json };
  } catch (error) {
    return {
      kind: "text",
      text: inspect(value),
      note: { code: "notJson", values: { reason: (error as Error).message } },
    };
  }
}

const rewriteImports = (code: string, urls: Map<string, string>) =>
  code.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(fc-cdn-trigger(?:\/[\w-]+)?)\2/g,
    (whole, head: string, _quote: string, specifier: string) => {
      const url = urls.get(specifier);
      return url ? `${head}${JSON.stringify(url)}` : whole;
    },
  );

/** The SDK's own runner: the same rules as `fc-cdn-trigger/testing` and the CLI, implemented once there. */
function sdkTesting(sdkModules: Sdk): { invokeHandler: typeof invokeHandler; createFcContext: typeof createFcContext } {
  const testing = sdkModules.namespaces.get(TESTING);
  if (typeof testing?.invokeHandler !== "function" || typeof testing.createFcContext !== "function") {
    const error = new Error(`The playground's SDK bundle lacks ${TESTING}`);
    codedErrors.set(error, { code: "sdkEntryMissing", values: { entry: TESTING } });
    throw error;
  }
  return testing as unknown as ReturnType<typeof sdkTesting>;
}

/** `context.logger` writes straight to the output, formatted like `console` (createFcContext keeps the lines too). */
const outputLogger = {
  debug: (...args: unknown[]) => emit("debug", args),
  info: (...args: unknown[]) => emit("info", args),
  warn: (...args: unknown[]) => emit("warn", args),
  error: (...args: unknown[]) => emit("error", args),
};

async function run(request: RunRequest): Promise<void> {
  runId = request.runId;
  phrases = request.phrases;
  lastFlush = performance.now();
  const sdkModules = await (sdk as Promise<Sdk>);
  installConsole();
  const { module } = installGlobals(request, sdkModules);
  const locator: Locator = {
    userUrl: "",
    fileName: request.fileName,
    mappings: undefined,
    sdkUrls: [sdkModules.bundleUrl, ...sdkModules.urls.values()],
    provided: providedModules(sdkModules),
  };
  try {
    locator.mappings = request.sourceMap ? decodeMappings(JSON.parse(request.sourceMap).mappings ?? "") : undefined;
  } catch {
    locator.mappings = undefined;
  }
  // console.log(error) prints the stack the way the output panel shows thrown errors: in the user's lines.
  setErrorFormatter((error) => {
    const { stack } = mapStack(error, locator);
    return `${error.name}: ${error.message}${stack ? `\n${stack}` : ""}`;
  });
  let durationMs = 0;
  try {
    locator.userUrl = blobUrl(rewriteImports(request.code, sdkModules.urls));
    const namespace = (await import(/* @vite-ignore */ locator.userUrl)) as Record<string, unknown>;
    const handler = findHandler(namespace, module);
    if (typeof handler !== "function") {
      const error = new TypeError("No handler found");
      codedErrors.set(error, { code: "noHandler", values: {} });
      throw error;
    }
    const testing = sdkTesting(sdkModules);
    const context = testing.createFcContext({
      logger: outputLogger,
      function: { timeout: Math.ceil(request.timeoutMs / 1000) },
    });
    const outcome = await testing.invokeHandler(handler as FcHandler, request.event, {
      context,
      // The sandbox frame enforces the timeout by terminating this worker, which also stops a busy loop.
      timeoutMs: Number.POSITIVE_INFINITY,
      // This runtime's console already streams each line to the page as it is written.
      captureConsole: false,
    });
    durationMs = outcome.durationMs;
    if (!outcome.ok) throw outcome.error;
    flush();
    post({ kind: "done", runId, result: renderResult(outcome.result), durationMs, dropped });
  } catch (error) {
    flush();
    post({ kind: "done", runId, error: serializeError(error, locator), durationMs, dropped });
  }
}

self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  emit("error", [phrases.unhandledRejection, event.reason]);
});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message?.kind === "boot" && !sdk) sdk = bootSdk(message.sdkBundle);
  else if (message?.kind === "run" && sdk && !started) {
    started = true;
    void run(message);
  }
};
