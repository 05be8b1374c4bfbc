// The output panel: console lines, the return value, errors, notices and the duration. Everything is written
// with textContent, never as HTML, and the panel never shows more than MAX_OUTPUT_LINES console lines.

import { type PlaygroundMessages, wordText } from "../i18n/index";
import { type LogLine, MAX_OUTPUT_LINES, type RunResult, type SerializedError, type Text } from "../runner/protocol";

/** The state the panel exposes in `data-run-state`, for styling and tests. */
export type RunState = "idle" | "running" | "done" | "error" | "timeout" | "stopped" | "blocked";

/** What changed since the output's run, making it stale. */
export type StaleReason = "code" | "event" | "language";

/**
 * Renders one run's output into an element.
 *
 * @example
 * ```ts
 * const view = new OutputView(element, status, PLAYGROUND_MESSAGES.en);
 * view.start();
 * view.appendLines([{ level: "log", text: "hello" }]);
 * view.finishResult({ kind: "json", text: "[]" }, 1.2);
 * ```
 */
export class OutputView {
  #root: HTMLElement;
  #status: HTMLElement;
  #t: PlaygroundMessages;
  #numbers: Intl.NumberFormat;
  #lines: HTMLElement | undefined;
  #shown = 0;
  #hidden = 0;
  #pending: LogLine[] = [];
  #frame = 0;
  #staleNote: HTMLElement | undefined;

  /** `t`: the page's message table; crashes and coded runtime errors are worded with it. */
  constructor(root: HTMLElement, status: HTMLElement, t: PlaygroundMessages) {
    this.#root = root;
    this.#status = status;
    this.#t = t;
    this.#numbers = new Intl.NumberFormat(root.closest("[lang]")?.getAttribute("lang") || "en");
  }

  /** Clears the panel for a new run. */
  start(): void {
    cancelAnimationFrame(this.#frame);
    this.#fresh();
    this.#root.replaceChildren();
    this.#lines = undefined;
    this.#shown = 0;
    this.#hidden = 0;
    this.#pending = [];
    this.#setState("running", this.#t.output.running);
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
    if (result) this.showReturnValue(result);
    this.#setState("done", this.#t.output.doneIn(formatDuration(durationMs)));
  }

  /**
   * Shows a handler's return value (any language): JSON indented by two spaces, whatever indentation it came
   * with; text as it is. `finishResult` calls it; a runtime with its own "done" can call it directly.
   */
  showReturnValue(result: RunResult): void {
    const t = this.#t.output;
    const box = this.#block("fcpg-result", result.kind === "json" ? t.returnValueJson : t.returnValue);
    const more = result.more ? t.moreCharacters(this.#numbers.format(result.more)) : "";
    const note = result.note ? `\n${this.#word(result.note)}` : "";
    const text = result.kind === "json" && !result.more ? prettyJson(result.text) : result.text;
    box.append(this.#text("pre", "fcpg-result-value", `${text}${more}${note}`));
  }

  /**
   * Marks the output as coming from an earlier run (dimmed, with a note saying what changed); the next run
   * clears it. Nothing happens while the output is empty or a run is under way.
   */
  markStale(reason: StaleReason): void {
    const state = this.#root.dataset.runState;
    if (!state || state === "idle" || state === "running") return;
    const l = this.#t.layout;
    if (!this.#staleNote) {
      this.#staleNote = this.#text("p", "fcpg-stale-note", "");
      this.#staleNote.dataset.role = "stale-note";
      this.#root.before(this.#staleNote);
    }
    this.#staleNote.textContent = reason === "code" ? l.staleCode : reason === "event" ? l.staleEvent : l.staleLanguage;
    this.#staleNote.hidden = false;
    this.#root.dataset.stale = reason;
  }

  #fresh(): void {
    if (this.#staleNote) this.#staleNote.hidden = true;
    delete this.#root.dataset.stale;
  }

  finishError(error: SerializedError, fileName: string, durationMs: number, dropped: number): void {
    this.#flush();
    this.#truncated(dropped);
    const t = this.#t.output;
    const name = this.#word(error.name);
    const title = error.line !== undefined ? t.errorAt(name, fileName, error.line, error.column ?? 1) : name;
    const box = this.#block("fcpg-error", title);
    box.append(this.#text("pre", "fcpg-error-message", this.#word(error.message)));
    for (const detail of error.details) box.append(this.#text("div", "fcpg-error-detail", this.#word(detail)));
    if (error.stack.trim()) box.append(this.#text("pre", "fcpg-error-stack", error.stack));
    this.#setState("error", t.failedAfter(formatDuration(durationMs)));
  }

  finishStopped(reason: "timeout" | "stopped" | "crashed", timeoutMs: number, detail?: Text): void {
    this.#flush();
    const t = this.#t.output;
    if (reason === "timeout") {
      this.notice("error", t.timedOutTitle(timeoutMs / 1000), [t.timedOutHint]);
      this.#setState("timeout", t.timedOut(timeoutMs / 1000));
    } else if (reason === "crashed") {
      this.notice("error", t.workerFailed, detail ? [this.#word(detail)] : []);
      this.#setState("error", t.failed);
    } else {
      this.notice("info", t.stoppedTitle);
      this.#setState("stopped", t.stopped);
    }
  }

  /** Run refused before it started (invalid JSON, a syntax error). */
  blocked(title: string, detail: string[]): void {
    this.start();
    this.notice("error", title, detail);
    this.#setState("blocked", this.#t.output.notRun);
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
      const more = line.more ? this.#t.output.moreCharacters(this.#numbers.format(line.more)) : "";
      const row = this.#text("div", `fcpg-line fcpg-line-${line.level}`, `${line.text}${more}`);
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
        this.#t.output.truncated(this.#numbers.format(total), this.#numbers.format(MAX_OUTPUT_LINES)),
      );
      this.#root.dataset.truncated = String(total);
    }
  }

  #word(text: Text): string {
    return wordText(this.#t, text);
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

/** JSON re-indented by two spaces (a runtime may send it compact); text that does not parse stays as it is. */
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** "0.4 ms", "12 ms", "1.25 s". */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
