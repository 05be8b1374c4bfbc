// The ids by which the CLI's HTML report hands its data to the page script (report-page.ts), named once.

/** `<script type="application/json">` holding the summary, as `cdnLogSummaryToJson` writes it. */
export const SUMMARY_SCRIPT_ID = "fc-cdn-log-summary";
/** `<script type="application/json">` holding the renderer's options: locale and sources. */
export const OPTIONS_SCRIPT_ID = "fc-cdn-log-report-options";
/** The element the report is rendered into. */
export const REPORT_ROOT_ID = "report";
