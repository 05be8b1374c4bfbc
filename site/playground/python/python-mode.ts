// The playground's Python mode: the Pyodide sandbox plus its status line (download progress, start-up,
// ready). Imported by the playground only when the user chooses Python, so JavaScript pages never load it.

import type { PlaygroundMessages } from "../i18n/index";
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
  }

  dispose(): void {
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
        // For benchmarks and curious users (devtools): where the start-up time went.
        this.#root.dataset.pythonBootMs = String(Math.round(status.bootMs));
        this.#root.dataset.pythonBootPhases = JSON.stringify(status.phases);
        this.#text.textContent = this.#t.ready(status.version, (status.bootMs / 1000).toFixed(1));
        break;
      case "failed":
        this.#text.textContent = this.#t.failed(status.message);
        break;
    }
  }
}
