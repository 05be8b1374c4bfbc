import { type CdnDrift, type CdnDriftReport, collectDrift } from "./drift.js";
import { type CdnEventIssue, type CdnEventIssueCode, CdnEventParseError } from "./errors.js";
import { CDN_EVENT_NAMES, type CdnEvent, type CdnEventName } from "./events/catalog.js";
import { explain, type Plan } from "./events/explain.js";
import { FAST_PATHS, PLANS, ZOD_FALLBACK } from "./events/fast-path.generated.js";
import { DECLINE, type FastPath, isRecord, type ZodFallback } from "./events/fast-path-runtime.js";

type ZodSchemaLike = ReturnType<ZodFallback[string]>;

import { findJsonErrorOffset, lineAndColumn } from "./json-error.js";

/**
 * What `parseCdnEvents` accepts: the body FC passes (a Buffer), its text, or the parsed JSON.
 *
 * @example
 * ```ts
 * import { parseCdnEvents, type CdnEventsInput } from "fc-cdn-trigger";
 * const count = (input: CdnEventsInput) => parseCdnEvents(input).length;
 * ```
 */
export type CdnEventsInput = string | Uint8Array | ArrayBuffer | object;

/**
 * Options of {@link parseCdnEvents} and {@link safeParseCdnEvents}.
 *
 * @example
 * ```ts
 * import { parseCdnEvents, type ParseCdnEventsOptions } from "fc-cdn-trigger";
 * const options: ParseCdnEventsOptions = { onDrift: (report) => console.warn(report.drifts), maxBytes: 1 << 20 };
 * parseCdnEvents(body, options);
 * ```
 */
export interface ParseCdnEventsOptions {
  /** Called once with every difference from the documented format, when there is any. */
  onDrift?: (report: CdnDriftReport) => void;
  /** Inputs larger than this many bytes are refused. Default: 6 MiB. */
  maxBytes?: number;
}

/**
 * The result of {@link safeParseCdnEvents}.
 *
 * @example
 * ```ts
 * import { safeParseCdnEvents, type SafeParseCdnEventsResult } from "fc-cdn-trigger";
 * const result: SafeParseCdnEventsResult = safeParseCdnEvents(body);
 * if (result.success) console.log(result.data.length);
 * ```
 */
export type SafeParseCdnEventsResult =
  | { success: true; data: CdnEvent[] }
  | { success: false; error: CdnEventParseError };

const DEFAULT_MAX_BYTES = 6 * 1024 * 1024;
// Each event's fast path and plan, in CDN_EVENT_NAMES order.
const FAST_PATH_OF = CDN_EVENT_NAMES.map((name) => FAST_PATHS[name]);
const PLAN_OF = CDN_EVENT_NAMES.map((name) => PLANS[name]);
// The envelope's known fields, for drift: anything beside `events` is reported.
const ENVELOPE_PLAN: Plan = { t: "object", s: { events: { t: "array", i: { t: "object", s: {} } } } };
const ENVELOPE_HINT = 'expected an envelope like {"events": [ ... ]}';

interface ZodIssueLike {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
}

