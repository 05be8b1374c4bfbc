// The playground's Python mode: the Pyodide sandbox plus its status line (download progress, start-up,
// ready). Imported by the playground only when the user chooses Python, so JavaScript pages never load it.

import type { PlaygroundMessages } from "../i18n/index";
import { setProblems } from "../problems/problems-model";
import type { RunCallbacks } from "../runner/frame-host";
import {
  PYODIDE_BYTES,
  PYODIDE_VERSION,
  type PythonRunInput,
  PythonSandbox,
  type PythonStatus,
} from "./python-sandbox";
import "./python.css";

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** How long typing must pause before index.py is parsed again. */
export const CHECK_DELAY_MS = 300;

/**
 * Python for one playground: downloads and starts Pyodide on {@link PythonMode.load} (once), shows its
 * progress next to the handler's file name, and runs index.py in the Python sandbox.
 *
 * @example
 * ```ts
 * const python = new PythonMode(root, fileLabel, PLAYGROUND_MESSAGES.en);
 * void python.load();
 * await python.run({ code, event, timeoutMs: 5000, phrases }, callbacks);
 * ```
 */
export class PythonMode {
  readonly #sandbox: PythonSandbox;
  readonly #root: HTMLElement;
  readonly #status: HTMLElement;
  readonly #bar: HTMLProgressElement;
  readonly #text: HTMLElement;
  readonly #t: PlaygroundMessages["python"];
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** The code waiting to be checked (the latest edit), kept until Python is ready. */
  #unchecked: string | undefined;
  #visible = true;

  /** `anchor`: the element the status line goes after (the handler pane's file name); `t`: the page's messages. */
  constructor(root: HTMLElement, anchor: HTMLElement, t: PlaygroundMessages) {
    this.#root = root;
    this.#t = t.python;
    this.#status = document.createElement("span");
    this.#status.className = "fcpg-python-status";
    this.#status.dataset.role = "python-status";
    this.#status.setAttribute("role", "status");
    this.#bar = document.createElement("progress");
    this.#bar.max = PYODIDE_BYTES;
    this.#bar.setAttribute("aria-label", this.#t.download);
    this.#text = document.createElement("span");
    this.#status.append(this.#bar, this.#text);
    anchor.after(this.#status);
    this.#sandbox = new PythonSandbox(root, t, (status) => this.#show(status));
    this.#show({ phase: "download", loaded: 0, total: PYODIDE_BYTES });
  }

  /** Downloads Pyodide and starts Python, once; resolves when Python is ready. */
  load(): Promise<void> {
    return this.#sandbox.load();
  }

  /**
   * Parses `code` in the Python worker once typing has paused ({@link CHECK_DELAY_MS}) and Python is ready,
   * and reports its syntax errors to the playground's problems (which marks them in the editor). Typing is
   * never held up: the parse happens in the worker, and an answer for outdated code is dropped.
   */
  checkSoon(code: string): void {
    this.#unchecked = code;
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => void this.#checkNow(), CHECK_DELAY_MS);
  }

  async #checkNow(): Promise<void> {
    const code = this.#unchecked;
    if (code === undefined || !this.#visible || !this.#sandbox.ready) return;
    this.#unchecked = undefined;
    const problems = await this.#sandbox.check(code);
    // Superseded by a newer check, or Python was switched away from meanwhile.
    if (problems === undefined || !this.#visible) return;
    setProblems(
      this.#root,
      "python",
      problems.map(({ message, ...where }) => ({ severity: "error", file: "handler", message, ...where })),
    );
  }

  /** Runs index.py against the event (waiting for Python to be ready first). */
  run(input: PythonRunInput, callbacks: RunCallbacks): Promise<number> {
    return this.#sandbox.run(input, callbacks);
  }

  stop(): void {
    this.#sandbox.stop();
  }

  /** Shows or hides the status line (hidden while another language is selected). */
  set visible(visible: boolean) {
    this.#status.hidden = !visible;
    this.#visible = visible;
    if (!visible) {
      // Another language: Python's problems no longer apply.
      clearTimeout(this.#checkTimer);
      this.#unchecked = undefined;
      setProblems(this.#root, "python", []);
    }
  }

  dispose(): void {
    clearTimeout(this.#checkTimer);
    this.#sandbox.dispose();
    this.#status.remove();
  }

  #show(status: PythonStatus): void {
    this.#root.dataset.python = status.phase;
    this.#status.dataset.phase = status.phase;
    this.#bar.hidden = status.phase !== "download" && status.phase !== "starting";
    switch (status.phase) {
      case "download":
        this.#bar.value = status.loaded;
        this.#text.textContent = this.#t.loading(PYODIDE_VERSION, mb(status.loaded), mb(status.total));
        break;
      case "starting":
        this.#bar.removeAttribute("value");
        this.#text.textContent = this.#t.starting;
        break;
      case "ready":
        // What was typed while Python was loading.
        if (this.#unchecked !== undefined) void this.#checkNow();
        // For benchmarks and curious users (devtools): where the start-up time went.
        this.#root.dataset.pythonBootMs = String(Math.round(status.bootMs));
        this.#root.dataset.pythonBootPhases = JSON.stringify(status.phases);
        this.#root.dataset.pythonRestored = String(status.restored);
        this.#text.textContent = this.#t.ready(status.version, (status.bootMs / 1000).toFixed(1));
        break;
      case "failed":
        this.#text.textContent = this.#t.failed(status.message);
        break;
    }
  }
}
