import { describe, expect, it, vi } from "vitest";
import { warningKinds } from "../../test/support/invoke-cases.js";
import { CdnEventParseError, defineCdnHandler } from "../src/index.js";
import { createCdnEnvelope, createFcContext, FcTimeoutError, invokeHandler } from "../src/testing/index.js";

describe("createFcContext", () => {
  it("builds a realistic FC context with a fresh requestId", () => {
    const a = createFcContext();
    const b = createFcContext();
    expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.requestId).not.toBe(b.requestId);
    expect(Object.keys(a.credentials).sort()).toEqual(["accessKeyId", "accessKeySecret", "securityToken"]);
    expect(a.function).toMatchObject({ name: expect.any(String), handler: "index.handler", memory: 512, timeout: 60 });
    expect(a.service.name).toEqual(expect.any(String));
    expect(a.region).toBe("cn-hangzhou");
    expect(a.accountId).toMatch(/^\d+$/);
  });

  it("merges overrides one level deep", () => {
    const context = createFcContext({ region: "cn-shanghai", function: { timeout: 5 }, requestId: "r-1" });
    expect(context.region).toBe("cn-shanghai");
    expect(context.requestId).toBe("r-1");
    expect(context.function).toMatchObject({ timeout: 5, handler: "index.handler", memory: 512 });
  });

  it("captures logger lines, and still calls a logger you pass in", () => {
    const context = createFcContext();
    context.logger.info("hello", { a: 1 });
    context.logger.error(new Error("bad"));
    expect(context.logger.lines.map(({ level, message }) => ({ level, message: message.split("\n")[0] }))).toEqual([
      { level: "info", message: 'hello {"a":1}' },
      { level: "error", message: "Error: bad" },
    ]);
    const seen: unknown[][] = [];
    const own = createFcContext({
      logger: { debug: () => {}, info: (...args) => seen.push(args), warn: () => {}, error: () => {} },
    });
    own.logger.info("x");
    expect(seen).toEqual([["x"]]);
    expect(own.logger.lines.map((line) => line.message)).toEqual(["x"]);
  });
});

