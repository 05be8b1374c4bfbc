// The report's charts, drawn by uPlot on canvas: created when their box has a width, resized with it
// (ResizeObserver), and redrawn in the other palette when the page's theme changes, since a canvas cannot
// follow CSS custom properties by itself.
import uPlot from "uplot";
import { h } from "./dom.js";
import type { ReportFormat } from "./format.js";
import { SERIES_COLOR_PROPERTIES } from "./styles.js";

/** One line or bar series: its legend label and one value per x. */
export interface ChartSeries {
  label: string;
  values: number[];
}

/** What one chart shows. */
export interface ChartSpec {
  kind: "bars" | "lines";
  /** Unix seconds when `categories` is absent; otherwise 0…n−1, labelled by `categories`. */
  x: number[];
  categories?: string[];
  series: ChartSeries[];
  /** How the y axis labels its values. */
  y: (value: number) => string;
  /** A fixed y range, such as [0, 1] for ratios. */
  yRange?: [number, number];
}

const HEIGHT = 220;
const FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', sans-serif";
/** Colours for a report not (yet) in a document, where custom properties read as empty. */
const FALLBACK = {
  fg: "#57606a",
  grid: "rgba(31,35,40,0.1)",
  series: ["#1f6feb", "#c2410c", "#15803d", "#b91c1c", "#7c3aed", "#6b7280"],
};
const HALF_HOUR_S = 1800;

interface Palette {
  fg: string;
  grid: string;
  series: string[];
}

function readPalette(element: HTMLElement): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: read("--fcr-muted", FALLBACK.fg),
    grid: read("--fcr-grid", FALLBACK.grid),
    series: SERIES_COLOR_PROPERTIES.map((name, i) => read(name, FALLBACK.series[i] as string)),
  };
}

/** Width for a y axis: its longest label at about 7 px a character, plus the tick gap. */
const axisSize = (_: uPlot, values: string[] | undefined) =>
  values ? Math.max(36, Math.max(...values.map((v) => v.length)) * 7 + 16) : 36;

function options(spec: ChartSpec, width: number, palette: Palette, fmt: ReportFormat): uPlot.Options {
  const axis = {
    stroke: palette.fg,
    font: FONT,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
  };
  const time = spec.categories === undefined;
  const first = spec.x[0] ?? 0;
  const last = spec.x[spec.x.length - 1] ?? 0;
  const labels = spec.categories ?? [];
  const xAxis: uPlot.Axis = time
    ? {
        ...axis,
        space: 70,
        // Hours in UTC+08:00 as the log writes them; the date under the first label of each day.
        values: (_, splits) =>
          splits.map((s, i) => {
            const minute = fmt.minute(new Date(s * 1000));
            const previous = i > 0 ? fmt.minute(new Date((splits[i - 1] as number) * 1000)) : "";
            return previous.slice(0, 10) === minute.slice(0, 10)
              ? minute.slice(11)
              : `${minute.slice(11)}\n${minute.slice(5, 10)}`;
          }),
      }
    : {
        ...axis,
        // One label per bar when they fit, else every k-th.
        splits: (u) => {
          const every = Math.max(1, Math.ceil((labels.length * 64) / Math.max(1, u.bbox.width / devicePixelRatio)));
          return labels.map((_, i) => i).filter((i) => i % every === 0);
        },
        values: (_, splits) => splits.map((i) => labels[i] ?? ""),
      };
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    // Time splits fall on whole hours of UTC+08:00 wherever the reader is.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Asia/Shanghai"),
    scales: {
      x: time
        ? { time: true, range: () => [first - HALF_HOUR_S, last + HALF_HOUR_S] }
        : { time: false, range: () => [-0.5, labels.length - 0.5] },
      y: spec.yRange
        ? { range: () => spec.yRange as [number, number] }
        : { range: (_, _min, max) => [0, max > 0 ? max * 1.05 : 1] },
    },
    axes: [xAxis, { ...axis, size: axisSize, values: (_, splits) => splits.map((v) => spec.y(v)) }],
    series: [
      {},
      ...spec.series.map((series, i) => {
        const color = palette.series[i % palette.series.length] as string;
        return spec.kind === "bars"
          ? {
              label: series.label,
              fill: color,
              stroke: color,
              width: 0,
              paths: uPlot.paths.bars?.({ size: [0.75, 64] }),
              points: { show: false },
            }
          : {
              label: series.label,
              stroke: color,
              width: 2,
              points: { show: spec.x.length <= 48, size: 5, fill: color },
            };
      }),
    ],
  };
}

interface Chart {
  spec: ChartSpec;
  host: HTMLElement;
  plot?: uPlot;
}

/** The charts of one report: creates, resizes, recolours and destroys them. */
export class ReportCharts {
  private readonly charts: Chart[] = [];
  private readonly resize = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const chart = this.charts.find((c) => c.host === entry.target);
      if (chart) this.fit(chart);
    }
  });
  private readonly scheme = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;
  private readonly onScheme = () => this.redraw();
  private readonly themeAttribute = new MutationObserver(() => this.redraw());

  constructor(
    private readonly root: HTMLElement,
    private readonly fmt: ReportFormat,
  ) {
    this.scheme?.addEventListener("change", this.onScheme);
    this.themeAttribute.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  }

  /**
   * A chart in a box labelled for screen readers, and its legend. The values are in the table the caller puts
   * next to it: the canvas itself says nothing to assistive technology.
   */
  chart(spec: ChartSpec, label: string): HTMLElement {
    const host = h("div", { class: "fcr-chart", role: "img", "aria-label": label });
    const chart: Chart = { spec, host };
    this.charts.push(chart);
    this.resize.observe(host);
    const legend =
      spec.series.length > 1
        ? h(
            "ul",
            { class: "fcr-legend", "aria-hidden": "true" },
            ...spec.series.map((series, i) =>
              h(
                "li",
                {},
                h("span", {
                  class: "fcr-swatch",
                  style: `background: var(${SERIES_COLOR_PROPERTIES[i % SERIES_COLOR_PROPERTIES.length]})`,
                }),
                series.label,
              ),
            ),
          )
        : null;
    return h("div", {}, host, legend);
  }

  /** Creates the chart at its box's width, or resizes it; waits while the box has no width (not yet shown). */
  private fit(chart: Chart): void {
    const width = Math.floor(chart.host.clientWidth);
    if (width <= 0) return;
    if (!chart.plot) {
      const data = [chart.spec.x, ...chart.spec.series.map((s) => s.values)] as uPlot.AlignedData;
      chart.plot = new uPlot(options(chart.spec, width, readPalette(this.root), this.fmt), data, chart.host);
    } else if (chart.plot.width !== width) chart.plot.setSize({ width, height: HEIGHT });
  }

  /** Draws every chart again in the current palette. */
  redraw(): void {
    for (const chart of this.charts) {
      chart.plot?.destroy();
      chart.plot = undefined;
      this.fit(chart);
    }
  }

  destroy(): void {
    this.resize.disconnect();
    this.themeAttribute.disconnect();
    this.scheme?.removeEventListener("change", this.onScheme);
    for (const chart of this.charts) chart.plot?.destroy();
    this.charts.length = 0;
  }
}
