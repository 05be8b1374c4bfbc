// Hostile inputs: empty, huge and deeply nested payloads end in a clear CdnEventParseError, never a crash.
import { describe, expect, it } from "vitest";
import { CDN_EVENT_CATALOG, CdnEventParseError, safeParseCdnEvents } from "../src/index.js";

const DEPTH = 10_000;
const TEN_MB = 10 * 1024 * 1024;

function rejected(input: unknown, options?: { maxBytes?: number }): string {
  const result = safeParseCdnEvents(input as object, options);
  if (result.success) throw new Error("expected the input to be rejected");
  expect(result.error).toBeInstanceOf(CdnEventParseError);
  expect(result.error.issues.length).toBeGreaterThan(0);
  return result.error.message;
}

/** `{"events":[{"eventName":…,"eventParameter":{"x":{"x":…}}}]}`: a valid-looking event hiding a deep value. */
const deepInEvent = (inner: string) => {
  const event = JSON.stringify(CDN_EVENT_CATALOG.LogFileCreated.sample.events[0]);
  return `{"events":[${event.replace('"eventParameter":{', () => `"eventParameter":{"deep":${inner},`)}]}`;
};

describe("empty input", () => {
  for (const [label, input] of [
    ["string", ""],
    ["Buffer", Buffer.alloc(0)],
    ["ArrayBuffer", new ArrayBuffer(0)],
    ["whitespace", " \r\n\t "],
  ] as const) {
    it(`as ${label} says it is empty`, () => {
      expect(rejected(input)).toContain("input is empty");
    });
  }
  it("an empty object or envelope says what is missing", () => {
    expect(rejected({})).toContain("events: required");
    expect(rejected({ events: [] })).toContain("expected at least one event");
  });
});

describe("10 MB input", () => {
  const big = `{"events":[${`"${"a".repeat(1000)}",`.repeat(Math.ceil(TEN_MB / 1003))}1]}`;
  it("is over 10 MB", () => {
    expect(big.length).toBeGreaterThan(TEN_MB);
  });
  it("as a string is refused by size, saying how to raise the limit", () => {
    expect(rejected(big)).toMatch(/input is \d+ bytes, over the limit of 6291456 bytes.*options\.maxBytes/);
  });
  it("as a Buffer is refused by size", () => {
    expect(rejected(Buffer.from(big))).toContain("over the limit of 6291456 bytes");
  });
  it("with the limit raised, is parsed and rejected for its content", () => {
    const message = rejected(big, { maxBytes: 20 * 1024 * 1024 });
    expect(message).toContain("events[0]: expected an event object, got string");
  });
  it("as an object (no size check applies) is rejected for its content", () => {
    const events = Array.from({ length: 10_000 }, () => "a".repeat(1000));
    expect(rejected({ events })).toContain("events[9999]: expected an event object, got string");
  });
  it("10 MB of invalid JSON still gets a line and column", () => {
    const broken = `${big.slice(0, -2)}x]}`;
    expect(rejected(broken, { maxBytes: 20 * 1024 * 1024 })).toMatch(/input is not JSON at line 1, column \d+/);
  });
});

describe(`nesting ${DEPTH.toLocaleString("en")} levels deep`, () => {
  const arrays = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
  const objects = `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`;
  const envelopes = `${'{"events":['.repeat(DEPTH)}1${"]}".repeat(DEPTH)}`;
  const brokenDeep = `${"[".repeat(DEPTH)}x${"]".repeat(DEPTH)}`;
  const unclosed = "[".repeat(DEPTH);

  const cases: [string, string, RegExp][] = [
    ["arrays", arrays, /expected an envelope like .*got array/],
    ["objects", objects, /events: required/],
    ["envelopes in envelopes", envelopes, /events\[0\]\.eventName: required/],
    ["a deep value inside a valid event", deepInEvent(objects), /^(?!.*(could not be parsed|too deeply))/],
    ["invalid JSON at the bottom", brokenDeep, /input is not JSON at line 1, column 10001/],
    ["unclosed brackets", unclosed, /input is not JSON at line 1, column 10001/],
  ];
  for (const [label, text, expected] of cases) {
    it(`${label}, as a string and as a Buffer`, () => {
      for (const input of [text, Buffer.from(text)]) {
        const result = safeParseCdnEvents(input);
        if (label === "a deep value inside a valid event") {
          // Unknown fields are kept as they are, however deep.
          expect(result.success).toBe(true);
          continue;
        }
        expect(rejected(input)).toMatch(expected);
      }
    });
  }

  it("as objects (already parsed) too", () => {
    let arraysObject: unknown = [];
    let objectsObject: unknown = 1;
    let envelopesObject: unknown = 1;
    for (let i = 0; i < DEPTH; i++) {
      arraysObject = [arraysObject];
      objectsObject = { a: objectsObject };
      envelopesObject = { events: [envelopesObject] };
    }
    expect(rejected(arraysObject)).toContain("got array");
    expect(rejected(objectsObject)).toContain("events: required");
    expect(rejected(envelopesObject)).toContain("events[0].eventName: required");
    const event = structuredClone(CDN_EVENT_CATALOG.LogFileCreated.sample.events[0]) as Record<string, unknown>;
    (event.eventParameter as Record<string, unknown>).deep = objectsObject;
    (event.eventParameter as Record<string, unknown>).fileSize = "many";
    expect(rejected({ events: [event] })).toContain("events[0].eventParameter.fileSize: expected fileSize (bytes)");
  });

  it("drift detection on a deep unknown field stays shallow", () => {
    const drifts: string[] = [];
    const result = safeParseCdnEvents(deepInEvent(objects), {
      onDrift: (report) => drifts.push(...report.drifts.map((drift) => drift.kind)),
    });
    expect(result.success).toBe(true);
    expect(drifts).toEqual(["unknown-field"]);
  });
});

describe("other hostile values", () => {
  it("objects with throwing getters or cycles are reported, not thrown", () => {
    const throwing = {
      get events(): unknown {
        throw new Error("boom");
      },
    };
    expect(rejected(throwing)).toContain("reading the object passed in threw Error: boom; pass plain JSON data");
    const cyclic: Record<string, unknown> = { eventName: "Nope" };
    cyclic.self = cyclic;
    expect(rejected({ events: [cyclic] })).toContain('"Nope" is not a CDN event');
  });
  it("a Proxy, a class instance and a typed array that is not bytes", () => {
    expect(rejected(new Proxy({}, {}))).toContain("events: required");
    expect(rejected(new (class Envelope {})())).toContain("events: required");
    expect(rejected(new Uint16Array([123, 125]) as never)).toContain("expected an envelope");
  });
});
