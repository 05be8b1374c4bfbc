// Turns the SDK's event catalog into what the docs pages show: field rows, samples, quirks, in either locale.
// Nothing here is hand-written per event; every page reads the catalog (and, in Chinese, its translation from
// `fc-cdn-trigger/tooling`) through these helpers.
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnEventName, type CdnFieldDoc, SHARED_FIELDS } from "fc-cdn-trigger";
import { CDN_CATALOG_ZH_CN, type CdnCatalogTranslation } from "fc-cdn-trigger/tooling";
import { DOCS_MESSAGES } from "./docs-messages.js";
import { localizedPath, type SiteLocale } from "./locales.js";

/** One row of an event page's field table. */
export interface FieldRow {
  /** The field's path in one event, e.g. `eventParameter.filePath`. */
  path: string;
  /** The field's documentation, its prose (description, quirk, wire terms) in the page's locale. */
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

/** The catalog's translations, by locale; English is the catalog itself. */
const TRANSLATIONS: { readonly [L in Exclude<SiteLocale, "en">]: CdnCatalogTranslation } = {
  "zh-cn": CDN_CATALOG_ZH_CN,
};

/** A field's documentation with its prose in `locale`; types, wire forms and known values stay as they are. */
function localizedDoc(doc: CdnFieldDoc, translated: { description: string; quirk?: string }, locale: SiteLocale) {
  if (locale === "en") return doc;
  const terms: Readonly<Record<string, string>> = TRANSLATIONS[locale].wireTerms;
  const wire = doc.wire.map((term) => {
    const text = terms[term];
    if (text === undefined) {
      throw new Error(`no ${locale} text for the wire term "${term}": add it to wireTerms in the SDK's translation`);
    }
    return text;
  });
  return { ...doc, description: translated.description, quirk: translated.quirk, wire };
}

/** An event's "fires when", description and notes in `locale`. */
export function eventText(name: CdnEventName, locale: SiteLocale) {
  const source = locale === "en" ? CDN_EVENT_CATALOG[name] : TRANSLATIONS[locale].events[name];
  return {
    firesWhen: source.firesWhen,
    description: source.description,
    notes: source.notes as readonly string[],
  };
}

export const familyLabel = (name: CdnEventName, locale: SiteLocale) =>
  DOCS_MESSAGES[locale].families[CDN_EVENT_CATALOG[name].family];

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

type FieldTexts = Readonly<Record<string, { description: string; quirk?: string }>>;

/** The fields every event shares (envelope level), with this event's sample values. */
export const sharedFieldRows = (name: CdnEventName, locale: SiteLocale): FieldRow[] => {
  const texts: FieldTexts = locale === "en" ? SHARED_FIELDS : TRANSLATIONS[locale].sharedFields;
  return Object.entries(SHARED_FIELDS).map(([path, doc]) => ({
    path,
    doc: localizedDoc(doc, texts[path]!, locale),
    example: exampleOf(name, path),
  }));
};

/** The event's own `eventParameter` fields, with its sample values. */
export const parameterFieldRows = (name: CdnEventName, locale: SiteLocale): FieldRow[] => {
  const docs: Readonly<Record<string, CdnFieldDoc>> = CDN_EVENT_CATALOG[name].parameterFields;
  const texts: FieldTexts = locale === "en" ? docs : TRANSLATIONS[locale].events[name].parameterFields;
  return Object.entries(docs).map(([key, doc]) => {
    const path = `eventParameter.${key}`;
    return { path, doc: localizedDoc(doc, texts[key]!, locale), example: exampleOf(name, path) };
  });
};

/** Field quirks (where the source docs contradict the wire) followed by the event's notes. */
export const eventQuirks = (name: CdnEventName, locale: SiteLocale): EventQuirk[] => [
  ...[...sharedFieldRows(name, locale), ...parameterFieldRows(name, locale)].flatMap(({ path, doc }) =>
    doc.quirk ? [{ path, text: doc.quirk }] : [],
  ),
  ...eventText(name, locale).notes.map((text) => ({ path: undefined, text })),
];

/** Every event with what the overview table shows. */
export const eventOverview = (locale: SiteLocale) =>
  CDN_EVENT_NAMES.map((name) => ({
    name,
    href: eventPath(name, locale),
    family: familyLabel(name, locale),
    firesWhen: eventText(name, locale).firesWhen,
    keyFields: CDN_EVENT_CATALOG[name].keyFields,
  }));

/** The path of an event's page in `locale`. */
export const eventPath = (name: CdnEventName, locale: SiteLocale) => localizedPath(locale, `/events/${name}/`);

/** `getStaticPaths` of the event pages: one page per event. */
export const eventPagePaths = () => CDN_EVENT_NAMES.map((name) => ({ params: { name }, props: { name } }));

/** The URLs of an event's JSON Schema files on this site (2020-12 and draft-07). */
export const schemaUrls = (name: CdnEventName | "envelope") => ({
  draft202012: `/schemas/${name}.schema.json`,
  draft07: `/schemas/draft-07/${name}.schema.json`,
});

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Catalog prose and docs messages are inline Markdown: `code`, **strong**, *emphasis* and [links](/path/); render
 * those as HTML, everything else as text. Site links move into `locale` (`/guides/…` → `/zh-cn/guides/…`).
 */
export const inlineMarkdown = (text: string, locale: SiteLocale) =>
  // Odd pieces of the split are code spans: no other markup applies inside them.
  escapeHtml(text)
    .split(/`([^`]+)`/)
    .map((piece, i) =>
      i % 2 === 1
        ? `<code>${piece}</code>`
        : piece
            .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
            .replace(/\*([^*]+)\*/g, "<em>$1</em>")
            .replace(
              /\[([^\]]+)\]\(([^)\s]+)\)/g,
              (_, label: string, href: string) => `<a href="${localizedPath(locale, href)}">${label}</a>`,
            ),
    )
    .join("");
