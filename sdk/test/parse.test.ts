// parseCdnEvents and safeParseCdnEvents: every sample in every input form, every wire rule both ways,
// the error messages users read, drift reports and unknown fields.
import { describe, expect, it, vi } from "vitest";
import {
  CDN_EVENT_CATALOG,
  CDN_EVENT_NAMES,
  type CdnDriftReport,
  type CdnEvent,
  type CdnEventName,
  CdnEventParseError,
  formatIssuePath,
  parseCdnEvents,
  safeParseCdnEvents,
} from "../src/index.js";

type Json = Record<string, unknown>;
const definitions = Object.values(CDN_EVENT_CATALOG);
const clone = <T>(value: T): T => structuredClone(value) as T;
/** A fresh, mutable copy of the first sample event of `name`. */
const sampleEvent = (name: CdnEventName): Json & { eventParameter: Json } =>
  clone(CDN_EVENT_CATALOG[name].sample.events[0]) as Json & { eventParameter: Json };
const envelopeOf = (...events: unknown[]) => ({ events });

/** The single issue of a failed parse, with its readable path. */
function failure(input: unknown) {
  const result = safeParseCdnEvents(input as object);
  if (result.success) throw new Error(`expected a failure for ${JSON.stringify(input)?.slice(0, 200)}`);
  expect(result.error).toBeInstanceOf(CdnEventParseError);
  return {
    error: result.error,
    paths: result.error.issues.map((issue) => formatIssuePath(issue.path)),
    message: result.error.message,
  };
}

