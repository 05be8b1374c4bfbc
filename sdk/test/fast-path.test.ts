// The parser's fast path (src/events/fast-path.generated.ts, written by `npm run generate` from the catalog's zod
// schemas; test/repo/generated-files.test.ts keeps it fresh) must answer exactly as zod does: the same output, byte for byte and key for key, for
// every valid event, and the same issues (code, path, message, input) for every invalid one. Checked here
// against zod itself over random valid and near-valid events, as our own parsed text and as caller objects.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { fastPathSources, generateFastPath } from "../scripts/fast-path-codegen.mjs";
import { cdnEventSchemaOf } from "../src/events/catalog.js";
import { explain, type Plan } from "../src/events/explain.js";
import { FAST_PATHS, PLANS, ZOD_FALLBACK } from "../src/events/fast-path.generated.js";
import { DECLINE } from "../src/events/fast-path-runtime.js";
import { isDriftSensitive } from "../src/events/wire.js";
import {
  CDN_EVENT_CATALOG,
  CDN_EVENT_NAMES,
  type CdnDriftReport,
  type CdnEventName,
  parseCdnEvents,
} from "../src/index.js";

const sdk = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = { owned: 4000, objects: 4000, valid: 1500 };

async function regenerate() {
  const files = fastPathSources(sdk);
  const modules: Record<string, Record<string, unknown>> = {};
  for (const file of files)
    modules[`./${file.replace(/\.ts$/, ".js")}`] = await import(/* @vite-ignore */ `../src/events/${file}`);
  return generateFastPath(cdnEventSchemaOf, modules, {
    driftKind: isDriftSensitive,
    defaultMinLengthWhen: (z.minLength(1) as unknown as { _zod: { def: { when: unknown } } })._zod.def.when,
  });
}

describe("the generated fast path", () => {
  it("models every feature of the catalog's schemas, so the parser never runs zod", async () => {
    const { unsupported } = await regenerate();
    expect(unsupported).toEqual([]);
    expect(ZOD_FALLBACK).toBeUndefined();
    expect(Object.keys(FAST_PATHS)).toEqual([...CDN_EVENT_NAMES]);
    expect(Object.keys(PLANS)).toEqual([...CDN_EVENT_NAMES]);
  });
});

// ---- the reference: zod, plus the parser's documented rule for "__proto__" keys ----

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** zod drops an own "__proto__" key; the parser restores it as an own data property on the objects zod rebuilt. */
function keepProtoKeys(raw: unknown, out: unknown): unknown {
  if (isRecord(raw) && isRecord(out) && raw !== out) {
    const own = Object.getOwnPropertyDescriptor(raw, "__proto__");
    if (own) Object.defineProperty(out, "__proto__", { ...own, enumerable: true, writable: true, configurable: true });
    for (const key of Object.keys(out)) keepProtoKeys(raw[key], out[key]);
  }
  return out;
}

interface IssueView {
  code: unknown;
  path: unknown;
  message: unknown;
  input: unknown;
  expected: unknown;
  values: unknown;
}
const view = (issue: Record<string, unknown>): IssueView => ({
  code: issue.code,
  path: issue.path,
  message: issue.message,
  input: snapshot(issue.input),
  expected: issue.expected,
  values: issue.values,
});

/** A structural fingerprint: own keys in order, prototypes, descriptors, -0, NaN and undefined included. */
function snapshot(value: unknown): string {
  const seen = new Set<unknown>();
  const walk = (v: unknown): string => {
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
    if (typeof v !== "object" || v === null) return typeof v === "string" ? JSON.stringify(v) : String(v);
    if (seen.has(v)) return "[cycle]";
    seen.add(v);
    const proto = Object.getPrototypeOf(v);
    const kind = Array.isArray(v)
      ? "array"
      : proto === Object.prototype
        ? "object"
        : proto === null
          ? "null-proto"
          : "?";
    const parts = Reflect.ownKeys(v).map((key) => {
      const d = Object.getOwnPropertyDescriptor(v, key) as PropertyDescriptor;
      const flags = `${d.enumerable ? "e" : ""}${d.writable ? "w" : ""}${d.configurable ? "c" : ""}${d.get || d.set ? "accessor" : ""}`;
      return `${String(key)}(${flags}):${walk(d.value)}`;
    });
    seen.delete(v);
    return `${kind}{${parts.join(",")}}`;
  };
  return walk(value);
}

