import type { FcContext, FcLogger } from "../index.js";
import { createCapturedLogger, createFcContext, type FcLogLine, formatLogArgs } from "./context.js";

/**
 * Options of {@link invokeHandler}.
 *
 * @example
 * ```ts
 * import type { InvokeHandlerOptions } from "fc-cdn-trigger/testing";
 * const options: InvokeHandlerOptions = { timeoutMs: 1000 };
 * ```
 */
export interface InvokeHandlerOptions {
  /** The context to pass; default: a fresh `createFcContext()`. Its logger lines also land in `logs`. */
  context?: Partial<FcContext>;
  /** How long the handler may run, like the function's timeout. Default: `context.function.timeout` seconds. */
  timeoutMs?: number;
  /** Also write console output to the real console while capturing it. Default: `false`. */
  echoConsole?: boolean;
}

/**
 * What {@link invokeHandler} reports about one invocation.
 *
 * @example
 * ```ts
 * import type { InvokeResult } from "fc-cdn-trigger/testing";
 * const ok = (r: InvokeResult) => r.error === undefined;
 * ```
 */
export interface InvokeResult<R = unknown> {
  /** What the handler returned (or passed to its callback); `undefined` when it failed. */
  result: R | undefined;
  /** The body FC would respond with: strings and bytes as they are, anything else as JSON. */
  response: string | undefined;
  /** What the handler threw, rejected with or passed to its callback; a timeout is an {@link FcTimeoutError}. */
  error: unknown;
  /** Whether the handler ran past `timeoutMs`. */
  timedOut: boolean;
  /** Lines from `context.logger` and `console`, in order. */
  logs: FcLogLine[];
  /** Wall-clock time the invocation took, in milliseconds. */
  durationMs: number;
}

/**
 * The error an invocation reports when the handler runs past its timeout, as FC reports
 * "Function timed out after N seconds".
 *
 * @example
 * ```ts
 * import { FcTimeoutError, invokeHandler } from "fc-cdn-trigger/testing";
 * const { error } = await invokeHandler(handler, body, { timeoutMs: 10 });
 * if (error instanceof FcTimeoutError) console.log(error.timeoutMs);
 * ```
 */
export class FcTimeoutError extends Error {
  override readonly name = "FcTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`Function timed out after ${timeoutMs / 1000} seconds`);
  }
}

/**
 * A handler as FC's Node.js runtimes call it: async (`(event, context)` → promise) or callback style
 * (`(event, context, callback)`).
 *
 * @example
 * ```ts
 * import type { FcHandler } from "fc-cdn-trigger/testing";
 * const handler: FcHandler = async (event) => JSON.parse(String(event));
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: any handler signature must be accepted
export type FcHandler = (event: any, context: any, callback: (error: unknown, result?: unknown) => void) => unknown;

type Level = FcLogLine["level"];
const CONSOLE_LEVELS: [keyof Console, Level][] = [
  ["log", "info"],
  ["info", "info"],
  ["debug", "debug"],
  ["warn", "warn"],
  ["error", "error"],
  ["trace", "debug"],
];

// Console capture is shared: output goes to the innermost running invocation, and the
// real methods come back when the last one ends.
const sinks: ((level: Level, args: unknown[]) => void)[] = [];
let saved: Map<keyof Console, unknown> | undefined;

function captureConsole(sink: (level: Level, args: unknown[]) => void): () => void {
  if (!saved) {
    saved = new Map();
    const original = saved;
    for (const [method, level] of CONSOLE_LEVELS) {
      original.set(method, console[method]);
      (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
        sinks[sinks.length - 1]?.(level, args);
    }
  }
  sinks.push(sink);
  return () => {
    const at = sinks.lastIndexOf(sink);
    if (at >= 0) sinks.splice(at, 1);
    if (sinks.length === 0 && saved) {
      for (const [method, fn] of saved) (console as unknown as Record<string, unknown>)[method] = fn;
      saved = undefined;
    }
  };
}

const encoder = new TextEncoder();

/** The event as FC passes it: a Buffer of the JSON body (a Uint8Array where there is no Buffer). */
function toEventBytes(input: unknown): Uint8Array {
  let bytes: Uint8Array;
  if (typeof input === "string") bytes = encoder.encode(input);
  else if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else bytes = encoder.encode(JSON.stringify(input));
  const NodeBuffer = (globalThis as { Buffer?: { from(bytes: Uint8Array): Uint8Array } }).Buffer;
  return NodeBuffer ? NodeBuffer.from(bytes) : bytes;
}

