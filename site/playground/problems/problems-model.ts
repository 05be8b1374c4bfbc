// The problems of one playground, by where they come from. Each source replaces its own list whenever it
// re-checks; the Problems panel and the editor markers read the merged list.
//
// G (python/) reports Python syntax errors from `ast.parse` in the Python worker with:
//   import { setProblems } from "../problems/problems-model";
//   setProblems(root, "python", [{ severity: "error", message: "invalid syntax", line: 3, column: 9, file: "handler" }]);
//   setProblems(root, "python", []); // once the code parses again
// `root` is the playground's element (or any element inside it): a page can hold several playgrounds.
// Lines and columns are 1-based, as Python's SyntaxError.lineno/offset are. The playground marks these
// problems in the handler editor itself (problems-wiring.ts), so Python needs no Monaco code.

/** Who found a problem: Monaco's TypeScript worker, the event JSON checks, or Python's `ast.parse`. */
export type ProblemSource = "typescript" | "event" | "python";

/** How bad a problem is. */
export type ProblemSeverity = "error" | "warning" | "info";

/** One problem in one of the playground's editors. */
export interface Problem {
  severity: ProblemSeverity;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The editor it is in: the handler (any language) or event.json. */
  file: "handler" | "event";
}

const SOURCES: readonly ProblemSource[] = ["typescript", "python", "event"];
const RANK: Record<ProblemSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The problems of one playground. Listeners run after every change.
 *
 * @example
 * ```ts
 * const model = problemsOf(root);
 * const stop = model.onDidChange(() => console.log(model.all().length));
 * model.set("event", [{ severity: "error", message: "Expected comma", line: 4, column: 3, file: "event" }]);
 * ```
 */
export class ProblemsModel {
  #bySource = new Map<ProblemSource, readonly Problem[]>();
  #listeners = new Set<() => void>();

  /** Replaces the problems `source` reported before. */
  set(source: ProblemSource, problems: readonly Problem[]): void {
    const before = this.#bySource.get(source) ?? [];
    if (before.length === 0 && problems.length === 0) return;
    this.#bySource.set(source, problems.map(checkProblem));
    for (const listener of this.#listeners) listener();
  }

  /** One source's problems. */
  of(source: ProblemSource): readonly Problem[] {
    return this.#bySource.get(source) ?? [];
  }

  /** Every problem: the handler's first, then the event's; by line, column and severity within each. */
  all(): Problem[] {
    const list = SOURCES.flatMap((source) => this.of(source));
    return list.sort(
      (a, b) =>
        Number(a.file === "event") - Number(b.file === "event") ||
        a.line - b.line ||
        a.column - b.column ||
        RANK[a.severity] - RANK[b.severity],
    );
  }

  onDidChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** A problem from another module, checked: a wrong one would otherwise mark the wrong line silently. */
function checkProblem(problem: Problem): Problem {
  const where = `problem ${JSON.stringify(problem.message)}`;
  if (!Number.isInteger(problem.line) || problem.line < 1 || !Number.isInteger(problem.column) || problem.column < 1) {
    throw new RangeError(`${where}: line and column must be 1-based integers, got ${problem.line}:${problem.column}`);
  }
  if (!(problem.severity in RANK)) throw new RangeError(`${where}: unknown severity ${String(problem.severity)}`);
  if (problem.file !== "handler" && problem.file !== "event") {
    throw new RangeError(`${where}: file must be "handler" or "event", got ${String(problem.file)}`);
  }
  return problem;
}

const models = new WeakMap<Element, ProblemsModel>();

/** The problems model of the playground that holds `element` (created on first use). */
export function problemsOf(element: Element): ProblemsModel {
  const root = element.closest("[data-fc-playground]") ?? element;
  let model = models.get(root);
  if (!model) {
    model = new ProblemsModel();
    models.set(root, model);
  }
  return model;
}

/**
 * Replaces one source's problems in the playground that holds `element`.
 *
 * @example
 * ```ts
 * setProblems(root, "python", [{ severity: "error", message: "invalid syntax", line: 2, column: 5, file: "handler" }]);
 * ```
 */
export function setProblems(element: Element, source: ProblemSource, problems: readonly Problem[]): void {
  problemsOf(element).set(source, problems);
}
