// Types of entries.mjs, for the tests and the playground that read the list.

/** One entry point of the package. */
export interface SdkEntry {
  /** Folder under sdk/src holding the entry's index.ts: "." for the main entry. */
  readonly dir: string;
  /** The key in package.json "exports": "." or "./testing". */
  readonly subpath: string;
  /** What a user imports: "fc-cdn-trigger" or "fc-cdn-trigger/testing". */
  readonly specifier: string;
}
export declare const PACKAGE_NAME: "fc-cdn-trigger";
export declare const SDK_ENTRIES: readonly SdkEntry[];
