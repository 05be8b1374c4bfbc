import type { CdnFieldDoc } from "./field-doc.js";

/**
 * The four groups of CDN events; events of one family share one shape.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_CATALOG, type CdnEventFamily } from "fc-cdn-trigger";
 * const family: CdnEventFamily = CDN_EVENT_CATALOG.CachedObjectsPushed.family; // "cache"
 * ```
 */
export type CdnEventFamily = "logs" | "cache" | "domain-status" | "domain-lifecycle";

/**
 * One catalog entry: everything the SDK, docs, playground and codegen know about an event.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_CATALOG, type CdnEventDefinition } from "fc-cdn-trigger";
 * const entries: CdnEventDefinition[] = Object.values(CDN_EVENT_CATALOG);
 * for (const entry of entries) console.log(entry.name, entry.firesWhen);
 * ```
 */
export interface CdnEventDefinition<N extends string = string, S = unknown> {
  readonly name: N;
  readonly family: CdnEventFamily;
  /** One line: when CDN sends it. */
  readonly firesWhen: string;
  /** A paragraph for the docs. */
  readonly description: string;
  /** The zod/mini schema of one event of this name. */
  readonly schema: S;
  /** Documentation of each `eventParameter` field. */
  readonly parameterFields: Readonly<Record<string, CdnFieldDoc>>;
  /** The fields a handler usually reads. */
  readonly keyFields: readonly string[];
  /** Prerequisites or caveats, such as an allow-list ticket. */
  readonly notes: readonly string[];
  /** A sample envelope in the wire format CDN sends. */
  readonly sample: { readonly events: readonly [Readonly<Record<string, unknown>>] };
}
