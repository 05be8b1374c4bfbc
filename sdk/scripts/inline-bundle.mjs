// Scripts the SDK carries as strings (its summary worker, the CLI's report page): a placeholder module in
// src exports undefined, and wherever the SDK is bundled these plugins load it as `export const NAME = "…"`
// holding the script bundled from its own entry. Nothing is written to src, so there is no generated file to
// keep fresh: the script exists only in what is built.
import { basename, resolve } from "node:path";

/**
 * @typedef {object} InlineBundle
 * @property {string} name the plugins' name
 * @property {string} placeholder absolute path of the placeholder module
 * @property {string} exportName the constant the placeholder exports
 * @property {() => Promise<{ script: string, inputs: string[] }>} bundle builds the script, and lists its files
 */

/** @param {InlineBundle} spec */
const placeholderModule = (spec, script) => `export const ${spec.exportName} = ${JSON.stringify(script)};\n`;

/**
 * For esbuild builds of the SDK: bundles the script once per plugin and embeds it.
 * @param {InlineBundle} spec
 * @returns {import("esbuild").Plugin}
 */
export function inlineBundleEsbuildPlugin(spec) {
  let bundled;
  return {
    name: spec.name,
    setup(build) {
      const name = basename(spec.placeholder).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      build.onLoad({ filter: new RegExp(`[\\\\/]${name}$`) }, async (args) => {
        if (resolve(args.path) !== spec.placeholder) return undefined;
        bundled ??= spec.bundle();
        const { script, inputs } = await bundled;
        return { contents: placeholderModule(spec, script), loader: "js", watchFiles: inputs };
      });
    },
  };
}

/**
 * For Vite and vitest, which run the sources: the same replacement, rebuilt when a file of the script changes.
 * @param {InlineBundle} spec
 * @returns {import("vite").Plugin}
 */
export function inlineBundleVitePlugin(spec) {
  const isPlaceholder = (id) => resolve(id.split("?")[0]) === spec.placeholder;
  return {
    name: spec.name,
    // vitest caches transformed modules by their own text, and the placeholder's never changes: never cache it.
    configureVitest({ defineCacheKeyGenerator }) {
      defineCacheKeyGenerator(({ id }) => (isPlaceholder(id) ? false : undefined));
    },
    async load(id) {
      if (!isPlaceholder(id)) return undefined;
      const { script, inputs } = await spec.bundle();
      for (const input of inputs) this.addWatchFile(input);
      return placeholderModule(spec, script);
    },
  };
}
