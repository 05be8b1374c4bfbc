// The script of the CLI's HTML report: reads the summary and options the file embeds and renders them. The SDK
// build bundles it with the renderer and uPlot into one inline script (sdk/scripts/report-page-bundle.mjs).
import { cdnLogSummaryFromJson } from "../logs/index.js";
import { type CdnLogReportOptions, renderCdnLogReport } from "../logs/report/index.js";
import { OPTIONS_SCRIPT_ID, REPORT_ROOT_ID, SUMMARY_SCRIPT_ID } from "./report-ids.js";

const text = (id: string) => document.getElementById(id)?.textContent ?? "";
const root = document.getElementById(REPORT_ROOT_ID) as HTMLElement;
try {
  const summary = cdnLogSummaryFromJson(text(SUMMARY_SCRIPT_ID));
  renderCdnLogReport(root, summary, JSON.parse(text(OPTIONS_SCRIPT_ID)) as CdnLogReportOptions);
} catch (error) {
  // A hand-edited file: say so in the page instead of showing nothing.
  root.textContent = `This report's data could not be read: ${error instanceof Error ? error.message : String(error)}`;
  root.setAttribute("role", "alert");
}
