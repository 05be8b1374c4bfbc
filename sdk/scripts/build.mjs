// Builds the package: one bundle per entry (ESM + CJS), .d.ts + .d.cts, the JSON Schema files.
// Entries import each other through the package name, so `CdnEventParseError` and friends exist once.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { renderGenerated, staleFiles, staleMessage } from "../../scripts/generated-files.mjs";
import { SDK_ENTRIES } from "./entries.mjs";
import { FAST_PATH_FILE } from "./fast-path-codegen.mjs";
import { reportPageEsbuildPlugin } from "./report-page-bundle.mjs";
import { summaryWorkerEsbuildPlugin } from "./summary-worker-bundle.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");

/** Entry folder (relative to src) → package subpath, from the one list in entries.mjs. */
export const ENTRIES = Object.fromEntries(SDK_ENTRIES.map(({ dir, subpath }) => [dir, subpath]));
const present = Object.keys(ENTRIES).filter((dir) => {
  try {
    return statSync(join(src, dir, "index.ts")).isFile();
  } catch {
    return false;
  }
});

const entryOf = (file) => {
  const dir = relative(src, dirname(file)).split(/[\\/]/)[0] || ".";
  return present.includes(dir) || dir === "cli" ? dir : ".";
};

/** Rewrites an import of another entry's index into an external package import. */
const entriesAsPackages = {
  name: "entries-as-packages",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
      const targetEntry = entryOf(target);
      if (targetEntry === entryOf(args.importer)) return undefined;
      const isIndex = target === join(src, targetEntry === "." ? "" : targetEntry, "index.ts");
      if (!isIndex) {
        return {
          errors: [
            {
              text: `${relative(root, args.importer)} imports ${args.path}: import another entry only through its index`,
            },
          ],
        };
      }
      return { path: targetEntry === "." ? "fc-cdn-trigger" : `fc-cdn-trigger/${targetEntry}`, external: true };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
// The parser's fast path is generated from the catalog's schemas by `npm run generate`; a stale one would ship a
// parser that disagrees with the catalog, so the build refuses it rather than rewriting a committed file.
const repo = resolve(root, "..");
const staleFastPath = staleFiles(await renderGenerated(repo, [`sdk/${FAST_PATH_FILE}`]), repo);
if (staleFastPath.length > 0) {
  console.error(staleMessage(staleFastPath));
  process.exit(1);
}
const common = {
  bundle: true,
  platform: "neutral",
  target: "es2022",
  packages: "external",
  plugins: [entriesAsPackages],
  logLevel: "warning",
  mainFields: ["module", "main"],
};
// The logs entry embeds its summary worker, bundled on its own into one script (see summary-worker-bundle.mjs).
common.plugins.push(summaryWorkerEsbuildPlugin());
// The CLI's `logs report` writes its page script (renderer + uPlot) inline (see report-page-bundle.mjs).
common.plugins.push(reportPageEsbuildPlugin());
const entryPoints = present.map((dir) => ({
  in: join(src, dir, "index.ts"),
  out: dir === "." ? "index" : `${dir}/index`,
}));
await esbuild.build({ ...common, entryPoints, outdir: dist, format: "esm", outExtension: { ".js": ".js" } });
await esbuild.build({ ...common, entryPoints, outdir: dist, format: "cjs", outExtension: { ".js": ".cjs" } });
try {
  statSync(join(src, "cli", "main.ts"));
  await esbuild.build({
    ...common,
    platform: "node",
    entryPoints: [{ in: join(src, "cli", "main.ts"), out: "cli" }],
    outdir: dist,
    format: "esm",
    banner: { js: "#!/usr/bin/env node" },
  });
} catch (error) {
  if (error?.code !== "ENOENT") throw error;
}

// Declarations: tsc emits ESM .d.ts; each gets a .d.cts twin whose relative imports point at .cjs twins.
execFileSync(
  process.execPath,
  [join(root, "../node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")],
  {
    stdio: "inherit",
  },
);
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
for (const file of walk(dist).filter((f) => f.endsWith(".d.ts"))) {
  const text = readFileSync(file, "utf8").replace(/(from\s+|import\()(["'])(\.\.?\/[^"']+)\.js\2/g, "$1$2$3.cjs$2");
  writeFileSync(file.replace(/\.d\.ts$/, ".d.cts"), text);
}

// JSON Schema files, from the freshly built tooling entry.
const { cdnJsonSchema } = await import(`${join(dist, "tooling", "index.js")}?t=${Date.now()}`);
const { CDN_EVENT_NAMES } = await import(join(dist, "index.js"));
const schemasDir = join(root, "schemas");
rmSync(schemasDir, { recursive: true, force: true });
for (const [dir, target] of [
  [schemasDir, "draft-2020-12"],
  [join(schemasDir, "draft-07"), "draft-07"],
]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "envelope.schema.json"),
    `${JSON.stringify(cdnJsonSchema(undefined, { target }), null, 2)}\n`,
  );
  for (const name of CDN_EVENT_NAMES) {
    writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(cdnJsonSchema(name, { target }), null, 2)}\n`);
  }
}
console.log(`built ${present.length} entries and ${CDN_EVENT_NAMES.length * 2 + 2} JSON Schema files`);
