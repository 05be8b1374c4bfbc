// The messages between the page, the sandbox iframe and the run worker.
// Page → frame → worker carry work; worker → frame → page carry results. The page trusts nothing it receives:
// user code runs in the worker and can post anything, so every inbound message is shape-checked and size-capped.

/**
 * The values of each message the playground's own runtime (the run workers, the sandbox frames, runner.py) sends
 * to the page. The runtime sends a code and its values, never words: the page words them in its language
 * (i18n/, `runtime` in each message table), so a playground on a Chinese page reports in Chinese.
 */
export interface RuntimeTextValues {
  /** The module exports no handler function. */
  noHandler: Record<string, never>;
  /** An import the sandbox cannot resolve; `provided` lists the modules it has. */
  cannotImport: { specifier: string; provided: string };
  /** `require()` of a module the sandbox does not have. */
  moduleNotFound: { specifier: string; provided: string };
  /** The SDK bundle lacks the entry that runs handlers: a broken site build. */
  sdkEntryMissing: { entry: string };
  /** The error name of a thrown non-Error value (`throw "x"`). */
  thrownValue: Record<string, never>;
  /** An error detail: one issue of a CdnEventParseError. */
  issueAt: { path: string; message: string };
  /**
   * An error detail: one failed event of a CdnHandlerError, with where its route failed in the user's file
   * (`file`, `line` and `column` are "" when no frame of the user's code is on its stack).
   */
  eventFailed: { index: string; eventName: string; reason: string; file: string; line: string; column: string };
  /** An error detail: the error's `cause`. */
  causedBy: { cause: string };
  /** A JavaScript return value that JSON.stringify refuses. */
  notJson: { reason: string };
  /** A Python return value that json.dumps refuses. */
  pyNotJson: { reason: string };
  /** index.py has no `handler`. */
  pyNoHandler: Record<string, never>;
  /** index.py's `handler` is no function. */
  pyNotCallable: { type: string };
  /** index.py's `handler` is `async def`. */
  pyCoroutine: Record<string, never>;
  /** The JavaScript run worker failed (did not start, or failed outside the run); `reason` may be empty. */
  workerFailedToStart: { reason: string };
  /** The Python worker did not start, or Python failed in it. */
  pyCouldNotStart: { reason: string };
  /** Pyodide itself failed during a run (out of memory, a fatal error). */
  pyStopped: { reason: string };
  /** The Python worker died during a run; `reason` (the browser's) may be empty. */
  pyWorkerFailed: { reason: string };
}

/** One runtime message: a code and its values (see {@link RuntimeTextValues}). */
export type RuntimeText = {
  [K in keyof RuntimeTextValues]: { code: K; values: RuntimeTextValues[K] };
}[keyof RuntimeTextValues];

/** Text from the runtime: the user's own (an error's message, a console line) or a coded runtime message. */
export type Text = string | RuntimeText;

/**
 * Words the runtime must put inside objects the user's code sees (a caught fetch error's message, a console line),
 * where a code cannot go. The page sends them, in its language, with every run.
 */
export interface RuntimePhrases {
  /** Why fetch, XMLHttpRequest, WebSocket and EventSource fail (JavaScript, which serves the sample log). */
  noNetwork: string;
  /** Why fetch fails in Python. */
  pyNoNetwork: string;
  /** Heads the console line of an unhandled promise rejection. */
  unhandledRejection: string;
  /** Replaces a console value that could not be formatted. */
  unprintable: string;
}

/** Console levels the output panel distinguishes. */
export type LogLevel = "log" | "info" | "warn" | "error" | "debug";

/** One captured console (or `context.logger`) line, already formatted as text. */
export interface LogLine {
  level: LogLevel;
  text: string;
  /** Characters cut off the end of `text` (it was longer than MAX_LINE_CHARS). */
  more?: number;
}

/** An error as the worker reports it, with its position already mapped to the user's source when known. */
export interface SerializedError {
  name: Text;
  message: Text;
  /** The stack with user frames rewritten to `handler.ts:line:column` and runtime frames removed. */
  stack: string;
  /** 1-based position in the user's source of the innermost user frame. */
  line?: number;
  column?: number;
  /** Extra detail lines: a CdnEventParseError's issues, an AggregateError's failures, a cause. */
  details: Text[];
}

/** What the handler returned, rendered for display. */
export interface RunResult {
  /** `json` for a JSON-serialisable value, `text` for a string or bytes, `undefined` for nothing. */
  kind: "json" | "text" | "undefined";
  text: string;
  /** Characters cut off the end of `text`. */
  more?: number;
  /** Shown under the value: why it is shown as text (e.g. not JSON-serialisable). */
  note?: RuntimeText;
}

/** A compiled handler to run against one event body. */
export interface RunRequest {
  kind: "run";
  runId: number;
  /** ES module JavaScript compiled from the user's source. */
  code: string;
  /** Version-3 source map of `code`, as JSON text, or "" when `code` is the user's own JavaScript. */
  sourceMap: string;
  /** File name shown in stacks, e.g. `handler.ts`. */
  fileName: string;
  /** The event body (JSON text); the handler receives it as a Buffer. */
  event: string;
  timeoutMs: number;
  /** The page's wording of what the runtime says inside the user's objects. */
  phrases: RuntimePhrases;
}

/** Page → frame. */
export type ToFrame =
  | { kind: "init"; runtime: string; sdkBundle: string }
  | RunRequest
  | { kind: "stop"; runId: number };

/** Frame → worker. */
export type ToWorker = { kind: "boot"; sdkBundle: string } | RunRequest;

/** Worker → frame → page. */
export type FromWorker =
  | { kind: "console"; runId: number; lines: LogLine[] }
  | {
      kind: "done";
      runId: number;
      result?: RunResult;
      error?: SerializedError;
      durationMs: number;
      /** Console lines the worker dropped after the cap. */
      dropped: number;
    };

