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
  /**
   * How long the handler may run, like the function's timeout. Default: `context.function.timeout` seconds.
   * `Infinity` sets no timer, for a caller that enforces the limit itself (the playground terminates its worker).
   */
  timeoutMs?: number;
  /** Also write console output to the real console while capturing it. Default: `false`. */
  echoConsole?: boolean;
  /**
   * Capture `console` into `logs` while the handler runs. Default: `true`. With `false` the console is left
   * alone, for a caller that captures or streams it itself (the playground shows each line as it is written);
   * `logs` then holds only `context.logger` lines.
   */
  captureConsole?: boolean;
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
  /** Whether the handler succeeded. `false` also when it failed with `undefined` or `null` (`Promise.reject()`). */
  ok: boolean;
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

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown; timedOut?: boolean };

/** How an invocation settled, as the warning about a later callback call says it. */
const SETTLED_BY = {
  callback: "",
  promise: "with its returned promise",
  value: "with its return value",
  throw: "with a thrown error",
  timeout: "by timing out",
} as const;

type SettledBy = keyof typeof SETTLED_BY;

const warn = (message: string, ...details: unknown[]) =>
  // Looked up at call time: while an invocation captures the console this lands in its logs, otherwise it is seen.
  console.warn(`fc-cdn-trigger: ${message}`, ...details);

/**
 * FC's rules for settling one invocation, fed with what the handler does: a returned thenable settles it;
 * otherwise a handler declared with 3 or more parameters settles only through its callback (its return value is
 * ignored), and one with fewer settles with its return value; a throw settles it with the error. A callback call
 * that would settle it a second time is ignored with a warning.
 */
function fcSettlement(handler: FcHandler, resolve: (outcome: Outcome) => void) {
  let settledBy: SettledBy | undefined;
  /** Set once the return value is known to settle the invocation: the callback no longer can. */
  let settlesByReturn: "promise" | "value" | undefined;
  let callbackCalls = 0;
  const settle = (by: SettledBy, outcome: Outcome): boolean => {
    if (settledBy) return false;
    settledBy = by;
    resolve(outcome);
    return true;
  };
  const fromCallback = (error: unknown, result?: unknown) => {
    callbackCalls++;
    if (callbackCalls > 1) warn("the handler called its callback more than once; this call is ignored");
    else if (settledBy)
      warn(`the handler called its callback after it settled ${SETTLED_BY[settledBy]}; the call is ignored`);
    // A handler that settles by its return value may call the callback too (defineCdnHandler serves both styles).
    else if (!settlesByReturn) {
      settle("callback", error === null || error === undefined ? { ok: true, value: result } : { ok: false, error });
    }
  };
  // Calls made while the handler runs wait until its return value says whether it settles by return.
  let early: [unknown, unknown][] | undefined = [];
  const flushEarly = () => {
    const calls = early ?? [];
    early = undefined;
    for (const [error, result] of calls) fromCallback(error, result);
  };
  return {
    callback(error: unknown, result?: unknown): void {
      if (early) early.push([error, result]);
      else fromCallback(error, result);
    },
    returned(value: unknown): void {
      if (isThenable(value)) settlesByReturn = "promise";
      else if (handler.length < 3) settlesByReturn = "value";
      // The calls made before the return came first; calls from here on (even inside `then`) come after.
      flushEarly();
      if (settlesByReturn === "promise") {
        (value as PromiseLike<unknown>).then(
          (result) => settle("promise", { ok: true, value: result }),
          (error) => settle("promise", { ok: false, error }),
        );
      } else if (settlesByReturn === "value") {
        settle("value", { ok: true, value });
      }
    },
    threw(error: unknown): void {
      flushEarly();
      if (!settle("throw", { ok: false, error }) && settledBy === "callback") {
        warn("the handler threw after its callback had settled the invocation; the error is ignored:", error);
      }
    },
    timedOut(timeoutMs: number): void {
      settle("timeout", { ok: false, error: new FcTimeoutError(timeoutMs), timedOut: true });
    },
  };
}

/**
 * Runs a handler locally the way Function Compute's Node.js runtime does: the event arrives as a
 * Buffer of the JSON body, the context is realistic (or yours), `console` output and `context.logger`
 * lines are captured, and the timeout is enforced as FC does: past it, the invocation ends with
 * `timedOut: true` and an {@link FcTimeoutError}. It never throws: failures are in `error`.
 *
 * How the invocation settles, as FC decides it:
 * - a handler that returns a thenable (an `async` handler) settles with it;
 * - otherwise a handler declared with 3 or more parameters, `(event, context, callback)`, settles only when it
 *   calls `callback(error, result)`; what it returns is ignored;
 * - a handler declared with fewer parameters settles with its return value;
 * - a throw settles it with the error.
 *
 * A handler whose return value settles it may still call its callback once before it settles (defineCdnHandler's
 * handlers do, for callback-style runtimes); that call is ignored. A second callback call, a call after the
 * invocation settled, and a throw after the callback settled it are ignored too, and reported with `console.warn`:
 * while the invocation captures the console the warning is in its `logs`; once it has ended (or with
 * `captureConsole: false`) it reaches the console of that moment, e.g. the real `console.warn`.
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
  if (!(timeoutMs > 0)) {
    throw new RangeError(
      `invokeHandler: timeoutMs must be a positive number of milliseconds (or Infinity for no timer), got ${timeoutMs}`,
    );
  }
  const release =
    options.captureConsole === false
      ? () => {}
      : captureConsole((level, args) => {
          record({ level, message: formatLogArgs(args), source: "console", time: new Date().toISOString() });
          if (options.echoConsole) {
            const method = saved?.get(level === "info" ? "log" : level) as ((...a: unknown[]) => void) | undefined;
            method?.apply(console, args);
          }
        });
  const event = toEventBytes(input);
  let resolveOutcome: (outcome: Outcome) => void = () => {};
  const outcomePromise = new Promise<Outcome>((resolve) => {
    resolveOutcome = resolve;
  });
  const settlement = fcSettlement(handler, resolveOutcome);
  const started = now();
  // setTimeout fires at once past 2^31-1 ms; such a limit is "never" in practice.
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => settlement.timedOut(timeoutMs), Math.min(timeoutMs, 2 ** 31 - 1))
    : undefined;
  // Called right here, not in a helper or a Promise executor, so the frame under the handler's is invokeHandler's:
  // the playground cuts error stacks there, at the runtime's edge.
  try {
    settlement.returned(handler(event, context, settlement.callback));
  } catch (error) {
    settlement.threw(error);
  }
  const outcome = await outcomePromise;
  const durationMs = now() - started;
  clearTimeout(timer);
  open = false;
  release();
  return {
    ok: outcome.ok,
    result: outcome.ok ? (outcome.value as R) : undefined,
    response: outcome.ok ? toResponse(outcome.value) : undefined,
    error: outcome.ok ? undefined : outcome.error,
    timedOut: !outcome.ok && outcome.timedOut === true,
    logs,
    durationMs,
  };
}
