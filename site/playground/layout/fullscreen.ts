// Full screen: the playground covers the window (CSS, not the Fullscreen API, so the browser's own chrome and
// dialogs keep working); the button toggles it and Esc leaves it unless something inside used the key first.

/**
 * Wires `[data-role="fullscreen"]`; the root gets `data-fullscreen` while it covers the window.
 *
 * @example
 * ```ts
 * wireFullscreen(root);
 * ```
 */
export function wireFullscreen(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('[data-role="fullscreen"]');
  if (!button) return;
  const set = (on: boolean) => {
    root.toggleAttribute("data-fullscreen", on);
    button.setAttribute("aria-pressed", String(on));
    button.textContent = (on ? button.dataset.labelOn : button.dataset.labelOff) ?? button.textContent;
    // playground.css: the page behind stops scrolling and lets the app rise above Starlight's header.
    document.documentElement.toggleAttribute("data-fcpg-fullscreen", on);
  };
  button.addEventListener("click", () => set(!root.hasAttribute("data-fullscreen")));
  root.addEventListener("keydown", (event) => {
    // An open dialog, suggestion list or find widget takes Esc first (Monaco marks the keys it uses).
    if (event.key !== "Escape" || event.defaultPrevented || !root.hasAttribute("data-fullscreen")) return;
    if (root.querySelector("dialog[open]")) return;
    set(false);
    button.focus();
  });
}
