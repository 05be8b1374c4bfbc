// Types of fast-path-codegen.mjs, for the tests that regenerate the fast path and compare.
export declare const FAST_PATH_FILE: string;
export declare function fastPathSources(root: string): string[];
export declare function generateFastPath(
  schemaOf: Record<string, () => unknown>,
  modules: Record<string, Record<string, unknown>>,
  options?: { driftKind?: (schema: unknown) => string | readonly string[] | undefined; defaultMinLengthWhen?: unknown },
): { code: string; unsupported: string[] };
export declare function renderFastPath(root: string): Promise<{ code: string; unsupported: string[] }>;
