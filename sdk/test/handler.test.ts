import { describe, expect, it, vi } from "vitest";
import {
  type CdnEventOf,
  CdnEventParseError,
  CdnHandlerError,
  defineCdnHandler,
  type FcContext,
} from "../src/index.js";
import { createCdnEnvelope, createCdnEvent, createFcContext } from "../src/testing/index.js";

const body = (envelope: unknown) => Buffer.from(JSON.stringify(envelope));

describe("defineCdnHandler", () => {
  it("runs the route of every event, in order, from a Buffer, a string or an object", async () => {
    const handler = defineCdnHandler({
      LogFileCreated: (event) => `log ${event.eventParameter.fileSize}`,
      CachedObjectsRefreshed: async (event) => event.eventParameter.objectPath.length,
      CdnDomainAdded: (event) => event.eventParameter.domain,
    });
    const envelope = createCdnEnvelope("CdnDomainAdded", "LogFileCreated", "CachedObjectsRefreshed", "CdnDomainAdded");
    const expected = ["example.com", "log 1788115", 2, "example.com"];
    const context = createFcContext();
    expect(await handler(body(envelope), context)).toEqual(expected);
    expect(await handler(JSON.stringify(envelope), context)).toEqual(expected);
    expect(await handler(envelope, context)).toEqual(expected);
  });

  it("awaits each route before starting the next", async () => {
    const order: string[] = [];
    const handler = defineCdnHandler({
      CdnDomainStarted: async (event) => {
        order.push(`start ${event.eventName}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${event.eventName}`);
      },
      CdnDomainStopped: (event) => {
        order.push(`run ${event.eventName}`);
      },
    });
    await handler(createCdnEnvelope("CdnDomainStarted", "CdnDomainStopped"), createFcContext());
    expect(order).toEqual(["start CdnDomainStarted", "end CdnDomainStarted", "run CdnDomainStopped"]);
  });

  it("gives undefined for an event without a route and warns once through context.logger", async () => {
    const handler = defineCdnHandler({ CdnDomainAdded: () => "added" });
    const context = createFcContext();
    const results = await handler(createCdnEnvelope("LogFileCreated", "CdnDomainAdded", "CdnDomainDeleted"), context);
    expect(results).toEqual([undefined, "added", undefined]);
    expect(context.logger.lines).toHaveLength(1);
    expect(context.logger.lines[0]).toMatchObject({ level: "warn" });
    expect(context.logger.lines[0]?.message).toContain("events[0] (LogFileCreated), events[2] (CdnDomainDeleted)");
  });

  it("sends unrouted events to default, and stays quiet with logUnrouted: false or without a logger", async () => {
    const seen: string[] = [];
    const handler = defineCdnHandler({
      CdnDomainAdded: () => "added",
      default: (event) => {
        seen.push(event.eventName);
        return "fallback";
      },
    });
    const context = createFcContext();
    expect(await handler(createCdnEnvelope("CdnDomainAdded", "CdnDomainStopped"), context)).toEqual([
      "added",
      "fallback",
    ]);
    expect(seen).toEqual(["CdnDomainStopped"]);
    expect(context.logger.lines).toEqual([]);

    const quiet = defineCdnHandler({}, { logUnrouted: false });
    const quietContext = createFcContext();
    expect(await quiet(createCdnEnvelope("LogFileCreated"), quietContext)).toEqual([undefined]);
    expect(quietContext.logger.lines).toEqual([]);
    // No context at all (a hand-written test, say): still works.
    expect(await defineCdnHandler({})(createCdnEnvelope("LogFileCreated"))).toEqual([undefined]);
  });

  it("passes the context to routes", async () => {
    const handler = defineCdnHandler({
      LogFileCreated: (_event, context: FcContext) => context.requestId,
    });
    const context = createFcContext({ requestId: "req-1" });
    expect(await handler(createCdnEnvelope("LogFileCreated"), context)).toEqual(["req-1"]);
  });

  it("runs every event even when some fail, then rejects with CdnHandlerError listing the failures", async () => {
    const ran: number[] = [];
    const boom = new Error("boom");
    const handler = defineCdnHandler({
      CdnDomainAdded: (event) => {
        ran.push(ran.length);
        if (event.resource.domain === "bad.example.com") throw boom;
        return "ok";
      },
      CdnDomainDeleted: async () => {
        ran.push(ran.length);
        throw "not an Error";
      },
    });
    const envelope = createCdnEnvelope(
      createCdnEvent("CdnDomainAdded", { resource: { domain: "bad.example.com" } }),
      "CdnDomainAdded",
      "CdnDomainDeleted",
    );
    const error = await handler(envelope, createFcContext()).catch((e: unknown) => e);
    expect(ran).toEqual([0, 1, 2]);
    expect(error).toBeInstanceOf(CdnHandlerError);
    expect(error).toBeInstanceOf(AggregateError);
    const failure = error as CdnHandlerError;
    expect(failure.failures).toEqual([
      { index: 0, eventName: "CdnDomainAdded", error: boom },
      { index: 2, eventName: "CdnDomainDeleted", error: "not an Error" },
    ]);
    expect(failure.errors).toEqual([boom, "not an Error"]);
    expect(failure.results).toEqual([undefined, "ok", undefined]);
    expect(failure.message).toBe(
      "2 of 3 CDN events failed: events[0] (CdnDomainAdded): boom; events[2] (CdnDomainDeleted): not an Error",
    );
  });

  it("rejects with CdnEventParseError when the payload is invalid, without running any route", async () => {
    const route = vi.fn();
    const handler = defineCdnHandler({ LogFileCreated: route });
    const error = await handler(Buffer.from('{"events": [{"eventName": "LogFileCreated"}]}'), createFcContext()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CdnEventParseError);
    expect((error as CdnEventParseError).message).toContain("events[0].eventSource");
    expect(route).not.toHaveBeenCalled();
  });

  it("calls FC's callback (Node.js ≤16 style) with (null, results) or (error)", async () => {
    const handler = defineCdnHandler({
      CdnDomainAdded: () => "added",
      CdnDomainDeleted: () => Promise.reject(new Error("x")),
    });
    const ok = await new Promise<unknown[]>((resolve, reject) => {
      void handler(createCdnEnvelope("CdnDomainAdded"), createFcContext(), (error, results) =>
        error ? reject(error) : resolve(results ?? []),
      );
    });
    expect(ok).toEqual(["added"]);
    // The returned promise is not awaited here, as a callback runtime would not: no unhandled rejection.
    const failed = await new Promise<unknown>((resolve) => {
      void handler(createCdnEnvelope("CdnDomainDeleted"), createFcContext(), (error) => resolve(error));
    });
    expect(failed).toBeInstanceOf(CdnHandlerError);
    const parseFailed = await new Promise<unknown>((resolve) => {
      void handler("not json", createFcContext(), (error) => resolve(error));
    });
    expect(parseFailed).toBeInstanceOf(CdnEventParseError);
  });

  it("passes parse options through (onDrift)", async () => {
    const onDrift = vi.fn();
    const handler = defineCdnHandler(
      { LogFileCreated: (event: CdnEventOf<"LogFileCreated">) => event.eventParameter.startTime },
      { onDrift },
    );
    const envelope = createCdnEnvelope("LogFileCreated") as unknown as { events: Record<string, unknown>[] };
    const raw = JSON.parse(JSON.stringify(envelope));
    raw.events[0].eventParameter.startTime = "1528959600";
    expect(await handler(raw, createFcContext())).toEqual([1528959600]);
    expect(onDrift).toHaveBeenCalledOnce();
  });

  it("throws when defined with a route that is not an event name (JavaScript has no compile step), with did you mean", () => {
    const define = (routes: Record<string, unknown>) => () => defineCdnHandler(routes as never);
    expect(define({ LogFileCreatd: () => 1 })).toThrow(
      'defineCdnHandler: "LogFileCreatd" is not a CDN event name (did you mean LogFileCreated?); use one of LogFileCreated, CachedObjectsRefreshed,',
    );
    expect(define({ CdnDomainAdded: () => 1, nope: () => 2 })).toThrow(/"nope" is not a CDN event name; use one of/);
    expect(define({ CdnDomainAdded: "log it" })).toThrow("the CdnDomainAdded route must be a function, got string");
    expect(define({ default: () => 1, CdnDomainAdded: undefined })).not.toThrow();
  });

  it("works as a CommonJS export (exports.handler) from the built package", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const sdk = require("../dist/index.cjs") as typeof import("../src/index.js");
    const moduleExports: { handler?: unknown } = {};
    moduleExports.handler = sdk.defineCdnHandler({ CdnDomainAdded: (event) => event.eventParameter.domain });
    const handler = moduleExports.handler as ReturnType<typeof sdk.defineCdnHandler>;
    expect(await handler(body(createCdnEnvelope("CdnDomainAdded")), createFcContext())).toEqual(["example.com"]);
  });
});

