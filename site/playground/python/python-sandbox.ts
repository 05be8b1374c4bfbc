// The page's side of the Python sandbox: the same isolation as runner/sandbox.ts (an invisible iframe with
// sandbox="allow-scripts" and no allow-same-origin, then a module worker), with Pyodide's files downloaded by
// the page from the site itself (same origin, with progress) and handed to the frame, because the frame and
// its workers have no network at all. Created only when the user chooses Python.

import * as assets from "virtual:fc-playground-python/assets";
import type { PlaygroundMessages } from "../i18n/index";
import { type ActiveRun, mountSandboxFrame, type RunCallbacks, RunSlot, WATCHDOG_GRACE_MS } from "../runner/frame-host";
import { DEFAULT_TIMEOUT_MS, type RuntimePhrases, readFrameMessage, type Text } from "../runner/protocol";
import {
  type BootPhases,
  type PyodideFiles,
  type PythonSyntaxProblem,
  readPythonMessage,
  type ToPythonFrame,
} from "./python-protocol";

/**
 * What the Python runtime is doing, for the playground's status line.
 *
 * @example
 * ```ts
 * const show = (status: PythonStatus) => status.phase === "download" && console.log(status.loaded, status.total);
 * ```
 */
export type PythonStatus =
  | { phase: "download"; loaded: number; total: number }
  | { phase: "starting" }
  | { phase: "ready"; bootMs: number; version: string; restored: boolean; phases: BootPhases }
  | { phase: "failed"; message: string };

/** A Pyodide file that could not be downloaded: the network failed (`reason`) or the site answered `status`. */
class DownloadError extends Error {
  constructor(
    readonly path: string,
    readonly problem: { reason: string } | { status: number },
  ) {
    super(`${path}: ${"reason" in problem ? problem.reason : `HTTP ${problem.status}`}`);
  }
}

/**
 * A Python run's inputs: the user's index.py and the event body.
 *
 * @example
 * ```ts
 * const input: PythonRunInput = { code: "def handler(event, context):\n    return 'ok'\n", event: "{}", phrases };
 * ```
 */
export interface PythonRunInput {
  code: string;
  event: string;
  timeoutMs?: number;
  /** The page's wording of what the runtime says inside the user's objects. */
  phrases: RuntimePhrases;
}

/** How long a fresh worker may take to start Python before the run is reported as failed. */
const BOOT_LIMIT_MS = 90_000;

/**
 * Pyodide's version, known before anything is downloaded.
 *
 * @example
 * ```ts
 * label.textContent = `Pyodide ${PYODIDE_VERSION}`;
 * ```
 */
export const PYODIDE_VERSION: string = assets.pyodideVersion;

/**
 * The build's Python snapshot, unless there is none or the reader asked the browser to save data: it is a third
 * of the download, and Python starts without it (a few seconds slower).
 */
const SNAPSHOT =
  (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true ? null : assets.snapshot;

/**
 * How long the snapshot may still take once Pyodide's own files are in; then Python starts without it, as it
 * would on a connection where the wait costs more than starting CPython does.
 */
const SNAPSHOT_GRACE_MS = 3000;

/**
 * Total bytes of Pyodide's files and the Python snapshot (what the first choice of Python downloads when nothing
 * is cached).
 *
 * @example
 * ```ts
 * progress.max = PYODIDE_BYTES;
 * ```
 */
export const PYODIDE_BYTES: number =
  Object.values(assets.files).reduce((sum, file) => sum + file.bytes, 0) + (SNAPSHOT?.bytes ?? 0);

/** What the page hands the Python sandbox: Pyodide's files, and the build's snapshot when it could be had. */
interface PyodideDownload {
  files: PyodideFiles;
  snapshot?: Blob;
}

// One download per page, however many playgrounds choose Python (each still gets its own sandbox).
let downloading: Promise<PyodideDownload> | undefined;
const progressListeners = new Set<(loaded: number) => void>();

function downloadOnce(onProgress: (loaded: number) => void): Promise<PyodideDownload> {
  progressListeners.add(onProgress);
  downloading ??= download((loaded) => {
    for (const listener of progressListeners) listener(loaded);
  }).catch((error: unknown) => {
    downloading = undefined;
    throw error;
  });
  return downloading.finally(() => progressListeners.delete(onProgress));
}

/** Fetches one file of the Pyodide folder, counting its bytes into `loaded[role]` as they arrive. */
async function fetchFile(
  name: string,
  role: string,
  loaded: Record<string, number>,
  report: () => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const url = new URL(name, new URL(assets.indexPath, location.href));
  const response = await fetch(url, { signal }).catch((error: unknown) => {
    throw new DownloadError(url.pathname, { reason: String(error) });
  });
  if (!response.ok || !response.body) throw new DownloadError(url.pathname, { status: response.status });
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  loaded[role] = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    loaded[role] += value.byteLength;
    report();
  }
  return new Blob(chunks);
}

