// The Python playground's memory snapshot, made at build time: CPython started by Pyodide in Node exactly as the
// worker starts it (boot-config.mjs), with runner.py's imports done and the FC runtime loaded, then saved.
// Choosing Python in the browser restores it instead of starting CPython (seconds on a phone).
//   - Made in a child process (Pyodide sets up globals in whatever process loads it) and kept, gzipped, in
//     node_modules/.cache/ under a name that changes with Pyodide's version and with this folder's boot inputs.
//   - `node snapshot.mjs <out> <pyodideDir>` is that child: it writes the gzipped snapshot to <out>.
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const CACHE = join(here, "../../../node_modules/.cache/fc-playground");
/** What a snapshot is made from, besides Pyodide: its name changes with any of them. */
const BOOT_INPUTS = ["boot-config.mjs", "snapshot.mjs", "fc_context.py", "runner.py"];

/**
 * The snapshot's file name for this Pyodide and these boot inputs, e.g. "snapshot-3f2a9c1d.bin.gz": a site
 * never serves a snapshot made for another Pyodide or another start-up, even from a stale cache.
 */
export function snapshotName(pyodideVersion) {
  const hash = createHash("sha256").update(pyodideVersion);
  for (const file of BOOT_INPUTS) hash.update(readFileSync(join(here, file)));
  return `snapshot-${hash.digest("hex").slice(0, 8)}.bin.gz`;
}

/**
 * Makes (or finds in the cache) the gzipped snapshot for the `pyodide` package in `pyodideDir`; returns its path.
 *
 * @example
 * ```js
 * const file = await pythonSnapshot(pyodideDir, "314.0.7");
 * ```
 */
export function pythonSnapshot(pyodideDir, pyodideVersion) {
  const file = join(CACHE, snapshotName(pyodideVersion));
  // One child per snapshot, however many times a build or the dev server asks.
  let made = making.get(file);
  if (!made) {
    made = existsSync(file) ? Promise.resolve(file) : makeInChild(file, pyodideDir);
    made.catch(() => making.delete(file));
    making.set(file, made);
  }
  return made;
}

const making = new Map();

async function makeInChild(file, pyodideDir) {
  mkdirSync(CACHE, { recursive: true });
  const partial = `${file}.${randomUUID()}.tmp`;
  await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), partial, pyodideDir], {
    maxBuffer: 1 << 20,
    timeout: 300_000,
    // FC runs in UTC; Emscripten keeps the time zone it starts in, so the snapshot would hold the build machine's.
    env: { PATH: process.env.PATH, TZ: "UTC" },
  }).catch((error) => {
    throw new Error(`could not make the Python snapshot: ${error.stderr || error.message}`);
  });
  // Renamed when complete and checked: a build stopped half-way leaves no truncated snapshot under the real name.
  renameSync(partial, file);
  return file;
}

/**
 * pyodide-lock.json as the playground hands it to Pyodide: its package list names wheels the site does not host
 * (the standard library the playground needs is in python_stdlib.zip).
 */
export function playgroundLockFile(pyodideDir) {
  const lock = JSON.parse(readFileSync(join(pyodideDir, "pyodide-lock.json"), "utf8"));
  return JSON.stringify({ info: lock.info, packages: {} });
}

/** The child: start CPython as the worker does, load the FC runtime, save the memory gzipped. */
async function makeSnapshot(out, pyodideDir) {
  const { PRELOAD, PYTHON_ENV, RUNTIME_MODULE, SYS_EXECUTABLE, runtimeBootCode } = await import("./boot-config.mjs");
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
  const options = {
    lockFileContents: playgroundLockFile(pyodideDir),
    env: PYTHON_ENV,
    _sysExecutable: SYS_EXECUTABLE,
  };
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  pyodide.runPython(PRELOAD);
  const source = (file) => readFileSync(join(here, file), "utf8");
  pyodide.runPython(runtimeBootCode(source("fc_context.py"), source("runner.py")));
  const snapshot = pyodide.makeMemorySnapshot();
  // Restored once here, as a browser will: a snapshot Pyodide refuses (one grown past its initial memory, say)
  // fails the build rather than every visitor's first choice of Python, quietly.
  const restored = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  const runtime = restored.pyimport(RUNTIME_MODULE);
  if (typeof runtime.run !== "function") throw new Error(`the restored snapshot has no ${RUNTIME_MODULE}.run`);
  writeFileSync(out, gzipSync(snapshot, { level: 9 }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, pyodideDir] = process.argv.slice(2);
  await makeSnapshot(out, pyodideDir);
}
