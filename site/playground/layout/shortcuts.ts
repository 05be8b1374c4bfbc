// The keyboard-shortcuts dialog (server-rendered in Playground.astro): the Shortcuts button opens it as a modal
// <dialog>, which closes with Esc or its Close button and gives focus back to the button.

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Wires `[data-role="shortcuts"]` to `[data-role="shortcuts-dialog"]`, with the keys named as on this platform.
 *
 * @example
 * ```ts
 * wireShortcuts(root);
 * ```
 */
export function wireShortcuts(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('[data-role="shortcuts"]');
  const dialog = root.querySelector<HTMLDialogElement>('[data-role="shortcuts-dialog"]');
  if (!button || !dialog) return;
  if (isMac()) {
    for (const kbd of dialog.querySelectorAll<HTMLElement>("kbd[data-mac]")) kbd.textContent = kbd.dataset.mac ?? "";
  }
  button.addEventListener("click", () => dialog.showModal());
  dialog.addEventListener("close", () => button.focus());
}
