// Type tests of CdnCatalogTranslation: a translation must follow the English catalog key for key, so a missing or
// extra event, field, quirk, note or wire term is a compile error (the point of typing it off the catalog).
import { describe, expectTypeOf, it } from "vitest";
import { CDN_CATALOG_ZH_CN, type CdnCatalogTranslation, type CdnEventTranslation } from "../src/tooling/index.js";

type Events = CdnCatalogTranslation["events"];

describe("CdnCatalogTranslation follows the English catalog", () => {
  it("has every event, and the Chinese translation is one", () => {
    expectTypeOf<keyof Events>().toEqualTypeOf<
      | "LogFileCreated"
      | "CachedObjectsRefreshed"
      | "CachedObjectsPushed"
      | "CachedObjectsBlocked"
      | "CdnDomainStarted"
      | "CdnDomainStopped"
      | "CdnDomainAdded"
      | "CdnDomainDeleted"
    >();
    expectTypeOf(CDN_CATALOG_ZH_CN).toEqualTypeOf<CdnCatalogTranslation>();
  });

  it("takes exactly as many notes as the English event has", () => {
    expectTypeOf<Events["CachedObjectsBlocked"]["notes"]>().toEqualTypeOf<readonly [string, string]>();
    expectTypeOf<Events["CachedObjectsRefreshed"]["notes"]>().toEqualTypeOf<readonly []>();
    // @ts-expect-error one note too few
    const tooFew: Events["CachedObjectsBlocked"]["notes"] = ["x"];
    // @ts-expect-error the English event has no notes
    const tooMany: Events["CdnDomainAdded"]["notes"] = ["x"];
    void [tooFew, tooMany];
  });

  it("takes a quirk exactly where the English field has one", () => {
    type LogFields = Events["LogFileCreated"]["parameterFields"];
    // @ts-expect-error startTime has a quirk in English, so its translation needs one
    const missingQuirk: LogFields["startTime"] = { description: "x" };
    // @ts-expect-error domain has no quirk in English
    const extraQuirk: LogFields["domain"] = { description: "x", quirk: "y" };
    void [missingQuirk, extraQuirk];
  });

  it("takes every eventParameter field and no other", () => {
    const onlyDomain = { domain: { description: "x" } };
    // @ts-expect-error status is missing
    const missing: CdnEventTranslation<"CdnDomainStarted">["parameterFields"] = onlyDomain;
    const extra: CdnEventTranslation<"CdnDomainAdded">["parameterFields"] = {
      domain: { description: "x" },
      // @ts-expect-error CdnDomainAdded has no status field
      status: { description: "y" },
    };
    void [missing, extra];
  });

  it("takes every shared field and every wire term the catalog uses", () => {
    expectTypeOf<keyof CdnCatalogTranslation["sharedFields"]>().toEqualTypeOf<
      | "eventName"
      | "eventSource"
      | "region"
      | "eventVersion"
      | "eventTime"
      | "traceId"
      | "userIdentity.aliUid"
      | "resource.domain"
      | "eventParameter"
    >();
    expectTypeOf<keyof CdnCatalogTranslation["wireTerms"]>().toEqualTypeOf<
      "string" | "integer" | "numeric string" | "array of strings" | "string (ISO 8601)" | "object"
    >();
  });
});
