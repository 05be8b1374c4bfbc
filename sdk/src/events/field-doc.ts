/**
 * What the docs, JSON Schema and codegen know about one field.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_CATALOG, type CdnFieldDoc } from "fc-cdn-trigger";
 * const doc: CdnFieldDoc = CDN_EVENT_CATALOG.LogFileCreated.parameterFields.filePath;
 * console.log(doc.description, doc.wire);
 * ```
 */
export interface CdnFieldDoc {
  /** What the field means. */
  readonly description: string;
  /** The type the source documentation's table gives. */
  readonly documentedAs: "String" | "Map";
  /** The JSON types accepted on the wire. */
  readonly wire: readonly string[];
  /** The TypeScript type after parsing. */
  readonly type: string;
  /** The JSON Schema `format` of the field's string form, when it has one. */
  readonly format?: "date-time";
  /**
   * The values Alibaba documents, for a string field that has a known set. Any other string is accepted too (and
   * reported to `onDrift`), so the type is these literals plus `string`.
   */
  readonly knownValues?: readonly string[];
  /** Where the source documentation contradicts itself or the wire, and what the SDK does. */
  readonly quirk?: string;
}
