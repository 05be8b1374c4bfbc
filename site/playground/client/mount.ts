// The only playground code a page loads up front (about a kilobyte): it finds the playground elements and
// imports the real thing (Monaco, the sandbox) when each one should start. Pages without a playground never
// run this, and a page with several playgrounds still loads Monaco once (the chunks are shared modules).

import { afterFirstPaint, yieldToMain } from "./yield-to-main";

type LoadMode = "eager" | "visible" | "click";

let booting: Promise<typeof import("../app/playground-app")> | undefined;
/**
 * Imports the playground's code in dependency order, largest first, with a yield after each chunk. Imported all at
 * once, the browser evaluates every module in one task of several hundred milliseconds (Monaco's editor API alone
 * is ~2.7 MB); one by one, each chunk is evaluated in a task of its own and the page stays responsive.
 */
const loadApp = () => {
  booting ??= (async () => {
    await import("monaco-editor/editor");
    await yieldToMain();
    await import("../editor/monaco-bundle");
    await yieldToMain();
    const app = await import("../app/playground-app");
    // Starting the playground (Monaco's services, the editors) is a task apart from evaluating its code.
    await yieldToMain();
    return app;
  })().catch((error: unknown) => {
    booting = undefined;
    throw error;
  });
  return booting;
};

const start = (root: HTMLElement, mode: LoadMode) => {
  if (root.dataset.state && root.dataset.state !== "idle") return;
  root.dataset.state = "loading";
  // An eager playground waits for the page's first paint: the page (its text, the code shown as plain text) is on
  // screen before the editor's work begins. A click or a scroll is already past that.
  (mode === "eager" ? afterFirstPaint() : Promise.resolve())
    .then(() => Promise.all([loadApp(), import("../i18n/index").then(({ loadMessagesOf }) => loadMessagesOf(root))]))
    .then(([{ createPlayground }]) => createPlayground(root))
    .catch((error: unknown) => {
      root.dataset.state = "failed";
      console.error("The playground failed to load", error);
    });
};

/** Dispatch on `document` after inserting playground markup dynamically; it is mounted like the rest. */
export const MOUNT_EVENT = "fc-playground:mount";

/**
 * Mounts every playground under `scope` that is not mounted yet, each according to its `data-load`:
 * `eager` (now), `visible` (when scrolled near) or `click` (on its "Load the editor" button or Run).
 *
 * @example
 * ```ts
 * mountPlaygrounds(); // from a page script; safe to call again after adding playgrounds
 * ```
 */
export function mountPlaygrounds(scope: ParentNode = document): void {
  for (const root of scope.querySelectorAll<HTMLElement>("[data-fc-playground]:not([data-mounted])")) {
    root.dataset.mounted = "";
    const mode = (root.dataset.load ?? "eager") as LoadMode;
    if (mode === "click") {
      for (const trigger of root.querySelectorAll<HTMLElement>('[data-role="load"], [data-role="run"]')) {
        trigger.addEventListener("click", () => start(root, mode), { once: true });
      }
    } else if (mode === "visible" && "IntersectionObserver" in window) {
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            observer.disconnect();
            start(root, mode);
          }
        },
        { rootMargin: "200px" },
      );
      observer.observe(root);
    } else {
      start(root, mode);
    }
  }
}

document.addEventListener(MOUNT_EVENT, () => mountPlaygrounds());