describe("every catalog sample parses", () => {
  it("covers all 8 events", () => {
    expect(definitions.map((definition) => definition.name)).toEqual([...CDN_EVENT_NAMES]);
  });

  for (const definition of definitions) {
    const text = JSON.stringify(definition.sample);
    const forms: [string, () => unknown][] = [
      ["a Buffer", () => Buffer.from(text)],
      ["a string", () => text],
      ["an object", () => clone(definition.sample)],
      ["a Uint8Array", () => new TextEncoder().encode(text)],
      ["an ArrayBuffer", () => new TextEncoder().encode(text).buffer],
      ["pretty-printed text with a BOM-less Buffer", () => Buffer.from(JSON.stringify(definition.sample, null, 2))],
    ];
    for (const [form, make] of forms) {
      it(`${definition.name} from ${form}`, () => {
        const events = parseCdnEvents(make() as object);
        expect(events).toHaveLength(1);
        const [event] = events;
        expect(event?.eventName).toBe(definition.name);
        expect(event?.eventSource).toBe("cdn");
        // The output equals the sample with the wire rules applied (samples already use the exact forms,
        // except objectPath/taskId normalisation which the wire-rule tests cover).
        const expected = clone(definition.sample.events[0]) as Json & { eventParameter: Json };
        if (typeof expected.eventParameter.taskId === "number") {
          expected.eventParameter.taskId = String(expected.eventParameter.taskId);
        }
        expect(event).toEqual(expected);
      });
    }
  }

  it("returns every event of a multi-event envelope, in order", () => {
    const events = parseCdnEvents(envelopeOf(...definitions.map((definition) => definition.sample.events[0])));
    expect(events.map((event) => event.eventName)).toEqual([...CDN_EVENT_NAMES]);
  });

  it("does not mutate an object input", () => {
    const input = envelopeOf(sampleEvent("CachedObjectsRefreshed"));
    const before = JSON.stringify(input);
    parseCdnEvents(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

// Each rule: field, event, accepted wire values with their normalised output, rejected values.
const NUMERIC_FIELDS: [CdnEventName, string][] = [
  ["LogFileCreated", "startTime"],
  ["LogFileCreated", "endTime"],
  ["LogFileCreated", "fileSize"],
  ["CachedObjectsRefreshed", "createTime"],
  ["CachedObjectsPushed", "completeTime"],
];

describe("wire rule: startTime, endTime, createTime, completeTime, fileSize accept a number or a numeric string", () => {
  for (const [name, field] of NUMERIC_FIELDS) {
    it(`${name}.${field}: accepts 1528959600 and "1528959600", outputs a number`, () => {
      for (const wire of [1528959600, "1528959600"]) {
        const event = sampleEvent(name);
        event.eventParameter[field] = wire;
        const [parsed] = parseCdnEvents(envelopeOf(event));
        expect(((parsed as CdnEvent).eventParameter as Json)[field]).toBe(1528959600);
      }
    });
    it(`${name}.${field}: rejects non-numeric forms with its path`, () => {
      for (const wire of ["12a", "", "-5", "1.5", 1.5, -1, null, true, [1], {}, "1e3", " 12"]) {
        const event = sampleEvent(name);
        event.eventParameter[field] = wire;
        const { paths, message } = failure(envelopeOf(event));
        expect(paths).toEqual([`events[0].eventParameter.${field}`]);
        expect(message).toContain(`events[0].eventParameter.${field}: `);
      }
    });
    it(`${name}.${field}: is required`, () => {
      const event = sampleEvent(name);
      delete event.eventParameter[field];
      const { paths, message } = failure(envelopeOf(event));
      expect(paths).toEqual([`events[0].eventParameter.${field}`]);
      expect(message).toContain(`events[0].eventParameter.${field}: required`);
    });
  }

  it("names the field and the accepted forms in the message", () => {
    const event = sampleEvent("LogFileCreated");
    event.eventParameter.startTime = "yesterday";
    expect(failure(envelopeOf(event)).message).toBe(
      'Invalid CDN event: events[0].eventParameter.startTime: expected startTime (Unix seconds) as a non-negative integer or a numeric string, got "yesterday"',
    );
  });
});

describe("wire rule: taskId accepts a string or a number, outputs a string", () => {
  for (const name of ["CachedObjectsRefreshed", "CachedObjectsPushed", "CachedObjectsBlocked"] as const) {
    it(`${name}: 2089687230 and "2089687230" both give "2089687230"`, () => {
      for (const wire of [2089687230, "2089687230"]) {
        const event = sampleEvent(name);
        event.eventParameter.taskId = wire;
        const [parsed] = parseCdnEvents(envelopeOf(event));
        expect(((parsed as CdnEvent).eventParameter as Json).taskId).toBe("2089687230");
      }
    });
    it(`${name}: rejects other types with its path`, () => {
      for (const wire of [null, true, 1.5, -3, "", [], {}]) {
        const event = sampleEvent(name);
        event.eventParameter.taskId = wire;
        expect(failure(envelopeOf(event)).paths).toEqual(["events[0].eventParameter.taskId"]);
      }
    });
  }
  it("userIdentity.aliUid follows the same rule", () => {
    const event = sampleEvent("CdnDomainAdded");
    event.userIdentity = { aliUid: 1649015465570001 };
    expect(parseCdnEvents(envelopeOf(event))[0]?.userIdentity.aliUid).toBe("1649015465570001");
    event.userIdentity = { aliUid: false };
    expect(failure(envelopeOf(event)).paths).toEqual(["events[0].userIdentity.aliUid"]);
  });
});

describe("wire rule: objectPath accepts an array of strings or one string, outputs string[]", () => {
  it("wraps one string in an array", () => {
    const event = sampleEvent("CachedObjectsRefreshed");
    event.eventParameter.objectPath = "/index.html";
    const [parsed] = parseCdnEvents(envelopeOf(event));
    expect(parsed?.eventName === "CachedObjectsRefreshed" && parsed.eventParameter.objectPath).toEqual(["/index.html"]);
  });
  it("keeps an array as it is, including an empty one", () => {
    for (const paths of [["/a", "/b"], []]) {
      const event = sampleEvent("CachedObjectsPushed");
      event.eventParameter.objectPath = paths;
      const [parsed] = parseCdnEvents(envelopeOf(event));
      expect(((parsed as CdnEvent).eventParameter as Json).objectPath).toEqual(paths);
    }
  });
  it("rejects other forms with its path", () => {
    for (const wire of [42, null, { path: "/a" }, ["/a", 7]]) {
      const event = sampleEvent("CachedObjectsBlocked");
      event.eventParameter.objectPath = wire;
      const { paths } = failure(envelopeOf(event));
      expect(paths.every((path) => path.startsWith("events[0].eventParameter.objectPath"))).toBe(true);
    }
  });
});

describe("wire rule: enum-like fields accept any string and report unknown values", () => {
  // [event, path, documented values (no drift), other strings (accepted, reported), non-strings (rejected)]
  const cases: [CdnEventName, string, unknown[], string[], unknown[]][] = [
    [
      "CachedObjectsRefreshed",
      "eventParameter.objectType",
      ["File", "Directory", "Regex", "IgnoreParams", "preload"],
      ["Folder", ""],
      [1, null],
    ],
    [
      "CdnDomainStarted",
      "eventParameter.status",
      ["online", "offline", "configuring", "configure_failed", "Online"],
      ["paused"],
      [true],
    ],
    ["CdnDomainStopped", "eventParameter.status", ["offline", "Offline"], [""], [0]],
    ["LogFileCreated", "eventSource", ["cdn"], ["oss", "CDN", ""], [1]],
    ["CdnDomainAdded", "eventVersion", ["1.0.0"], ["1.0", "2.0.0"], [1]],
    ["LogFileCreated", "region", ["cn-hangzhou", "ap-southeast-1"], ["cn-nowhere-9"], [7]],
  ];
  const set = (event: Json, path: string, value: unknown) => {
    const keys = path.split(".");
    const last = keys.pop() as string;
    let target = event;
    for (const key of keys) target = target[key] as Json;
    target[last] = value;
  };
  const parseWithDrift = (event: Json) => {
    const drifts: CdnDriftReport["drifts"][number][] = [];
    const [parsed] = parseCdnEvents(envelopeOf(event), { onDrift: (report) => drifts.push(...report.drifts) });
    return { parsed, drifts };
  };
  for (const [name, path, documented, others, rejected] of cases) {
    it(`${path} accepts ${documented.map((v) => JSON.stringify(v)).join(", ")} without drift`, () => {
      for (const value of documented) {
        const event = sampleEvent(name);
        set(event, path, value);
        const { parsed, drifts } = parseWithDrift(event);
        expect(JSON.stringify(parsed)).toContain(JSON.stringify(value));
        expect(drifts).toEqual([]);
      }
    });
    it(`${path} keeps ${others.map((v) => JSON.stringify(v)).join(", ")} and reports each to onDrift at its path`, () => {
      for (const value of others) {
        const event = sampleEvent(name);
        set(event, path, value);
        const { parsed, drifts } = parseWithDrift(event);
        expect(JSON.stringify(parsed)).toContain(`:${JSON.stringify(value)}`);
        expect(drifts).toEqual([
          expect.objectContaining({
            kind: "unknown-value",
            path: ["events", 0, ...path.split(".")],
            message: expect.stringContaining(
              `events[0].${path} is ${JSON.stringify(value)}, not one of the documented values (`,
            ),
          }),
        ]);
      }
    });
    it(`${path} rejects ${rejected.map((v) => JSON.stringify(v)).join(", ")} with its path`, () => {
      for (const value of rejected) {
        const event = sampleEvent(name);
        set(event, path, value);
        expect(failure(envelopeOf(event)).paths).toEqual([`events[0].${path}`]);
      }
    });
  }
  it("says a string is expected, with a documented example", () => {
    const event = sampleEvent("CachedObjectsRefreshed");
    event.eventParameter.objectType = 3;
    expect(failure(envelopeOf(event)).message).toBe(
      "Invalid CDN event: events[0].eventParameter.objectType: expected objectType as a string such as File, got number",
    );
  });
  it("eventTime accepts ISO 8601 with an offset and rejects the rest", () => {
    for (const value of ["2018-06-14T15:31:49+08:00", "2018-06-14T07:31:49Z", "2018-06-14T07:31:49.123-05:30"]) {
      const event = sampleEvent("CdnDomainDeleted");
      event.eventTime = value;
      expect(parseCdnEvents(envelopeOf(event))[0]?.eventTime).toBe(value);
    }
    for (const value of [
      "2018-06-14 15:31:49",
      "2018-06-14T15:31:49",
      "2018-13-14T15:31:49+08:00",
      "yesterday",
      1528961509,
    ]) {
      const event = sampleEvent("CdnDomainDeleted");
      event.eventTime = value;
      expect(failure(envelopeOf(event)).paths).toEqual(["events[0].eventTime"]);
    }
  });
  it("explains the expected eventTime format", () => {
    const event = sampleEvent("LogFileCreated");
    event.eventTime = "2018-06-14 15:31:49";
    expect(failure(envelopeOf(event)).message).toContain(
      "events[0].eventTime: expected an ISO 8601 date-time with an offset",
    );
  });
});

describe("required fields", () => {
  for (const definition of definitions) {
    const fields = [
      ...Object.keys(definition.sample.events[0]).filter((key) => key !== "eventName"),
      ...Object.keys(definition.sample.events[0].eventParameter as Json).map((key) => `eventParameter.${key}`),
      "userIdentity.aliUid",
      "resource.domain",
    ];
    it(`${definition.name}: each of ${fields.length} fields is required, reported at its path`, () => {
      for (const field of fields) {
        const event = sampleEvent(definition.name);
        const [parent, child] = field.split(".") as [string, string | undefined];
        if (child) delete (event[parent] as Json)[child];
        else delete event[parent];
        const { paths, message } = failure(envelopeOf(event));
        expect(paths).toEqual([`events[0].${field}`]);
        expect(message).toBe(`Invalid CDN event: events[0].${field}: required`);
      }
    });
  }
  it("lists several issues one per line", () => {
    const event = sampleEvent("LogFileCreated");
    delete event.eventParameter.filePath;
    delete event.eventParameter.fileSize;
    const { message, error } = failure(envelopeOf(event));
    expect(error.issues).toHaveLength(2);
    expect(message).toBe(
      [
        "Invalid CDN event (2 issues):",
        "  - events[0].eventParameter.fileSize: required",
        "  - events[0].eventParameter.filePath: required",
      ].join("\n"),
    );
  });
  it("reports issues of every event, each at its index", () => {
    const good = sampleEvent("CdnDomainAdded");
    const bad = sampleEvent("CdnDomainStarted");
    bad.eventParameter.status = ["up"];
    expect(failure(envelopeOf(good, bad, { ...bad, eventName: "Nope" })).paths).toEqual([
      "events[1].eventParameter.status",
      "events[2].eventName",
    ]);
  });
});

describe("error messages for the wrong overall shape", () => {
  it("non-JSON text says it is not JSON, with line and column", () => {
    const text = '{\n  "events": [\n    {"eventName": LogFileCreated}\n  ]\n}';
    const { message, paths } = failure(text);
    expect(paths).toEqual(["(input)"]);
    expect(message).toMatch(/input is not JSON at line 3, column 19 \(.+\); check the payload's syntax$/);
  });
  it("non-JSON bytes too, and truncated JSON points at the end", () => {
    expect(failure(Buffer.from('{"events": [')).message).toContain("input is not JSON at line 1, column 13");
    expect(failure("{'events': []}").message).toContain("input is not JSON at line 1, column 2");
    expect(failure('{"events": [1,]}').message).toContain("input is not JSON at line 1, column 15");
  });
  it("bytes that are not UTF-8 say so", () => {
    expect(failure(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])).message).toContain("input is not valid UTF-8 text");
  });
  it("bytes that are UTF-8 parse, including a real U+FFFD, other non-ASCII text and a BOM", () => {
    const event = sampleEvent("CdnDomainAdded");
    event.traceId = "\uFFFD 中文 é 🙂";
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(envelopeOf(event)))]);
    expect(parseCdnEvents(bytes)[0]?.traceId).toBe("\uFFFD 中文 é 🙂");
  });
  it("empty input says it is empty and what is expected", () => {
    for (const input of ["", "   \n", Buffer.alloc(0), new ArrayBuffer(0)]) {
      expect(failure(input).message).toBe(
        'Invalid CDN event: (input): input is empty; expected an envelope like {"events": [ ... ]}',
      );
    }
  });
  it("a bare event says to wrap it in an envelope", () => {
    for (const definition of definitions) {
      const { paths, message } = failure(JSON.stringify(definition.sample.events[0]));
      expect(paths).toEqual(["events"]);
      expect(message).toContain('this looks like a single event; wrap it as {"events": [<event>]}');
    }
  });
  it("an unknown eventName lists the 8 names", () => {
    const event = sampleEvent("LogFileCreated");
    event.eventName = "LogFileDeleted";
    const { paths, message } = failure(envelopeOf(event));
    expect(paths).toEqual(["events[0].eventName"]);
    expect(message).toContain('"LogFileDeleted" is not a CDN event; expected one of ');
    for (const name of CDN_EVENT_NAMES) expect(message).toContain(name);
    delete event.eventName;
    expect(failure(envelopeOf(event)).message).toContain(
      `events[0].eventName: required; expected one of ${CDN_EVENT_NAMES.join(", ")}`,
    );
  });
  it("other shapes say what was expected and what came", () => {
    expect(failure("[]").message).toBe(
      'Invalid CDN event: (input): expected an envelope like {"events": [ ... ]}, got array',
    );
    expect(failure("null").message).toContain("got null");
    expect(failure("42").message).toContain("got number");
    expect(failure({}).message).toContain('events: required; expected an envelope like {"events": [ ... ]}');
    expect(failure({ events: {} }).message).toContain("events: expected an array of events, got object");
    expect(failure({ events: [] }).message).toContain("events: expected at least one event, got an empty array");
    expect(failure({ events: [null, "x"] }).paths).toEqual(["events[0]", "events[1]"]);
    expect(failure({ events: [42] }).message).toContain("events[0]: expected an event object, got number");
  });
  it("parseCdnEvents throws the same error safeParseCdnEvents returns", () => {
    expect(() => parseCdnEvents("nope")).toThrow(CdnEventParseError);
    const result = safeParseCdnEvents("nope");
    expect(result.success).toBe(false);
    try {
      parseCdnEvents("nope");
    } catch (error) {
      expect((error as CdnEventParseError).message).toBe(result.success ? "" : result.error.message);
      expect((error as CdnEventParseError).name).toBe("CdnEventParseError");
    }
  });
  it("a long offending value is shortened in the message", () => {
    const event = sampleEvent("CdnDomainAdded");
    event.eventTime = "x".repeat(500);
    const { message } = failure(envelopeOf(event));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain(`got "${"x".repeat(56)}...`);
  });
});

describe("maxBytes", () => {
  it("refuses larger inputs before parsing, saying how to raise the limit", () => {
    const text = JSON.stringify(CDN_EVENT_CATALOG.LogFileCreated.sample);
    for (const input of [text, Buffer.from(text)]) {
      expect(parseCdnEvents(input)).toHaveLength(1);
      const result = safeParseCdnEvents(input, { maxBytes: 100 });
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.message).toContain("over the limit of 100 bytes");
    }
  });
});

