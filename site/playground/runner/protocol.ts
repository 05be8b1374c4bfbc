// The messages between the page, the sandbox iframe and the run worker.
// Page → frame → worker carry work; worker → frame → page carry results. The page trusts nothing it receives:
// user code runs in the worker and can post anything, so every inbound message is shape-checked and size-capped.

/** Console levels the output panel distinguishes. */
export type LogLevel = "log" | "info" | "warn" | "error" | "debug";

/** One captured console (or `context.logger`) line, already formatted as text. */
export interface LogLine {
  level: LogLevel;
  text: string;
}

/** An error as the worker reports it, with its position already mapped to the user's source when known. */
export interface SerializedError {
  name: string;
  message: string;
  /** The stack with user frames rewritten to `handler.ts:line:column` and runtime frames removed. */
  stack: string;
  /** 1-based position in the user's source of the innermost user frame. */
  line?: number;
  column?: number;
  /** Extra detail lines: a CdnEventParseError's issues, an AggregateError's failures, a cause. */
  details: string[];
}

/** What the handler returned, rendered for display. */
export interface RunResult {
  /** `json` for a JSON-serialisable value, `text` for a string or bytes, `undefined` for nothing. */
  kind: "json" | "text" | "undefined";
  text: string;
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
  | { kind: "crashed"; runId: number; message: string };

/** Most console lines a run shows; the rest are counted and reported as truncated. */
export const MAX_OUTPUT_LINES = 2000;
/** Longest single console line kept, in characters. */
export const MAX_LINE_CHARS = 10_000;
/** Default time a run may take before its worker is terminated. */
export const DEFAULT_TIMEOUT_MS = 5000;

const LEVELS = new Set<string>(["log", "info", "warn", "error", "debug"]);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const clip = (value: unknown, max: number): string => {
  const text = typeof value === "string" ? value : String(value);
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
};
const finite = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

function readError(value: unknown): SerializedError | undefined {
  if (!isRecord(value)) return undefined;
  const line = finite(value.line);
  const column = finite(value.column);
  return {
    name: clip(value.name ?? "Error", 200),
    message: clip(value.message ?? "", MAX_LINE_CHARS),
    stack: clip(value.stack ?? "", MAX_LINE_CHARS),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    details: Array.isArray(value.details) ? value.details.slice(0, 100).map((d) => clip(d, MAX_LINE_CHARS)) : [],
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
        lines.push({ level, text: clip(line.text, MAX_LINE_CHARS) });
      }
      return { kind: "console", runId, lines };
    }
    case "done": {
      const result = isRecord(data.result)
        ? {
            kind: (["json", "text", "undefined"].includes(String(data.result.kind))
              ? data.result.kind
              : "text") as RunResult["kind"],
            text: clip(data.result.text, 200_000),
          }
        : undefined;
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
      return { kind: "crashed", runId, message: clip(data.message, MAX_LINE_CHARS) };
    default:
      return undefined;
  }
}
