// Type tests: narrowing on eventName, CdnEventOf<N>, the schemas' input and output types, factory returns.
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import type { DOMAIN_STATUSES, OBJECT_TYPES, REGIONS } from "../src/events/known-values.js";
import {
  CDN_EVENT_NAMES,
  type CDN_EVENT_SCHEMAS,
  type CdnEnvelope,
  type CdnEnvelopeSchema,
  type CdnEvent,
  type CdnEventInput,
  type CdnEventMap,
  type CdnEventName,
  type CdnEventOf,
  type CdnEventParseError,
  type LogFileCreatedEvent,
  type LogFileCreatedParameters,
  type LogFileCreatedSchema,
  parseCdnEvents,
  type SafeParseCdnEventsResult,
  safeParseCdnEvents,
  withUnknownFields,
} from "../src/index.js";
import { createCdnEnvelope, createCdnEvent } from "../src/testing/index.js";

declare const event: CdnEvent;

describe("CdnEvent narrows on eventName", () => {
  it("LogFileCreated has the log file fields, as numbers", () => {
    if (event.eventName === "LogFileCreated") {
      expectTypeOf(event.eventParameter.filePath).toEqualTypeOf<string>();
      expectTypeOf(event.eventParameter.startTime).toEqualTypeOf<number>();
      expectTypeOf(event.eventParameter.endTime).toEqualTypeOf<number>();
      expectTypeOf(event.eventParameter.fileSize).toEqualTypeOf<number>();
      // Not a documented field of this event: a compile error, not an `unknown` read.
      // @ts-expect-error objectPath is not a LogFileCreated field
      void event.eventParameter.objectPath;
      // @ts-expect-error a typo of domain
      void event.eventParameter.domian;
      // @ts-expect-error nor on the event itself
      void event.nope;
      // On purpose: the documented helper reaches unknown fields.
      expectTypeOf(withUnknownFields(event.eventParameter).objectPath).toEqualTypeOf<unknown>();
      expectTypeOf(withUnknownFields(event.eventParameter).fileSize).toEqualTypeOf<number>();
    }
  });
  it("the cached-objects events have objectPath: string[] and taskId: string", () => {
    if (
      event.eventName === "CachedObjectsRefreshed" ||
      event.eventName === "CachedObjectsPushed" ||
      event.eventName === "CachedObjectsBlocked"
    ) {
      expectTypeOf(event.eventParameter.objectPath).toEqualTypeOf<string[]>();
      expectTypeOf(event.eventParameter.taskId).toEqualTypeOf<string>();
      // The documented values complete in editors; any other string is accepted (and reported to onDrift).
      expectTypeOf(event.eventParameter.objectType).toEqualTypeOf<(typeof OBJECT_TYPES)[number] | (string & {})>();
      expectTypeOf<"File">().toMatchTypeOf<typeof event.eventParameter.objectType>();
      expectTypeOf<"Regex">().toMatchTypeOf<typeof event.eventParameter.objectType>();
      expectTypeOf(event.eventParameter.createTime).toEqualTypeOf<number>();
      expectTypeOf(event.eventParameter.completeTime).toEqualTypeOf<number>();
    }
  });
  it("CdnDomainStarted and CdnDomainStopped have status", () => {
    if (event.eventName === "CdnDomainStarted" || event.eventName === "CdnDomainStopped") {
      expectTypeOf(event.eventParameter.status).toEqualTypeOf<(typeof DOMAIN_STATUSES)[number] | (string & {})>();
      expectTypeOf(event.eventParameter.domain).toEqualTypeOf<string>();
    }
  });
  it("CdnDomainAdded and CdnDomainDeleted have only the domain", () => {
    if (event.eventName === "CdnDomainAdded" || event.eventName === "CdnDomainDeleted") {
      expectTypeOf(event.eventParameter.domain).toEqualTypeOf<string>();
      // @ts-expect-error only the status events have a status
      void event.eventParameter.status;
    }
  });
  it("a switch over eventName is exhaustive", () => {
    const fieldOf = (e: CdnEvent): string => {
      switch (e.eventName) {
        case "LogFileCreated":
          return e.eventParameter.filePath;
        case "CachedObjectsRefreshed":
        case "CachedObjectsPushed":
        case "CachedObjectsBlocked":
          return e.eventParameter.objectPath.join(",");
        case "CdnDomainStarted":
        case "CdnDomainStopped":
          return e.eventParameter.status;
        case "CdnDomainAdded":
        case "CdnDomainDeleted":
          return e.eventParameter.domain;
        default:
          expectTypeOf(e).toBeNever();
          return e;
      }
    };
    expectTypeOf(fieldOf).returns.toEqualTypeOf<string>();
  });
  it("shared fields are typed on every event", () => {
    expectTypeOf(event.eventSource).toEqualTypeOf<"cdn" | (string & {})>();
    expectTypeOf(event.eventVersion).toEqualTypeOf<"1.0.0" | (string & {})>();
    expectTypeOf(event.region).toEqualTypeOf<(typeof REGIONS)[number] | (string & {})>();
    expectTypeOf(event.eventTime).toEqualTypeOf<string>();
    expectTypeOf(event.userIdentity.aliUid).toEqualTypeOf<string>();
    expectTypeOf(event.resource.domain).toEqualTypeOf<string>();
    expectTypeOf(event.eventName).toEqualTypeOf<CdnEventName>();
  });
});