/** Frame → page. */
export type FromFrame =
  | { kind: "ready" }
  | { kind: "booted" }
  | FromWorker
  | { kind: "stopped"; runId: number; reason: "timeout" | "stopped" }
  | { kind: "crashed"; runId: number; message: Text };

/** Most console lines a run shows; the rest are counted and reported as truncated. */
export const MAX_OUTPUT_LINES = 2000;
/** Longest single console line kept, in characters. */
export const MAX_LINE_CHARS = 10_000;
/** Default time a run may take before its worker is terminated. */
export const DEFAULT_TIMEOUT_MS = 5000;

const LEVELS = new Set<string>(["log", "info", "warn", "error", "debug"]);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
/** `value` as text of at most `max` characters, and how many were cut (the page says so in its language). */
const cut = (value: unknown, max: number): { text: string; more: number } => {
  const text = typeof value === "string" ? value : String(value);
  return text.length > max ? { text: `${text.slice(0, max)}…`, more: text.length - max } : { text, more: 0 };
};
const clip = (value: unknown, max: number): string => cut(value, max).text;
const finite = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** The values each runtime message needs; typed, so a new code must list its values here. */
const RUNTIME_TEXT_KEYS: { [K in keyof RuntimeTextValues]: readonly (keyof RuntimeTextValues[K])[] } = {
  noHandler: [],
  cannotImport: ["specifier", "provided"],
  moduleNotFound: ["specifier", "provided"],
  sdkEntryMissing: ["entry"],
  thrownValue: [],
  issueAt: ["path", "message"],
  eventFailed: ["index", "eventName", "reason", "file", "line", "column"],
  causedBy: ["cause"],
  notJson: ["reason"],
  pyNotJson: ["reason"],
  pyNoHandler: [],
  pyNotCallable: ["type"],
  pyCoroutine: [],
  workerFailedToStart: ["reason"],
  pyCouldNotStart: ["reason"],
  pyStopped: ["reason"],
  pyWorkerFailed: ["reason"],
};

/** A coded runtime message, with exactly its values as clipped strings; `undefined` for an unknown code. */
export function readRuntimeText(value: unknown): RuntimeText | undefined {
  if (!isRecord(value) || typeof value.code !== "string" || !Object.hasOwn(RUNTIME_TEXT_KEYS, value.code)) {
    return undefined;
  }
  const code = value.code as keyof RuntimeTextValues;
  const given = isRecord(value.values) ? value.values : {};
  const values = Object.fromEntries(
    RUNTIME_TEXT_KEYS[code].map((key) => [key, clip(given[key as string] ?? "", MAX_LINE_CHARS)]),
  );
  return { code, values } as RuntimeText;
}

/** A string (clipped to `max`) or a coded runtime message. */
const readText = (value: unknown, max: number): Text => readRuntimeText(value) ?? clip(value, max);

function readError(value: unknown): SerializedError | undefined {
  if (!isRecord(value)) return undefined;
  const line = finite(value.line);
  const column = finite(value.column);
  return {
    name: readText(value.name ?? "Error", 200),
    message: readText(value.message ?? "", MAX_LINE_CHARS),
    stack: clip(value.stack ?? "", MAX_LINE_CHARS),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    details: Array.isArray(value.details) ? value.details.slice(0, 100).map((d) => readText(d, MAX_LINE_CHARS)) : [],
  };
}

/**
 * Validates a message from the sandbox frame. Returns `undefined` for anything malformed, so forged or
 * garbled messages are ignored instead of crashing the page. Strings are clipped and line counts capped.
 *
 * @example
 * ```ts
 * const message = readFrameMessage(event.data);
 * if (message?.kind === "done") showResult(message);
 * ```
 */
export function readFrameMessage(data: unknown): FromFrame | undefined {
  if (!isRecord(data) || typeof data.kind !== "string") return undefined;
  if (data.kind === "ready" || data.kind === "booted") return { kind: data.kind };
  const runId = finite(data.runId);
  if (runId === undefined) return undefined;
  switch (data.kind) {
    case "console": {
      if (!Array.isArray(data.lines)) return undefined;
      const lines: LogLine[] = [];
      for (const line of data.lines.slice(0, MAX_OUTPUT_LINES)) {
        if (!isRecord(line)) continue;
        const level = LEVELS.has(String(line.level)) ? (line.level as LogLevel) : "log";
        const { text, more } = cut(line.text, MAX_LINE_CHARS);
        const total = more + Math.max(0, finite(line.more) ?? 0);
        lines.push({ level, text, ...(total ? { more: total } : {}) });
      }
      return { kind: "console", runId, lines };
    }
    case "done": {
      let result: RunResult | undefined;
      if (isRecord(data.result)) {
        const { text, more } = cut(data.result.text, 200_000);
        const note = readRuntimeText(data.result.note);
        result = {
          kind: (["json", "text", "undefined"].includes(String(data.result.kind))
            ? data.result.kind
            : "text") as RunResult["kind"],
          text,
          ...(more ? { more } : {}),
          ...(note ? { note } : {}),
        };
      }
      const error = readError(data.error);
      return {
        kind: "done",
        runId,
        ...(result ? { result } : {}),
        ...(error ? { error } : {}),
        durationMs: finite(data.durationMs) ?? 0,
        dropped: Math.max(0, finite(data.dropped) ?? 0),
      };
    }
    case "stopped":
      return { kind: "stopped", runId, reason: data.reason === "timeout" ? "timeout" : "stopped" };
    case "crashed":
      return { kind: "crashed", runId, message: readText(data.message, MAX_LINE_CHARS) };
    default:
      return undefined;
  }
}
