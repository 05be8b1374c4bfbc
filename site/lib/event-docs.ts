// Turns the SDK's event catalog into what the docs pages show: field rows, samples, quirks.
// Nothing here is hand-written per event; every page reads the catalog through these helpers.
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnEventName, type CdnFieldDoc, SHARED_FIELDS } from "fc-cdn-trigger";

/** One row of an event page's field table. */
export interface FieldRow {
  /** The field's path in one event, e.g. `eventParameter.filePath`. */
  path: string;
  doc: CdnFieldDoc;
  /** The value in the event's sample, as JSON; `undefined` when the sample does not carry it. */
  example: string | undefined;
}

/** A contradiction in the source docs or a prerequisite, as an event page lists it. */
export interface EventQuirk {
  /** The field it is about, or `undefined` for an event-level note. */
  path: string | undefined;
  text: string;
}

const FAMILY_LABELS = {
  logs: "Logs",
  cache: "Cache tasks",
  "domain-status": "Domain status",
  "domain-lifecycle": "Domain lifecycle",
} as const;

export const familyLabel = (name: CdnEventName) => FAMILY_LABELS[CDN_EVENT_CATALOG[name].family];

/** The sample event (the first and only event of the sample envelope). */
export const sampleEvent = (name: CdnEventName) => CDN_EVENT_CATALOG[name].sample.events[0];

/** The sample envelope as CDN sends it, pretty-printed. */
export const sampleJson = (name: CdnEventName) => JSON.stringify(CDN_EVENT_CATALOG[name].sample, null, 2);

const valueAt = (value: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );

const exampleOf = (name: CdnEventName, path: string) => {
  const value = valueAt(sampleEvent(name), path);
  return value === undefined || (typeof value === "object" && value !== null && !Array.isArray(value))
    ? undefined
    : JSON.stringify(value);
};

/** The fields every event shares (envelope level), with this event's sample values. */
export const sharedFieldRows = (name: CdnEventName): FieldRow[] =>
  Object.entries(SHARED_FIELDS).map(([path, doc]) => ({ path, doc, example: exampleOf(name, path) }));

/** The event's own `eventParameter` fields, with its sample values. */
export const parameterFieldRows = (name: CdnEventName): FieldRow[] =>
  Object.entries(CDN_EVENT_CATALOG[name].parameterFields as Record<string, CdnFieldDoc>).map(([key, doc]) => {
    const path = `eventParameter.${key}`;
    return { path, doc, example: exampleOf(name, path) };
  });

/** Field quirks (where the source docs contradict the wire) followed by the event's notes. */
export const eventQuirks = (name: CdnEventName): EventQuirk[] => [
  ...[...sharedFieldRows(name), ...parameterFieldRows(name)].flatMap(({ path, doc }) =>
    doc.quirk ? [{ path, text: doc.quirk }] : [],
  ),
  ...CDN_EVENT_CATALOG[name].notes.map((text) => ({ path: undefined, text })),
];

/** Every event with what the overview table shows. */
export const eventOverview = () =>
  CDN_EVENT_NAMES.map((name) => {
    const definition = CDN_EVENT_CATALOG[name];
    return {
      name,
      family: familyLabel(name),
      firesWhen: definition.firesWhen,
      keyFields: definition.keyFields,
    };
  });

/** The URLs of an event's JSON Schema files on this site (2020-12 and draft-07). */
export const schemaUrls = (name: CdnEventName | "envelope") => ({
  draft202012: `/schemas/${name}.schema.json`,
  draft07: `/schemas/draft-07/${name}.schema.json`,
});

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Catalog prose uses Markdown backticks for code; render those as `<code>`, everything else as text. */
export const inlineMarkdown = (text: string) =>
  escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);
