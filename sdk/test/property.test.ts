// Property tests (fast-check): whatever arrives, the parser answers with events or a CdnEventParseError,
// never another exception, never a polluted prototype; factories round-trip through the parser.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CDN_EVENT_CATALOG,
  CDN_EVENT_ISSUE_CODES,
  CDN_EVENT_NAMES,
  CdnEventParseError,
  parseCdnEvents,
  safeParseCdnEvents,
} from "../src/index.js";
import { createCdnEnvelope, createCdnEvent } from "../src/testing/index.js";

// 6 properties; 10,000+ cases in all with the runs below.
const RUNS = { bytes: 2000, strings: 2000, json: 2000, mutated: 2000, proto: 1500, roundTrip: 1500 };
// Thousands of cases take seconds on a loaded 2-core machine; these tests assert behaviour, not speed.
vi.setConfig({ testTimeout: 120_000 });
const sum = Object.values(RUNS).reduce((a, b) => a + b, 0);

// Codes that mean "the parser itself hit an exception": plain, shallow data must never produce them, so an
// internal bug reported as an input problem fails these properties instead of passing them.
const EXCEPTION_CODES = ["input_threw", "too_deep"];
const KNOWN_CODES = new Set(Object.keys(CDN_EVENT_ISSUE_CODES));

