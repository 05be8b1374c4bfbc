// renderCdnLogReport: a log summary as a report in the page, with charts (uPlot) and a table for each of them.
// The docs site's log analyzer (/logs/) and the self-contained HTML file of `fc-cdn-trigger logs report` both
// show a summary through this one function. It is not part of the `fc-cdn-trigger/logs` entry, which runs in
// FC handlers and stays free of DOM code and the chart library.
import type { CdnLogTopEntry } from "../heavy-hitters.js";
import type { CdnLogStats } from "../reader-types.js";
import type { CdnLogHour, CdnLogStatusClasses, CdnLogSummary, CdnLogTopListName } from "../summary-types.js";
import { type ChartSpec, ReportCharts } from "./charts.js";
import { h, uniqueId } from "./dom.js";
import { type ReportFormat, ratio, reportFormat } from "./format.js";
import { type LatencyBin, latencyBins } from "./histogram.js";
import { type CdnLogReportLocale, LOCALE_TAGS, REPORT_MESSAGES, type ReportMessages } from "./messages.js";
import { injectReportStyles } from "./styles.js";
import { type Column, dataTable } from "./tables.js";

export type { CdnLogReportLocale } from "./messages.js";

/** One file the summary was made from, for the report's table of sources. */
export interface CdnLogReportSource {
  name: string;
  stats?: CdnLogStats;
  /** True when only the start of the file could be read (its summary is partial): the report says so on top. */
  partial?: boolean;
}

export interface CdnLogReportOptions {
  /** The report's language. Default: "en". */
  locale?: CdnLogReportLocale;
  /** The files behind the summary, listed with their line counts. */
  sources?: readonly CdnLogReportSource[];
}

/** A rendered report. */
export interface CdnLogReportHandle {
  /** The report's root element, inside the container. */
  readonly element: HTMLElement;
  /** Removes the report and stops watching sizes and the theme. */
  destroy(): void;
}

const STATUS_CLASSES: readonly (keyof CdnLogStatusClasses)[] = ["1xx", "2xx", "3xx", "4xx", "5xx", "other"];

const TOP_LISTS: readonly [CdnLogTopListName, keyof ReportMessages][] = [
  ["urls", "topUrls"],
  ["referers", "topReferers"],
  ["userAgents", "topUserAgents"],
  ["clientIps", "topClientIps"],
  ["contentTypes", "topContentTypes"],
  ["clientErrorUrls", "topClientErrorUrls"],
  ["serverErrorUrls", "topServerErrorUrls"],
];

interface Context {
  t: ReportMessages;
  fmt: ReportFormat;
  charts: ReportCharts;
  summary: CdnLogSummary;
}

/** A section with its heading, labelled by it. */
function section(name: string, title: string, ...children: (Node | null)[]): HTMLElement {
  const id = uniqueId("fcr");
  return h("section", { "aria-labelledby": id, "data-section": name }, h("h2", { id }, title), ...children);
}

/** A figure: caption, chart, and the chart's values as a table behind a disclosure. */
function figure(
  context: Context,
  caption: string,
  spec: ChartSpec | undefined,
  table: HTMLElement | null,
): HTMLElement {
  return h(
    "figure",
    {},
    h("figcaption", {}, caption),
    spec ? context.charts.chart(spec, context.t.chartLabel(caption)) : null,
    table ? h("details", {}, h("summary", {}, context.t.showTable), table) : null,
  );
}

/** A tile of the totals: label, the value as shown, the exact value in data-value, and an optional detail line. */
function tile(field: string, label: string, text: string, value: number, detail?: string): HTMLElement {
  return h(
    "div",
    {},
    h("dt", {}, label),
    h("dd", { "data-field": field, "data-value": value }, text, detail ? h("small", {}, detail) : null),
  );
}

