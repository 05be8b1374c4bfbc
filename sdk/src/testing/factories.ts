import {
  CDN_EVENT_CATALOG,
  type CdnEnvelope,
  type CdnEvent,
  type CdnEventName,
  type CdnEventOf,
  parseCdnEvents,
} from "../index.js";

/**
 * A deep-partial override: objects merge key by key, arrays and other values replace.
 *
 * @example
 * ```ts
 * import type { CdnEventOf } from "fc-cdn-trigger";
 * import { createCdnEvent, type CdnEventOverrides } from "fc-cdn-trigger/testing";
 * const offline: CdnEventOverrides<CdnEventOf<"CdnDomainStopped">> = { eventParameter: { status: "offline" } };
 * createCdnEvent("CdnDomainStopped", offline);
 * ```
 */
export type CdnEventOverrides<T> = T extends readonly unknown[] | string | number | boolean | null | undefined
  ? T
  : T extends object
    ? { [K in keyof T]?: CdnEventOverrides<T[K]> } & Record<string, unknown>
    : T;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(override)) {
    // Own data properties only: a "__proto__" key must not reach a prototype.
    Object.defineProperty(out, key, {
      value: deepMerge(base[key], override[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Creates a valid, typed event of the given name from the catalog's sample, with `overrides`
 * deep-merged into it. The result is validated, so an override that breaks the format throws
 * `CdnEventParseError`.
 *
 * @example
 * ```ts
 * import { createCdnEvent } from "fc-cdn-trigger/testing";
 *
 * const event = createCdnEvent("CachedObjectsRefreshed", {
 *   eventParameter: { objectPath: ["/index.html"] },
 * });
 * event.eventParameter.objectPath; // ["/index.html"]
 * ```
 */
export function createCdnEvent<N extends CdnEventName>(
  name: N,
  overrides?: CdnEventOverrides<CdnEventOf<N>>,
): CdnEventOf<N> {
  const definition = CDN_EVENT_CATALOG[name];
  if (!definition) {
    throw new TypeError(`createCdnEvent: ${JSON.stringify(name)} is not a CDN event name`);
  }
  const raw = deepMerge(definition.sample.events[0], overrides ?? {});
  const [event] = parseCdnEvents({ events: [raw] });
  return event as CdnEventOf<N>;
}

/**
 * Wraps events (or event names, turned into sample events) in the envelope Function Compute delivers. Pass them
 * as arguments or as one array.
 *
 * @throws {TypeError} for an item that is neither an event nor an event name (a nested array, say).
 * @example
 * ```ts
 * import { createCdnEnvelope, createCdnEvent } from "fc-cdn-trigger/testing";
 *
 * const body = createCdnEnvelope("LogFileCreated", createCdnEvent("CdnDomainAdded"));
 * const same = createCdnEnvelope(["LogFileCreated", createCdnEvent("CdnDomainAdded")]);
 * Buffer.from(JSON.stringify(body)); // what your handler receives on FC
 * ```
 */
export function createCdnEnvelope(...eventsOrNames: (CdnEvent | CdnEventName)[]): CdnEnvelope;
export function createCdnEnvelope(eventsOrNames: readonly (CdnEvent | CdnEventName)[]): CdnEnvelope;
export function createCdnEnvelope(...args: unknown[]): CdnEnvelope {
  // One array argument is the list itself; the events of an envelope are never arrays.
  const items = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return {
    events: items.map((item, index) => {
      if (typeof item === "string") return createCdnEvent(item as CdnEventName);
      if (typeof item === "object" && item !== null && !Array.isArray(item)) return item as CdnEvent;
      throw new TypeError(
        `createCdnEnvelope: item ${index} is ${Array.isArray(item) ? "an array" : item === null ? "null" : typeof item}; pass events or event names, as arguments (createCdnEnvelope(a, b)) or as one array (createCdnEnvelope([a, b])), not nested arrays`,
      );
    }),
  };
}
