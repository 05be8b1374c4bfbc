// A file's problem (analyzer-protocol.ts's FileProblem) in the page's words.
import type { FileProblem } from "./analyzer-protocol.js";
import type { Formats } from "./format.js";
import type { LogAnalyzerMessages } from "./i18n/index.js";

/**
 * What went wrong with a file, and what to do, as one sentence or two.
 *
 * @example
 * ```ts
 * wordProblem(LOG_ANALYZER_MESSAGES.en, formatsFor("en"), { code: "binary", offset: 5 });
 * ```
 */
export function wordProblem(t: LogAnalyzerMessages, f: Formats, problem: FileProblem): string {
  const words = t.problems;
  switch (problem.code) {
    case "empty":
      return words.empty(problem.compressed);
    case "binary":
      return words.binary(f.count(problem.offset));
    case "notLog": {
      const numbers = f.list(problem.malformedLineNumbers);
      return problem.stoppedEarly ? words.notLogEarly(f.count(problem.lines), numbers) : words.notLog(numbers);
    }
    case "truncatedGzip":
      return words.truncatedGzip(
        f.bytes(problem.fileBytes),
        f.bytes(problem.decompressedBytes),
        f.count(problem.lines),
        problem.detail,
      );
    case "unreadable":
      return words.unreadable(problem.detail);
  }
}
