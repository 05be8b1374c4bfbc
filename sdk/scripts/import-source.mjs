// Imports TypeScript source of the SDK without a build: esbuild bundles a small entry (with its zod) into one
// throwaway module, imported from a data: URL. Generators use it so that what they write follows `src`, not a
// possibly stale `dist`.
import * as esbuild from "esbuild";

/**
 * @param {string} contents the entry module's source (TypeScript), e.g. `export * from "./catalog.ts";`
 * @param {string} resolveDir the folder its relative imports resolve from
 * @returns {Promise<Record<string, any>>} the entry's namespace
 */
export async function importSource(contents, resolveDir) {
  const bundle = await esbuild.build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "warning",
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString("base64")}`);
}
