// Typed routing for FC handlers. Runtime entry: no Node-only APIs, nothing beyond parseCdnEvents.
import {
  CDN_EVENT_NAMES,
  type CdnEvent,
  type CdnEventName,
  type CdnEventOf,
  isCdnEventName,
} from "./events/catalog.js";
import { suggestCdnEventName } from "./events/names.js";
import { type CdnEventsInput, type ParseCdnEventsOptions, parseCdnEvents } from "./parse.js";

/**
 * The logger Function Compute puts on `context.logger` (Node.js runtimes).
 *
 * @example
 * ```ts
 * import type { FcLogger } from "fc-cdn-trigger";
 * const log = (logger: FcLogger) => logger.info("hello");
 * ```
 */
export interface FcLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/**
 * The context Function Compute passes to a Node.js handler, as far as this SDK relies on it.
 * `fc-cdn-trigger/testing`'s `createFcContext` builds a realistic one for tests.
 *
 * @example
 * ```ts
 * import type { FcContext } from "fc-cdn-trigger";
 * const who = (context: FcContext) => `${context.function.name} in ${context.region}`;
 * ```
 */
export interface FcContext {
  requestId: string;
  /** Temporary STS credentials of the function's role. */
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken: string };
  function: { name: string; handler: string; memory: number; timeout: number; [key: string]: unknown };
  service: { name: string; logProject?: string; logStore?: string; qualifier?: string; versionId?: string };
  region: string;
  accountId: string;
  logger: FcLogger;
  [key: string]: unknown;
}

/**
 * One route: receives the event narrowed to its name.
 *
 * @example
 * ```ts
 * import type { CdnRoute } from "fc-cdn-trigger";
 * const onLog: CdnRoute<"LogFileCreated", string> = (event) => event.eventParameter.filePath;
 * ```
 */
export type CdnRoute<N extends CdnEventName, R = unknown> = (
  event: CdnEventOf<N>,
  context: FcContext,
) => R | Promise<R>;

/**
 * The route map of {@link defineCdnHandler}: one optional route per event name, plus `default`.
 *
 * @example
 * ```ts
 * import type { CdnRoutes } from "fc-cdn-trigger";
 * const routes: CdnRoutes = { CdnDomainAdded: (event) => event.resource.domain };
 * ```
 */
export type CdnRoutes = { [N in CdnEventName]?: CdnRoute<N> } & {
  /** Runs for every event whose name has no route of its own. */
  default?: (event: CdnEvent, context: FcContext) => unknown;
};

type Join<T extends readonly string[]> = T extends readonly [infer H extends string, ...infer R extends string[]]
  ? R extends readonly []
    ? H
    : `${H}, ${Join<R>}`
  : string;
/**
 * What a key that is not an event name must be: a route (so its parameters are still typed, with no implicit-any
 * error beside the real one) carrying a required property whose name is the message a misspelling shows.
 */
type UnknownRoute<K> = ((event: CdnEvent, context: FcContext) => unknown) & {
  [M in `${K & string} is not a CDN event name: use one of ${Join<typeof CDN_EVENT_NAMES>}, or default`]: never;
};
// Each key of the route map checked on its own: an event name gets its narrowed route type, so a typo is
// reported at the key, not as a mismatch of the whole object (or a weak-type error that hides the names).
type CheckedRoutes<T> = {
  [K in keyof T]: K extends keyof CdnRoutes ? NonNullable<CdnRoutes[K]> : UnknownRoute<K>;
};

/**
 * What one event's entry in the results can be: any route's return value, awaited, or `undefined`
 * when an event has neither a route nor a `default`.
 *
 * @example
 * ```ts
 * import type { CdnRouteResult } from "fc-cdn-trigger";
 * type R = CdnRouteResult<{ LogFileCreated: () => Promise<number> }>; // number | undefined
 * ```
 */
export type CdnRouteResult<T> =
  | { [K in keyof T]: T[K] extends (...args: never[]) => infer R ? Awaited<R> : never }[keyof T]
  | ("default" extends keyof T ? never : undefined);

/**
 * The Function Compute handler {@link defineCdnHandler} returns. FC's Node.js 18+ runtimes await it;
 * Node.js ≤16 runtimes pass `callback`, which is called with `(error, results)`.
 *
 * @example
 * ```ts
 * import type { CdnHandler } from "fc-cdn-trigger";
 * declare const handler: CdnHandler<string>;
 * ```
 */
export type CdnHandler<R> = (
  event: CdnEventsInput,
  context?: Partial<FcContext>,
  callback?: (error: unknown, results?: R[]) => void,
) => Promise<R[]>;

/**
 * Options of {@link defineCdnHandler}.
 *
 * @example
 * ```ts
 * import type { DefineCdnHandlerOptions } from "fc-cdn-trigger";
 * const options: DefineCdnHandlerOptions = { onDrift: (report) => console.warn(report.drifts) };
 * ```
 */
export interface DefineCdnHandlerOptions extends ParseCdnEventsOptions {
  /** Whether to warn, once per invocation, about events without a route or `default`. Default: `true`. */
  logUnrouted?: boolean;
}

/**
 * One event whose route threw or rejected.
 *
 * @example
 * ```ts
 * import type { CdnHandlerFailure } from "fc-cdn-trigger";
 * const describe = (f: CdnHandlerFailure) => `events[${f.index}] (${f.eventName})`;
 * ```
 */