/**
 * The build's snapshot as downloaded (gzipped: the worker unzips it, away from the page's main thread);
 * `undefined` when it cannot be had, so Python starts the slow way instead of not at all.
 */
const snapshotFrom = (file: Promise<Blob>): Promise<Blob | undefined> =>
  file.catch((error: unknown) => {
    console.warn("The Python snapshot could not be downloaded in time; Python starts without it.", error);
    return undefined;
  });

async function download(onProgress: (loaded: number) => void): Promise<PyodideDownload> {
  const loaded: Record<string, number> = {};
  const report = () => onProgress(Object.values(loaded).reduce((sum, n) => sum + n, 0));
  const stopSnapshot = new AbortController();
  const snapshot = SNAPSHOT
    ? snapshotFrom(fetchFile(SNAPSHOT.name, "snapshot", loaded, report, stopSnapshot.signal))
    : Promise.resolve(undefined);
  try {
    const entries = await Promise.all(
      Object.entries(assets.files).map(
        async ([role, file]) => [role, await fetchFile(file.name, role, loaded, report)] as const,
      ),
    );
    const late = new Promise<undefined>((resolve) => setTimeout(resolve, SNAPSHOT_GRACE_MS, undefined));
    return {
      files: Object.fromEntries(entries) as unknown as PyodideFiles,
      snapshot: await Promise.race([snapshot, late]),
    };
  } finally {
    // A required file failed, or the snapshot came too late: it is not waited for, nor downloaded on.
    stopSnapshot.abort();
  }
}

/**
 * Runs Python handlers in a sandboxed iframe + module worker with Pyodide.
 *
 * @example
 * ```ts
 * const python = new PythonSandbox(container, PLAYGROUND_MESSAGES.en, (status) => console.log(status.phase));
 * await python.load();
 * python.run({ code: "def handler(event, context):\n    return 'ok'\n", event: "{}", phrases }, callbacks);
 * ```
 */
export class PythonSandbox {
  #host: HTMLElement;
  #t: PlaygroundMessages;
  #onStatus: (status: PythonStatus) => void;
  #files: Promise<PyodideDownload> | undefined;
  #frame: HTMLIFrameElement | undefined;
  #framed: Promise<void> | undefined;
  #firstBoot: { resolve: () => void; reject: (error: Error) => void } | undefined;
  #loaded: Promise<void> | undefined;
  #nextRunId = 1;
  #nextCheckId = 1;
  #check: { checkId: number; resolve: (problems: PythonSyntaxProblem[] | undefined) => void } | undefined;
  #ready = false;
  #runs = new RunSlot<ActiveRun & { timeoutMs: number }>();
  #onMessage = (event: MessageEvent) => this.#receive(event);

