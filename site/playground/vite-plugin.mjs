// The playground's build step, run by Vite inside `astro build` / `astro dev` (registered in astro.config.mjs).
// It serves three virtual modules, all built from sdk/ at build time, never hand-copied:
//   virtual:fc-playground/sandbox-assets  the SDK bundled for the run worker, the worker runtime, the iframe script
//   virtual:fc-playground/sdk-types       the SDK's .d.ts (emitted by tsc from sdk/src) plus zod's and its entry
//                                         specifiers, for Monaco, and the envelope JSON Schema (the SDK's
//                                         cdnJsonSchema) for the event editor
// The SDK's entry points come from sdk/scripts/entries.mjs, the one list the SDK's build reads too.
// Only the playground's lazily loaded chunks import them, so docs pages never carry them.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import ts from "typescript";
import { SDK_ENTRIES as ALL_SDK_ENTRIES, PACKAGE_NAME } from "../../sdk/scripts/entries.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const sdkSrc = join(root, "sdk/src");
const PREFIX = "virtual:fc-playground/";
const MODULES = ["sandbox-assets", "sdk-types"];

/** The SDK's entry points (listed once, in sdk/scripts/entries.mjs) whose source exists. */
const SDK_ENTRIES = ALL_SDK_ENTRIES.filter((entry) => existsSync(join(sdkSrc, entry.dir, "index.ts")));

const bundle = async (options) => {
  const result = await esbuild.build({
    bundle: true,
    write: false,
    target: "es2022",
    platform: "browser",
    minify: true,
    keepNames: true,
    legalComments: "none",
    logLevel: "silent",
    ...options,
  });
  return result.outputFiles[0].text;
};

/**
 * One ES module whose `entries` export maps each SDK specifier to that entry's namespace, so every entry shares one
 * copy of the SDK and the run worker learns the entries from the bundle instead of a list of its own.
 */
async function bundleSdk() {
  const entries = [...SDK_ENTRIES];
  for (;;) {
    const contents = [
      ...entries.map(
        ({ dir }, i) => `import * as e${i} from ${JSON.stringify(`./${join("sdk/src", dir, "index.ts")}`)};`,
      ),
      `export const entries = { ${entries.map(({ specifier }, i) => `${JSON.stringify(specifier)}: e${i}`).join(", ")} };`,
    ].join("\n");
    try {
      return await bundle({ stdin: { contents, resolveDir: root, loader: "ts" }, format: "esm" });
    } catch (error) {
      // An entry that needs Node (none should) is left out of the browser bundle rather than breaking the site.
      const failing = entries.findLast((entry) => entry.dir !== ".");
      if (!failing) throw error;
      console.warn(`[playground] ${failing.specifier} does not bundle for the browser: ${error.message}`);
      entries.splice(entries.indexOf(failing), 1);
    }
  }
}

async function sandboxAssets() {
  const [sdkBundle, runtime, frame] = await Promise.all([
    bundleSdk(),
    bundle({ entryPoints: [join(here, "runner/worker-runtime.ts")], format: "esm" }),
    bundle({ entryPoints: [join(here, "runner/sandbox-frame.ts")], format: "iife" }),
  ]);
  return { sdkBundle, runtime, frame: frame.replace(/<\/script/gi, "<\\/script") };
}

/**
 * The .d.ts files Monaco needs for `import … from "fc-cdn-trigger"`: tsc emits the SDK's declarations in
 * memory from sdk/src, and the zod declarations they reference are taken from node_modules as resolved.
 */