describe("invokeHandler", () => {
  it("passes the event as a Buffer of the JSON body, as FC does", async () => {
    const envelope = createCdnEnvelope("LogFileCreated");
    let received: unknown;
    const { result, error, response } = await invokeHandler(async (event: unknown) => {
      received = event;
      return { ok: true };
    }, envelope);
    expect(Buffer.isBuffer(received)).toBe(true);
    expect(JSON.parse(String(received))).toEqual(envelope);
    expect(error).toBeUndefined();
    expect(result).toEqual({ ok: true });
    expect(response).toBe('{"ok":true}');
  });

  it("accepts a string or bytes as the input body unchanged", async () => {
    const echo = async (event: Buffer) => event.toString();
    expect((await invokeHandler(echo, "raw text")).result).toBe("raw text");
    expect((await invokeHandler(echo, new TextEncoder().encode("bytes"))).result).toBe("bytes");
  });

  it("supports callback handlers", async () => {
    const ok = await invokeHandler(
      (_event: unknown, _context: unknown, callback: (e: unknown, r?: unknown) => void) => {
        setTimeout(() => callback(null, "done"), 1);
      },
      {},
    );
    expect(ok).toMatchObject({ result: "done", error: undefined, timedOut: false, response: "done" });
    const failed = await invokeHandler((_e: unknown, _c: unknown, callback: (e: unknown) => void) => {
      callback(new Error("nope"));
    }, {});
    expect(failed.error).toEqual(new Error("nope"));
    expect(failed.result).toBeUndefined();
  });

  it("reports a throw, a rejection and a synchronous return", async () => {
    expect(
      (
        await invokeHandler(() => {
          throw new Error("sync");
        }, {})
      ).error,
    ).toEqual(new Error("sync"));
    expect((await invokeHandler(async () => Promise.reject(new Error("async")), {})).error).toEqual(new Error("async"));
    expect((await invokeHandler((event: Buffer) => event.length, "abc")).result).toBe(3);
  });

  it("times out the way FC does, and says so", async () => {
    const never = () => new Promise(() => {});
    const outcome = await invokeHandler(never, {}, { timeoutMs: 20 });
    expect(outcome.timedOut).toBe(true);
    expect(outcome.error).toBeInstanceOf(FcTimeoutError);
    expect((outcome.error as Error).message).toBe("Function timed out after 0.02 seconds");
    expect(outcome.result).toBeUndefined();
    // Default: the context's function timeout, in seconds.
    const fromContext = await invokeHandler(never, {}, { context: { function: { timeout: 0.01 } as never } });
    expect(fromContext.timedOut).toBe(true);
    await expect(invokeHandler(never, {}, { timeoutMs: -1 })).rejects.toThrow(RangeError);
    await expect(invokeHandler(never, {}, { timeoutMs: Number.NaN })).rejects.toThrow(/or Infinity for no timer/);
    await expect(invokeHandler("nope" as never, {})).rejects.toThrow(/expected a handler function/);
  });

  it("a callback call after a timeout is ignored, with a warning on the real console", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const outcome = await invokeHandler(
        (_event: unknown, _context: unknown, callback: (e: unknown, r?: unknown) => void) => {
          setTimeout(() => callback(null, "too late"), 40);
        },
        {},
        { timeoutMs: 10 },
      );
      expect(outcome).toMatchObject({ ok: false, timedOut: true, result: undefined });
      await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
      expect(warningKinds(warn.mock.calls.map((args) => args.join(" ")))).toEqual(["afterTimeout"]);
    } finally {
      warn.mockRestore();
    }
  });

  it("a rejection with no reason still fails: ok is false", async () => {
    const outcome = await invokeHandler(() => Promise.reject(), {});
    expect(outcome).toMatchObject({ ok: false, error: undefined, result: undefined });
  });

  it("with captureConsole: false leaves the console alone, still keeps logger lines, and Infinity sets no timer", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const { ok, result, logs } = await invokeHandler(
        (
          _event: unknown,
          context: { logger: { info(m: string): void } },
          callback: (e: unknown, r?: unknown) => void,
        ) => {
          console.log("straight to the console");
          context.logger.info("from the logger");
          setTimeout(() => {
            callback(null, "done");
            callback(null, "again");
          }, 20);
        },
        {},
        { captureConsole: false, timeoutMs: Number.POSITIVE_INFINITY },
      );
      expect({ ok, result }).toEqual({ ok: true, result: "done" });
      expect(log.mock.calls).toEqual([["straight to the console"]]);
      expect(logs.map((line) => [line.source, line.message])).toEqual([["logger", "from the logger"]]);
      // The second call's warning goes to the console of the moment: here, the uncaptured one.
      expect(warningKinds(warn.mock.calls.map((args) => args.join(" ")))).toEqual(["again"]);
    } finally {
      log.mockRestore();
      warn.mockRestore();
    }
  });

  it("captures console output and context.logger lines in order, then restores the console", async () => {
    const original = console.log;
    const context = createFcContext();
    const { logs, durationMs } = await invokeHandler(
      async (_event: unknown, ctx: { logger: { info(m: string): void } }) => {
        console.log("from console", 42);
        ctx.logger.info("from logger");
        console.error("an error");
      },
      {},
      { context },
    );
    expect(logs.map(({ level, message, source }) => ({ level, message, source }))).toEqual([
      { level: "info", message: "from console 42", source: "console" },
      { level: "info", message: "from logger", source: "logger" },
      { level: "error", message: "an error", source: "console" },
    ]);
    // The caller's context keeps its own lines too.
    expect(context.logger.lines.map((line) => line.message)).toEqual(["from logger"]);
    expect(console.log).toBe(original);
    expect(durationMs).toBeGreaterThanOrEqual(0);
  });

  it("runs a defineCdnHandler handler against a sample and reports a parse failure as the error", async () => {
    const handler = defineCdnHandler({ LogFileCreated: (event) => event.eventParameter.filePath });
    const ok = await invokeHandler(handler, createCdnEnvelope("LogFileCreated", "CdnDomainAdded"));
    expect(ok.result).toEqual([expect.stringMatching(/^http:\/\/cdnlog/), undefined]);
    expect(ok.logs.map((line) => line.message)).toEqual([
      expect.stringContaining("no route for events[1] (CdnDomainAdded)"),
    ]);
    const bad = await invokeHandler(handler, { events: [{}] });
    expect(bad.error).toBeInstanceOf(CdnEventParseError);
  });
});
