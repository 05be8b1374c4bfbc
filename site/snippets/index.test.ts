// Test locally: run the handler as Function Compute would (Buffer body, FC context, timeout), for every event.
import { CDN_EVENT_NAMES } from "fc-cdn-trigger";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { describe, expect, it } from "vitest";
import { handler, type Outcome } from "./index.js";

describe("CDN handler", () => {
  it.each(CDN_EVENT_NAMES)("handles %s", async (name) => {
    const { result, error } = await invokeHandler<Outcome[]>(handler, createCdnEnvelope(name));
    expect(error).toBeUndefined();
    expect(result).toEqual([expect.objectContaining({ eventName: name, domain: "example.com" })]);
  });

  it("handles every event of one envelope, in order", async () => {
    const { result } = await invokeHandler<Outcome[]>(handler, createCdnEnvelope("CdnDomainAdded", "LogFileCreated"));
    expect(result?.map((outcome) => outcome.eventName)).toEqual(["CdnDomainAdded", "LogFileCreated"]);
  });

  it("reads the fields you override, and logs through the FC context", async () => {
    const event = createCdnEvent("LogFileCreated", { eventParameter: { fileSize: 42 } });
    const { logs } = await invokeHandler(handler, createCdnEnvelope(event));
    expect(logs.map((line) => line.message)).toContainEqual(expect.stringContaining("42 bytes"));
  });

  it("rejects a body that is not a CDN envelope, saying where", async () => {
    const { error } = await invokeHandler(handler, { events: [{ eventName: "LogFileCreated" }] });
    expect(String(error)).toMatch(/eventParameter/);
  });
});
