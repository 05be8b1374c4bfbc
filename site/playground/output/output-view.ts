// The output panel: console lines, the return value, errors, notices and the duration. Everything is written
// with textContent, never as HTML, and the panel never shows more than MAX_OUTPUT_LINES console lines.

import { type LogLine, MAX_OUTPUT_LINES, type RunResult, type SerializedError } from "../runner/protocol";

/** The state the panel exposes in `data-run-state`, for styling and tests. */
export type RunState = "idle" | "running" | "done" | "error" | "timeout" | "stopped" | "blocked";

const numberFormat = new Intl.NumberFormat("en");

/**
 * Renders one run's output into an element.
 *
 * @example
 * ```ts
 * const view = new OutputView(element);
 * view.start();
 * view.appendLines([{ level: "log", text: "hello" }]);
 * view.finishResult({ kind: "json", text: "[]" }, 1.2);
 * ```
 */
export class OutputView {
  #root: HTMLElement;
  #status: HTMLElement;
  #lines: HTMLElement | undefined;
  #shown = 0;
  #hidden = 0;
  #pending: LogLine[] = [];
  #frame = 0;

  constructor(root: HTMLElement, status: HTMLElement) {
    this.#root = root;
    this.#status = status;
  }

  /** Clears the panel for a new run. */
  start(): void {
    cancelAnimationFrame(this.#frame);
    this.#root.replaceChildren();
    this.#lines = undefined;
    this.#shown = 0;
    this.#hidden = 0;
    this.#pending = [];
    this.#setState("running", "Running…");
  }

  /** A message before or instead of the run: blocked input, schema warnings, type errors. */
  notice(level: "info" | "warn" | "error", title: string, detail: string[] = []): void {
    const box = this.#block(`fcpg-notice fcpg-notice-${level}`, title);
    for (const line of detail) box.append(this.#text("div", "fcpg-notice-detail", line));
  }

  /** Console lines; rendered on the next animation frame so a flood of messages costs one layout. */
  appendLines(lines: readonly LogLine[]): void {
    for (const line of lines) {
      if (this.#shown + this.#pending.length < MAX_OUTPUT_LINES) this.#pending.push(line);
      else this.#hidden++;
    }
    if (!this.#frame && this.#pending.length) this.#frame = requestAnimationFrame(() => this.#flush());
  }

  finishResult(result: RunResult | undefined, durationMs: number, dropped: number): void {
    this.#flush();
    this.#truncated(dropped);
    if (result) {
      const box = this.#block("fcpg-result", result.kind === "json" ? "Return value (JSON)" : "Return value");
      box.append(this.#text("pre", "fcpg-result-value", result.text));
    }
    this.#setState("done", `Done in ${formatDuration(durationMs)}`);
  }

  finishError(error: SerializedError, fileName: string, durationMs: number, dropped: number): void {
    this.#flush();
    this.#truncated(dropped);
    const where = error.line !== undefined ? ` at ${fileName} line ${error.line}, column ${error.column ?? 1}` : "";
    const box = this.#block("fcpg-error", `${error.name}${where}`);
    box.append(this.#text("pre", "fcpg-error-message", error.message));
    for (const detail of error.details) box.append(this.#text("div", "fcpg-error-detail", detail));
    if (error.stack.trim()) box.append(this.#text("pre", "fcpg-error-stack", error.stack));
    this.#setState("error", `Failed after ${formatDuration(durationMs)}`);
  }

  finishStopped(reason: "timeout" | "stopped" | "crashed", timeoutMs: number, detail?: string): void {
    this.#flush();
    if (reason === "timeout") {
      this.notice("error", `Timed out after ${timeoutMs / 1000} s: the run was stopped.`, [
        "Function Compute would stop it too. Look for an endless loop or a promise that never settles.",
      ]);
      this.#setState("timeout", "Timed out");
    } else if (reason === "crashed") {
      this.notice("error", "The run's worker failed.", detail ? [detail] : []);
      this.#setState("error", "Failed");
    } else {
      this.notice("info", "Stopped.");
      this.#setState("stopped", "Stopped");
    }
  }

  /** Run refused before it started (invalid JSON, a syntax error). */
  blocked(title: string, detail: string[]): void {
    this.start();
    this.notice("error", title, detail);
    this.#setState("blocked", "Not run");
  }

  #flush(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (this.#pending.length === 0) return;
    if (!this.#lines) {
      this.#lines = this.#text("div", "fcpg-console", "");
      this.#lines.setAttribute("role", "log");
      this.#root.append(this.#lines);
    }
    const fragment = document.createDocumentFragment();
    for (const line of this.#pending) {
      const row = this.#text("div", `fcpg-line fcpg-line-${line.level}`, line.text);
      row.dataset.level = line.level;
      fragment.append(row);
    }
    this.#shown += this.#pending.length;
    this.#pending = [];
    this.#lines.append(fragment);
  }

  #truncated(dropped: number): void {
    const total = this.#hidden + dropped;
    if (total > 0) {
      this.notice(
        "warn",
        `Output truncated: ${numberFormat.format(total)} more console lines were not shown (the limit is ${numberFormat.format(MAX_OUTPUT_LINES)}).`,
      );
      this.#root.dataset.truncated = String(total);
    }
  }

  #setState(state: RunState, text: string): void {
    this.#root.dataset.runState = state;
    this.#status.textContent = text;
    this.#status.dataset.runState = state;
  }

  #block(className: string, title: string): HTMLElement {
    const box = this.#text("div", className, "");
    box.append(this.#text("div", "fcpg-block-title", title));
    this.#root.append(box);
    return box;
  }

  #text(tag: string, className: string, text: string): HTMLElement {
    const element = document.createElement(tag);
    element.className = className;
    if (text) element.textContent = text;
    return element;
  }
}

/** "0.4 ms", "12 ms", "1.25 s". */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
