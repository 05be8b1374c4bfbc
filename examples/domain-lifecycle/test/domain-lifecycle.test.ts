import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { itShipsDeployArtifacts } from "../../../test/support/example-artifacts.js";
import { invokeOnSystemNode, systemNodeVersion } from "../../../test/support/system-node.js";
import { handler, knownDomains, stateAfter } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist/index.js");

// Builds and system-Node runs are slow under a loaded parallel run; the tests assert behaviour, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

beforeAll(() => {
  execFileSync(process.execPath, ["../build.mjs"], { cwd: root, stdio: "pipe" });
});

const at = (domain: string, eventTime: string) => ({ resource: { domain }, eventParameter: { domain }, eventTime });

describe("domain-lifecycle", () => {
  it("gives each of the four domain events its state", () => {
    expect(stateAfter(createCdnEvent("CdnDomainStarted"))).toBe("online");
    expect(stateAfter(createCdnEvent("CdnDomainStopped"))).toBe("offline");
    expect(stateAfter(createCdnEvent("CdnDomainAdded"))).toBe("added");
    expect(stateAfter(createCdnEvent("CdnDomainDeleted"))).toBe("deleted");
  });

  it("reads the status values CDN's APIs use, and falls back to the event's meaning for an unknown one", () => {
    const status = (name: "CdnDomainStarted" | "CdnDomainStopped", value: string) =>
      stateAfter(createCdnEvent(name, { eventParameter: { status: value } }));
    expect(status("CdnDomainStarted", "Online")).toBe("online");
    expect(status("CdnDomainStopped", "Offline")).toBe("offline");
    expect(status("CdnDomainStarted", "configuring")).toBe("configuring");
    expect(status("CdnDomainStarted", "configure_failed")).toBe("configure_failed");
    expect(status("CdnDomainStopped", "suspended")).toBe("offline");
  });

  it("tracks a domain through its lifecycle, in one envelope, and ignores late events", async () => {
    const envelope = createCdnEnvelope(
      createCdnEvent("CdnDomainAdded", at("a.example.com", "2024-05-01T10:00:00+08:00")),
      createCdnEvent("CdnDomainStarted", at("a.example.com", "2024-05-01T10:05:00+08:00")),
      createCdnEvent("CdnDomainStopped", at("b.example.com", "2024-05-01T11:00:00+08:00")),
      // Late: older than the Started event already seen for a.example.com.
      createCdnEvent("CdnDomainDeleted", at("a.example.com", "2024-05-01T09:00:00+08:00")),
    );
    const { result, error, logs } = await invokeHandler(handler, envelope);
    expect(error).toBeUndefined();
    expect(result).toEqual([
      { domain: "a.example.com", state: "added", since: "2024-05-01T10:00:00+08:00", aliUid: "164901546557****" },
      { domain: "a.example.com", state: "online", since: "2024-05-01T10:05:00+08:00", aliUid: "164901546557****" },
      { domain: "b.example.com", state: "offline", since: "2024-05-01T11:00:00+08:00", aliUid: "164901546557****" },
      { domain: "a.example.com", state: "online", since: "2024-05-01T10:05:00+08:00", aliUid: "164901546557****" },
    ]);
    expect(knownDomains().get("a.example.com")?.state).toBe("online");
    expect(logs.filter((line) => line.level === "warn").map((line) => line.message)).toEqual([
      "a.example.com: ignoring CdnDomainDeleted from 2024-05-01T09:00:00+08:00, older than 2024-05-01T10:05:00+08:00",
    ]);
  });

  it("runs bundled, from the machine's system Node, as FC would", async () => {
    const outcome = await invokeOnSystemNode(
      bundle,
      JSON.stringify(createCdnEnvelope("CdnDomainAdded", "CdnDomainStopped")),
    );
    expect(outcome.node).toBe(systemNodeVersion());
    expect(outcome.ok).toBe(true);
    expect((outcome.result as { state: string }[]).map((status) => status.state)).toEqual(["added", "offline"]);
    expect(outcome.logs).toEqual([
      "INFO example.com is added since 2018-03-16T14:19:55+08:00",
      "INFO example.com is offline since 2018-03-16T14:19:55+08:00",
    ]);
  });

  itShipsDeployArtifacts(root, bundle);
});
