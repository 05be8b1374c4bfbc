// The summary as a file: "Download the summary (JSON)" writes the SDK's versioned JSON form, "Open a saved summary"
// reads it back, saying for a bad file where (its JSON path) and what is wrong.
import {
  type CdnLogSummary,
  CdnLogSummaryError,
  cdnLogSummaryFromJson,
  cdnLogSummaryToJson,
  formatJsonPath,
} from "fc-cdn-trigger/logs";
import type { LogAnalyzerMessages } from "./i18n/index.js";

/** The name of a downloaded summary: the period it covers, in UTC, when it has one. */
function downloadName(summary: CdnLogSummary): string {
  const day = (date: Date) => date.toISOString().slice(0, 13).replace("T", "_");
  const period = summary.firstTime && summary.lastTime ? `-${day(summary.firstTime)}-${day(summary.lastTime)}` : "";
  return `cdn-log-summary${period}.json`;
}

/**
 * Offers `summary` as a JSON download.
 *
 * @example
 * ```ts
 * downloadSummary(summary); // cdn-log-summary-2024-06-01_00-2024-06-01_23.json
 * ```
 */
export function downloadSummary(summary: CdnLogSummary): void {
  const text = `${JSON.stringify(cdnLogSummaryToJson(summary), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = downloadName(summary);
  link.click();
  // The click has started the download; the URL only has to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What opening saved summaries gave: the summaries read, and for each bad file its name and what is wrong. */
export interface SavedSummaries {
  summaries: CdnLogSummary[];
  problems: { name: string; lines: string[] }[];
}

/**
 * Reads saved summary files; a file that is not one is reported, not thrown.
 *
 * @example
 * ```ts
 * const { summaries, problems } = await readSavedSummaries(files, LOG_ANALYZER_MESSAGES.en);
 * ```
 */
export async function readSavedSummaries(files: readonly File[], t: LogAnalyzerMessages): Promise<SavedSummaries> {
  const result: SavedSummaries = { summaries: [], problems: [] };
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch (error) {
      result.problems.push({ name: file.name, lines: [t.summaryNotJson((error as Error).message)] });
      continue;
    }
    try {
      result.summaries.push(cdnLogSummaryFromJson(value));
    } catch (error) {
      if (!(error instanceof CdnLogSummaryError)) throw error;
      const lines = error.issues.map((issue) => t.summaryIssue(formatJsonPath(issue.path), issue.message));
      result.problems.push({ name: file.name, lines });
    }
  }
  return result;
}
