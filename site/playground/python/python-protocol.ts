// The Python runtime's messages, on top of the JavaScript runtime's protocol (runner/protocol.ts): the same
// "console" and "done" messages come back, plus boot progress and a "started" signal. The run's timeout
// starts at "started" (when the user's code starts), not when Run is pressed: a fresh worker first spends
// a second or two starting Python, which must not count against the handler.

import type { FromFrame, RuntimePhrases } from "../runner/protocol";

/**
 * Pyodide's files, fetched by the page from the site (same origin) and handed to each worker.
 *
 * @example
 * ```ts
 * const files: PyodideFiles = { loader, asm, wasm, stdlib }; // four Blobs
 * ```
 */
export interface PyodideFiles {
  /** pyodide.mjs: the loader. */
  loader: Blob;
  /** pyodide.asm.mjs: the Emscripten module. */
  asm: Blob;
  /** pyodide.asm.wasm: CPython compiled to WebAssembly. */
  wasm: Blob;
  /** python_stdlib.zip: the standard library. */
  stdlib: Blob;
}

/**
 * What a Python worker needs to start: the files, where they notionally live, and the lock file's contents.
 *
 * @example
 * ```ts
 * worker.postMessage({ kind: "boot", indexURL: "https://site/pyodide/314.0.7/", files, lockFile } satisfies PythonBoot);
 * ```
 */
export interface PythonBoot {
  kind: "boot";
  /** Absolute URL of the self-hosted Pyodide folder (Pyodide's indexURL), ending in "/". */
  indexURL: string;
  files: PyodideFiles;
  /** pyodide-lock.json, without its package list: the playground loads no packages. */
  lockFile: string;
  /**
   * A memory snapshot of a started interpreter, restored instead of starting CPython from scratch (~10× faster):
   * the site's, made at build time (python/snapshot.mjs) and passed on as downloaded (a Blob, gzipped unless the
   * host had the browser unzip it), or else the one the first worker makes for the workers that replace it
   * (after a timeout, a Stop or a crash).
   */
  snapshot?: Blob | Uint8Array<ArrayBuffer>;
}

/**
 * A Python run: the user's index.py and the event body.
 *
 * @example
 * ```ts
 * const run: PythonRunRequest = { kind: "run", runId: 1, code: "def handler(e, c):\n    return 1\n", event: "{}", timeoutMs: 5000, phrases };
 * ```
 */
export interface PythonRunRequest {
  kind: "run";
  runId: number;
  /** The user's index.py, as typed. */
  code: string;
  /** The event body (JSON text); the handler receives its UTF-8 bytes. */
  event: string;
  timeoutMs: number;
  /** The page's wording of what the runtime says inside the user's objects. */
  phrases: RuntimePhrases;
}

/**
 * A syntax check of index.py while the user types: the worker parses it (runner.py's `check`: ast.parse, then
 * compile), runs nothing, and answers with a {@link PythonSyntaxProblem} list.
 *
 * @example
 * ```ts
 * const request: PythonCheckRequest = { kind: "check", checkId: 3, code: "def handler(:\n" };
 * ```
 */
export interface PythonCheckRequest {
  kind: "check";
  checkId: number;
  code: string;
}

/**
 * A syntax error in index.py: 1-based line and column, as Python's SyntaxError has them.
 *
 * @example
 * ```ts
 * const problem: PythonSyntaxProblem = { line: 1, column: 13, message: "SyntaxError: invalid syntax" };
 * ```
 */
export interface PythonSyntaxProblem {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/**
 * Page → Python frame.
 *
 * @example
 * ```ts
 * frame.contentWindow.postMessage({ kind: "stop", runId: 1 } satisfies ToPythonFrame, "*");
 * ```
 */
export type ToPythonFrame =
  | { kind: "init"; runtime: string; boot: Omit<PythonBoot, "kind"> }
  | PythonRunRequest
  | PythonCheckRequest
  | { kind: "stop"; runId: number };

/**
 * Where a worker's start-up time went, in milliseconds: importing Pyodide's JS, starting CPython, runner.py.
 *
 * @example
 * ```ts
 * const phases: BootPhases = { imports: 35, interpreter: 1630, runner: 23 };
 * ```
 */
export interface BootPhases {
  imports: number;
  interpreter: number;
  runner: number;
}

/**
 * Worker → frame (the frame relays them to the page as py-booted / py-boot-failed).
 *
 * @example
 * ```ts
 * post({ kind: "started", runId: 1 } satisfies FromPythonWorker);
 * ```
 */
export type FromPythonWorker =
  | { kind: "booted"; ms: number; version: string; restored: boolean; phases: BootPhases }
  | { kind: "snapshot"; snapshot: Uint8Array<ArrayBuffer> }
  | { kind: "boot-failed"; message: string }
  | { kind: "started"; runId: number }
  | { kind: "checked"; checkId: number; problems: PythonSyntaxProblem[] };

/**
 * Frame → page: the JavaScript runtime's messages plus the Python ones.
 *
 * @example
 * ```ts
 * parent.postMessage({ kind: "py-booting" } satisfies FromPythonFrame, "*");
 * ```
 */
export type FromPythonFrame =
  | FromFrame
  | { kind: "py-booting" }
  | { kind: "py-booted"; ms: number; version: string; restored: boolean; phases: BootPhases }
  | { kind: "py-boot-failed"; message: string }
  | { kind: "started"; runId: number }
  | { kind: "checked"; checkId: number; problems: PythonSyntaxProblem[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const milliseconds = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * Validates a Python-specific message from the frame; `undefined` for anything else (the caller then tries
 * the JavaScript runtime's `readFrameMessage`). The frame runs user code's neighbour, so nothing is trusted.
 *
 * @example
 * ```ts
 * const message = readPythonMessage(event.data) ?? readFrameMessage(event.data);
 * ```
 */
export function readPythonMessage(data: unknown): Exclude<FromPythonFrame, FromFrame> | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.kind) {
    case "py-booting":
      return { kind: "py-booting" };
    case "py-booted": {
      const phases = isRecord(data.phases) ? data.phases : {};
      return {
        kind: "py-booted",
        ms: milliseconds(data.ms),
        version: String(data.version ?? "").slice(0, 40),
        restored: data.restored === true,
        phases: {
          imports: milliseconds(phases.imports),
          interpreter: milliseconds(phases.interpreter),
          runner: milliseconds(phases.runner),
        },
      };
    }
    case "py-boot-failed":
      return { kind: "py-boot-failed", message: String(data.message ?? "").slice(0, 2000) };
    case "started":
      return typeof data.runId === "number" && Number.isFinite(data.runId)
        ? { kind: "started", runId: data.runId }
        : undefined;
    case "checked":
      return typeof data.checkId === "number" && Array.isArray(data.problems)
        ? { kind: "checked", checkId: data.checkId, problems: data.problems.slice(0, 20).flatMap(readProblem) }
        : undefined;
    default:
      return undefined;
  }
}

const position = (value: unknown) =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : undefined;

/** One syntax problem from the frame, or none when its shape is wrong. */
function readProblem(data: unknown): PythonSyntaxProblem[] {
  if (!isRecord(data)) return [];
  const line = position(data.line);
  const column = position(data.column);
  if (line === undefined || column === undefined) return [];
  const endLine = position(data.endLine);
  const endColumn = position(data.endColumn);
  return [
    {
      line,
      column,
      ...(endLine !== undefined && endColumn !== undefined ? { endLine, endColumn } : {}),
      message: String(data.message ?? "").slice(0, 500),
    },
  ];
}
