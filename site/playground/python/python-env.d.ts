// Module declarations for the Python runtime's files (site/playground/tsconfig.json type-checks them).

declare module "*.py" {
  /** The file's source text (esbuild's text loader). */
  const source: string;
  export default source;
}

declare module "virtual:fc-playground-python/assets" {
  /** The Python run worker's runtime, an ES module (python-worker.ts with runner.py inlined). */
  export const runtime: string;
  /** The Python sandbox iframe's script (python-frame.ts). */
  export const frame: string;
  /** The `pyodide` package's version, e.g. "314.0.7". */
  export const pyodideVersion: string;
  /** Path of the self-hosted Pyodide folder, from the site's root, ending in "/": Pyodide's indexURL. */
  export const indexPath: string;
  /** Pyodide's files by role, with their sizes in bytes. */
  export const files: Record<"loader" | "asm" | "wasm" | "stdlib", { name: string; bytes: number }>;
  /** The gzipped memory snapshot of a started interpreter, made at build time (snapshot.mjs); null in dev if it could not be made. */
  export const snapshot: { name: string; bytes: number } | null;
  /** pyodide-lock.json with an empty package list. */
  export const lockFile: string;
}

declare module "*.py?raw" {
  /** The file's source text (Vite's ?raw import). */
  const source: string;
  export default source;
}
