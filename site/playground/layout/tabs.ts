// ARIA tabs over server-rendered markup: a [role=tablist] of [role=tab] buttons, each naming its panel by
// `data-panel` (a `data-role` under the same root) or by `data-tab` (for callers that show panes themselves).

let nextId = 0;

/**
 * Wires a tab list: click or arrow keys select a tab (roving tabindex, Home/End), the selected tab's panel is shown
 * and the others hidden; `onSelect` hears every change, with the tab's `data-panel` or `data-tab`.
 *
 * @example
 * ```ts
 * const select = wireTabs(root, root.querySelector('[data-role="output-tabs"]')!);
 * select("problems");
 * ```
 */
export function wireTabs(
  root: HTMLElement,
  tablist: HTMLElement,
  onSelect?: (name: string) => void,
): (name: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const nameOf = (tab: HTMLElement) => tab.dataset.panel ?? tab.dataset.tab ?? "";
  const panelOf = (tab: HTMLElement) =>
    tab.dataset.panel ? root.querySelector<HTMLElement>(`[data-role="${tab.dataset.panel}"]`) : null;
  for (const tab of tabs) {
    tab.id ||= `fcpg-tab-${++nextId}`;
    const panel = panelOf(tab);
    if (panel) {
      panel.id ||= `fcpg-panel-${nextId}`;
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("aria-labelledby", tab.id);
    }
  }
  const select = (name: string, focus = false) => {
    const chosen = tabs.find((tab) => nameOf(tab) === name && !tab.hidden);
    if (!chosen) return;
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = panelOf(tab);
      if (panel) panel.hidden = !selected;
    }
    if (focus) chosen.focus();
    onSelect?.(name);
  };
  tablist.addEventListener("click", (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (tab) select(nameOf(tab));
  });
  tablist.addEventListener("keydown", (event) => {
    const visible = tabs.filter((tab) => !tab.hidden);
    const at = visible.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -at, End: visible.length - 1 - at }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = visible[(at + step + visible.length) % visible.length];
    if (next) select(nameOf(next), true);
  });
  return (name) => select(name);
}
