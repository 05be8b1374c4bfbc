// Python in the playground, at build time: self-hosts Pyodide and builds the Python sandbox's scripts.
//   - Pyodide's runtime files (from the `pyodide` npm package) are copied to <site>/pyodide/<version>/ by
//     `astro build` and served from node_modules by `astro dev`: no CDN, the site works offline.
//   - virtual:fc-playground-python/assets: the Python worker runtime and sandbox-frame script (bundled with
//     esbuild, like the JavaScript runtime in ../vite-plugin.mjs), Pyodide's path, file sizes and lock file.
// Only the playground's Python mode imports that module, and only once Python is chosen, so JavaScript
// playground pages and docs pages never download any of it.
import { createReadStream, readFileSync, statSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { playgroundLockFile, pythonSnapshot, snapshotName } from "./snapshot.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pyodideDir = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
const { version } = JSON.parse(readFileSync(join(pyodideDir, "package.json"), "utf8"));
// Not under virtual:fc-playground/: ../vite-plugin.mjs answers every id with that prefix.
const MODULE_ID = "virtual:fc-playground-python/assets";

/** The Pyodide files the playground needs, by role. pyodide-lock.json is inlined (trimmed) instead. */
const FILES = {
  loader: "pyodide.mjs",
  asm: "pyodide.asm.mjs",
  wasm: "pyodide.asm.wasm",
  stdlib: "python_stdlib.zip",
};
const CONTENT_TYPES = { ".mjs": "text/javascript", ".wasm": "application/wasm", ".zip": "application/zip" };

/** Where Pyodide lives in the built site, relative to its base: versioned, so a new Pyodide never meets an old cache. */
const folder = `pyodide/${version}/`;

const bundle = async (entry, format) => {
  const result = await esbuild.build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    target: "es2022",
    platform: "browser",
    format,
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    loader: { ".py": "text" },
  });
  return result.outputFiles[0].text;
};

/**
 * The snapshot's file, or `null` in `astro dev` when it cannot be made (Python then starts without it; a build
 * fails instead, so a site never ships without it unnoticed).
 */
const snapshotOrNull = (command) =>
  pythonSnapshot(pyodideDir, version).catch((error) => {
    if (command === "build") throw error;
    console.warn(`[fc-playground-python] ${error.message}; Python will start without a snapshot`);
    return null;
  });

async function pythonAssets(base, command) {
  const [runtime, frame, snapshot] = await Promise.all([
    bundle("python-worker.ts", "esm"),
    bundle("python-frame.ts", "iife"),
    snapshotOrNull(command),
  ]);
  return {
    runtime,
    frame: frame.replace(/<\/script/gi, "<\\/script"),
    pyodideVersion: version,
    indexPath: `${base.endsWith("/") ? base : `${base}/`}${folder}`,
    files: Object.fromEntries(
      Object.entries(FILES).map(([role, name]) => [role, { name, bytes: statSync(join(pyodideDir, name)).size }]),
    ),
    // Optional: without it (a failed download, a snapshot Pyodide refuses) the worker starts CPython itself.
    snapshot: snapshot && { name: snapshotName(version), bytes: statSync(snapshot).size },
    lockFile: playgroundLockFile(pyodideDir),
  };
}

/** The Vite plugin serving virtual:fc-playground-python/assets. */
function pythonAssetsPlugin() {
  let base = "/";
  let command = "build";
  let assets;
  return {
    name: "fc-playground-python-assets",
    configResolved(config) {
      base = config.base || "/";
      command = config.command;
    },
    resolveId(id) {
      return id === MODULE_ID ? `\0${MODULE_ID}` : undefined;
    },
    async load(id) {
      if (id !== `\0${MODULE_ID}`) return undefined;
      assets ??= pythonAssets(base, command);
      const value = await assets;
      return Object.entries(value)
        .map(([key, item]) => `export const ${key} = ${JSON.stringify(item)};`)
        .join("\n");
    },
    handleHotUpdate({ file }) {
      if (file.startsWith(here)) assets = undefined;
    },
  };
}

/** Answers a dev-server request with a file. */
function send(response, file, type) {
  response.setHeader("Content-Type", type);
  response.setHeader("Content-Length", statSync(file).size);
  createReadStream(file).pipe(response);
}

/**
 * The Astro integration for Python in the playground: copies Pyodide into the built site, serves it in
 * `astro dev`, and registers the Vite plugin that builds the Python sandbox.
 *
 * @example
 * ```js
 * // astro.config.mjs
 * import { pythonPlayground } from "./site/playground/python/assets.mjs";
 * export default defineConfig({ integrations: [pythonPlayground()] });
 * ```
 */
export function pythonPlayground() {
  const files = Object.values(FILES);
  return {
    name: "fc-playground-python",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [pythonAssetsPlugin()] } });
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
          const name = path.slice(path.lastIndexOf("/") + 1);
          if (!path.endsWith(`/${folder}${name}`)) return next();
          if (name === snapshotName(version)) {
            // Made (or found in the cache) when the page's Python assets were; `next` when it could not be.
            pythonSnapshot(pyodideDir, version).then((file) => send(response, file, "application/gzip"), next);
            return;
          }
          if (!files.includes(name)) return next();
          send(response, join(pyodideDir, name), CONTENT_TYPES[name.slice(name.lastIndexOf("."))]);
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const target = fileURLToPath(new URL(folder, dir));
        await mkdir(target, { recursive: true });
        const snapshot = await pythonSnapshot(pyodideDir, version);
        await Promise.all([
          ...files.map((name) => copyFile(join(pyodideDir, name), join(target, name))),
          copyFile(snapshot, join(target, snapshotName(version))),
        ]);
        logger.info(`Pyodide ${version} copied to ${folder} (${files.length} files), with its Python snapshot`);
      },
    },
  };
}
