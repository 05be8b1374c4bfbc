// Loads a playground's real code (Monaco, the app, the page's messages) and mounts it; mount.ts imports this when a
// playground should start, so pages whose playgrounds wait (for a scroll, a click, the reader's first input) do not
// download it up front.

import type { PlaygroundHandle } from "../app/playground-app";
import { afterFirstPaint, yieldToMain } from "./yield-to-main";

/**
 * The boot files' names, relative to this chunk, as JSON after the prefix: filled in by the build
 * (boot-preload.mjs); empty in `astro dev`, which has nothing to prefetch.
 */
const BOOT_FILES = "fc-boot-files:[]";

/**
 * Downloads and compiles the playground's boot scripts without running them (`modulepreload`; not its CSS, which
 * Vite's loader would request again). Called when the page is idle, so the reader's first input finds Monaco
 * downloaded: running it is then all that is left.
 *
 * @example
 * ```ts
 * requestIdleCallback(() => prefetchBoot());
 * ```
 */
export function prefetchBoot(): void {
  const names = JSON.parse(BOOT_FILES.slice(BOOT_FILES.indexOf(":") + 1)) as string[];
  for (const name of names.filter((file) => file.endsWith(".js"))) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = new URL(name, import.meta.url).href;
    document.head.append(link);
  }
}

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

/**
 * Loads the playground's code and mounts the playground on `root`'s server-rendered markup. With `afterPaint`, the
 * work begins once the page has painted (its text, the code shown as text, is on screen first); a click, a scroll or
 * an input is already past that.
 *
 * @example
 * ```ts
 * const handle = await startPlayground(root, false);
 * ```
 */
export async function startPlayground(root: HTMLElement, afterPaint: boolean): Promise<PlaygroundHandle> {
  if (afterPaint) await afterFirstPaint();
  const [{ createPlayground }] = await Promise.all([
    loadApp(),
    import("../i18n/index").then(({ loadMessagesOf }) => loadMessagesOf(root)),
  ]);
  return createPlayground(root);
}
