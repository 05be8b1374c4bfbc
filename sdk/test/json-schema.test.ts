// The JSON Schema files `npm run build` writes to sdk/schemas: every sample validates against them with Ajv in
// strict mode (2020-12 and draft-07), a broken copy of each does not, and the folder holds exactly one per event.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnEventName, safeParseCdnEvents } from "../src/index.js";
import { type CdnJsonSchemaTarget, cdnJsonSchema } from "../src/tooling/index.js";

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");
// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
const addFormats = ((ajvFormats as unknown as { default?: typeof ajvFormats }).default ?? ajvFormats) as unknown as (
  ajv: Ajv | Ajv2020,
) => void;

const TARGETS: [CdnJsonSchemaTarget, string, () => Ajv | Ajv2020][] = [
  ["draft-2020-12", schemasDir, () => new Ajv2020({ strict: true, allErrors: true })],
  ["draft-07", join(schemasDir, "draft-07"), () => new Ajv({ strict: true, allErrors: true })],
];

function readSchema(dir: string, file: string): Record<string, unknown> {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new Error(
      `${relative(process.cwd(), path)} is missing: the JSON Schema files are written by the build. Run \`npm run build\` first (the root \`npm test\` does it through \`npm run check\`).`,
    );
  }
  return JSON.parse(readFileSync(path, "utf8"));
}

interface JsonNode {
  examples?: unknown[];
  properties?: Record<string, JsonNode>;
}
type Event = Record<string, unknown> & { eventParameter: Record<string, unknown> };
const sampleEvent = (name: CdnEventName) => structuredClone(CDN_EVENT_CATALOG[name].sample.events[0]) as Event;

/** Broken copies of a sample event, each of which the runtime parser rejects too. */
function brokenCopies(name: CdnEventName): [string, Event][] {
  const copies: [string, (event: Event) => void][] = [
    [
      "eventSource not a string",
      (event) => {
        event.eventSource = 1;
      },
    ],
    [
      "missing eventTime",
      (event) => {
        delete event.eventTime;
      },
    ],
    [
      "eventTime without an offset",
      (event) => {
        event.eventTime = "2018-06-14T15:31:49";
      },
    ],
    [
      "eventVersion not a string",
      (event) => {
        event.eventVersion = 1;
      },
    ],
    [
      "missing resource.domain",
      (event) => {
        delete (event.resource as Record<string, unknown>).domain;
      },
    ],
    [
      "eventParameter not an object",
      (event) => {
        event.eventParameter = [] as never;
      },
    ],
    [
      "missing eventParameter.domain",
      (event) => {
        delete event.eventParameter.domain;
      },
    ],
  ];
  const parameter = CDN_EVENT_CATALOG[name].parameterFields as Record<string, unknown>;
  if ("startTime" in parameter)
    copies.push([
      "startTime not numeric",
      (event) => {
        event.eventParameter.startTime = "soon";
      },
    ]);
  if ("objectType" in parameter)
    copies.push([
      "objectType not a string",
      (event) => {
        event.eventParameter.objectType = ["File"];
      },
    ]);
  if ("status" in parameter)
    copies.push([
      "status not a string",
      (event) => {
        event.eventParameter.status = false;
      },
    ]);
  return copies.map(([label, breakIt]) => {
    const event = sampleEvent(name);
    breakIt(event);
    return [label, event];
  });
}

