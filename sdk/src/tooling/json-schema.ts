import * as z from "zod/mini";
import { CDN_EVENT_CATALOG, CdnEnvelopeSchema, type CdnEventName, type CdnFieldDoc, SHARED_FIELDS } from "../index.js";

/**
 * The JSON Schema dialects the SDK emits.
 *
 * @example
 * ```ts
 * import { cdnJsonSchema, type CdnJsonSchemaTarget } from "fc-cdn-trigger/tooling";
 * const target: CdnJsonSchemaTarget = "draft-07";
 * cdnJsonSchema("CdnDomainAdded", { target });
 * ```
 */
export type CdnJsonSchemaTarget = "draft-2020-12" | "draft-07";

/**
 * Options of {@link cdnJsonSchema}.
 *
 * @example
 * ```ts
 * import { cdnJsonSchema, type CdnJsonSchemaOptions } from "fc-cdn-trigger/tooling";
 * const options: CdnJsonSchemaOptions = { target: "draft-2020-12" };
 * cdnJsonSchema(undefined, options);
 * ```
 */
export interface CdnJsonSchemaOptions {
  /** Default: `"draft-2020-12"`. */
  target?: CdnJsonSchemaTarget;
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

function describeFields(schema: JsonSchema, fields: Readonly<Record<string, CdnFieldDoc>>, prefix = ""): void {
  for (const [path, doc] of Object.entries(fields)) {
    if (prefix ? !path.startsWith(prefix) : path.includes(".")) continue;
    const key = prefix ? path.slice(prefix.length) : path;
    const property = schema.properties?.[key];
    if (!property) continue;
    property.description = doc.description;
    listKnownValues(property, doc);
  }
}

/** An enum-like field accepts any string; its documented values become `examples` (editors offer them). */
function listKnownValues(property: JsonSchema, doc: CdnFieldDoc): void {
  if (doc.knownValues) property.examples = [...doc.knownValues];
}

/**
 * Adds what the shared fields' docs give wherever the field appears (the envelope too): the `format` (zod emits
 * only the regex) and the known values.
 */
function addFormats(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) addFormats(item);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const properties = (node as JsonSchema).properties;
  for (const [key, doc] of Object.entries(SHARED_FIELDS)) {
    const property = properties?.[key];
    if (property && "format" in doc) property.format = doc.format;
    if (property) listKnownValues(property, doc);
  }
  for (const value of Object.values(node)) addFormats(value);
}

function describeEvent(schema: JsonSchema, name: CdnEventName): JsonSchema {
  const definition = CDN_EVENT_CATALOG[name];
  schema.title = name;
  schema.description = `${definition.description} Fires when: ${definition.firesWhen}`;
  describeFields(schema, SHARED_FIELDS);
  for (const parent of ["userIdentity", "resource"]) {
    const child = schema.properties?.[parent];
    if (child) describeFields(child, SHARED_FIELDS, `${parent}.`);
  }
  const parameter = schema.properties?.eventParameter;
  if (parameter) describeFields(parameter, definition.parameterFields);
  return schema;
}

const toTarget = (target: CdnJsonSchemaTarget) => (target === "draft-07" ? "draft-7" : "draft-2020-12");

/**
 * The JSON Schema of one event (by name) or, without a name, of the whole envelope, describing the wire
 * format (what CDN may send), with titles, field descriptions and the samples as `examples`.
 * The same schemas ship as files: `fc-cdn-trigger/schemas/<EventName>.schema.json`.
 *
 * @example
 * ```ts
 * import { cdnJsonSchema } from "fc-cdn-trigger/tooling";
 *
 * const envelope = cdnJsonSchema();
 * const logFile = cdnJsonSchema("LogFileCreated", { target: "draft-07" });
 * ```
 */
export function cdnJsonSchema(name?: CdnEventName, options: CdnJsonSchemaOptions = {}): Record<string, unknown> {
  const target = toTarget(options.target ?? "draft-2020-12");
  if (name !== undefined) {
    const definition = CDN_EVENT_CATALOG[name];
    if (!definition) throw new TypeError(`cdnJsonSchema: ${JSON.stringify(name)} is not a CDN event name`);
    const schema = z.toJSONSchema(definition.schema, { target, io: "input" }) as JsonSchema;
    describeEvent(schema, name);
    addFormats(schema);
    schema.examples = [definition.sample.events[0]];
    return schema;
  }
  const schema = z.toJSONSchema(CdnEnvelopeSchema, { target, io: "input" }) as JsonSchema;
  addFormats(schema);
  schema.title = "CDN trigger event envelope";
  schema.description =
    "The body Function Compute passes to a function with a CDN trigger: an object whose events array holds one or more CDN events.";
  schema.examples = Object.values(CDN_EVENT_CATALOG).map((definition) => definition.sample);
  return schema;
}