describe("runtime cost of defineCdnHandler", () => {
  // 800: the routing (about 600 bytes) plus the definition-time route check with its "did you mean" (about 170),
  // which JavaScript users need because nothing else catches a misspelled route.
  it("adds at most 800 bytes (minified, gzip) to a minimal parseCdnEvents handler, and stays within 10 KiB", async () => {
    const esbuild = await import("esbuild");
    const { gzipSync } = await import("node:zlib");
    const { dirname, join } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const sdk = join(dirname(fileURLToPath(import.meta.url)), "..");
    const gzipSize = async (contents: string) => {
      const result = await esbuild.build({
        stdin: { contents, resolveDir: sdk, loader: "ts" },
        bundle: true,
        minify: true,
        write: false,
        format: "esm",
        platform: "neutral",
        mainFields: ["module", "main"],
      });
      return gzipSync((result.outputFiles[0] as { contents: Uint8Array }).contents).byteLength;
    };
    const parseOnly = await gzipSize(
      'import { parseCdnEvents } from "./src/index.ts"; export const handler = async (e: Uint8Array) => parseCdnEvents(e);',
    );
    const routed = await gzipSize(
      'import { defineCdnHandler } from "./src/index.ts"; export const handler = defineCdnHandler({ LogFileCreated: (e) => e.eventParameter.filePath });',
    );
    expect(routed - parseOnly).toBeGreaterThan(0);
    expect(
      routed - parseOnly,
      `defineCdnHandler adds ${routed - parseOnly} bytes gzip (${routed} in all)`,
    ).toBeLessThanOrEqual(800);
    // The same 10 KiB budget as a handler that only parses (runtime-build.test.ts).
    expect(routed, `a defineCdnHandler handler is ${routed} bytes gzip`).toBeLessThanOrEqual(10 * 1024);
  });
});
