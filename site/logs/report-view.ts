// The report of a summary in the page, drawn by the SDK's report renderer (the same one `fc-cdn-trigger logs
// report` puts in its HTML file). It and its chart library load with the first report, so the page itself
// starts small and no other page of the site ever loads them.
import type { CdnLogStats, CdnLogSummary } from "fc-cdn-trigger/logs";
import type { SiteLocale } from "../lib/locales.js";

/** A file behind the report, listed in its table of sources. */
export interface ReportSource {
  name: string;
  stats?: CdnLogStats;
}

type Renderer = typeof import("../../sdk/src/logs/report/index.js");
let renderer: Promise<Renderer> | undefined;
const shown = new WeakMap<HTMLElement, { destroy(): void }>();

/**
 * Shows the report of `summary` in `root`'s report section, or hides the section when it is `undefined`.
 *
 * @example
 * ```ts
 * await showReport(root, summary, "en", [{ name: "a.gz", stats }]);
 * ```
 */
export async function showReport(
  root: HTMLElement,
  summary: CdnLogSummary | undefined,
  locale: SiteLocale,
  sources: readonly ReportSource[] = [],
): Promise<void> {
  const section = root.querySelector<HTMLElement>('[data-role="report-section"]');
  const container = root.querySelector<HTMLElement>('[data-role="report"]');
  if (!section || !container) return;
  shown.get(container)?.destroy();
  shown.delete(container);
  section.hidden = summary === undefined;
  if (!summary) return;
  renderer ??= import("../../sdk/src/logs/report/index.js");
  const { renderCdnLogReport } = await renderer;
  shown.set(container, renderCdnLogReport(container, summary, { locale, sources }));
}