export interface CdnHandlerFailure {
  /** The event's position in the envelope's `events`. */
  readonly index: number;
  readonly eventName: CdnEventName;
  /** What the route threw. */
  readonly error: unknown;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const at = (index: number, eventName: string) => `events[${index}] (${eventName})`;

/**
 * Thrown (rejected) by a {@link defineCdnHandler} handler after every event has run, when at least one
 * route failed, so Function Compute's retry policy applies. `failures` says which events failed and why;
 * `results` holds every event's result (`undefined` for the failed ones).
 *
 * @example
 * ```ts
 * import { CdnHandlerError } from "fc-cdn-trigger";
 * try {
 *   await handler(body, context);
 * } catch (error) {
 *   if (error instanceof CdnHandlerError) for (const f of error.failures) console.error(f.index, f.error);
 * }
 * ```
 */
export class CdnHandlerError extends AggregateError {
  override readonly name = "CdnHandlerError";
  readonly failures: readonly CdnHandlerFailure[];
  readonly results: readonly unknown[];

  constructor(failures: readonly CdnHandlerFailure[], results: readonly unknown[]) {
    super(
      failures.map((failure) => failure.error),
      `${failures.length} of ${results.length} CDN events failed: ${failures
        .map((f) => `${at(f.index, f.eventName)}: ${messageOf(f.error)}`)
        .join("; ")}`,
    );
    this.failures = failures;
    this.results = results;
  }
}

const noop = () => {};

// JavaScript has no compile step to catch a misspelled route: without this, its events would silently go to
// `default` (or nowhere).
function checkRoutes(table: Record<string, unknown>): void {
  for (const [key, route] of Object.entries(table)) {
    if (key !== "default" && !isCdnEventName(key)) {
      const hint = suggestCdnEventName(key);
      throw new TypeError(
        `defineCdnHandler: ${JSON.stringify(key)} is not a CDN event name${hint ? ` (did you mean ${hint}?)` : ""}; use one of ${CDN_EVENT_NAMES.join(", ")}, or default`,
      );
    }
    if (typeof route !== "function" && route !== undefined) {
      throw new TypeError(
        `defineCdnHandler: the ${key} route must be a function, got ${route === null ? "null" : typeof route}`,
      );
    }
  }
}

/**
 * Builds a Function Compute handler that parses the CDN envelope and runs the route of **every**
 * event, in order, with the event narrowed to its name. It resolves to one entry per event: the
 * route's return value, or `undefined` for an event with neither a route nor `default`.
 *
 * - One failing route does not stop the others; afterwards the handler rejects with
 *   {@link CdnHandlerError} listing the failures, so FC retries the invocation.
 * - An invalid payload rejects with `CdnEventParseError`, which says where it is wrong.
 * - Events without a route are reported in one warning through `context.logger`.
 * - A misspelled event name in `routes` is a compile error that lists the names, and (for JavaScript) a
 *   `TypeError` with "did you mean" when the handler is defined.
 *
 * @example
 * ```ts
 * import { defineCdnHandler } from "fc-cdn-trigger";
 *
 * export const handler = defineCdnHandler({
 *   LogFileCreated: async (event) => event.eventParameter.filePath,
 *   CachedObjectsRefreshed: (event, context) => {
 *     context.logger.info(`purged ${event.eventParameter.objectPath.length} objects`);
 *   },
 * });
 * // CommonJS: exports.handler = defineCdnHandler({ ... });
 * ```
 */
export function defineCdnHandler<const T extends object>(
  routes: T & CheckedRoutes<T>,
  options: DefineCdnHandlerOptions = {},
): CdnHandler<CdnRouteResult<T>> {
  const table = routes as Record<string, ((event: CdnEvent, context: FcContext) => unknown) | undefined>;
  checkRoutes(table);
  const run = async (input: CdnEventsInput, context: FcContext): Promise<CdnRouteResult<T>[]> => {
    const events = parseCdnEvents(input, options);
    const results: unknown[] = [];
    const failures: CdnHandlerFailure[] = [];
    const unrouted: string[] = [];
    for (const [index, event] of events.entries()) {
      const route = table[event.eventName] ?? table.default;
      if (!route) {
        unrouted.push(at(index, event.eventName));
        results.push(undefined);
        continue;
      }
      try {
        results.push(await route(event, context));
      } catch (error) {
        results.push(undefined);
        failures.push({ index, eventName: event.eventName, error });
      }
    }
    if (unrouted.length > 0 && options.logUnrouted !== false) {
      const logger = context?.logger;
      (logger?.warn ?? logger?.info)?.call(
        logger,
        `fc-cdn-trigger: no route for ${unrouted.join(", ")}; add one or a default route`,
      );
    }
    if (failures.length > 0) throw new CdnHandlerError(failures, results);
    return results as CdnRouteResult<T>[];
  };
  return (event, context, callback) => {
    const promise = run(event, (context ?? {}) as FcContext);
    if (typeof callback === "function") {
      promise.then(
        (results) => callback(null, results),
        (error) => callback(error),
      );
      // A callback-style runtime ignores the promise: keep its rejection from crashing the process.
      promise.catch(noop);
    }
    return promise;
  };
}
