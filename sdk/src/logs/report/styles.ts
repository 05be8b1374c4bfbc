// The report's stylesheet, injected once per document (or shadow root) by the renderer, so the page that shows
// it needs no CSS of its own and the CLI's file carries it inline. Colours are custom properties: light by
// default, dark under `prefers-color-scheme: dark` unless the page says `data-theme="light"` on <html>, and dark
// when it says `data-theme="dark"` (Starlight's switch). The canvas charts read the same properties.
// Starlight's own colours are used when present, so the report matches the docs site.

const LIGHT = `
  --fcr-fg: var(--sl-color-white, #1f2328);
  --fcr-muted: var(--sl-color-gray-2, #57606a);
  --fcr-surface: var(--sl-color-gray-7, #f6f8fa);
  --fcr-border: var(--sl-color-gray-5, #d0d7de);
  --fcr-grid: rgba(31, 35, 40, 0.1);
  --fcr-c1: #1f6feb;
  --fcr-c2: #c2410c;
  --fcr-c3: #15803d;
  --fcr-c4: #b91c1c;
  --fcr-c5: #7c3aed;
  --fcr-c6: #6b7280;`;

const DARK = `
  --fcr-fg: var(--sl-color-white, #e6edf3);
  --fcr-muted: var(--sl-color-gray-2, #9da7b3);
  --fcr-surface: var(--sl-color-gray-6, #161b22);
  --fcr-border: var(--sl-color-gray-5, #30363d);
  --fcr-grid: rgba(230, 237, 243, 0.12);
  --fcr-c1: #58a6ff;
  --fcr-c2: #f0883e;
  --fcr-c3: #3fb950;
  --fcr-c4: #ff7b72;
  --fcr-c5: #bc8cff;
  --fcr-c6: #8b949e;`;

/** The custom properties the charts draw with, in series order. */
export const SERIES_COLOR_PROPERTIES = ["--fcr-c1", "--fcr-c2", "--fcr-c3", "--fcr-c4", "--fcr-c5", "--fcr-c6"];

export const REPORT_CSS = `
.fc-log-report {${LIGHT}
  color: var(--fcr-fg);
  font-variant-numeric: tabular-nums;
  min-width: 0;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .fc-log-report {${DARK}
  }
}
:root[data-theme="dark"] .fc-log-report {${DARK}
}
.fc-log-report * { box-sizing: border-box; }
.fc-log-report section { margin-block: 1.5rem; min-width: 0; }
.fc-log-report h2 { font-size: 1.35rem; margin: 0 0 0.75rem; }
.fc-log-report h3 { font-size: 1.1rem; margin: 1rem 0 0.5rem; }
.fc-log-report p { margin: 0.5rem 0; }
.fcr-muted { color: var(--fcr-muted); }
.fcr-partial { border-left: 4px solid var(--fcr-c4); padding: 0.25rem 0.75rem; background: var(--fcr-surface); }
.fcr-tiles {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
  gap: 0.5rem;
  margin: 0;
}
.fcr-tiles > div {
  border: 1px solid var(--fcr-border);
  background: var(--fcr-surface);
  border-radius: 0.4rem;
  padding: 0.5rem 0.75rem;
  min-width: 0;
}
.fcr-tiles dt { font-size: 0.85rem; color: var(--fcr-muted); }
.fcr-tiles dd { margin: 0; font-size: 1.25rem; font-weight: 600; overflow-wrap: anywhere; }
.fcr-tiles dd small { display: block; font-size: 0.8rem; font-weight: 400; color: var(--fcr-muted); }
.fc-log-report figure { margin: 0 0 1rem; min-width: 0; }
.fc-log-report figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.fcr-chart { width: 100%; min-width: 0; overflow: hidden; }
.fcr-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0.25rem 0; font-size: 0.85rem; }
.fcr-legend li { display: flex; align-items: center; gap: 0.35rem; }
.fcr-swatch { width: 0.9rem; height: 0.9rem; border-radius: 0.15rem; display: inline-block; flex: none; }
.fc-log-report details { margin-top: 0.25rem; }
.fc-log-report summary { cursor: pointer; color: var(--fcr-muted); font-size: 0.9rem; }
.fcr-scroll { overflow-x: auto; max-width: 100%; }
.fcr-scroll:focus-visible { outline: 2px solid var(--fcr-c1); outline-offset: 2px; }
.fc-log-report table { border-collapse: collapse; font-size: 0.875rem; width: 100%; margin: 0.25rem 0; }
.fc-log-report caption { text-align: start; font-weight: 600; padding: 0.25rem 0; }
.fc-log-report th, .fc-log-report td {
  border-bottom: 1px solid var(--fcr-border);
  padding: 0.25rem 0.5rem;
  text-align: start;
  vertical-align: top;
}
.fc-log-report td.fcr-num, .fc-log-report th.fcr-num { text-align: end; white-space: nowrap; }
.fc-log-report td.fcr-value { overflow-wrap: anywhere; min-width: 12rem; }
.fcr-top-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 0 1.5rem; }
/* uPlot's own layout rules (the chart's legend is the report's, so its legend rules are not needed). */
.fc-log-report .uplot { width: min-content; font-family: inherit; }
.fc-log-report .u-wrap { position: relative; user-select: none; }
.fc-log-report .u-over, .fc-log-report .u-under, .fc-log-report .u-axis, .fc-log-report .u-select,
.fc-log-report .u-cursor-x, .fc-log-report .u-cursor-y, .fc-log-report .u-cursor-pt { position: absolute; }
.fc-log-report .u-under { overflow: hidden; }
.fc-log-report .uplot canvas { display: block; position: relative; width: 100%; height: 100%; }
.fc-log-report .u-select { background: var(--fcr-grid); pointer-events: none; }
.fc-log-report .u-cursor-x, .fc-log-report .u-cursor-y { left: 0; top: 0; pointer-events: none; will-change: transform; }
.fc-log-report .u-hz .u-cursor-x { height: 100%; border-right: 1px dashed var(--fcr-muted); }
.fc-log-report .u-hz .u-cursor-y { width: 100%; border-bottom: 1px dashed var(--fcr-muted); }
.fc-log-report .u-cursor-pt { top: 0; left: 0; border-radius: 50%; border: 0 solid; pointer-events: none; background-clip: padding-box !important; }
.fc-log-report .u-off { display: none; }
`;

/** Adds the stylesheet to the document or shadow root holding `container`, once. */
export function injectReportStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  const target = root instanceof ShadowRoot ? root : document.head;
  if (target.querySelector("style[data-fc-cdn-log-report]")) return;
  const style = document.createElement("style");
  style.dataset.fcCdnLogReport = "";
  style.textContent = REPORT_CSS;
  target.append(style);
}
