// FC's invoke semantics, one table for both runtimes: this runs test/support/invoke-cases.ts against invokeHandler
// in Node; test/e2e/playground-sdk.test.ts runs the same table in the playground.
import { afterEach, describe, expect, it, vi } from "vitest";
import { INVOKE_CASES, warningKinds } from "../../test/support/invoke-cases.js";
import { createCdnEnvelope, type FcHandler, invokeHandler } from "../src/testing/index.js";

/** The handler exported by `source`, loaded as the ES module it is. */
async function loadHandler(source: string): Promise<FcHandler> {
  const module = (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`)) as {
    handler: FcHandler;
  };
  return module.handler;
}

/** The line of the module's source an error was created on: its first frame in the data: URL. */
const sourceLine = (error: unknown) =>
  Number(/data:text\/javascript,\S*:(\d+):\d+\)?$/m.exec(error instanceof Error ? (error.stack ?? "") : "")?.[1]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("invokeHandler settles each case of the shared table as FC does", () => {
  for (const expected of INVOKE_CASES) {
    it(expected.name, async () => {
      // invokeHandler captures the console while it runs and restores this spy afterwards: late warnings land here.
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const outcome = await invokeHandler(await loadHandler(expected.source), createCdnEnvelope("LogFileCreated"), {
        timeoutMs: 5000,
      });
      if (expected.error) {
        expect(outcome.ok).toBe(false);
        expect(outcome.error).toBeInstanceOf(Error);
        const error = outcome.error as Error;
        expect({ name: error.name, message: error.message, line: sourceLine(error) }).toEqual(expected.error);
      } else {
        expect(outcome.error).toBeUndefined();
        expect(outcome.ok).toBe(true);
        expect(outcome.result).toEqual(expected.result);
      }
      const logged = outcome.logs.filter((line) => line.level === "warn").map((line) => line.message);
      expect(warningKinds(logged)).toEqual(expected.warnings);
      expect(warn).not.toHaveBeenCalled();
      // Every late call in the table comes within 5 ms; wait for the expected ones, and a little for stray ones.
      await vi.waitFor(() => expect(warn.mock.calls.length).toBeGreaterThanOrEqual(expected.lateWarnings.length));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(warningKinds(warn.mock.calls.map((args) => args.join(" ")))).toEqual(expected.lateWarnings);
    });
  }
});