async function sdkTypes() {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "sdk/tsconfig.build.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  const outDir = join(root, ".playground-types");
  const options = {
    ...config.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    outDir,
    rootDir: sdkSrc,
    skipLibCheck: true,
  };
  const program = ts.createProgram(
    SDK_ENTRIES.map(({ dir }) => join(sdkSrc, dir, "index.ts")),
    options,
  );
  const files = [];
  program.emit(undefined, (fileName, text) => {
    if (fileName.endsWith(".d.ts")) {
      files.push({ path: `file:///node_modules/fc-cdn-trigger/dist/${relative(outDir, fileName)}`, content: text });
    }
  });
  const zodRoot = `${join(root, "node_modules/zod")}/`;
  // zod's declarations without their comments (~9 kB gzip of the page's budget): handlers meet zod only through
  // the SDK's schemas, whose own docs stay; zod's API docs are a click away on zod.dev.
  const printer = ts.createPrinter({ removeComments: true });
  for (const source of program.getSourceFiles()) {
    if (source.fileName.startsWith(zodRoot)) {
      files.push({
        path: `file:///node_modules/zod/${source.fileName.slice(zodRoot.length)}`,
        content: printer.printFile(source),
      });
    }
  }
  const zodPackage = JSON.parse(readFileSync(join(zodRoot, "package.json"), "utf8"));
  files.push({
    path: "file:///node_modules/zod/package.json",
    content: JSON.stringify({
      name: "zod",
      type: zodPackage.type,
      types: zodPackage.types,
      exports: zodPackage.exports,
    }),
  });
  const exports = Object.fromEntries(
    SDK_ENTRIES.map(({ dir, subpath }) => [
      subpath,
      { types: dir === "." ? "./dist/index.d.ts" : `./dist/${dir}/index.d.ts` },
    ]),
  );
  files.push({
    path: "file:///node_modules/fc-cdn-trigger/package.json",
    content: JSON.stringify({ name: PACKAGE_NAME, type: "module", types: "./dist/index.d.ts", exports }),
  });
  // The specifiers get `require()` overloads in the editor's globals, so CommonJS handlers are typed for each entry.
  return { files, specifiers: SDK_ENTRIES.map((entry) => entry.specifier), envelopeSchema: await envelopeSchema() };
}

/** The SDK's own envelope schema, computed at build time (draft-07: what Monaco's JSON service reads best). */
async function envelopeSchema() {
  const code = await bundle({
    stdin: { contents: 'export { cdnJsonSchema } from "./sdk/src/tooling/index.ts";', resolveDir: root, loader: "ts" },
    format: "cjs",
    platform: "neutral",
  });
  // Evaluated as CommonJS: a dynamic import() here would go through Vite's config loader, not Node.
  const module = { exports: {} };
  new Function("module", "exports", code)(module, module.exports);
  return module.exports.cdnJsonSchema(undefined, { target: "draft-07" });
}

/**
 * The Vite plugin serving the playground's generated modules.
 *
 * @example
 * ```js
 * // astro.config.mjs
 * import { playgroundAssets } from "./site/playground/vite-plugin.mjs";
 * export default defineConfig({ vite: { plugins: [playgroundAssets()] } });
 * ```
 */
export function playgroundAssets() {
  const cache = new Map();
  return {
    name: "fc-playground-assets",
    resolveId(id) {
      return id.startsWith(PREFIX) && MODULES.includes(id.slice(PREFIX.length)) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const name = id.slice(PREFIX.length + 1);
      if (!cache.has(name)) cache.set(name, name === "sdk-types" ? sdkTypes() : sandboxAssets());
      const value = await cache.get(name);
      return Object.entries(value)
        .map(([key, item]) => `export const ${key} = ${JSON.stringify(item)};`)
        .join("\n");
    },
    transform(code, id) {
      // Monaco's TypeScript worker embeds every lib .d.ts; the handler is typed against ES + webworker, so the
      // DOM libs (~2 MB, ~250 kB gzip) are dropped from the worker.
      if (!/monaco-editor\/esm\/vs\/languages\/features\/typescript\/lib\/lib\.js$/.test(id)) return undefined;
      return { code: code.replace(/libFileMap\["lib\.dom[\w.]*\.d\.ts"\] = '(?:[^'\\]|\\.)*';\n?/g, ""), map: null };
    },
    handleHotUpdate({ file }) {
      // In `astro dev`, editing the SDK or the runner rebuilds the generated modules.
      if (file.startsWith(sdkSrc) || file.startsWith(join(here, "runner"))) cache.clear();
    },
  };
}
