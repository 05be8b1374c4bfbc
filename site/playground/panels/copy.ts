// Copy buttons: write text to the clipboard and say so on the button; when the browser refuses (no permission, an
// insecure context), select the text instead so Ctrl/Cmd+C works, and say that.

import { messagesOf } from "../i18n/index";

const RESET_MS = 2000;

/**
 * Copies `text`, showing "Copied" (or a fallback hint) on `button` for two seconds, in the page's language.
 *
 * @example
 * ```ts
 * button.addEventListener("click", () => void copyText(button, code.textContent ?? "", code));
 * ```
 */
export async function copyText(button: HTMLButtonElement, text: string, source?: HTMLElement): Promise<boolean> {
  const t = messagesOf(button).copy;
  const label = button.dataset.label ?? button.textContent ?? t.copy;
  button.dataset.label = label;
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    if (source) getSelection()?.selectAllChildren(source);
  }
  button.textContent = copied ? t.copied : t.pressCtrlC;
  button.dataset.copied = copied ? "true" : "false";
  clearTimeout(Number(button.dataset.timer));
  button.dataset.timer = String(
    setTimeout(() => {
      button.textContent = label;
      delete button.dataset.copied;
    }, RESET_MS),
  );
  return copied;
}
