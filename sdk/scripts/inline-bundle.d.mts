// Types of inline-bundle.mjs.
export interface InlineBundle {
  name: string;
  placeholder: string;
  exportName: string;
  bundle(): Promise<{ script: string; inputs: string[] }>;
}
export declare function inlineBundleEsbuildPlugin(spec: InlineBundle): import("esbuild").Plugin;
export declare function inlineBundleVitePlugin(spec: InlineBundle): import("vite").Plugin;
