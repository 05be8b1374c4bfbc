// The catalog's lists are written by hand in a few places (catalog.ts names the events in 5 lists, each event
// documents its fields beside its schema). These checks make any disagreement a failing test.
import { describe, expect, it } from "vitest";
import { cdnEventSchemaOf } from "../src/events/catalog.js";
import { FAST_PATHS, PLANS } from "../src/events/fast-path.generated.js";
import {
  CDN_EVENT_CATALOG,
  CDN_EVENT_NAMES,
  CDN_EVENT_SCHEMAS,
  CdnEventSchema,
  isCdnEventName,
  SHARED_FIELDS,
} from "../src/index.js";

interface ZodLike {
  _zod: { def: { type: string; shape?: Record<string, ZodLike>; options?: ZodLike[]; values?: unknown[] } };
}
const def = (schema: unknown) => (schema as ZodLike)._zod.def;
const shapeOf = (schema: unknown): Record<string, ZodLike> => {
  const { type, shape } = def(schema);
  if (type !== "object" || !shape) throw new Error(`expected an object schema, got ${type}`);
  return shape;
};
/** The event name a schema accepts: its eventName literal. */
const literalName = (schema: unknown) => def(shapeOf(schema).eventName).values?.[0];

/** The hand-written lists of catalog.ts (and the generated fast path), by what they are called. */
interface CatalogLists {
  catalogKeys: readonly string[];
  names: readonly string[];
  schemaKeys: readonly string[];
  lazySchemaKeys: readonly string[];
  unionMembers: readonly unknown[];
  fastPathKeys: readonly string[];
  planKeys: readonly string[];
}

/** Each list that does not name exactly CDN_EVENT_NAMES's events, in its order (none: they agree). */
function disagreements(lists: CatalogLists): string[] {
  const expected = JSON.stringify(lists.names);
  const problems: string[] = [];
  if (lists.names.length !== 8 || new Set(lists.names).size !== 8)
    problems.push("CDN_EVENT_NAMES is not 8 distinct names");
  const named: [string, readonly unknown[]][] = [
    ["CDN_EVENT_CATALOG's keys", lists.catalogKeys],
    ["CDN_EVENT_SCHEMAS's keys", lists.schemaKeys],
    ["cdnEventSchemaOf's keys", lists.lazySchemaKeys],
    ["CdnEventSchema's union members", lists.unionMembers.map(literalName)],
    ["FAST_PATHS's keys", lists.fastPathKeys],
    ["PLANS's keys", lists.planKeys],
  ];
  for (const [what, list] of named) {
    if (JSON.stringify(list) !== expected) problems.push(`${what} ${JSON.stringify(list)} differ from CDN_EVENT_NAMES`);
  }
  return problems;
}

const realLists = (): CatalogLists => ({
  catalogKeys: Object.keys(CDN_EVENT_CATALOG),
  names: [...CDN_EVENT_NAMES],
  schemaKeys: Object.keys(CDN_EVENT_SCHEMAS),
  lazySchemaKeys: Object.keys(cdnEventSchemaOf),
  unionMembers: def(CdnEventSchema).options ?? [],
  fastPathKeys: Object.keys(FAST_PATHS),
  planKeys: Object.keys(PLANS),
});

describe("the event catalog's lists agree", () => {
  const names = [...CDN_EVENT_NAMES];

  it("catalog keys, CDN_EVENT_NAMES, both schema maps, the union's members and the fast paths name the same 8 events in one order", () => {
    expect(disagreements(realLists())).toEqual([]);
  });

  it("the check catches a list that lost, gained or reordered an event", () => {
    const lists = realLists();
    expect(disagreements({ ...lists, catalogKeys: lists.catalogKeys.slice(1) })).toEqual([
      expect.stringMatching(/^CDN_EVENT_CATALOG's keys .* differ from CDN_EVENT_NAMES$/),
    ]);
    expect(disagreements({ ...lists, unionMembers: [...lists.unionMembers].reverse() })).toEqual([
      expect.stringMatching(/^CdnEventSchema's union members/),
    ]);
    expect(disagreements({ ...lists, planKeys: [...lists.planKeys, "LogFileDeleted"] })).toEqual([
      expect.stringMatching(/^PLANS's keys/),
    ]);
    expect(disagreements({ ...lists, names: [...lists.names, "LogFileCreated"] })).toContain(
      "CDN_EVENT_NAMES is not 8 distinct names",
    );
  });

  it("each entry is the event of its key: name, schema, lazy schema, union member and sample", () => {
    const members = def(CdnEventSchema).options ?? [];
    names.forEach((name, index) => {
      const definition = CDN_EVENT_CATALOG[name];
      expect(definition.name).toBe(name);
      expect(definition.schema).toBe(CDN_EVENT_SCHEMAS[name]);
      expect(cdnEventSchemaOf[name]()).toBe(CDN_EVENT_SCHEMAS[name]);
      expect(members[index]).toBe(CDN_EVENT_SCHEMAS[name]);
      expect(literalName(CDN_EVENT_SCHEMAS[name])).toBe(name);
      expect(definition.sample.events[0].eventName).toBe(name);
      expect(isCdnEventName(name)).toBe(true);
    });
    expect(isCdnEventName("logfilecreated")).toBe(false);
  });
});

describe("documented fields equal the schema's fields, both ways", () => {
  for (const name of CDN_EVENT_NAMES) {
    it(`${name}: eventParameter`, () => {
      const schemaKeys = Object.keys(shapeOf(shapeOf(CDN_EVENT_SCHEMAS[name]).eventParameter)).sort();
      expect(Object.keys(CDN_EVENT_CATALOG[name].parameterFields).sort()).toEqual(schemaKeys);
    });

    it(`${name}: the shared fields (nested ones as parent.child)`, () => {
      const shape = shapeOf(CDN_EVENT_SCHEMAS[name]);
      const schemaKeys = Object.entries(shape).flatMap(([key, child]) =>
        def(child).type === "object" && key !== "eventParameter"
          ? Object.keys(shapeOf(child)).map((inner) => `${key}.${inner}`)
          : [key],
      );
      expect(Object.keys(SHARED_FIELDS).sort()).toEqual(schemaKeys.sort());
    });

    it(`${name}: key fields are documented fields`, () => {
      const documented = [
        ...Object.keys(CDN_EVENT_CATALOG[name].parameterFields).map((key) => `eventParameter.${key}`),
        ...Object.keys(SHARED_FIELDS),
      ];
      for (const field of CDN_EVENT_CATALOG[name].keyFields) {
        expect(documented.some((known) => known === field || known.endsWith(`.${field}`))).toBe(true);
      }
    });
  }
});
