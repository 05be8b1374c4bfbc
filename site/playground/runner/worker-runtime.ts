// The runtime of one run: a fresh module Web Worker inside the sandbox iframe (opaque origin, no DOM, no
// cookies, no storage). It imports the bundled SDK, imports the user's compiled module, and calls its handler
// the way Function Compute's Node.js runtime does: event as a Buffer, a realistic context, async or callback.
// Bundled into one ES module string by the playground's Vite plugin; it has no imports at run time.

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
  type SerializedError,
  type ToWorker,
} from "./protocol";
import { logUrlKey, type SampleLogFile, sampleLogFiles } from "./sample-log";
import { type DecodedMappings, decodeMappings, mapPosition } from "./source-map";

// Captured before user code runs: the user may overwrite `postMessage`, `console` or `onmessage`.
const post = self.postMessage.bind(self) as (message: FromWorker) => void;
const nativeConsole = self.console;

/** Package subpath → the SDK bundle's namespace export holding it. */
const ENTRIES: Record<string, string> = {
  "fc-cdn-trigger": "sdk",
  "fc-cdn-trigger/testing": "testing",
  "fc-cdn-trigger/tooling": "tooling",
  "fc-cdn-trigger/logs": "logs",
};

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
  const all = (await import(/* @vite-ignore */ bundleUrl)) as Record<string, Record<string, unknown>>;
  const urls = new Map<string, string>();
  const namespaces = new Map<string, Record<string, unknown>>();
  for (const [specifier, key] of Object.entries(ENTRIES)) {
    const namespace = all[key];
    if (!namespace) continue;
    const names = Object.keys(namespace).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    // A facade per entry: every entry shares the one bundle, so classes (CdnEventParseError...) exist once.
    const facade = `import { ${key} as ns } from ${JSON.stringify(bundleUrl)};\nexport const { ${names.join(", ")} } = ns;\n`;
    urls.set(specifier, blobUrl(facade));
    namespaces.set(specifier, namespace);
  }
  return { urls, namespaces, bundleUrl };
}

let sdk: Promise<Sdk> | undefined;
let started = false;

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
    text = `[value could not be printed: ${String(error)}]`;
  }
  if (text.length > MAX_LINE_CHARS) {
    text = `${text.slice(0, MAX_LINE_CHARS)}… (${text.length - MAX_LINE_CHARS} more characters)`;
  }
  batch.push({ level, text });
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

const NO_NETWORK = "the playground has no network; only the sample log is served";

/**
 * The run's `fetch`: the filePath of a LogFileCreated event in the run's event body is answered with a gzip
 * access log from the SDK's generator (made here, in the worker: the sandbox has no network, by design); any other
 * request fails with {@link NO_NETWORK}.
 */
function sampleLogFetch(request: RunRequest, sdkModules: Sdk): typeof fetch {
  const files = new Map<string, SampleLogFile>();
  for (const file of sampleLogFiles(request.event)) files.set(logUrlKey(file.filePath), file);
  const made = new Map<string, Promise<Uint8Array>>();
  const gzipLog = async (file: SampleLogFile): Promise<Uint8Array> => {
    const logs = sdkModules.namespaces.get("fc-cdn-trigger/logs") as
      | { generateCdnLog(options: SampleLogFile["options"]): string }
      | undefined;
    if (!logs) throw new TypeError(`fetch failed: ${NO_NETWORK} (the log generator is unavailable)`);
    const stream = new Blob([logs.generateCdnLog(file.options)]).stream().pipeThrough(new CompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : (input as Request).url;
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const file = files.get(logUrlKey(String(url)));
    if (!file || (method !== "GET" && method !== "HEAD")) throw new TypeError(NO_NETWORK);
    if (init?.signal?.aborted) throw init.signal.reason;
    const key = logUrlKey(file.filePath);
    if (!made.has(key)) made.set(key, gzipLog(file));
    const bytes = (await made.get(key)) as Uint8Array<ArrayBuffer>;
    const headers = {
      "content-type": "application/gzip",
      "content-length": String(bytes.byteLength),
      "x-playground": "sample log generated in your browser",
    };
    return new Response(method === "HEAD" ? null : bytes, { status: 200, statusText: "OK", headers });
  };
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
    throw new Error(
      `Cannot find module '${specifier}': the playground provides only fc-cdn-trigger (and /testing, /tooling).`,
    );
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
  g.fetch = sampleLogFetch(request, sdkModules);
  for (const name of ["XMLHttpRequest", "WebSocket", "EventSource"]) {
    g[name] = class {
      constructor() {
        throw new TypeError(`${name} is unavailable: ${NO_NETWORK}`);
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
      out.push(`    at ${fn ? `${fn} ` : ""}(fc-cdn-trigger)`);
    }
    // Frames of the playground runtime itself are noise to the user: dropped.
  }
  return { stack: out.join("\n"), ...(first ? { line: first.line, column: first.column } : {}) };
}

function describeDetails(error: unknown, depth = 0): string[] {
  if (typeof error !== "object" || error === null || depth > 3) return [];
  const details: string[] = [];
  const record = error as Record<string, unknown>;
  // A CdnEventParseError's message already lists its issues; list them only when the message does not.
  if (Array.isArray(record.issues) && !String(record.message).includes("\n")) {
    for (const issue of record.issues.slice(0, 50)) {
      const item = issue as { path?: unknown[]; message?: unknown };
      const path = Array.isArray(item.path) ? item.path.map(String).join(".") : "";
      details.push(`issue at ${path || "(input)"}: ${String(item.message)}`);
    }
  }
  if (Array.isArray(record.failures)) {
    for (const failure of record.failures.slice(0, 50)) {
      const item = failure as { index?: unknown; eventName?: unknown; error?: unknown };
      const reason = item.error instanceof Error ? `${item.error.name}: ${item.error.message}` : String(item.error);
      details.push(`events[${String(item.index)}] (${String(item.eventName)}) failed: ${reason}`);
    }
  } else if (error instanceof AggregateError) {
    for (const inner of error.errors.slice(0, 50)) {
      details.push(inner instanceof Error ? `${inner.name}: ${inner.message}` : inspect(inner));
    }
  }
  if (error instanceof Error && error.cause !== undefined) {
    const cause = error.cause;
    details.push(`caused by ${cause instanceof Error ? `${cause.name}: ${cause.message}` : inspect(cause)}`);
    details.push(...describeDetails(cause, depth + 1));
  }
  return details;
}

function serializeError(error: unknown, locator: Locator): SerializedError {
  if (!(error instanceof Error)) {
    return { name: "Thrown value", message: inspect(error), stack: "", details: [] };
  }
  let message = String(error.message);
  const unresolved = /Failed to resolve module specifier "([^"]+)"/.exec(message);
  if (unresolved) {
    message = `Cannot import "${unresolved[1]}": the playground provides only fc-cdn-trigger (and /testing, /tooling); use those or plain JavaScript.`;
  }
  return { name: error.name, message, ...mapStack(error, locator), details: describeDetails(error) };
}

