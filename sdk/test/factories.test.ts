// createCdnEvent / createCdnEnvelope: valid, typed events from the catalog's samples, overrides deep-merged.
import { describe, expect, it } from "vitest";
import {
  CDN_EVENT_CATALOG,
  CDN_EVENT_NAMES,
  type CdnEventName,
  CdnEventParseError,
  parseCdnEvents,
  withUnknownFields,
} from "../src/index.js";
import { createCdnEnvelope, createCdnEvent } from "../src/testing/index.js";

describe("createCdnEvent", () => {
  for (const name of CDN_EVENT_NAMES) {
    it(`${name}: equals its parsed sample`, () => {
      expect(createCdnEvent(name)).toEqual(parseCdnEvents(CDN_EVENT_CATALOG[name].sample)[0]);
    });
  }
  it("deep-merges overrides, replacing arrays and keeping sibling fields", () => {
    const event = createCdnEvent("CachedObjectsRefreshed", {
      region: "cn-shanghai",
      eventParameter: { objectPath: ["/index.html"], objectType: "Directory" },
      resource: { domain: "cdn.example.org" },
    });
    expect(event.region).toBe("cn-shanghai");
    expect(event.eventParameter.objectPath).toEqual(["/index.html"]);
    expect(event.eventParameter.objectType).toBe("Directory");
    expect(event.eventParameter.taskId).toBe("2089687230");
    expect(event.resource.domain).toBe("cdn.example.org");
    expect(event.eventSource).toBe("cdn");
  });
  it("normalises overrides in wire form, and keeps unknown fields", () => {
    const event = createCdnEvent("LogFileCreated", {
      eventParameter: { fileSize: "42" as unknown as number, custom: true },
    });
    expect(event.eventParameter.fileSize).toBe(42);
    expect(withUnknownFields(event.eventParameter).custom).toBe(true);
  });
  it("throws CdnEventParseError, with the path, when an override breaks the format", () => {
    expect(() => createCdnEvent("CdnDomainStarted", { eventParameter: { status: 5 as never } })).toThrow(
      CdnEventParseError,
    );
    expect(() => createCdnEvent("CdnDomainStarted", { eventParameter: { status: 5 as never } })).toThrow(
      "events[0].eventParameter.status",
    );
  });
  it("throws a TypeError for a name that is not an event", () => {
    expect(() => createCdnEvent("Nope" as CdnEventName)).toThrow('createCdnEvent: "Nope" is not a CDN event name');
  });
  it("returns a fresh object each time, never the catalog's sample", () => {
    const first = createCdnEvent("CdnDomainAdded");
    first.eventParameter.domain = "changed.example.com";
    expect(createCdnEvent("CdnDomainAdded").eventParameter.domain).toBe("example.com");
    expect(CDN_EVENT_CATALOG.CdnDomainAdded.sample.events[0].eventParameter.domain).toBe("example.com");
  });
  it('an override with a "__proto__" key neither pollutes nor changes the prototype', () => {
    const overrides = JSON.parse('{"eventParameter":{"__proto__":{"polluted":true}}}');
    const event = createCdnEvent("CdnDomainAdded", overrides);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(event.eventParameter)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(event.eventParameter, "__proto__")?.value).toEqual({ polluted: true });
  });
});

describe("createCdnEnvelope", () => {
  it("turns names into sample events and keeps events as given, in order", () => {
    const custom = createCdnEvent("CdnDomainDeleted", { resource: { domain: "gone.example.com" } });
    const envelope = createCdnEnvelope("LogFileCreated", custom, "CachedObjectsBlocked");
    expect(envelope.events.map((event) => event.eventName)).toEqual([
      "LogFileCreated",
      "CdnDomainDeleted",
      "CachedObjectsBlocked",
    ]);
    expect(envelope.events[1]).toBe(custom);
  });
  it("takes one array as the list of events, the same as spread arguments", () => {
    const custom = createCdnEvent("CdnDomainAdded");
    expect(createCdnEnvelope([custom, "LogFileCreated"])).toEqual(createCdnEnvelope(custom, "LogFileCreated"));
    expect(createCdnEnvelope([custom]).events[0]).toBe(custom);
  });
  it("refuses a nested array or a non-event with a TypeError that says how to pass them", () => {
    const event = createCdnEvent("CdnDomainAdded");
    expect(() => createCdnEnvelope(event, [event] as never)).toThrow(
      "createCdnEnvelope: item 1 is an array; pass events or event names, as arguments (createCdnEnvelope(a, b)) or as one array",
    );
    expect(() => createCdnEnvelope([[event]] as never)).toThrow(TypeError);
    expect(() => createCdnEnvelope(null as never)).toThrow("item 0 is null");
  });
  it("round-trips through parseCdnEvents as an object, text and a Buffer", () => {
    const envelope = createCdnEnvelope(...CDN_EVENT_NAMES);
    expect(parseCdnEvents(envelope)).toEqual(envelope.events);
    expect(parseCdnEvents(JSON.stringify(envelope))).toEqual(envelope.events);
    expect(parseCdnEvents(Buffer.from(JSON.stringify(envelope)))).toEqual(envelope.events);
  });
  it("with no arguments gives an envelope the parser rejects, as FC never sends one", () => {
    expect(createCdnEnvelope()).toEqual({ events: [] });
    expect(() => parseCdnEvents(createCdnEnvelope())).toThrow("expected at least one event");
  });
});