function toResponse(result: unknown): string | undefined {
  if (result === undefined) return undefined;
  if (typeof result === "string") return result;
  if (result instanceof Uint8Array) return new TextDecoder().decode(result);
  try {
    return JSON.stringify(result);
  } catch (error) {
    return `[unserialisable result: ${error instanceof Error ? error.message : String(error)}]`;
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === "object" || typeof value === "function") &&
  value !== null &&
  typeof (value as { then?: unknown }).then === "function";

const now = () => globalThis.performance?.now() ?? Date.now();

/**
 * Runs a handler locally the way Function Compute's Node.js runtime does: the event arrives as a
 * Buffer of the JSON body, the context is realistic (or yours), async and callback handlers both
 * work, `console` output and `context.logger` lines are captured, and the timeout is enforced as FC
 * does: past it, the invocation ends with `timedOut: true` and an {@link FcTimeoutError}.
 * It never throws: failures are in `error`.
 *
 * @example
 * ```ts
 * import { createCdnEnvelope, invokeHandler } from "fc-cdn-trigger/testing";
 * import { handler } from "./index.js";
 *
 * const { result, error, logs, durationMs } = await invokeHandler(handler, createCdnEnvelope("LogFileCreated"));
 * ```
 */
export async function invokeHandler<R = unknown>(
  handler: FcHandler,
  input: unknown,
  options: InvokeHandlerOptions = {},
): Promise<InvokeResult<R>> {
  if (typeof handler !== "function") {
    throw new TypeError(
      `invokeHandler: expected a handler function, got ${handler === null ? "null" : typeof handler}`,
    );
  }
  const logs: FcLogLine[] = [];
  let open = true;
  const record = (line: FcLogLine) => {
    if (open) logs.push(line);
  };
  const base = createFcContext(options.context as Parameters<typeof createFcContext>[0]);
  // Route the context logger's lines into this invocation's logs as well as its own `lines`.
  const contextLogger: FcLogger = base.logger;
  const logger = createCapturedLogger(record);
  for (const level of ["debug", "info", "warn", "error"] as const) {
    const write = logger[level];
    logger[level] = (...args: unknown[]) => {
      write(...args);
      contextLogger[level](...args);
    };
  }
  const context = { ...base, logger };
  const timeoutMs = options.timeoutMs ?? context.function.timeout * 1000;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(`invokeHandler: timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  const release = captureConsole((level, args) => {
    record({ level, message: formatLogArgs(args), source: "console", time: new Date().toISOString() });
    if (options.echoConsole) {
      const method = saved?.get(level === "info" ? "log" : level) as ((...a: unknown[]) => void) | undefined;
      method?.apply(console, args);
    }
  });
  const event = toEventBytes(input);
  const started = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown; timedOut?: boolean };
  const outcome = await new Promise<Outcome>((resolve) => {
    let settled = false;
    const settle = (value: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    timer = setTimeout(() => settle({ ok: false, error: new FcTimeoutError(timeoutMs), timedOut: true }), timeoutMs);
    const callback = (error: unknown, result?: unknown) =>
      settle(error === null || error === undefined ? { ok: true, value: result } : { ok: false, error });
    try {
      const returned = handler(event, context, callback);
      if (isThenable(returned)) {
        returned.then(
          (value) => settle({ ok: true, value }),
          (error) => settle({ ok: false, error }),
        );
      } else if (handler.length < 3 || returned !== undefined) {
        // A synchronous handler that does not take a callback is done when it returns.
        settle({ ok: true, value: returned });
      }
    } catch (error) {
      settle({ ok: false, error });
    }
  });
  const durationMs = now() - started;
  clearTimeout(timer);
  open = false;
  release();
  return {
    result: outcome.ok ? (outcome.value as R) : undefined,
    response: outcome.ok ? toResponse(outcome.value) : undefined,
    error: outcome.ok ? undefined : outcome.error,
    timedOut: !outcome.ok && outcome.timedOut === true,
    logs,
    durationMs,
  };
}
