// Every parse issue carries a documented code; exceptions inside the parser are never passed off as input
// problems, except the engine's stack running out (too_deep) and a caller's object throwing (input_threw).
import { afterEach, describe, expect, it } from "vitest";
import {
  CDN_EVENT_CATALOG,
  CDN_EVENT_ISSUE_CODES,
  type CdnEventIssueCode,
  type CdnIssue,
  safeParseCdnEvents,
} from "../src/index.js";

const codes = (input: unknown) => {
  const result = safeParseCdnEvents(input as object);
  return result.success ? [] : result.error.issues.map((issue) => issue.code);
};
const sample = () =>
  structuredClone(CDN_EVENT_CATALOG.LogFileCreated.sample) as unknown as { events: Record<string, unknown>[] };

describe("issue codes", () => {
  const cases: [string, unknown, CdnEventIssueCode[]][] = [
    ["bytes over maxBytes", new Uint8Array(8 * 1024 * 1024), ["input_too_large"]],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), ["invalid_utf8"]],
    ["whitespace", "  \n", ["empty_input"]],
    ["broken JSON", '{"events": [', ["invalid_json"]],
    ["an array", "[]", ["not_an_envelope"]],
    ["a bare event", CDN_EVENT_CATALOG.CdnDomainAdded.sample.events[0], ["not_an_envelope"]],
    ["an object without events", { x: 1 }, ["required"]],
    ["events as a string", { events: "x" }, ["invalid_type"]],
    ["no events", { events: [] }, ["too_small"]],
    ["an event that is a number", { events: [1] }, ["invalid_type"]],
    ["an unknown event name", { events: [{ eventName: "LogFileDeleted" }] }, ["unknown_event"]],
    ["a missing event name", { events: [{}] }, ["required"]],
  ];
  for (const [label, input, expected] of cases) {
    it(`${label} → ${expected.join(", ")}`, () => expect(codes(input)).toEqual(expected));
  }

  it("zod's codes from an event's schema, and required for a missing field", () => {
    const missing = sample();
    delete (missing.events[0]!.eventParameter as Record<string, unknown>).filePath;
    expect(codes(missing)).toEqual(["required"]);
    const wrongType = sample();
    (wrongType.events[0]!.eventParameter as Record<string, unknown>).domain = 5;
    expect(codes(wrongType)).toEqual(["invalid_type"]);
    const notNumber = sample();
    (notNumber.events[0]!.eventParameter as Record<string, unknown>).fileSize = [1];
    expect(codes(notNumber)).toEqual(["invalid_union"]);
    const badDate = sample();
    (badDate.events[0]! as Record<string, unknown>).eventTime = "yesterday";
    expect(codes(badDate)).toEqual(["invalid_format"]);
  });

  it("every code is documented, and issues have CdnIssue's shape", () => {
    const result = safeParseCdnEvents('{"events":[{"eventName":"Nope"}]}');
    expect(result.success).toBe(false);
    const issue: CdnIssue = result.success ? (undefined as never) : (result.error.issues[0] as CdnIssue);
    expect(Object.keys(issue).sort()).toEqual(["code", "message", "path"]);
    for (const text of Object.values(CDN_EVENT_ISSUE_CODES)) expect(text.length).toBeGreaterThan(10);
  });

  it("a deeply nested value is described by its kind, not by a recursion that overflows", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = safeParseCdnEvents({ events: [{ eventName: deep }] });
    expect(result.success ? [] : result.error.issues).toEqual([
      expect.objectContaining({ code: "unknown_event", message: expect.stringMatching(/^array is not a CDN event/) }),
    ]);
  });
});

describe("exceptions while parsing", () => {
  const original = Array.isArray;
  afterEach(() => {
    Array.isArray = original;
  });

  it("an internal bug is rethrown as it is, never reported as a problem with the input", () => {
    // Stands in for any bug of ours: the parser's own call throws while checking text it parsed itself.
    Array.isArray = ((): never => {
      throw new TypeError("internal bug");
    }) as unknown as typeof Array.isArray;
    expect(() => safeParseCdnEvents(JSON.stringify(sample()))).toThrow(TypeError);
    expect(() => safeParseCdnEvents(new TextEncoder().encode(JSON.stringify(sample())))).toThrow("internal bug");
  });

  it("a caller's object that throws when read is input_threw", () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
      },
    );
    expect(codes(throwing)).toEqual(["input_threw"]);
  });

  it("the engine's stack running out while checking is too_deep, with its own message", () => {
    // No CDN event nests deep enough to overflow the parser's own code (the deep-value test above), so a real
    // stack overflow is raised where the parser looks at the input.
    const overflow = (): never => overflow();
    Array.isArray = (() => overflow()) as unknown as typeof Array.isArray;
    const result = safeParseCdnEvents(JSON.stringify(sample()));
    Array.isArray = original;
    expect(result.success ? [] : result.error.issues).toEqual([
      { code: "too_deep", path: [], message: expect.stringMatching(/^input nests too deeply to check/) },
    ]);
  });
});
