// Test locally: run the handler against every event the catalog knows, as FC would call it (a Buffer body).
import { CDN_EVENT_NAMES } from "fc-cdn-trigger";
import { createCdnEnvelope, createCdnEvent } from "fc-cdn-trigger/testing";
import { describe, expect, it } from "vitest";
import { handler } from "./handler.js";

const asFcBody = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("CDN handler", () => {
  it.each(CDN_EVENT_NAMES)("handles %s", async (name) => {
    const [outcome] = await handler(asFcBody(createCdnEnvelope(name)));
    expect(outcome).toMatchObject({ eventName: name, domain: "example.com" });
  });

  it("handles every event of one envelope, in order", async () => {
    const body = asFcBody(createCdnEnvelope("CdnDomainAdded", "LogFileCreated"));
    expect((await handler(body)).map((o) => o.eventName)).toEqual(["CdnDomainAdded", "LogFileCreated"]);
  });

  it("reads the fields you override", async () => {
    const event = createCdnEvent("CachedObjectsRefreshed", { eventParameter: { objectPath: ["/a.mp4"] } });
    const [outcome] = await handler(asFcBody(createCdnEnvelope(event)));
    expect(outcome?.info).toContain("/a.mp4");
  });

  it("rejects a body that is not a CDN envelope, saying where", async () => {
    await expect(handler(asFcBody({ events: [{ eventName: "LogFileCreated" }] }))).rejects.toThrow(/eventParameter/);
  });
});