describe("names and helper types", () => {
  it("CdnEventName is the union of the 8 names", () => {
    expectTypeOf<CdnEventName>().toEqualTypeOf<
      | "LogFileCreated"
      | "CachedObjectsRefreshed"
      | "CachedObjectsPushed"
      | "CachedObjectsBlocked"
      | "CdnDomainStarted"
      | "CdnDomainStopped"
      | "CdnDomainAdded"
      | "CdnDomainDeleted"
    >();
    expectTypeOf(CDN_EVENT_NAMES).toMatchTypeOf<readonly CdnEventName[]>();
    expectTypeOf(CDN_EVENT_NAMES.length).toEqualTypeOf<8>();
    expectTypeOf(CDN_EVENT_NAMES[0]).toEqualTypeOf<"LogFileCreated">();
  });
  it("CdnEventOf<N> is the narrowed event", () => {
    expectTypeOf<CdnEventOf<"LogFileCreated">["eventName"]>().toEqualTypeOf<"LogFileCreated">();
    expectTypeOf<CdnEventOf<"LogFileCreated">["eventParameter"]["fileSize"]>().toEqualTypeOf<number>();
    expectTypeOf<CdnEventOf<"CachedObjectsBlocked">["eventParameter"]["objectPath"]>().toEqualTypeOf<string[]>();
    expectTypeOf<CdnEventOf<"CdnDomainStopped">>().toEqualTypeOf<
      Extract<CdnEvent, { eventName: "CdnDomainStopped" }>
    >();
    expectTypeOf<CdnEventOf<"CdnDomainAdded" | "CdnDomainDeleted">["eventName"]>().toEqualTypeOf<
      "CdnDomainAdded" | "CdnDomainDeleted"
    >();
  });
  it("CdnEventInput is the lenient wire form", () => {
    type LogInput = Extract<CdnEventInput, { eventName: "LogFileCreated" }>;
    expectTypeOf<LogInput["eventParameter"]["startTime"]>().toEqualTypeOf<number | string>();
    type CacheInput = Extract<CdnEventInput, { eventName: "CachedObjectsRefreshed" }>;
    expectTypeOf<CacheInput["eventParameter"]["objectPath"]>().toEqualTypeOf<string[] | string>();
    expectTypeOf<CacheInput["eventParameter"]["taskId"]>().toEqualTypeOf<string | number>();
    expectTypeOf<Exact<z.output<typeof LogFileCreatedSchema>>>().toEqualTypeOf<CdnEventOf<"LogFileCreated">>();
  });
  it("CdnEnvelope holds CdnEvent[]", () => {
    expectTypeOf<CdnEnvelope["events"]>().toEqualTypeOf<CdnEvent[]>();
    expectTypeOf<
      Exact<z.output<typeof CdnEnvelopeSchema>>["events"][number]["eventName"]
    >().toEqualTypeOf<CdnEventName>();
  });
});

/** A schema's output without the index signatures of loose objects, at every level. */
type Exact<T> = T extends readonly unknown[] | string | number | boolean | null | undefined
  ? T
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Exact<T[K]> }
    : T;
type Parsed<N extends CdnEventName> = Exact<z.output<(typeof CDN_EVENT_SCHEMAS)[N]>>;