function totals({ t, fmt, summary: s }: Context): HTMLElement {
  const period =
    s.firstTime && s.lastTime
      ? h(
          "p",
          { class: "fcr-muted", "data-field": "period" },
          t.period(fmt.minute(s.firstTime), fmt.minute(s.lastTime)),
        )
      : null;
  return section(
    "totals",
    t.totals,
    period,
    h(
      "dl",
      { class: "fcr-tiles" },
      tile("requests", t.requests, fmt.count(s.requests), s.requests),
      tile("bytes", t.bytes, fmt.bytes(s.bytes), s.bytes, `${fmt.count(s.bytes)} B`),
      tile("requestBytes", t.requestBytes, fmt.bytes(s.requestBytes), s.requestBytes, `${fmt.count(s.requestBytes)} B`),
      tile(
        "cacheHitByRequests",
        t.cacheHitByRequests,
        fmt.percent(s.cacheHitRatio.byRequests),
        s.cacheHitRatio.byRequests,
        fmt.count(s.cacheHits.requests),
      ),
      tile(
        "cacheHitByBytes",
        t.cacheHitByBytes,
        fmt.percent(s.cacheHitRatio.byBytes),
        s.cacheHitRatio.byBytes,
        fmt.bytes(s.cacheHits.bytes),
      ),
      tile(
        "share4xx",
        t.share4xx,
        fmt.percent(ratio(s.statusClasses["4xx"], s.requests)),
        ratio(s.statusClasses["4xx"], s.requests),
        fmt.count(s.statusClasses["4xx"]),
      ),
      tile(
        "share5xx",
        t.share5xx,
        fmt.percent(ratio(s.statusClasses["5xx"], s.requests)),
        ratio(s.statusClasses["5xx"], s.requests),
        fmt.count(s.statusClasses["5xx"]),
      ),
    ),
  );
}

const hourColumn = (context: Context): Column<CdnLogHour> => ({
  header: context.t.hour,
  cell: (hour) => ({ text: context.fmt.minute(hour.start), value: hour.start.toISOString() }),
});
const countColumn = <Row>(header: string, fmt: ReportFormat, get: (row: Row) => number): Column<Row> => ({
  header,
  numeric: true,
  cell: (row) => ({ text: fmt.count(get(row)), value: get(row) }),
});
const percentColumn = <Row>(header: string, fmt: ReportFormat, get: (row: Row) => number): Column<Row> => ({
  header,
  numeric: true,
  cell: (row) => ({ text: fmt.percent(get(row)), value: get(row) }),
});

const hourStarts = (hours: readonly CdnLogHour[]) => hours.map((hour) => hour.start.getTime() / 1000);

function traffic(context: Context): HTMLElement {
  const { t, fmt, summary } = context;
  const hours = summary.perHour;
  const x = hourStarts(hours);
  const table = dataTable(
    t.trafficTitle,
    [
      hourColumn(context),
      countColumn<CdnLogHour>(t.requests, fmt, (r) => r.requests),
      countColumn<CdnLogHour>(t.bytes, fmt, (r) => r.bytes),
    ],
    hours,
    { "data-table": "traffic" },
  );
  return section(
    "traffic",
    t.trafficTitle,
    figure(
      context,
      t.requestsPerHour,
      {
        kind: "bars",
        x,
        series: [{ label: t.requests, values: hours.map((r) => r.requests) }],
        y: (v) => fmt.decimal(v, 0),
      },
      null,
    ),
    figure(
      context,
      t.bytesPerHour,
      { kind: "bars", x, series: [{ label: t.bytes, values: hours.map((r) => r.bytes) }], y: (v) => fmt.bytes(v) },
      table,
    ),
  );
}

function cache(context: Context): HTMLElement {
  const { t, fmt, summary } = context;
  const hours = summary.perHour;
  const byRequests = (r: CdnLogHour) => ratio(r.cacheHits.requests, r.requests);
  const byBytes = (r: CdnLogHour) => ratio(r.cacheHits.bytes, r.bytes);
  const table = dataTable(
    t.cacheCaption,
    [
      hourColumn(context),
      percentColumn(t.cacheHitByRequests, fmt, byRequests),
      percentColumn(t.cacheHitByBytes, fmt, byBytes),
    ],
    hours,
    { "data-table": "cache" },
  );
  const spec: ChartSpec = {
    kind: "lines",
    x: hourStarts(hours),
    series: [
      { label: t.cacheHitByRequests, values: hours.map(byRequests) },
      { label: t.cacheHitByBytes, values: hours.map(byBytes) },
    ],
    y: (v) => fmt.percent(v),
    yRange: [0, 1],
  };
  return section("cache", t.cacheTitle, figure(context, t.cacheCaption, spec, table));
}