// ---- calling the handler like FC ---------------------------------------------------------------------

type Handler = (event: unknown, context: unknown, callback: (error: unknown, result?: unknown) => void) => unknown;

function invoke(handler: Handler, event: FcBuffer, context: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    // Node.js ≤16 style: handler(event, context, callback). The first callback call wins.
    const callback = (error: unknown, result?: unknown) =>
      settle(() => (error !== null && error !== undefined ? reject(error) : resolve(result)));
    let returned: unknown;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      settle(() => reject(error));
      return;
    }
    if (returned !== null && typeof (returned as PromiseLike<unknown>)?.then === "function") {
      (returned as PromiseLike<unknown>).then(
        (value) => settle(() => resolve(value)),
        (error) => settle(() => reject(error)),
      );
    } else if (handler.length < 3) {
      settle(() => resolve(returned));
    }
    // A synchronous handler that declares `callback` finishes when it calls it (or times out).
  });
}

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
      text: `${inspect(value)}\n(not JSON-serialisable: ${(error as Error).message}; FC could not return it)`,
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

async function createContext(sdkModules: Sdk, timeoutMs: number): Promise<unknown> {
  const logger = {
    debug: (...args: unknown[]) => emit("debug", args),
    info: (...args: unknown[]) => emit("info", args),
    warn: (...args: unknown[]) => emit("warn", args),
    error: (...args: unknown[]) => emit("error", args),
  };
  const overrides = { logger, function: { timeout: Math.ceil(timeoutMs / 1000) } };
  const testing = sdkModules.namespaces.get("fc-cdn-trigger/testing");
  const create = testing?.createFcContext as ((o: typeof overrides) => unknown) | undefined;
  if (typeof create === "function") return create(overrides);
  // Until the SDK's testing entry exports createFcContext: the same fields FC's Node.js runtime passes.
  return {
    requestId: crypto.randomUUID(),
    credentials: { accessKeyId: "STS.playground", accessKeySecret: "playground-secret", securityToken: "token" },
    function: { name: "cdn-handler", handler: "index.handler", memory: 512, timeout: Math.ceil(timeoutMs / 1000) },
    service: { name: "cdn-service", logProject: "", logStore: "", qualifier: "LATEST", versionId: "" },
    region: "cn-hangzhou",
    accountId: "1234567890123456",
    logger,
  };
}

async function run(request: RunRequest): Promise<void> {
  runId = request.runId;
  lastFlush = performance.now();
  const sdkModules = await (sdk as Promise<Sdk>);
  installConsole();
  const { module } = installGlobals(request, sdkModules);
  const locator: Locator = {
    userUrl: "",
    fileName: request.fileName,
    mappings: undefined,
    sdkUrls: [sdkModules.bundleUrl, ...sdkModules.urls.values()],
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
      throw new TypeError(
        "No handler found: export a function named handler (export const handler = async (event, context) => …, or exports.handler = … in JavaScript).",
      );
    }
    const context = await createContext(sdkModules, request.timeoutMs);
    const startedAt = performance.now();
    try {
      const value = await invoke(handler as Handler, FcBuffer.from(request.event), context);
      durationMs = performance.now() - startedAt;
      flush();
      post({ kind: "done", runId, result: renderResult(value), durationMs, dropped });
    } catch (error) {
      durationMs = performance.now() - startedAt;
      throw error;
    }
  } catch (error) {
    flush();
    post({ kind: "done", runId, error: serializeError(error, locator), durationMs, dropped });
  }
}

self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  emit("error", ["Unhandled promise rejection:", event.reason]);
});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message?.kind === "boot" && !sdk) sdk = bootSdk(message.sdkBundle);
  else if (message?.kind === "run" && sdk && !started) {
    started = true;
    void run(message);
  }
};
