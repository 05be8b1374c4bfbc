// The shape of the catalog's prose in another language, read off the English catalog itself: every event, field,
// quirk and note it has must be translated, and nothing it lacks may be. Adding an English field, quirk or note
// without its translation is a type error, so the docs never fall back to English unnoticed.
import type { CDN_EVENT_CATALOG, CdnEventName, SHARED_FIELDS } from "../index.js";

type Catalog = typeof CDN_EVENT_CATALOG;

/** A field's prose: its description, and its quirk exactly when the English field has one. */
type FieldTranslation<D> = { readonly description: string } & (D extends { readonly quirk: string }
  ? { readonly quirk: string }
  : { readonly quirk?: never });

/** A tuple of strings as long as the tuple `T` (a generic parameter, so the mapping keeps it a tuple). */
type SameLength<T> = { readonly [I in keyof T]: string };

/** One translation per field of `F`, under the same keys. */
type FieldsTranslation<F> = { readonly [K in keyof F]: FieldTranslation<F[K]> };

/** Every `wire` term the catalog uses ("integer", "numeric string"…), from its shared and event fields. */
type WireTermOf<F> = F[keyof F] extends infer D
  ? D extends { readonly wire: readonly (infer W)[] }
    ? W
    : never
  : never;
type CatalogWireTerm =
  | WireTermOf<typeof SHARED_FIELDS>
  | { [N in CdnEventName]: WireTermOf<Catalog[N]["parameterFields"]> }[CdnEventName];

/**
 * The prose of one event in another language: `notes` is a tuple as long as the English one, in the same order.
 *
 * @example
 * ```ts
 * import { CDN_CATALOG_ZH_CN, type CdnEventTranslation } from "fc-cdn-trigger/tooling";
 * const refreshed: CdnEventTranslation<"CachedObjectsRefreshed"> = CDN_CATALOG_ZH_CN.events.CachedObjectsRefreshed;
 * console.log(refreshed.firesWhen);
 * ```
 */
export interface CdnEventTranslation<N extends CdnEventName> {
  /** The event's `firesWhen`, translated. */
  readonly firesWhen: string;
  /** The event's `description`, translated (Markdown backticks for code, as in English). */
  readonly description: string;
  /** Each of the event's `notes`, translated, in the same order. */
  readonly notes: SameLength<Catalog[N]["notes"]>;
  /** Each `eventParameter` field's description, and its quirk when the English field has one. */
  readonly parameterFields: FieldsTranslation<Catalog[N]["parameterFields"]>;
}

/**
 * The event catalog's prose in one language other than English: the English `CDN_EVENT_CATALOG` and
 * `SHARED_FIELDS` stay the source (and the TSDoc); this holds the same texts, key for key. A missing or extra
 * event, field, quirk or note is a type error.
 *
 * @example
 * ```ts
 * import { CDN_CATALOG_ZH_CN, type CdnCatalogTranslation } from "fc-cdn-trigger/tooling";
 * const zh: CdnCatalogTranslation = CDN_CATALOG_ZH_CN;
 * console.log(zh.events.LogFileCreated.parameterFields.filePath.description);
 * ```
 */
export interface CdnCatalogTranslation {
  /** Every event of the catalog, by name. */
  readonly events: { readonly [N in CdnEventName]: CdnEventTranslation<N> };
  /** Every field of `SHARED_FIELDS`, by path. */
  readonly sharedFields: FieldsTranslation<typeof SHARED_FIELDS>;
  /** Every term the catalog's fields use in `wire` (the JSON types CDN may send), translated. */
  readonly wireTerms: { readonly [W in CatalogWireTerm]: string };
}