function status(context: Context): HTMLElement {
  const { t, fmt, summary } = context;
  const hours = summary.perHour;
  // Classes never seen would only add flat lines at zero.
  const classes = STATUS_CLASSES.filter((name) => summary.statusClasses[name] > 0);
  const table = dataTable(
    t.statusCaption,
    [hourColumn(context), ...classes.map((name) => countColumn(name, fmt, (r: CdnLogHour) => r.statusClasses[name]))],
    hours,
    {
      "data-table": "status",
    },
  );
  const spec: ChartSpec = {
    kind: "lines",
    x: hourStarts(hours),
    series: classes.map((name) => ({ label: name, values: hours.map((r) => r.statusClasses[name]) })),
    y: (v) => fmt.decimal(v, 0),
  };
  return section("status", t.statusTitle, figure(context, t.statusCaption, spec, table));
}

function latency(context: Context): HTMLElement {
  const { t, fmt, summary } = context;
  const r = summary.responseTimeMs;
  const ms = (v: number) => t.ms(fmt.decimal(v, 1));
  const bins = latencyBins(r.histogram);
  const range = (bin: { fromMs: number; toMs: number }) =>
    bin.fromMs === bin.toMs ? `${fmt.count(bin.fromMs)}` : `${fmt.count(bin.fromMs)}–${fmt.count(bin.toMs)}`;
  const table = dataTable<LatencyBin>(
    t.latencyCaption,
    [
      { header: t.responseTime, cell: (bin) => ({ text: t.ms(range(bin)), value: `${bin.fromMs}-${bin.toMs}` }) },
      countColumn(t.count, fmt, (bin) => bin.count),
      percentColumn(t.share, fmt, (bin) => ratio(bin.count, summary.requests)),
    ],
    bins,
    { "data-table": "latency" },
  );
  const spec: ChartSpec = {
    kind: "bars",
    x: bins.map((_, i) => i),
    categories: bins.map(range),
    series: [{ label: t.count, values: bins.map((bin) => bin.count) }],
    y: (v) => fmt.decimal(v, 0),
  };
  return section(
    "latency",
    t.latencyTitle,
    h(
      "dl",
      { class: "fcr-tiles" },
      tile("p50", t.p50, ms(r.p50), r.p50),
      tile("p95", t.p95, ms(r.p95), r.p95),
      tile("p99", t.p99, ms(r.p99), r.p99),
      tile("max", t.max, ms(r.max), r.max),
      tile("mean", t.mean, ms(r.mean), r.mean),
    ),
    figure(context, t.latencyCaption, bins.length > 0 ? spec : undefined, table),
  );
}

function topLists(context: Context): HTMLElement {
  const { t, fmt, summary } = context;
  const lists = TOP_LISTS.map(([name, title]) => {
    const entries = summary.top[name];
    const caption = t[title] as string;
    const unlisted = summary.topUnlistedMax[name];
    const table =
      entries.length === 0
        ? h("p", { class: "fcr-muted", "data-list": name }, h("strong", {}, caption), " — ", t.empty)
        : dataTable<CdnLogTopEntry>(
            caption,
            [
              { header: t.rank, numeric: true, cell: (_, index) => ({ text: String(index + 1) }) },
              { header: t.value, wide: true, cell: (e) => ({ text: e.value, value: e.value }) },
              {
                header: t.count,
                numeric: true,
                cell: (e) => ({
                  text: e.maxOverestimate > 0 ? `≈${fmt.count(e.count)}` : fmt.count(e.count),
                  value: e.count,
                }),
              },
              percentColumn(t.share, fmt, (e) => ratio(e.count, summary.requests)),
            ],
            entries,
            { "data-list": name },
          );
    return h("div", {}, table, unlisted > 0 ? h("p", { class: "fcr-muted" }, t.unlisted(fmt.count(unlisted))) : null);
  });
  const estimated = TOP_LISTS.some(([name]) => summary.top[name].some((e) => e.maxOverestimate > 0));
  return section(
    "top",
    t.topTitle,
    h("div", { class: "fcr-top-grid" }, ...lists),
    estimated ? h("p", { class: "fcr-muted" }, t.estimated) : null,
  );
}