function compare(name: CdnEventName, zodInput: unknown, fastInput: unknown, owned: boolean) {
  const result = cdnEventSchemaOf[name]().safeParse(zodInput, { reportInput: true });
  const before = owned ? "" : snapshot(fastInput);
  const fast = (FAST_PATHS[name] as (input: unknown, owned: boolean) => unknown)(fastInput, owned);
  if (result.success) {
    expect(fast, "the fast path declined an event zod accepts").not.toBe(DECLINE);
    expect(snapshot(fast)).toBe(snapshot(keepProtoKeys(zodInput, result.data)));
  } else {
    expect(fast, "the fast path accepted an event zod rejects").toBe(DECLINE);
    const planned = explain(PLANS[name] as Plan, fastInput).map((issue) => view(issue as never));
    expect(planned).toEqual(result.error.issues.map((issue) => view(issue as never)));
  }
  // A caller's object is never modified.
  if (!owned) expect(snapshot(fastInput)).toBe(before);
  return result.success;
}

// ---- random valid and near-valid events ----

const EDGE_VALUES: unknown[] = [
  "",
  "0",
  "-1",
  "1.5",
  "12345678901234567",
  "1528959600",
  "abc",
  "2018-06-14T15:31:49Z",
  "2018-06-14T15:31:49.123+08:00",
  "2018-13-01T00:00:00Z",
  "2018-06-14 15:31:49",
  "File",
  "Directory",
  "online",
  "offline",
  "cdn",
  "1.0.0",
  "\uD800",
  "\uD83D\uDE00",
  "é",
  0,
  -0,
  1,
  -1,
  1.5,
  1e20,
  -1e20,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  null,
  true,
  false,
  [],
  [""],
  ["a", 1],
  [1],
  ["/a", "/b"],
  {},
  { length: 0 },
  { length: "x" },
  { length: 3 },
  { domain: "" },
  { domain: "example.com" },
  { aliUid: 1 },
];
// Only caller objects can hold these; JSON has no such values.
const sparse: unknown[] = [];
sparse[1] = "hole";
const NON_JSON: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, undefined, new Date(0), sparse];
const KEYS = ["x", "extra", "__proto__", "constructor", "toString", "eventName", "domain", "length"];
const TARGETS = ["event", "userIdentity", "resource", "eventParameter"] as const;

interface Operation {
  target: (typeof TARGETS)[number];
  kind: "set" | "delete" | "add" | "moveLast";
  pick: number;
  value: unknown;
  key: string;
}

const operation = (values: fc.Arbitrary<unknown>) =>
  fc.record({
    target: fc.constantFrom(...TARGETS),
    kind: fc.constantFrom("set" as const, "delete" as const, "add" as const, "moveLast" as const),
    pick: fc.nat(),
    value: values,
    key: fc.constantFrom(...KEYS),
  });

const define = (object: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });

function mutate(name: CdnEventName, operations: Operation[], nullProto: boolean): Record<string, unknown> {
  const event = structuredClone(CDN_EVENT_CATALOG[name].sample.events[0]) as Record<string, unknown>;
  for (const op of operations) {
    const target = op.target === "event" ? event : event[op.target];
    if (!isRecord(target)) continue;
    const keys = Object.keys(target);
    const key = keys[op.pick % Math.max(keys.length, 1)];
    if (op.kind === "add") define(target, op.key, structuredClone(op.value));
    else if (key === undefined || (op.target === "event" && key === "eventName")) continue;
    else if (op.kind === "set") define(target, key, structuredClone(op.value));
    else if (op.kind === "delete") delete target[key];
    else {
      const value = target[key];
      delete target[key];
      define(target, key, value);
    }
  }
  return nullProto ? Object.assign(Object.create(null), event) : event;
}

const jsonValue = fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.jsonValue({ maxDepth: 2 }));
const anyValue = fc.oneof(jsonValue, fc.constantFrom(...NON_JSON));
const names = fc.constantFrom(...CDN_EVENT_NAMES);

