// The Python run worker: a module Web Worker inside the Python sandbox iframe (opaque origin, no network:
// the frame's CSP has connect-src 'none'). It starts Pyodide from the files the page handed over (so the
// worker itself never fetches anything), loads runner.py, and then runs index.py once per "run" message.
// Bundled into one ES module string by python/assets.mjs; Pyodide is imported dynamically from blob: URLs
// only when this worker boots, which happens only once the user has chosen Python.

import { generateCdnLog } from "fc-cdn-trigger/logs";
import type { FromFrame, FromWorker, LogLine, SerializedError } from "../runner/protocol";
import { SampleLogServer, sampleLogFetch } from "../runner/sample-log";
import { PRELOAD, PYTHON_ENV, RUNTIME_MODULE, runtimeBootCode, SYS_EXECUTABLE } from "./boot-config.mjs";
import FC_CONTEXT_SOURCE from "./fc_context.py";
import type {
  FromPythonWorker,
  PythonBoot,
  PythonCheckRequest,
  PythonRunRequest,
  PythonSyntaxProblem,
} from "./python-protocol";
import RUNNER_SOURCE from "./runner.py";

// Captured before anything else runs: user code may overwrite globals through the `js` module.
const post = self.postMessage.bind(self) as (
  message: FromWorker | FromPythonWorker | CrashedMessage,
  transfer?: Transferable[],
) => void;
const nativeFetch = self.fetch.bind(self);

interface PyProxyFunction {
  (...args: unknown[]): unknown;
  destroy(): void;
}
interface PyodideLike {
  version: string;
  makeMemorySnapshot(): Uint8Array<ArrayBuffer>;
  pyimport(name: string): { run: PyProxyFunction; check: PyProxyFunction };
  runPython(code: string, options?: { globals?: unknown; filename?: string }): unknown;
  setStdout(options: { batched: (line: string) => void }): void;
  setStderr(options: { batched: (line: string) => void }): void;
}
type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideLike>;

type CrashedMessage = Extract<FromFrame, { kind: "crashed" }>;

let runFn: PyProxyFunction | undefined;
let checkFn: PyProxyFunction | undefined;
let booted: Promise<void> | undefined;
let currentRunId = 0;

/**
 * Pyodide fetches pyodide.asm.wasm and python_stdlib.zip itself; the worker has no network, so those two
 * URLs are answered from the blobs the page sent. Anything else fails as it would without the shim.
 */
function serveFiles(boot: PythonBoot): () => void {
  const served = new Map<string, { blob: Blob; type: string }>([
    [`${boot.indexURL}pyodide.asm.wasm`, { blob: boot.files.wasm, type: "application/wasm" }],
    [`${boot.indexURL}python_stdlib.zip`, { blob: boot.files.stdlib, type: "application/zip" }],
  ]);
  self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const file = served.get(url);
    if (file) return Promise.resolve(new Response(file.blob, { headers: { "Content-Type": file.type } }));
    return nativeFetch(input, init);
  };
  return () => {
    // After the boot, one fetch for good: pyodide.http binds `fetch` when first imported, so it must delegate
    // to the current run's (see run).
    self.fetch = (input: RequestInfo | URL, init?: RequestInit) => runFetch(input, init);
  };
}

/** The current run's fetch: its sample log, nothing else (runner/sample-log.ts, as in the JavaScript runtime). */
let runFetch: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));

