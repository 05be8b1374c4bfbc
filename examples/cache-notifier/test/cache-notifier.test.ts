import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { itShipsDeployArtifacts } from "../../../test/support/example-artifacts.js";
import { invokeOnSystemNode, systemNodeVersion } from "../../../test/support/system-node.js";
import { cacheMessages, handler } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist/index.js");

// Builds and system-Node runs are slow under a loaded parallel run; the tests assert behaviour, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

beforeAll(() => {
  // Builds dist/index.js and dist/code.zip with the project's Node, as `npm run build` does.
  execFileSync(process.execPath, ["../build.mjs"], { cwd: root, stdio: "pipe" });
});

describe("cache-notifier", () => {
  it("turns each object path of the three cache events into a message", async () => {
    const envelope = createCdnEnvelope(
      "CachedObjectsRefreshed",
      createCdnEvent("CachedObjectsPushed", {
        eventParameter: { objectPath: ["/index.html"], objectType: "Directory" },
      }),
      "CachedObjectsBlocked",
      "CdnDomainAdded",
    );
    const { result, error, logs } = await invokeHandler(handler, envelope);
    expect(error).toBeUndefined();
    expect(result).toEqual([
      [
        "example.com/2018/03/16/13/33b430c57e7.mp4 refreshed (file, task 2089687230)",
        "example.com/2018/03/16/14/4ff6b9bd54d.mp4 refreshed (file, task 2089687230)",
      ],
      ["example.com/index.html prefetched (directory, task 2089687230)"],
      [
        "example.com/2018/03/16/13/33b430c57e7.mp4 blocked (file, task 2089687230)",
        "example.com/2018/03/16/14/4ff6b9bd54d.mp4 blocked (file, task 2089687230)",
      ],
      undefined,
    ]);
    // Every message is logged, and the unrouted domain event is reported once.
    expect(logs.filter((line) => line.level === "info")).toHaveLength(5);
    expect(logs.filter((line) => line.message.includes("no route for events[3] (CdnDomainAdded)"))).toHaveLength(1);
  });

  it("joins a path without a leading slash correctly", () => {
    const event = createCdnEvent("CachedObjectsRefreshed", { eventParameter: { objectPath: ["img/a.png"] } });
    expect(cacheMessages(event)).toEqual(["example.com/img/a.png refreshed (file, task 2089687230)"]);
  });

  it("runs bundled, from the machine's system Node, as FC would", async () => {
    const body = JSON.stringify(createCdnEnvelope("CachedObjectsPushed"));
    const outcome = await invokeOnSystemNode(bundle, body);
    expect(outcome.node).toBe(systemNodeVersion());
    expect(outcome).toMatchObject({
      ok: true,
      result: [
        [
          "example.com/2018/03/16/13/33b430c57e7.mp4 prefetched (file, task 2089687230)",
          "example.com/2018/03/16/14/4ff6b9bd54d.mp4 prefetched (file, task 2089687230)",
        ],
      ],
    });
    expect(outcome.logs).toHaveLength(2);
    const invalid = await invokeOnSystemNode(bundle, '{"events": [{"eventName": "CachedObjectsPushed"}]}');
    expect(invalid).toMatchObject({ ok: false, name: "CdnEventParseError" });
  });

  itShipsDeployArtifacts(root, bundle);
});