describe("fast path and plan answer exactly as zod", () => {
  it(`for near-valid events parsed from text (${RUNS.owned} cases)`, () => {
    let valid = 0;
    fc.assert(
      fc.property(names, fc.array(operation(jsonValue), { minLength: 1, maxLength: 3 }), (name, ops) => {
        const text = JSON.stringify(mutate(name, ops, false));
        // Two parses: the fast path may normalise an event it owns in place.
        if (compare(name, JSON.parse(text), JSON.parse(text), true)) valid++;
      }),
      { numRuns: RUNS.owned },
    );
    // Both answers must be exercised, or the property says little.
    expect(valid).toBeGreaterThan(RUNS.owned * 0.1);
    expect(valid).toBeLessThan(RUNS.owned * 0.9);
  });

  it(`for near-valid caller objects, including null-prototype ones and non-JSON values (${RUNS.objects} cases)`, () => {
    let valid = 0;
    fc.assert(
      fc.property(names, fc.array(operation(anyValue), { maxLength: 3 }), fc.boolean(), (name, ops, nullProto) => {
        const event = mutate(name, ops, nullProto);
        if (compare(name, event, event, false)) valid++;
      }),
      { numRuns: RUNS.objects },
    );
    expect(valid).toBeGreaterThan(RUNS.objects * 0.1);
    expect(valid).toBeLessThan(RUNS.objects * 0.9);
  });

  it(`for valid events in every wire form, with unknown and reordered fields (${RUNS.valid} cases)`, () => {
    const wireForms = fc.record({
      numbersAsStrings: fc.boolean(),
      idsAsNumbers: fc.boolean(),
      onePath: fc.boolean(),
      unknown: fc.dictionary(
        fc.constantFrom("x", "__proto__", "constructor", "newField"),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      reverse: fc.boolean(),
    });
    fc.assert(
      fc.property(names, wireForms, (name, form) => {
        const event = structuredClone(CDN_EVENT_CATALOG[name].sample.events[0]) as Record<string, unknown>;
        const parameter = event.eventParameter as Record<string, unknown>;
        for (const key of ["startTime", "endTime", "fileSize", "createTime", "completeTime"]) {
          if (form.numbersAsStrings && typeof parameter[key] === "number") parameter[key] = String(parameter[key]);
        }
        if (form.idsAsNumbers) (event.userIdentity as Record<string, unknown>).aliUid = 164901546557;
        if (form.onePath && Array.isArray(parameter.objectPath)) parameter.objectPath = parameter.objectPath[0];
        for (const [key, value] of Object.entries(form.unknown)) define(parameter, key, value);
        const ordered = form.reverse ? Object.fromEntries(Object.entries(event).reverse()) : event;
        const text = JSON.stringify(ordered);
        expect(compare(name, JSON.parse(text), JSON.parse(text), true)).toBe(true);
        expect(compare(name, ordered, ordered, false)).toBe(true);
      }),
      { numRuns: RUNS.valid },
    );
  });
});

describe("the parser on the fast path", () => {
  it("reports drift on text it normalises in place, and keeps unknown fields in order", () => {
    const event = structuredClone(CDN_EVENT_CATALOG.LogFileCreated.sample.events[0]) as Record<string, unknown>;
    const parameter = event.eventParameter as Record<string, unknown>;
    parameter.startTime = "1528959600";
    parameter.later = 1;
    let report: CdnDriftReport | undefined;
    const [parsed] = parseCdnEvents(JSON.stringify({ events: [event] }), { onDrift: (r) => (report = r) });
    const out = parsed?.eventParameter as Record<string, unknown>;
    expect(out.startTime).toBe(1528959600);
    expect(Object.keys(out)).toEqual(["domain", "startTime", "endTime", "fileSize", "filePath", "later"]);
    expect(report?.drifts.map((drift) => drift.kind)).toEqual(["string-number", "unknown-field"]);
  });

  it("drops the drift of an event that turns out invalid", () => {
    const event = structuredClone(CDN_EVENT_CATALOG.LogFileCreated.sample.events[0]) as Record<string, unknown>;
    (event.eventParameter as Record<string, unknown>).startTime = "1528959600";
    (event.eventParameter as Record<string, unknown>).endTime = -1;
    let report: CdnDriftReport | undefined;
    expect(() => parseCdnEvents(JSON.stringify({ events: [event] }), { onDrift: (r) => (report = r) })).toThrow(
      "events[0].eventParameter.endTime: expected endTime (Unix seconds) as a non-negative integer or a numeric string, got -1",
    );
    expect(report).toBeUndefined();
  });
});
