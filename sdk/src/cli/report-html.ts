// The HTML file of `fc-cdn-trigger logs report`: one self-contained document. The summary and the renderer's
// options travel as JSON in <script type="application/json"> elements, the page script (renderer and uPlot) and
// the styles are inline, and a Content Security Policy forbids every fetch, so the file opens offline from
// file:// and never reaches out, whatever the log held.
import type { CdnLogReportOptions } from "../logs/report/index.js";
import { OPTIONS_SCRIPT_ID, REPORT_ROOT_ID, SUMMARY_SCRIPT_ID } from "./report-ids.js";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

/** JSON for a <script> element: `<` escaped, so no `</script>` or `<!--` in a value can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

const TITLES = { en: "CDN log report", "zh-cn": "CDN 日志报告" } as const;
const NO_SCRIPT = {
  en: "This report draws its charts and tables with JavaScript; allow scripts for this file to see it.",
  "zh-cn": "此报告使用 JavaScript 绘制图表和表格；请允许此文件运行脚本。",
} as const;

const SHELL_CSS = `
html { color-scheme: light dark; }
body { margin: 0; background: Canvas; color: CanvasText; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
.sources { overflow-wrap: anywhere; margin: 0; }
`;

export interface ReportHtmlInput {
  /** The summary's JSON form (cdnLogSummaryToJson). */
  summary: unknown;
  options: CdnLogReportOptions;
  /** The page script (REPORT_PAGE_SCRIPT). */
  script: string;
}

export function reportHtml({ summary, options, script }: ReportHtmlInput): string {
  const locale = options.locale ?? "en";
  const names = (options.sources ?? []).map((source) => source.name);
  const title = TITLES[locale];
  return `<!doctype html>
<html lang="${locale === "zh-cn" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="fc-cdn-trigger logs report">
<title>${escapeHtml(names.length > 0 ? `${title}: ${names.join(", ")}` : title)}</title>
<style>${SHELL_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${names.length > 0 ? `<p class="sources">${escapeHtml(names.join(", "))}</p>` : ""}
<div id="${REPORT_ROOT_ID}"><noscript>${escapeHtml(NO_SCRIPT[locale])}</noscript></div>
</main>
<script type="application/json" id="${SUMMARY_SCRIPT_ID}">${scriptJson(summary)}</script>
<script type="application/json" id="${OPTIONS_SCRIPT_ID}">${scriptJson(options)}</script>
<script>${script}</script>
</body>
</html>
`;
}