describe("the named event types are the schemas' output, exactly", () => {
  it("CdnEventMap has one entry per event name", () => {
    expectTypeOf<keyof CdnEventMap>().toEqualTypeOf<CdnEventName>();
  });
  it("each named type equals its schema's output minus index signatures", () => {
    expectTypeOf<LogFileCreatedEvent>().toEqualTypeOf<Parsed<"LogFileCreated">>();
    expectTypeOf<CdnEventMap["CachedObjectsRefreshed"]>().toEqualTypeOf<Parsed<"CachedObjectsRefreshed">>();
    expectTypeOf<CdnEventMap["CachedObjectsPushed"]>().toEqualTypeOf<Parsed<"CachedObjectsPushed">>();
    expectTypeOf<CdnEventMap["CachedObjectsBlocked"]>().toEqualTypeOf<Parsed<"CachedObjectsBlocked">>();
    expectTypeOf<CdnEventMap["CdnDomainStarted"]>().toEqualTypeOf<Parsed<"CdnDomainStarted">>();
    expectTypeOf<CdnEventMap["CdnDomainStopped"]>().toEqualTypeOf<Parsed<"CdnDomainStopped">>();
    expectTypeOf<CdnEventMap["CdnDomainAdded"]>().toEqualTypeOf<Parsed<"CdnDomainAdded">>();
    expectTypeOf<CdnEventMap["CdnDomainDeleted"]>().toEqualTypeOf<Parsed<"CdnDomainDeleted">>();
    expectTypeOf<LogFileCreatedParameters>().toEqualTypeOf<Parsed<"LogFileCreated">["eventParameter"]>();
  });
});

describe("parse functions", () => {
  it("parseCdnEvents returns CdnEvent[] and accepts every input form", () => {
    expectTypeOf(parseCdnEvents).returns.toEqualTypeOf<CdnEvent[]>();
    expectTypeOf(parseCdnEvents).toBeCallableWith(Buffer.from("{}"));
    expectTypeOf(parseCdnEvents).toBeCallableWith("{}");
    expectTypeOf(parseCdnEvents).toBeCallableWith(new ArrayBuffer(0));
    expectTypeOf(parseCdnEvents).toBeCallableWith({ events: [] }, { onDrift: () => {}, maxBytes: 1 });
  });
  it("safeParseCdnEvents narrows on success", () => {
    const result = safeParseCdnEvents("{}");
    expectTypeOf(result).toEqualTypeOf<SafeParseCdnEventsResult>();
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<CdnEvent[]>();
    else expectTypeOf(result.error).toEqualTypeOf<CdnEventParseError>();
  });
  it("CdnEventParseError has typed issues", () => {
    expectTypeOf<CdnEventParseError["issues"][number]["path"]>().toEqualTypeOf<readonly (string | number)[]>();
    expectTypeOf<CdnEventParseError>().toMatchTypeOf<Error>();
  });
});

describe("factories", () => {
  it("createCdnEvent returns the event of its name", () => {
    expectTypeOf(createCdnEvent("LogFileCreated")).toEqualTypeOf<CdnEventOf<"LogFileCreated">>();
    expectTypeOf(createCdnEvent("CachedObjectsPushed").eventParameter.objectPath).toEqualTypeOf<string[]>();
    expectTypeOf(createCdnEvent("CdnDomainStopped", { eventParameter: { status: "offline" } })).toEqualTypeOf<
      CdnEventOf<"CdnDomainStopped">
    >();
  });
  it("createCdnEvent checks names and override types", () => {
    // @ts-expect-error not an event name
    createCdnEvent("LogFileDeleted");
    // @ts-expect-error status is a string (any value is accepted, the documented ones complete)
    createCdnEvent("CdnDomainStarted", { eventParameter: { status: 1 } });
    // @ts-expect-error startTime is a number after parsing
    createCdnEvent("LogFileCreated", { eventParameter: { startTime: "now" } });
  });
  it("createCdnEnvelope returns a CdnEnvelope from names or events", () => {
    expectTypeOf(createCdnEnvelope("LogFileCreated", createCdnEvent("CdnDomainAdded"))).toEqualTypeOf<CdnEnvelope>();
    // @ts-expect-error not an event name
    createCdnEnvelope("Nope");
  });
});