  /** `t`: the page's message table, for the failures this sandbox reports. */
  constructor(host: HTMLElement, t: PlaygroundMessages, onStatus: (status: PythonStatus) => void = () => undefined) {
    this.#host = host;
    this.#t = t;
    this.#onStatus = onStatus;
    window.addEventListener("message", this.#onMessage);
  }

  /** Downloads Pyodide (once) and starts Python in the sandbox; resolves when Python is ready. */
  load(): Promise<void> {
    this.#loaded ??= this.#load().catch((error: unknown) => {
      // Start over on the next Run: a fresh download if that failed, and a fresh frame either way.
      this.#loaded = undefined;
      this.#files = undefined;
      this.#firstBoot = undefined;
      this.#frame?.remove();
      this.#frame = undefined;
      this.#framed = undefined;
      this.#ready = false;
      this.#onStatus({ phase: "failed", message: this.#describe(error) });
      throw error;
    });
    return this.#loaded;
  }

  async #load(): Promise<void> {
    this.#files ??= downloadOnce((loaded) => this.#onStatus({ phase: "download", loaded, total: PYODIDE_BYTES }));
    const booted = new Promise<void>((resolve, reject) => {
      this.#firstBoot = { resolve, reject };
    });
    await this.#ensureFrame();
    await booted;
  }

  /** Starts a run; a run in progress is stopped first. Returns the run's id. */
  async run(input: PythonRunInput, callbacks: RunCallbacks): Promise<number> {
    this.stop();
    const runId = this.#nextRunId++;
    const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Until the worker says the handler has started, only a generous start-up limit applies.
    const watchdog = setTimeout(() => this.#expire(runId, "crashed", this.#t.python.notInTime), BOOT_LIMIT_MS);
    this.#runs.current = { runId, timeoutMs, callbacks, watchdog };
    try {
      await this.load();
    } catch (error) {
      if (this.#runs.current?.runId === runId) {
        this.#runs.finish("crashed", this.#t.python.couldNotLoad(this.#describe(error)));
      }
      return runId;
    }
    if (this.#runs.current?.runId !== runId) return runId;
    this.#post({ kind: "run", runId, code: input.code, event: input.event, timeoutMs, phrases: input.phrases });
    return runId;
  }

  /** True once Python has started (and until a load fails). */
  get ready(): boolean {
    return this.#ready;
  }

  /**
   * index.py's syntax errors, from the worker's parser (nothing runs); `undefined` when a newer check replaced
   * this one or the worker was replaced before answering. Only once Python is ready: checks never start Pyodide.
   */
  check(code: string): Promise<PythonSyntaxProblem[] | undefined> {
    this.#check?.resolve(undefined);
    if (!this.#ready) return Promise.resolve(undefined);
    const checkId = this.#nextCheckId++;
    return new Promise((resolve) => {
      this.#check = { checkId, resolve };
      this.#post({ kind: "check", checkId, code });
    });
  }

  /** Stops the current run, if any; its worker is terminated and a fresh one starts. */
  stop(): void {
    this.#runs.stop((message) => this.#post(message));
  }

  get running(): boolean {
    return this.#runs.running;
  }

  dispose(): void {
    this.stop();
    window.removeEventListener("message", this.#onMessage);
    this.#frame?.remove();
    this.#frame = undefined;
    this.#framed = undefined;
  }

  /** A load failure in the page's language. */
  #describe(error: unknown): string {
    if (!(error instanceof DownloadError)) return error instanceof Error ? error.message : String(error);
    const { path, problem } = error;
    const t = this.#t.python;
    return "reason" in problem ? t.downloadFailed(path, problem.reason) : t.httpError(path, problem.status);
  }

  #ensureFrame(): Promise<void> {
    this.#framed ??= this.#createFrame();
    return this.#framed;
  }

  async #createFrame(): Promise<void> {
    const { frame, ready } = mountSandboxFrame(this.#host, this.#t.python.sandbox, assets.frame);
    this.#frame = frame;
    const [{ files, snapshot }] = await Promise.all([this.#files as Promise<PyodideDownload>, ready]);
    const indexURL = new URL(assets.indexPath, location.href).href;
    const boot = { indexURL, files, lockFile: assets.lockFile, ...(snapshot ? { snapshot } : {}) };
    this.#post({ kind: "init", runtime: assets.runtime, boot });
  }

  /** The frame stopped answering: replace it (Pyodide's files stay in memory, so nothing is downloaded again). */
  #resetFrame(): void {
    this.#check?.resolve(undefined);
    this.#check = undefined;
    this.#frame?.remove();
    this.#frame = undefined;
    this.#framed = undefined;
    if (this.#loaded) void this.#ensureFrame();
  }

  #post(message: ToPythonFrame): void {
    this.#frame?.contentWindow?.postMessage(message, "*");
  }

  #expire(runId: number, reason: "timeout" | "crashed", detail?: Text): void {
    if (this.#runs.current?.runId !== runId) return;
    this.#runs.finish(reason, detail);
    this.#resetFrame();
  }

  #receive(event: MessageEvent): void {
    // Only our own iframe; a message from anywhere else (another frame, an extension) is ignored.
    if (!this.#frame || event.source !== this.#frame.contentWindow) return;
    const python = readPythonMessage(event.data);
    if (python) {
      switch (python.kind) {
        case "py-booting":
          this.#onStatus({ phase: "starting" });
          return;
        case "py-booted":
          this.#ready = true;
          this.#firstBoot?.resolve();
          this.#firstBoot = undefined;
          this.#onStatus({
            phase: "ready",
            bootMs: python.ms,
            version: python.version,
            restored: python.restored,
            phases: python.phases,
          });
          return;
        case "py-boot-failed":
          this.#firstBoot?.reject(new Error(python.message));
          this.#firstBoot = undefined;
          this.#onStatus({ phase: "failed", message: python.message });
          return;
        case "checked":
          if (this.#check?.checkId === python.checkId) {
            this.#check.resolve(python.problems);
            this.#check = undefined;
          }
          return;
        case "started": {
          const current = this.#runs.current;
          if (current?.runId !== python.runId) return;
          // From here the frame enforces the timeout; this watchdog catches a frame that fails to.
          clearTimeout(current.watchdog);
          current.watchdog = setTimeout(
            () => this.#expire(current.runId, "timeout"),
            current.timeoutMs + WATCHDOG_GRACE_MS,
          );
          return;
        }
      }
    }
    const message = readFrameMessage(event.data);
    if (message) this.#runs.deliver(message);
  }
}
