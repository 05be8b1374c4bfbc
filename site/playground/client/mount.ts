// The only playground code a page loads up front (a few hundred bytes): it finds the playground elements and
// imports the real thing (Monaco, the sandbox) when each one should start. Pages without a playground never
// run this, and a page with several playgrounds still loads Monaco once (the chunks are shared modules).

type LoadMode = "eager" | "visible" | "click";

const start = (root: HTMLElement) => {
  if (root.dataset.state && root.dataset.state !== "idle") return;
  root.dataset.state = "loading";
  import("../app/playground-app")
    .then(({ createPlayground }) => createPlayground(root))
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
        trigger.addEventListener("click", () => start(root), { once: true });
      }
    } else if (mode === "visible" && "IntersectionObserver" in window) {
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            observer.disconnect();
            start(root);
          }
        },
        { rootMargin: "200px" },
      );
      observer.observe(root);
    } else {
      start(root);
    }
  }
}

document.addEventListener(MOUNT_EVENT, () => mountPlaygrounds());
