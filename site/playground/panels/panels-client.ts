// The only panel code a page loads up front (a few hundred bytes). A panel is rendered at build time and works as
// plain text until the reader reaches for it: pointing at it or focusing it starts loading its script, and the
// first click or change is handed over once it has loaded, so nothing the reader does is lost.

/** A mounted panel's entry point: binds its controls, then acts on the events that came before it loaded. */
export type MountPanel = (root: HTMLElement, pending: readonly Event[]) => void;

// Each panel's script, after the page's message table (its words are read synchronously once mounted).
const LOADERS: Record<string, (root: HTMLElement) => Promise<{ mount: MountPanel }>> = {
  codegen: (root) =>
    import("../i18n/index").then(({ loadMessagesOf }) => loadMessagesOf(root)).then(() => import("./codegen-panel")),
  trigger: (root) =>
    import("../i18n/index").then(({ loadMessagesOf }) => loadMessagesOf(root)).then(() => import("./trigger-panel")),
};

const WAKE = ["pointerenter", "focusin", "touchstart"] as const;
const ACT = ["click", "change", "input", "keydown"] as const;

function arm(root: HTMLElement): void {
  const load = LOADERS[root.dataset.fcPanel ?? ""];
  if (!load) return;
  root.dataset.panelState = "idle";
  let loading: Promise<{ mount: MountPanel }> | undefined;
  const pending: Event[] = [];
  const start = (event: Event) => {
    // A click on a link (Open in playground) works without the script.
    const onLink = event.type === "click" && (event.target as Element).closest("a[href]");
    if ((ACT as readonly string[]).includes(event.type) && !onLink) pending.push(event);
    if (loading) return;
    root.dataset.panelState = "loading";
    loading = load(root);
    loading.then(
      ({ mount }) => {
        for (const type of [...WAKE, ...ACT]) root.removeEventListener(type, start, true);
        mount(root, pending.splice(0));
        root.dataset.panelState = "ready";
      },
      (error: unknown) => {
        root.dataset.panelState = "failed";
        loading = undefined;
        console.error("The panel's script failed to load", error);
      },
    );
  };
  for (const type of [...WAKE, ...ACT]) root.addEventListener(type, start, { capture: true, passive: true });
}

/**
 * Arms every panel on the page that is not armed yet (safe to call again after adding panels).
 *
 * @example
 * ```ts
 * mountPanels();
 * ```
 */
export function mountPanels(scope: ParentNode = document): void {
  for (const root of scope.querySelectorAll<HTMLElement>("[data-fc-panel]:not([data-panel-state])")) arm(root);
}
