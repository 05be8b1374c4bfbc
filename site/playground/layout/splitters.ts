// The app's two split handles ([role=separator][data-split=x|y]): dragged with the pointer or moved with the arrow
// keys, and remembered per page and playground in localStorage. Sizes are percentages the CSS grid reads from
// --fcpg-split-x (handler width) and --fcpg-split-y (editors' height).

type Axis = "x" | "y";
type Sizes = Partial<Record<Axis, number>>;

const STEP = 2;
const BIG_STEP = 10;

/** The localStorage key of a playground's pane sizes: one per page and playground. */
export function layoutKey(root: HTMLElement): string {
  const all = [...document.querySelectorAll("[data-fc-playground]")];
  return `fc-playground-layout:v1:${location.pathname}:${root.id || all.indexOf(root) + 1}`;
}

function readSizes(key: string): Sizes {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "{}") as Sizes;
    return typeof value === "object" && value ? value : {};
  } catch {
    // Storage disabled or a corrupt entry: the default sizes.
    return {};
  }
}

/**
 * Makes the separators under `layout` move, and restores the saved sizes.
 *
 * @example
 * ```ts
 * wireSplitters(root.querySelector('[data-role="layout"]')!, layoutKey(root));
 * ```
 */
export function wireSplitters(layout: HTMLElement, key: string): void {
  const sizes = readSizes(key);
  for (const handle of layout.querySelectorAll<HTMLElement>('[role="separator"][data-split]')) {
    const axis = handle.dataset.split as Axis;
    const min = Number(handle.getAttribute("aria-valuemin"));
    const max = Number(handle.getAttribute("aria-valuemax"));
    const set = (value: number, save: boolean) => {
      const clamped = Math.round(Math.min(max, Math.max(min, value)) * 10) / 10;
      layout.style.setProperty(`--fcpg-split-${axis}`, String(clamped));
      handle.setAttribute("aria-valuenow", String(Math.round(clamped)));
      if (!save) return;
      sizes[axis] = clamped;
      try {
        localStorage.setItem(key, JSON.stringify(sizes));
      } catch {
        // Not remembered in this browser; the size still applies now.
      }
    };
    const saved = sizes[axis];
    if (typeof saved === "number" && Number.isFinite(saved)) set(saved, false);

    handle.addEventListener("keydown", (event) => {
      const now = Number(handle.getAttribute("aria-valuenow"));
      const step = event.shiftKey ? BIG_STEP : STEP;
      const [less, more] = axis === "x" ? ["ArrowLeft", "ArrowRight"] : ["ArrowUp", "ArrowDown"];
      const next =
        event.key === less
          ? now - step
          : event.key === more
            ? now + step
            : event.key === "Home"
              ? min
              : event.key === "End"
                ? max
                : undefined;
      if (next === undefined) return;
      event.preventDefault();
      set(next, true);
    });
    handle.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      handle.dataset.dragging = "";
      handle.focus();
      const drag = new AbortController();
      handle.addEventListener(
        "pointermove",
        (e) => {
          const box = layout.getBoundingClientRect();
          const ratio = axis === "x" ? (e.clientX - box.left) / box.width : (e.clientY - box.top) / box.height;
          set(ratio * 100, false);
        },
        { signal: drag.signal },
      );
      const end = () => {
        drag.abort();
        delete handle.dataset.dragging;
        set(Number(handle.getAttribute("aria-valuenow")), true);
      };
      handle.addEventListener("pointerup", end, { signal: drag.signal });
      handle.addEventListener("pointercancel", end, { signal: drag.signal });
    });
  }
}
