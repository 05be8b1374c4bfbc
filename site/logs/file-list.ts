// The list of files in a run: each file's name and size, its state, its line counts and what went wrong.
import type { FileOutcome } from "./analyzer-protocol.js";
import { wordProblem } from "./file-problems.js";
import type { Formats } from "./format.js";
import type { LogAnalyzerMessages } from "./i18n/index.js";

/** A file's state, as `data-file-state` on its list item. */
export type FileState = keyof LogAnalyzerMessages["fileStates"];

/** The state a finished file ends in: summarised, partly (a summary and a problem), or not at all. */
export const finishedState = (outcome: FileOutcome): FileState =>
  outcome.summary ? (outcome.problem ? "partial" : "done") : "failed";

/**
 * The file list under `root`'s `[data-role="files"]`.
 *
 * @example
 * ```ts
 * const list = new FileStatusList(root, t, f);
 * list.reset(files);
 * list.update(0, "reading");
 * ```
 */
export class FileStatusList {
  private items: HTMLLIElement[] = [];
  private readonly list: HTMLElement | null;
  private readonly section: HTMLElement | null;

  constructor(
    root: HTMLElement,
    private readonly t: LogAnalyzerMessages,
    private readonly f: Formats,
  ) {
    this.list = root.querySelector('[data-role="files"]');
    this.section = root.querySelector('[data-role="files-section"]');
  }

  /** Lists `files`, each waiting. */
  reset(files: readonly File[]): void {
    this.items = files.map((file) => {
      const item = document.createElement("li");
      const name = document.createElement("strong");
      name.textContent = file.name;
      item.append(name, ` (${this.f.bytes(file.size)}): `, this.part("file-state"), this.part("file-counts"));
      return item;
    });
    this.list?.replaceChildren(...this.items);
    if (this.section) this.section.hidden = files.length === 0;
    for (const index of this.items.keys()) this.update(index, "waiting");
  }

  /** Sets a file's state; with its outcome, its line counts and problem too. */
  update(index: number, state: FileState, outcome?: FileOutcome): void {
    const item = this.items[index];
    if (!item) return;
    item.dataset.fileState = state;
    this.slot(item, "file-state").textContent = this.t.fileStates[state];
    if (!outcome) return;
    const { stats, problem } = outcome;
    const counts = this.slot(item, "file-counts");
    counts.textContent = ` · ${this.t.fileCounts(this.f.count(stats.lines), this.f.count(stats.malformed))}`;
    // A file that is not a log says its malformed lines in its problem; a log with a few says them here.
    if (stats.malformedLineNumbers.length > 0 && problem?.code !== "notLog") {
      counts.textContent += ` ${this.t.firstMalformed(this.f.list(stats.malformedLineNumbers))}`;
    }
    item.querySelector('[data-role="file-problem"]')?.remove();
    if (problem) {
      const message = document.createElement("p");
      message.dataset.role = "file-problem";
      message.dataset.problem = problem.code;
      message.textContent = wordProblem(this.t, this.f, problem);
      item.append(message);
    }
  }

  private part(role: string): HTMLElement {
    const span = document.createElement("span");
    span.dataset.role = role;
    return span;
  }

  private slot(item: HTMLElement, role: string): HTMLElement {
    return item.querySelector(`[data-role="${role}"]`) as HTMLElement;
  }
}
