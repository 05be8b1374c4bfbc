// Module declarations for the playground's own type-check (site/playground/tsconfig.json).

declare module "virtual:fc-playground/sandbox-assets" {
  /** The SDK, bundled as one ES module whose `entries` export maps each entry's specifier to its namespace. */
  export const sdkBundle: string;
  /** The run worker's runtime, an ES module. */
  export const runtime: string;
  /** The sandbox iframe's script. */
  export const frame: string;
}

declare module "virtual:fc-playground/sdk-types" {
  /** The SDK's and zod's declaration files, at file:///node_modules/... paths. */
  export const files: { path: string; content: string }[];
  /** The SDK's entry specifiers ("fc-cdn-trigger", "fc-cdn-trigger/testing", ...), from sdk/scripts/entries.mjs. */
  export const specifiers: string[];
  /** The SDK's envelope JSON Schema (draft-07). */
  export const envelopeSchema: Record<string, unknown>;
}

declare module "*?worker" {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}

declare module "*.css" {}

// Editor contributions without their own .d.ts: imported for their side effects only.
declare module "monaco-editor/editor/contrib/*" {}
declare module "monaco-editor/editor/browser/*" {}

interface Window {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
}
