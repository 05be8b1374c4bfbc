// The only playground code a page loads up front (about a kilobyte): it finds the playground elements and, when
// each one should start, imports start.ts, which loads the real thing (Monaco, the sandbox). Pages without a
// playground never run this, and a page with several playgrounds still loads Monaco once (shared modules).

type LoadMode = "eager" | "interaction" | "visible" | "click";

/**
 * The reader's first input anywhere on the page. Monaco's start is several long tasks (evaluating its ~2.7 MB and
 * creating the editors); a playground that waits for the reader to be there keeps them out of the page load, so
 * the page is interactive at once and shows the code as text meanwhile. A pointer that merely moves counts: a desktop
 * reader gets the editor as soon as they arrive.
 */
const FIRST_INPUT = ["pointermove", "pointerdown", "keydown", "touchstart", "wheel", "focusin"] as const;

/** A click on Run, or its shortcut (Ctrl/⌘ Enter). */
const asksToRun = (event: Event) =>
  event.type === "click"
    ? (event.target as Element | null)?.closest('[data-role="run"]') !== null
    : event instanceof KeyboardEvent && event.key === "Enter" && (event.ctrlKey || event.metaKey);

const start = (root: HTMLElement, mode: LoadMode) => {
  if (root.dataset.state && root.dataset.state !== "idle") return;
  root.dataset.state = "loading";
  // A Run asked for while the editor loads (often the very input that started it) runs once the editor is there.
  let runWhenReady = false;
  const listening = new AbortController();
  const noteRun = (event: Event) => {
    if (!asksToRun(event)) return;
    runWhenReady = true;
    const status = root.querySelector<HTMLElement>('[data-role="run-status"]');
    if (status?.dataset.starting) status.textContent = status.dataset.starting;
  };
  root.addEventListener("click", noteRun, { signal: listening.signal });
  root.addEventListener("keydown", noteRun, { signal: listening.signal });
  import("./start")
    .then(({ startPlayground }) => startPlayground(root, mode === "eager"))
    .then((handle) => {
      listening.abort();
      return runWhenReady ? handle.run() : undefined;
    })
    .catch((error: unknown) => {
      listening.abort();
      root.dataset.state = "failed";
      console.error("The playground failed to load", error);
    });
};

/**
 * Meanwhile, Monaco is downloaded (not run) once the page has loaded and is idle: the first input then only has to
 * run it. Downloads compete with nothing by then, and running nothing keeps the page's main thread free.
 */
let prefetched = false;
const prefetchOnce = () => {
  if (prefetched) return;
  prefetched = true;
  void import("./start").then(({ prefetchBoot }) => prefetchBoot());
};

const whenLoadedAndIdle = (then: () => void) => {
  const idle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(then, { timeout: 3000 }) : setTimeout(then, 1000);
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
};

/** Dispatch on `document` after inserting playground markup dynamically; it is mounted like the rest. */
export const MOUNT_EVENT = "fc-playground:mount";

/**
 * Mounts every playground under `scope` that is not mounted yet, each according to its `data-load`:
 * `eager` (now), `interaction` (on the reader's first input, or now when it has shared or saved work to show),
 * `visible` (when scrolled near) or `click` (on its "Load the editor" button or Run).
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
    if (mode === "interaction") {
      const listening = new AbortController();
      const begin = () => {
        listening.abort();
        start(root, mode);
      };
      for (const type of FIRST_INPUT) {
        document.addEventListener(type, begin, { capture: true, passive: true, signal: listening.signal });
      }
      // Shared or saved work is not the server-rendered template: show it at once.
      void import("../share/saved-work").then(({ hasSavedWork }) => hasSavedWork(root) && begin());
      whenLoadedAndIdle(() => {
        if (!listening.signal.aborted) prefetchOnce();
      });
    } else if (mode === "click") {
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