/** The site's snapshot, unzipped here rather than on the page's main thread (it is ~30 MB unzipped). */
async function snapshotBytes(snapshot: Blob | Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (!(snapshot instanceof Blob)) return snapshot;
  const head = new Uint8Array(await snapshot.slice(0, 2).arrayBuffer());
  const zipped = head[0] === 0x1f && head[1] === 0x8b;
  const body = zipped ? snapshot.stream().pipeThrough(new DecompressionStream("gzip")) : snapshot.stream();
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function start(boot: PythonBoot): Promise<void> {
  const startedAt = performance.now();
  // Unzipped while Pyodide's JavaScript is imported (Pyodide awaits it before it starts the WebAssembly).
  const snapshot = boot.snapshot && snapshotBytes(boot.snapshot);
  // A failure surfaces where Pyodide awaits it; not as an unhandled rejection before that.
  snapshot?.catch(() => undefined);
  const restoreFetch = serveFiles(boot);
  // Module scripts need a JavaScript MIME type; the blobs arrive untyped.
  const moduleUrl = (blob: Blob) => URL.createObjectURL(new Blob([blob], { type: "text/javascript" }));
  const loaderUrl = moduleUrl(boot.files.loader);
  const asmUrl = moduleUrl(boot.files.asm);
  const [loader, asm] = await Promise.all([
    import(/* @vite-ignore */ loaderUrl) as Promise<{ loadPyodide: LoadPyodide }>,
    import(/* @vite-ignore */ asmUrl) as Promise<{ default: unknown }>,
  ]);
  const importedAt = performance.now();
  const pyodide = await loader.loadPyodide({
    indexURL: boot.indexURL,
    // Imported above from a blob: URL; Pyodide would otherwise import `${indexURL}pyodide.asm.mjs` over the network.
    createPyodideModule: asm.default,
    lockFileContents: boot.lockFile,
    // Restore a snapshot when there is one (the site's, made at build time, or the first worker's); without one,
    // the first worker makes it.
    ...(snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: true }),
    env: PYTHON_ENV,
    _sysExecutable: SYS_EXECUTABLE,
  });
  if (!boot.snapshot) {
    // As snapshot.mjs makes the site's: the modules runner.py imports, and the FC runtime, loaded before any JS
    // object is handed to Python (a snapshot cannot hold those).
    pyodide.runPython(PRELOAD);
    pyodide.runPython(runtimeBootCode(FC_CONTEXT_SOURCE, RUNNER_SOURCE));
    const snapshot = pyodide.makeMemorySnapshot();
    post({ kind: "snapshot", snapshot }, [snapshot.buffer]);
  }
  // Every worker restored from the same snapshot would otherwise replay its random sequence.
  pyodide.runPython("import random; random.seed()");
  const interpreterAt = performance.now();
  restoreFetch();
  URL.revokeObjectURL(loaderUrl);
  URL.revokeObjectURL(asmUrl);
  // Output that bypasses sys.stdout (os.write(1, ...), C extensions) still reaches the panel.
  pyodide.setStdout({ batched: (line) => postLines([{ level: "log", text: line }]) });
  pyodide.setStderr({ batched: (line) => postLines([{ level: "error", text: line }]) });
  const runtime = pyodide.pyimport(RUNTIME_MODULE);
  runFn = runtime.run;
  checkFn = runtime.check;
  const doneAt = performance.now();
  post({
    kind: "booted",
    ms: doneAt - startedAt,
    version: pyodide.version,
    restored: boot.snapshot !== undefined,
    phases: {
      imports: importedAt - startedAt,
      interpreter: interpreterAt - importedAt,
      runner: doneAt - interpreterAt,
    },
  });
}

function postLines(lines: LogLine[]): void {
  if (currentRunId) post({ kind: "console", runId: currentRunId, lines });
}

interface Outcome {
  result?: { kind: "json" | "text" | "undefined"; text: string };
  error?: SerializedError;
  durationMs: number;
  dropped: number;
}

function run(request: PythonRunRequest): void {
  currentRunId = request.runId;
  // The same network as in the JavaScript runtime: the event's sample logs, refused otherwise in the page's words.
  // urllib.request and pyodide.http.open_url are synchronous: runner.py gets the log text from `served` and
  // gzips it itself; pyodide.http.pyfetch goes through `fetch`.
  const noNetwork = request.phrases.noNetwork;
  const served = new SampleLogServer(request.event, generateCdnLog);
  runFetch = sampleLogFetch(request.event, noNetwork, generateCdnLog);
  const serveLog = (url: string) => served.text(String(url));
  post({ kind: "started", runId: request.runId });
  const forward = (json: string) => postLines(JSON.parse(json) as LogLine[]);
  let outcome: Outcome;
  try {
    // Synchronous: an endless loop blocks this worker until the frame terminates it (the timeout or Stop).
    const timeoutS = Math.ceil(request.timeoutMs / 1000);
    const text = (runFn as PyProxyFunction)(request.code, request.event, timeoutS, forward, serveLog, noNetwork);
    outcome = JSON.parse(String(text)) as Outcome;
  } catch (error) {
    // runner.py catches every Python exception; reaching here means Pyodide itself failed (out of memory, a
    // fatal error). The frame replaces this worker with a fresh interpreter.
    const reason = error instanceof Error ? error.message : String(error);
    post({ kind: "crashed", runId: request.runId, message: { code: "pyStopped", values: { reason } } });
    return;
  } finally {
    currentRunId = 0;
  }
  post({ kind: "done", runId: request.runId, ...outcome });
}

/** Parses index.py without running it (runner.py's `check`) and answers with its syntax errors. */
function check(request: PythonCheckRequest): void {
  let problems: PythonSyntaxProblem[];
  try {
    problems = JSON.parse(String((checkFn as PyProxyFunction)(request.code))) as PythonSyntaxProblem[];
  } catch {
    // Pyodide itself failed: a Run reports that; the editor just shows nothing.
    problems = [];
  }
  post({ kind: "checked", checkId: request.checkId, problems });
}

self.onmessage = (event: MessageEvent<PythonBoot | PythonRunRequest | PythonCheckRequest>) => {
  const message = event.data;
  if (message?.kind === "boot" && !booted) {
    booted = start(message).catch((error: unknown) => {
      post({ kind: "boot-failed", message: error instanceof Error ? error.message : String(error) });
      throw error;
    });
  } else if (message?.kind === "run" && booted) {
    // A run sent while Python is still starting waits for it; the timeout starts with "started".
    booted.then(() => run(message)).catch(() => undefined);
  } else if (message?.kind === "check" && booted) {
    booted.then(() => check(message)).catch(() => undefined);
  }
};