function lines(context: Context, sources: readonly CdnLogReportSource[]): HTMLElement {
  const { t, fmt, summary } = context;
  const stats = summary.stats;
  const malformed = stats
    ? h(
        "p",
        { "data-field": "malformed", "data-value": stats.malformed },
        stats.malformed > 0
          ? t.malformedLines(
              fmt.count(stats.malformed),
              `${stats.malformedLineNumbers.join(", ")}${stats.malformed > stats.malformedLineNumbers.length && stats.malformedLineNumbers.length > 0 ? ", …" : ""}`,
            )
          : t.noMalformed,
      )
    : null;
  const withStats = (get: (stats: CdnLogStats) => number): Column<CdnLogReportSource> => ({
    header: "",
    numeric: true,
    cell: (source) => (source.stats ? { text: fmt.count(get(source.stats)), value: get(source.stats) } : { text: "–" }),
  });
  const table =
    sources.length > 0
      ? dataTable(
          t.sources,
          [
            { header: t.source, wide: true, cell: (source) => ({ text: source.name, value: source.name }) },
            { ...withStats((s) => s.lines), header: t.lines },
            { ...withStats((s) => s.parsed), header: t.parsed },
            { ...withStats((s) => s.malformed), header: t.malformed },
          ],
          sources,
          { "data-table": "sources" },
        )
      : null;
  return section("lines", t.linesTitle, malformed, table);
}

/** A note on top for each source that was cut, or one for a partial summary whose sources do not say which. */
function partialNotes({ t, fmt, summary }: Context, sources: readonly CdnLogReportSource[]): HTMLElement[] {
  const note = (text: string) => h("p", { class: "fcr-partial", role: "note", "data-field": "partial" }, text);
  const cut = sources.filter((source) => source.partial);
  if (cut.length > 0) {
    return cut.map((source) =>
      note(t.partialSource(source.name, source.stats ? fmt.count(source.stats.lines) : undefined)),
    );
  }
  return summary.partial ? [note(t.partialSummary)] : [];
}

/**
 * Renders `summary` into `container` (replacing what it held): a note on top when it or a source is partial (a log
 * that was cut); the totals; requests and bytes per hour; cache hit
 * ratio by requests and by bytes over time; status classes over time; response-time percentiles and histogram;
 * the top lists; malformed lines and the sources. Every chart has its values in a table; colours follow the
 * page's light or dark theme (`prefers-color-scheme`, or `data-theme` on `<html>` as Starlight sets it); charts
 * follow the container's width. Times are shown in UTC+08:00, as the logs write them.
 *
 * @example
 * ```ts
 * // Not a package entry: the docs site imports the SDK's sources, the CLI bundles it into its HTML file.
 * import { cdnLogSummaryFromJson } from "fc-cdn-trigger/logs";
 * import { renderCdnLogReport } from "../../sdk/src/logs/report/index.js";
 * const summary = cdnLogSummaryFromJson(await (await fetch("summary.json")).text());
 * const report = renderCdnLogReport(document.getElementById("report")!, summary, { locale: "zh-cn" });
 * // later: report.destroy();
 * ```
 */
export function renderCdnLogReport(
  container: HTMLElement,
  summary: CdnLogSummary,
  options: CdnLogReportOptions = {},
): CdnLogReportHandle {
  const locale = options.locale ?? "en";
  const t = REPORT_MESSAGES[locale];
  injectReportStyles(container);
  const element = h("div", { class: "fc-log-report", lang: LOCALE_TAGS[locale] });
  const fmt = reportFormat(LOCALE_TAGS[locale]);
  const charts = new ReportCharts(element, fmt);
  const context: Context = { t, fmt, charts, summary };
  const sources = options.sources ?? [];
  element.append(...partialNotes(context, sources), totals(context));
  if (summary.requests === 0) element.append(h("p", { "data-field": "empty" }, t.noRequests));
  else element.append(traffic(context), cache(context), status(context), latency(context), topLists(context));
  element.append(lines(context, sources));
  container.replaceChildren(element);
  return {
    element,
    destroy() {
      charts.destroy();
      element.remove();
    },
  };
}