for (const [target, dir, makeAjv] of TARGETS) {
  describe(`JSON Schema files, ${target} (${relative(join(schemasDir, ".."), dir)})`, () => {
    const ajv = makeAjv();
    addFormats(ajv);
    const envelope = ajv.compile(readSchema(dir, "envelope.schema.json"));

    it("the envelope schema compiles in strict mode and declares its dialect", () => {
      const schema = readSchema(dir, "envelope.schema.json");
      expect(schema.$schema).toBe(
        target === "draft-07"
          ? "http://json-schema.org/draft-07/schema#"
          : "https://json-schema.org/draft/2020-12/schema",
      );
      expect(schema.title).toBeTruthy();
      expect((schema.examples as unknown[]).length).toBe(CDN_EVENT_NAMES.length);
    });

    for (const name of CDN_EVENT_NAMES) {
      describe(name, () => {
        const schema = readSchema(dir, `${name}.schema.json`);
        const validate = ajv.compile(schema);
        const sample = CDN_EVENT_CATALOG[name].sample;

        it("its sample validates against the event and envelope schemas", () => {
          expect(validate(sample.events[0]), JSON.stringify(validate.errors)).toBe(true);
          expect(envelope(sample), JSON.stringify(envelope.errors)).toBe(true);
        });
        it("has a title, field descriptions and the sample as an example", () => {
          expect(schema.title).toBe(name);
          expect(schema.examples).toEqual([sample.events[0]]);
          const properties = schema.properties as Record<string, Record<string, unknown>>;
          expect(properties.eventTime?.format).toBe("date-time");
          for (const field of Object.keys(CDN_EVENT_CATALOG[name].parameterFields)) {
            const parameter = properties.eventParameter?.properties as Record<string, Record<string, unknown>>;
            expect(parameter[field]?.description, field).toBeTruthy();
          }
        });
        it("accepts the lenient wire forms the parser accepts", () => {
          const event = sampleEvent(name);
          event.extraField = { any: "thing" };
          event.userIdentity = { aliUid: 164901546557 };
          if ("startTime" in event.eventParameter) event.eventParameter.startTime = "1528959600";
          if ("objectPath" in event.eventParameter) event.eventParameter.objectPath = "/one.mp4";
          if ("taskId" in event.eventParameter) event.eventParameter.taskId = "2089687230";
          expect(safeParseCdnEvents({ events: [event] }).success).toBe(true);
          expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
        });
        for (const [label, broken] of brokenCopies(name)) {
          it(`rejects a broken copy: ${label}`, () => {
            expect(validate(broken)).toBe(false);
            expect(envelope({ events: [broken] })).toBe(false);
            expect(safeParseCdnEvents({ events: [broken] }).success).toBe(false);
          });
        }
      });
    }

    it("enum-like fields accept any string and list the documented values as examples", () => {
      const validate = ajv.compile(readSchema(dir, "CachedObjectsPushed.schema.json"));
      const event = sampleEvent("CachedObjectsPushed");
      event.eventParameter.objectType = "SomethingNew";
      event.eventSource = "cdn-v2";
      expect(validate(event)).toBe(true);
      const properties = readSchema(dir, "CachedObjectsPushed.schema.json").properties as Record<string, JsonNode>;
      expect(properties.eventParameter?.properties?.objectType?.examples).toEqual([
        ...CDN_EVENT_CATALOG.CachedObjectsPushed.parameterFields.objectType.knownValues,
      ]);
      expect(properties.region?.examples).toContain("cn-hangzhou");
      const status = (readSchema(dir, "CdnDomainStopped.schema.json").properties as Record<string, JsonNode>)
        .eventParameter?.properties?.status;
      expect(status?.examples).toEqual(["online", "offline", "configuring", "configure_failed", "Online", "Offline"]);
    });

    it("the envelope schema rejects a bare event, an empty list and an unknown eventName", () => {
      const event = sampleEvent("CdnDomainAdded");
      expect(envelope(event)).toBe(false);
      expect(envelope({ events: [] })).toBe(false);
      expect(envelope({ events: [{ ...event, eventName: "Nope" }] })).toBe(false);
    });

    // The files are the build's output of cdnJsonSchema(), so comparing the two would check nothing; what the
    // package must ship is one file per event and the envelope, each describing the event it is named for.
    it("holds exactly the envelope and one file per event, each titled for what it validates", () => {
      const files = readdirSync(dir).filter((file) => file.endsWith(".json"));
      expect(files.sort()).toEqual(["envelope.schema.json", ...CDN_EVENT_NAMES.map((n) => `${n}.schema.json`)].sort());
      for (const name of CDN_EVENT_NAMES) {
        const schema = readSchema(dir, `${name}.schema.json`);
        expect(schema.title).toContain(name);
        const eventName = (schema.properties as Record<string, { const?: unknown }>).eventName;
        expect(eventName?.const).toBe(name);
      }
    });
  });
}

describe("cdnJsonSchema", () => {
  it("defaults to draft 2020-12", () => {
    expect(cdnJsonSchema("LogFileCreated")).toEqual(cdnJsonSchema("LogFileCreated", { target: "draft-2020-12" }));
  });
  it("rejects an unknown event name with a TypeError", () => {
    expect(() => cdnJsonSchema("Nope" as CdnEventName)).toThrow(TypeError);
    expect(() => cdnJsonSchema("Nope" as CdnEventName)).toThrow('"Nope" is not a CDN event name');
  });
});