describe("onDrift", () => {
  const driftOf = (input: object) => {
    const onDrift = vi.fn<(report: CdnDriftReport) => void>();
    parseCdnEvents(input, { onDrift });
    return onDrift;
  };

  it("is not called for any clean sample, in any input form", () => {
    for (const definition of definitions) {
      const text = JSON.stringify(definition.sample);
      for (const input of [text, Buffer.from(text), clone(definition.sample)]) {
        expect(driftOf(input as object)).not.toHaveBeenCalled();
      }
    }
  });
  it("reports unknown fields at every level, once, with their paths", () => {
    const event = sampleEvent("LogFileCreated");
    event.newTopLevel = 1;
    event.eventParameter.region2 = "x";
    (event.userIdentity as Json).principalId = "p";
    (event.resource as Json).bucket = "b";
    const onDrift = driftOf({ ...envelopeOf(event), requestId: "r" });
    expect(onDrift).toHaveBeenCalledTimes(1);
    const { drifts } = onDrift.mock.calls[0]![0] as CdnDriftReport;
    expect(drifts.map((drift) => [drift.kind, formatIssuePath(drift.path)])).toEqual([
      ["unknown-field", "requestId"],
      ["unknown-field", "events[0].userIdentity.principalId"],
      ["unknown-field", "events[0].resource.bucket"],
      ["unknown-field", "events[0].eventParameter.region2"],
      ["unknown-field", "events[0].newTopLevel"],
    ]);
    expect(drifts[4]?.message).toBe("events[0].newTopLevel is not in the documented format; it is kept as it is");
  });
  it("reports numbers sent as strings", () => {
    const event = sampleEvent("LogFileCreated");
    event.eventParameter.fileSize = "1788115";
    const { drifts } = driftOf(envelopeOf(event)).mock.calls[0]![0] as CdnDriftReport;
    expect(drifts).toEqual([
      {
        code: "string-number",
        path: ["events", 0, "eventParameter", "fileSize"],
        kind: "string-number",
        message: 'events[0].eventParameter.fileSize was sent as a string ("1788115"); it is converted to a number',
      },
    ]);
  });
  it("reports a single objectPath string", () => {
    const event = sampleEvent("CachedObjectsRefreshed");
    event.eventParameter.objectPath = "/a.mp4";
    const { drifts } = driftOf(envelopeOf(event)).mock.calls[0]![0] as CdnDriftReport;
    expect(drifts.map((drift) => drift.kind)).toEqual(["single-object-path"]);
    expect(drifts[0]?.message).toContain("events[0].eventParameter.objectPath was sent as one string");
  });
  it("reports keys named like Object.prototype members as unknown fields", () => {
    const text = JSON.stringify(envelopeOf(sampleEvent("CdnDomainAdded"))).replace(
      '"domain":"example.com"}',
      '"domain":"example.com","constructor":1,"toString":2,"__proto__":{"x":1}}',
    );
    const { drifts } = driftOf(text as never).mock.calls[0]![0] as CdnDriftReport;
    expect(drifts.map((drift) => formatIssuePath(drift.path))).toEqual([
      "events[0].resource.constructor",
      "events[0].resource.toString",
      "events[0].resource.__proto__",
    ]);
  });
  it("is not called when the input is rejected", () => {
    const event = sampleEvent("LogFileCreated");
    event.extra = true;
    delete event.eventParameter.filePath;
    const onDrift = vi.fn();
    expect(safeParseCdnEvents(envelopeOf(event), { onDrift }).success).toBe(false);
    expect(onDrift).not.toHaveBeenCalled();
  });
});

