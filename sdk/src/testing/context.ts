import type { FcContext, FcLogger } from "../index.js";

/**
 * One captured log line: from `context.logger` or, during `invokeHandler`, from `console`.
 *
 * @example
 * ```ts
 * import type { FcLogLine } from "fc-cdn-trigger/testing";
 * const isError = (line: FcLogLine) => line.level === "error";
 * ```
 */
export interface FcLogLine {
  readonly level: "debug" | "info" | "warn" | "error";
  readonly message: string;
  readonly source: "logger" | "console";
  /** ISO 8601 time the line was written. */
  readonly time: string;
}

/**
 * `context.logger` of a test context: logs like FC's and keeps every line in `lines`.
 *
 * @example
 * ```ts
 * import { createFcContext } from "fc-cdn-trigger/testing";
 * const context = createFcContext();
 * context.logger.info("hi");
 * context.logger.lines[0]?.message; // "hi"
 * ```
 */
export interface CapturedFcLogger extends FcLogger {
  readonly lines: FcLogLine[];
}

/**
 * The context {@link createFcContext} returns: an {@link FcContext} whose logger captures its lines.
 *
 * @example
 * ```ts
 * import { createFcContext, type TestFcContext } from "fc-cdn-trigger/testing";
 * const context: TestFcContext = createFcContext();
 * ```
 */
export interface TestFcContext extends FcContext {
  logger: CapturedFcLogger;
}

/**
 * Overrides for {@link createFcContext}: top-level fields, with objects merged one level deep.
 *
 * @example
 * ```ts
 * import { createFcContext, type FcContextOverrides } from "fc-cdn-trigger/testing";
 * const overrides: FcContextOverrides = { region: "cn-shanghai", function: { timeout: 3 } };
 * const context = createFcContext(overrides);
 * ```
 */
export type FcContextOverrides = {
  [K in keyof FcContext]?: FcContext[K] extends FcLogger
    ? FcLogger
    : FcContext[K] extends object
      ? Partial<FcContext[K]>
      : FcContext[K];
};

/** Formats console/logger arguments roughly like Node's `util.format`, without Node APIs. */
export function formatLogArgs(args: readonly unknown[]): string {
  return args
    .map((arg) => {
      if (typeof arg === "string") return arg;
      if (arg instanceof Error) return arg.stack ?? `${arg.name}: ${arg.message}`;
      if (typeof arg === "object" && arg !== null) {
        try {
          return JSON.stringify(arg);
        } catch {
          return String(arg);
        }
      }
      return String(arg);
    })
    .join(" ");
}

const randomId = (): string => {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Builds a logger that keeps its lines and tells `sink` about each one. */
export function createCapturedLogger(sink?: (line: FcLogLine) => void): CapturedFcLogger {
  const lines: FcLogLine[] = [];
  const write =
    (level: FcLogLine["level"]) =>
    (...args: unknown[]) => {
      const line: FcLogLine = { level, message: formatLogArgs(args), source: "logger", time: new Date().toISOString() };
      lines.push(line);
      sink?.(line);
    };
  return { lines, debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/**
 * A realistic Function Compute context for tests and local runs: a fresh `requestId`, placeholder STS
 * `credentials`, `function` (`name`, `handler`, `memory` in MB, `timeout` in seconds), `service`,
 * `region`, `accountId`, and a `logger` whose lines are captured in `context.logger.lines`.
 * `overrides` are merged one level deep (`{ function: { timeout: 10 } }` keeps the other fields).
 *
 * @example
 * ```ts
 * import { createFcContext } from "fc-cdn-trigger/testing";
 *
 * const context = createFcContext({ region: "cn-shanghai", function: { timeout: 10 } });
 * await handler(body, context);
 * console.log(context.logger.lines);
 * ```
 */
export function createFcContext(overrides: FcContextOverrides = {}): TestFcContext {
  const base: TestFcContext = {
    requestId: randomId(),
    credentials: {
      accessKeyId: "STS.local-test-access-key-id",
      accessKeySecret: "local-test-access-key-secret",
      securityToken: "local-test-security-token",
    },
    function: { name: "cdn-handler", handler: "index.handler", memory: 512, timeout: 60 },
    service: { name: "cdn-service", logProject: "", logStore: "", qualifier: "LATEST", versionId: "" },
    region: "cn-hangzhou",
    accountId: "1234567890123456",
    logger: createCapturedLogger(),
  };
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = key !== "logger" && isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  const context = out as unknown as TestFcContext;
  if (!Array.isArray((context.logger as Partial<CapturedFcLogger>).lines)) {
    // A caller-supplied logger still gets captured; its own methods are called too.
    const inner = context.logger as FcLogger;
    const captured = createCapturedLogger();
    for (const level of ["debug", "info", "warn", "error"] as const) {
      const write = captured[level];
      captured[level] = (...args: unknown[]) => {
        write(...args);
        inner[level]?.(...args);
      };
    }
    context.logger = captured;
  }
  return context;
}