const preview = (value: unknown): string => {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Cycles, BigInts, or nesting deeper than the stack: the kind is all a message needs (String() of a deep
    // array would recurse just as deep).
    text = kindOf(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const kindOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

// zod's codes as the issue codes they are; "required" is zod's invalid_type with no input.
const ZOD_CODES = new Set<string>([
  "invalid_type",
  "invalid_value",
  "invalid_format",
  "too_small",
  "too_big",
  "invalid_union",
]);
function codeOf(issue: ZodIssueLike): CdnEventIssueCode {
  if ("input" in issue && issue.input === undefined) return "required";
  return ZOD_CODES.has(issue.code as string) ? (issue.code as CdnEventIssueCode) : "custom";
}

function describe(issue: ZodIssueLike): string {
  if ("input" in issue && issue.input === undefined) return "required";
  const custom = issue.message && issue.message !== "Invalid input" ? issue.message : undefined;
  if (issue.code === "invalid_type") {
    return `${custom ?? `expected ${issue.expected}`}, got ${kindOf(issue.input)}`;
  }
  const got = "input" in issue ? `, got ${preview(issue.input)}` : "";
  if (issue.code === "invalid_value") {
    return `${custom ?? `expected ${(issue.values ?? []).map(preview).join(" or ")}`}${got}`;
  }
  return `${custom ?? issue.message ?? "invalid"}${got}`;
}

let decoder: TextDecoder | undefined;

// Each step reports its problem into `issues` and returns undefined: no result wrappers on the hot path.
function decode(input: Uint8Array | ArrayBuffer, maxBytes: number, issues: CdnEventIssue[]): string | undefined {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength > maxBytes) {
    issues.push(tooLarge(bytes.byteLength, maxBytes));
    return undefined;
  }
  try {
    // A lenient decoder first: JSON.parse is ~20% slower on the strings a fatal one returns (V8). Only a
    // U+FFFD in the result can mean invalid bytes; then the fatal decoder decides.
    decoder ??= new TextDecoder();
    const text = decoder.decode(bytes);
    return text.includes("\uFFFD") ? new TextDecoder("utf-8", { fatal: true }).decode(bytes) : text;
  } catch {
    issues.push({
      code: "invalid_utf8",
      path: [],
      message: "input is not valid UTF-8 text; send the event body exactly as Function Compute passes it",
    });
    return undefined;
  }
}

const tooLarge = (size: number, maxBytes: number): CdnEventIssue => ({
  code: "input_too_large",
  path: [],
  message: `input is ${size} bytes, over the limit of ${maxBytes} bytes; no CDN event is that large (raise options.maxBytes if you must)`,
});

function parseJson(text: string, maxBytes: number, issues: CdnEventIssue[]): unknown {
  // Strings are measured in UTF-16 units: a cheap upper bound that needs no encoding pass.
  if (text.length > maxBytes) {
    issues.push(tooLarge(text.length, maxBytes));
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    issues.push(notJson(text, error));
    return undefined;
  }
}

function notJson(text: string, error: unknown): CdnEventIssue {
  if (text.trim() === "") return { code: "empty_input", path: [], message: `input is empty; ${ENVELOPE_HINT}` };
  const message = String((error as Error)?.message ?? error);
  // The engine's position when it gives one (V8 mostly does), else our own scan.
  const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? findJsonErrorOffset(text));
  const where =
    offset >= 0 ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, offset)) : "";
  // The engine's own words, without the position it may add (ours is computed the same everywhere).
  const reason = message.split("\n")[0]?.replace(/ in JSON at position \d+.*$/, "");
  return {
    code: "invalid_json",
    path: [],
    message: `input is not JSON${where} (${reason}); check the payload's syntax`,
  };
}

function validate(
  root: unknown,
  issues: CdnEventIssue[],
  drifts: CdnDrift[] | undefined,
  text: string | undefined,
): CdnEvent[] {
  if (!isRecord(root)) {
    issues.push({ code: "not_an_envelope", path: [], message: `${ENVELOPE_HINT}, got ${kindOf(root)}` });
    return [];
  }
  const events = root.events;
  if (events === undefined) {
    const bareEvent = "eventName" in root;
    issues.push({
      code: bareEvent ? "not_an_envelope" : "required",
      path: ["events"],
      message: bareEvent
        ? 'required: this looks like a single event; wrap it as {"events": [<event>]}, the way Function Compute delivers it'
        : `required; ${ENVELOPE_HINT}`,
    });
    return [];
  }
  if (!Array.isArray(events)) {
    issues.push({
      code: "invalid_type",
      path: ["events"],
      message: `expected an array of events, got ${kindOf(events)}`,
    });
    return [];
  }
  if (events.length === 0) {
    issues.push({ code: "too_small", path: ["events"], message: "expected at least one event, got an empty array" });
    return [];
  }
  if (drifts) collectDrift(root, ENVELOPE_PLAN, [], drifts);
  // Parsed from our own text, the events are ours to reuse (no caller holds them).
  const owned = text !== undefined;
  const out: CdnEvent[] = [];
  for (let index = 0; index < events.length; index++) {
    const event: unknown = events[index];
    if (!isRecord(event)) {
      issues.push({
        code: "invalid_type",
        path: ["events", index],
        message: `expected an event object, got ${kindOf(event)}`,
      });
      continue;
    }
    const name = event.eventName;
    // An index, not a lookup by name: a name JSON.parse made is not an internalised string, and a lookup
    // by it hashes it every time.
    const at = CDN_EVENT_NAMES.indexOf(name as CdnEventName);
    if (at < 0) {
      issues.push({
        code: name === undefined ? "required" : "unknown_event",
        path: ["events", index, "eventName"],
        message:
          name === undefined
            ? `required; expected one of ${CDN_EVENT_NAMES.join(", ")}`
            : `${preview(name)} is not a CDN event; expected one of ${CDN_EVENT_NAMES.join(", ")}`,
      });
      continue;
    }
    // The generated fast path returns what zod would output, or declines an invalid event; the plan then
    // yields zod's own issues. Both come from the catalog's schemas at build time, so zod stays unloaded.
    const plan = PLAN_OF[at];
    // Drift first: the fast path may normalise an event we parsed in place. Kept only if the event is valid.
    const driftsBefore = drifts?.length ?? 0;
    if (drifts) collectDrift(event, plan, ["events", index], drifts);
    let data = (FAST_PATH_OF[at] as FastPath)(event, owned);
    if (data === DECLINE) {
      const found: ZodIssueLike[] = [];
      if (plan) found.push(...explain(plan, event));
      else {
        // A schema feature the build does not model: zod decides.
        const schemaOf = (ZOD_FALLBACK as NonNullable<typeof ZOD_FALLBACK>)[name as string] as () => ZodSchemaLike;
        const result = schemaOf().safeParse(event, { reportInput: true });
        if (result.success) data = keepProtoKeys(event, result.data);
        else found.push(...(result.error as { issues: ZodIssueLike[] }).issues);
      }
      if (found.length > 0) {
        if (drifts) drifts.length = driftsBefore;
        for (const issue of found) {
          issues.push({
            code: codeOf(issue),
            path: ["events", index, ...((issue.path ?? []) as (string | number)[])],
            message: describe(issue),
          });
        }
        continue;
      }
    }
    out.push(data as CdnEvent);
  }
  return out;
}