describe("unknown fields are kept as they are", () => {
  it("in the event, userIdentity, resource and eventParameter", () => {
    const event = sampleEvent("CachedObjectsPushed");
    const nested = { deep: [1, { two: 2 }] };
    Object.assign(event, { extra: nested });
    Object.assign(event.userIdentity as Json, { principalId: "p-1" });
    Object.assign(event.resource as Json, { bucket: null });
    Object.assign(event.eventParameter, { regionId: "cn-shanghai", flags: [true] });
    const [parsed] = parseCdnEvents(JSON.stringify(envelopeOf(event)));
    const out = parsed as unknown as Json & { eventParameter: Json; userIdentity: Json; resource: Json };
    expect(out.extra).toEqual(nested);
    expect(out.userIdentity.principalId).toBe("p-1");
    expect(out.resource).toHaveProperty("bucket", null);
    expect(out.eventParameter.regionId).toBe("cn-shanghai");
    expect(out.eventParameter.flags).toEqual([true]);
  });
  it("in the envelope: they are reported to onDrift (the result is the events)", () => {
    const onDrift = vi.fn();
    const events = parseCdnEvents({ ...envelopeOf(sampleEvent("CdnDomainAdded")), batchId: 7 }, { onDrift });
    expect(events).toHaveLength(1);
    expect(onDrift.mock.calls[0]?.[0].drifts[0].path).toEqual(["batchId"]);
  });
  it('a "__proto__" key stays an own property, with no prototype touched', () => {
    const text = JSON.stringify(envelopeOf(sampleEvent("LogFileCreated")))
      .replace('"eventParameter":{', '"eventParameter":{"__proto__":{"isAdmin":true},')
      .replace('"eventName":', '"__proto__":{"polluted":1},"eventName":');
    const [event] = parseCdnEvents(text);
    const parameter = event?.eventParameter as Json;
    expect(Object.getPrototypeOf(parameter)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(Object.hasOwn(parameter, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(parameter, "__proto__")?.value).toEqual({ isAdmin: true });
    expect(Object.getOwnPropertyDescriptor(event, "__proto__")?.value).toEqual({ polluted: 1 });
    expect(parameter.isAdmin).toBeUndefined();
    expect(({} as Json).polluted).toBeUndefined();
    expect(({} as Json).isAdmin).toBeUndefined();
    expect(JSON.parse(JSON.stringify(event)).eventParameter).toHaveProperty("__proto__");
  });
});
