// Module declarations for the playground's own type-check (site/playground/tsconfig.json).

declare module "virtual:fc-playground/sandbox-assets" {
  /** The SDK, bundled as one ES module exporting each entry as a namespace. */
  export const sdkBundle: string;
  /** The run worker's runtime, an ES module. */
  export const runtime: string;
  /** The sandbox iframe's script. */
  export const frame: string;
}

declare module "virtual:fc-playground/sdk-types" {
  /** The SDK's and zod's declaration files, at file:///node_modules/... paths. */
  export const files: { path: string; content: string }[];
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