/** Parses, and fails the property on anything thrown that is not a CdnEventParseError, or on a hidden exception. */
function parsesOrRejectsCleanly(input: unknown): void {
  try {
    parseCdnEvents(input as object);
  } catch (error) {
    if (!(error instanceof CdnEventParseError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.message).toMatch(/^Invalid CDN event/);
    // Plain checks, not expect(): this runs for every issue of 6,000 cases.
    for (const issue of error.issues) {
      if (!KNOWN_CODES.has(issue.code)) throw new Error(`undocumented issue code ${issue.code}`);
      if (EXCEPTION_CODES.includes(issue.code)) throw new Error(`an exception surfaced as an issue: ${issue.message}`);
    }
  }
  const result = safeParseCdnEvents(input as object);
  expect(typeof result.success).toBe("boolean");
}

const samples = Object.values(CDN_EVENT_CATALOG).map((definition) => definition.sample);

/** A sample envelope with one value somewhere replaced by arbitrary JSON. */
const mutatedSample = fc
  .tuple(fc.constantFrom(...samples), fc.jsonValue(), fc.nat(), fc.boolean())
  .map(([sample, replacement, pick, remove]) => {
    const copy = structuredClone(sample) as unknown as { events: Record<string, unknown>[] };
    const event = copy.events[0] as Record<string, unknown>;
    const parameter = event.eventParameter as Record<string, unknown>;
    const targets: [Record<string, unknown>, string][] = [
      ...Object.keys(event).map((key) => [event, key] as [Record<string, unknown>, string]),
      ...Object.keys(parameter).map((key) => [parameter, key] as [Record<string, unknown>, string]),
    ];
    const [target, key] = targets[pick % targets.length] as [Record<string, unknown>, string];
    if (remove) delete target[key];
    else target[key] = replacement;
    return copy;
  });

afterEach(() => {
  // No property may leave anything on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
});
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe(`parser properties (${sum} cases)`, () => {
  it("arbitrary bytes never throw anything but CdnEventParseError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        parsesOrRejectsCleanly(bytes);
        parsesOrRejectsCleanly(bytes.buffer);
      }),
      { numRuns: RUNS.bytes },
    );
  });

  it("arbitrary strings, including near-JSON, never throw anything but CdnEventParseError", () => {
    const nearJson = fc
      .tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 }))
      .map(([json, at, insert]) => json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1)));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), nearJson), (text) => {
        parsesOrRejectsCleanly(text);
      }),
      { numRuns: RUNS.strings },
    );
  });

  it("arbitrary JSON values, as text, bytes and objects, never throw anything but CdnEventParseError", () => {
    const envelopeish = fc.oneof(
      fc.jsonValue(),
      fc.record({ events: fc.jsonValue() }),
      fc.record({
        events: fc.array(fc.dictionary(fc.constantFrom("eventName", "eventParameter", "x"), fc.jsonValue())),
      }),
    );
    fc.assert(
      fc.property(envelopeish, (value) => {
        parsesOrRejectsCleanly(value);
        parsesOrRejectsCleanly(JSON.stringify(value));
        parsesOrRejectsCleanly(new TextEncoder().encode(JSON.stringify(value)));
      }),
      { numRuns: RUNS.json },
    );
  });

  it("a sample with any one field replaced or removed parses or fails with paths inside events[0]", () => {
    fc.assert(
      fc.property(mutatedSample, (envelope) => {
        const result = safeParseCdnEvents(JSON.stringify(envelope));
        if (!result.success) {
          for (const issue of result.error.issues) {
            expect(issue.path.slice(0, 2)).toEqual(["events", 0]);
            expect(EXCEPTION_CODES).not.toContain(issue.code);
          }
        } else {
          expect(result.data).toHaveLength(1);
        }
      }),
      { numRuns: RUNS.mutated },
    );
  });

  it('"__proto__" and "constructor" keys anywhere never pollute a prototype', () => {
    const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty");
    const payload = fc.dictionary(fc.constantFrom("polluted", "isAdmin", "prototype"), fc.jsonValue(), {
      minKeys: 1,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        hostileKey,
        payload,
        fc.constantFrom("envelope", "event", "userIdentity", "resource", "eventParameter"),
        (sample, key, value, where) => {
          const text = JSON.stringify(sample);
          const inject = `${JSON.stringify(key)}:${JSON.stringify(value)},`;
          const anchors = {
            envelope: '{"events"',
            event: '"eventName"',
            userIdentity: '"aliUid"',
            resource: '"resource":{"domain"',
            eventParameter: '"eventParameter":{"domain"',
          };
          const anchor = anchors[where];
          // A function replacer: the injected JSON may contain "$&", which a string replacer would expand.
          const injected =
            where === "envelope"
              ? text.replace(anchor, () => `{${inject}"events"`)
              : where === "event" || where === "userIdentity"
                ? text.replace(anchor, () => `${inject}${anchor}`)
                : text.replace(anchor, () => anchor.replace("{", () => `{${inject}`));
          expect(injected).not.toBe(text);
          const result = safeParseCdnEvents(injected);
          safeParseCdnEvents(JSON.parse(injected));
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
          if (result.success) {
            const event = result.data[0] as unknown as Record<string, Record<string, unknown>>;
            for (const object of [event, event.eventParameter, event.userIdentity, event.resource]) {
              expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
              expect(object?.polluted).toBeUndefined();
            }
          }
        },
      ),
      { numRuns: RUNS.proto },
    );
  });

  it("parseCdnEvents(createCdnEnvelope(...)) round-trips for random overrides", () => {
    const digits = fc.stringMatching(/^\d{1,10}$/);
    const override = fc.record(
      {
        region: fc.stringMatching(/^[a-z]{2}-[a-z]{3,10}$/),
        traceId: fc.string(),
        eventTime: fc
          .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
          .map((date) => date.toISOString()),
        resource: fc.record({ domain: fc.domain() }),
        userIdentity: fc.record({ aliUid: digits }),
        eventParameter: fc.record(
          { domain: fc.domain(), extraField: fc.jsonValue(), objectPath: fc.array(fc.string({ maxLength: 20 })) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...CDN_EVENT_NAMES), override), { minLength: 1, maxLength: 4 }),
        (specs) => {
          const events = specs.map(([name, overrides]) => {
            const parameter = { ...(overrides.eventParameter ?? {}) } as Record<string, unknown>;
            // objectPath exists only on the cached-objects events.
            if (!("objectPath" in CDN_EVENT_CATALOG[name].parameterFields)) delete parameter.objectPath;
            return createCdnEvent(name, { ...overrides, eventParameter: parameter } as never);
          });
          const envelope = createCdnEnvelope(...events);
          expect(parseCdnEvents(envelope)).toEqual(envelope.events);
          expect(parseCdnEvents(JSON.stringify(envelope))).toEqual(JSON.parse(JSON.stringify(envelope.events)));
          expect(parseCdnEvents(Buffer.from(JSON.stringify(envelope)))).toHaveLength(events.length);
        },
      ),
      { numRuns: RUNS.roundTrip },
    );
  });

  it(`runs at least 10,000 cases in all (${sum})`, () => {
    expect(sum).toBeGreaterThanOrEqual(10_000);
  });
});