// zod's loose objects drop an own "__proto__" key (assigning it would set a prototype). Unknown fields are
// kept as sent, so it is restored as an own data property, never as a prototype (as the fast path does).
// zod copies unknown values by reference, so only the objects it rebuilt (raw !== out) need a look.
function keepProtoKeys<T>(raw: unknown, out: T): T {
  if (isRecord(raw) && isRecord(out) && raw !== out) {
    const own = Object.getOwnPropertyDescriptor(raw, "__proto__");
    if (own) Object.defineProperty(out, "__proto__", { ...own, enumerable: true, writable: true, configurable: true });
    for (const key of Object.keys(out)) keepProtoKeys(raw[key], out[key]);
  }
  return out;
}

/**
 * Parses and validates a CDN trigger payload, returning every event of the envelope in order,
 * normalised (numbers as numbers, `taskId` as a string, `objectPath` as an array).
 *
 * @throws {CdnEventParseError} when the input is not a valid envelope; its `issues` say where.
 * @example
 * ```ts
 * import { parseCdnEvents } from "fc-cdn-trigger";
 *
 * export const handler = async (event: Buffer) => {
 *   for (const cdnEvent of parseCdnEvents(event)) {
 *     if (cdnEvent.eventName === "LogFileCreated") console.log(cdnEvent.eventParameter.filePath);
 *   }
 * };
 * ```
 */
export function parseCdnEvents(input: CdnEventsInput, options?: ParseCdnEventsOptions): CdnEvent[] {
  const issues: CdnEventIssue[] = [];
  const events = parseInto(input, options, issues);
  if (issues.length > 0) throw new CdnEventParseError(issues);
  return events;
}

/**
 * Like {@link parseCdnEvents}, but returns the error instead of throwing it.
 *
 * @example
 * ```ts
 * import { safeParseCdnEvents } from "fc-cdn-trigger";
 *
 * const result = safeParseCdnEvents('{"events": []}');
 * if (!result.success) console.error(result.error.message);
 * ```
 */
export function safeParseCdnEvents(input: CdnEventsInput, options?: ParseCdnEventsOptions): SafeParseCdnEventsResult {
  const issues: CdnEventIssue[] = [];
  const data = parseInto(input, options, issues);
  return issues.length > 0 ? { success: false, error: new CdnEventParseError(issues) } : { success: true, data };
}

const isStackOverflow = (error: unknown) =>
  error instanceof RangeError && /call stack|too much recursion/i.test(error.message);

/**
 * An exception while checking: the engine's stack running out, or a caller's object throwing when read, become
 * issues. Anything else is a bug of ours and is rethrown, never passed off as a problem with the input.
 */
function unexpected(error: unknown, owned: boolean): CdnEventIssue {
  if (isStackOverflow(error)) {
    return {
      code: "too_deep",
      path: [],
      message: "input nests too deeply to check (the JavaScript engine ran out of stack); no CDN event nests like this",
    };
  }
  if (owned) throw error;
  return {
    code: "input_threw",
    path: [],
    message: `could not be parsed: reading the object passed in threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}; pass plain JSON data or the raw body`,
  };
}

function parseInto(input: CdnEventsInput, options: ParseCdnEventsOptions | undefined, issues: CdnEventIssue[]) {
  const maxBytes = options?.maxBytes ?? DEFAULT_MAX_BYTES;
  const drifts: CdnDrift[] | undefined = options?.onDrift ? [] : undefined;
  let events: CdnEvent[] = [];
  // Text and bytes are parsed by us, so nothing in them can run code; a caller's object may (getters, Proxies).
  const owned = typeof input === "string" || input instanceof Uint8Array || input instanceof ArrayBuffer;
  try {
    let root: unknown = input;
    let text: string | undefined;
    if (owned) {
      text = typeof input === "string" ? input : decode(input, maxBytes, issues);
      if (text !== undefined) root = parseJson(text, maxBytes, issues);
    }
    if (issues.length === 0) events = validate(root, issues, drifts, text);
  } catch (error) {
    issues.push(unexpected(error, owned));
  }
  if (issues.length === 0 && drifts && drifts.length > 0) options?.onDrift?.({ drifts });
  return events;
}
