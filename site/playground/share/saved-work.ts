// Where a playground's own work lives (a share link in the URL hash, an autosave in localStorage), in a module
// small enough for the mount script: a playground that loads its editor on the reader's first input must start at
// once when it has work to show, because its server-rendered text is only the template.

/** The URL hash parameter holding a shared state: `#share=…`. */
export const SHARE_PARAM = "share";

/** The localStorage key prefix; the full key adds the page path and the playground's id. */
export const AUTOSAVE_PREFIX = "fc-playground:v1:";

/**
 * The encoded state in a URL hash (`#share=…`, possibly among other `&`-separated parameters), or `undefined` when
 * the hash holds no share state.
 *
 * @example
 * ```ts
 * const encoded = shareParamOf(location.hash);
 * if (encoded !== undefined) console.log(decodeShareState(encoded));
 * ```
 */
export function shareParamOf(hash: string): string | undefined {
  for (const part of hash.replace(/^#/, "").split("&")) {
    if (part === SHARE_PARAM || part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return undefined;
}

/**
 * The autosave key of a playground: one per page and playground (its `id`, else its position on the page).
 *
 * @example
 * ```ts
 * localStorage.getItem(autosaveKey(root)); // '{"v":1,"language":"typescript",…}'
 * ```
 */
export function autosaveKey(root: HTMLElement): string {
  const all = [...document.querySelectorAll("[data-fc-playground]")];
  const id = root.id || `playground-${all.indexOf(root) + 1}`;
  return `${AUTOSAVE_PREFIX}${location.pathname}:${id}`;
}

/**
 * Whether `root` will show something other than its server-rendered template once mounted: a share link (read by
 * the page's first playground only) or an autosave of its own.
 *
 * @example
 * ```ts
 * if (hasSavedWork(root)) startNow(root);
 * ```
 */
export function hasSavedWork(root: HTMLElement): boolean {
  if (document.querySelector("[data-fc-playground]") === root && shareParamOf(location.hash) !== undefined) return true;
  try {
    return localStorage.getItem(autosaveKey(root)) !== null;
  } catch {
    // Storage blocked (a privacy setting): nothing can have been saved.
    return false;
  }
}
