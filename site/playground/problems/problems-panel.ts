// The Problems tab: one row per problem (severity, message, file:line:col), each a button that jumps to its line,
// and the count shown on the tab. Written with textContent only: messages quote the user's code.

import type { PlaygroundMessages } from "../i18n/index";
import type { Problem } from "./problems-model";
import "./problems.css";

/** Rows rendered at most; the count still says how many there are. */
const MAX_ROWS = 200;
const ICONS: Record<Problem["severity"], string> = { error: "⨯", warning: "⚠", info: "ℹ" };

/** How the panel names a problem's file and jumps to it. */
export interface ProblemsPanelOptions {
  /** The file name shown for a problem's editor ("handler.ts", "index.py", "event.json"). */
  fileName: (file: Problem["file"]) => string;
  /** Called when a row is clicked or activated with Enter or Space. */
  jump: (problem: Problem) => void;
}

/**
 * Renders a list of problems into the Problems tab panel and its count.
 *
 * @example
 * ```ts
 * const panel = new ProblemsPanel(panelElement, countElement, t, { fileName, jump });
 * panel.render(problemsOf(root).all());
 * ```
 */
export class ProblemsPanel {
  #list: HTMLOListElement;
  #empty: HTMLElement;
  #count: HTMLElement | null;
  #t: PlaygroundMessages["problems"];
  #options: ProblemsPanelOptions;
  #rendered = "";

  constructor(panel: HTMLElement, count: HTMLElement | null, t: PlaygroundMessages, options: ProblemsPanelOptions) {
    this.#t = t.problems;
    this.#count = count;
    this.#options = options;
    this.#empty = document.createElement("p");
    this.#empty.className = "fcpg-problems-empty";
    this.#empty.textContent = this.#t.none;
    this.#list = document.createElement("ol");
    this.#list.className = "fcpg-problem-list";
    this.#list.setAttribute("aria-label", this.#t.title);
    panel.replaceChildren(this.#empty, this.#list);
  }

  render(problems: readonly Problem[]): void {
    // Workers re-report unchanged problems as the user types: keep the rows (and a focused row) as they are.
    const key = JSON.stringify([problems, problems.map((p) => this.#options.fileName(p.file))]);
    if (key === this.#rendered) return;
    this.#rendered = key;
    const rows = problems.slice(0, MAX_ROWS).map((problem) => this.#row(problem));
    if (problems.length > MAX_ROWS) {
      const more = document.createElement("li");
      more.className = "fcpg-problems-more";
      more.textContent = this.#t.more(problems.length - MAX_ROWS);
      rows.push(more);
    }
    this.#list.replaceChildren(...rows);
    this.#empty.hidden = problems.length > 0;
    if (this.#count) {
      const errors = problems.filter((p) => p.severity === "error").length;
      this.#count.textContent = String(problems.length);
      this.#count.dataset.count = String(problems.length);
      this.#count.dataset.severity = errors > 0 ? "error" : problems.length > 0 ? "warning" : "none";
      this.#count.title = this.#t.summary(errors, problems.length - errors);
    }
  }

  #row(problem: Problem): HTMLLIElement {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = `fcpg-problem fcpg-problem-${problem.severity}`;
    Object.assign(button.dataset, {
      severity: problem.severity,
      file: problem.file,
      line: String(problem.line),
      column: String(problem.column),
    });
    const severity = this.#span("fcpg-problem-severity", "");
    const icon = this.#span("fcpg-problem-icon", ICONS[problem.severity]);
    icon.setAttribute("aria-hidden", "true");
    severity.append(icon, this.#t.severity[problem.severity]);
    const location = `${this.#options.fileName(problem.file)}:${problem.line}:${problem.column}`;
    button.append(
      severity,
      this.#span("fcpg-problem-message", problem.message),
      this.#span("fcpg-problem-location", location),
    );
    button.title = this.#t.jump(location);
    // A button: click, Enter and Space all activate it.
    button.addEventListener("click", () => this.#options.jump(problem));
    item.append(button);
    return item;
  }

  #span(className: string, text: string): HTMLSpanElement {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }
}
