import { describe, expectTypeOf, it } from "vitest";
import { type CdnEventOf, defineCdnHandler, type FcContext } from "../src/index.js";

describe("defineCdnHandler types", () => {
  it("narrows each route's event to its name", () => {
    defineCdnHandler({
      LogFileCreated: (event, context) => {
        expectTypeOf(event).toEqualTypeOf<CdnEventOf<"LogFileCreated">>();
        expectTypeOf(event.eventParameter.fileSize).toEqualTypeOf<number>();
        expectTypeOf(context).toEqualTypeOf<FcContext>();
      },
      CachedObjectsBlocked: (event) => {
        expectTypeOf(event.eventParameter.objectPath).toEqualTypeOf<string[]>();
        expectTypeOf(event.eventParameter.taskId).toEqualTypeOf<string>();
      },
      CdnDomainStopped: (event) => {
        expectTypeOf(event.eventParameter.status).toMatchTypeOf<string>();
        expectTypeOf<"offline">().toMatchTypeOf<typeof event.eventParameter.status>();
      },
    });
  });

  it("types the results as the routes' awaited return values, plus undefined without a default", () => {
    const handler = defineCdnHandler({
      LogFileCreated: async (event) => event.eventParameter.fileSize,
      CdnDomainAdded: () => "added" as const,
    });
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<(number | "added" | undefined)[]>();
    const withDefault = defineCdnHandler({ CdnDomainAdded: () => 1, default: () => 2 });
    expectTypeOf(withDefault).returns.resolves.toEqualTypeOf<number[]>();
  });

  it("refuses misspelled event names and wrong event types at compile time", () => {
    // @ts-expect-error LogFileCreate is not an event name
    defineCdnHandler({ LogFileCreate: () => 1 });
    // @ts-expect-error lower-case spelling is not an event name either
    defineCdnHandler({ cdnDomainAdded: () => 1 });
    defineCdnHandler({
      LogFileCreated: (event) => {
        // @ts-expect-error fileSize is a number after parsing, not a string
        const size: string = event.eventParameter.fileSize;
        return size;
      },
      CdnDomainAdded: (event) => {
        // @ts-expect-error a domain event is not a LogFileCreated event
        const other: CdnEventOf<"LogFileCreated"> = event;
        return other;
      },
    });
  });
});
