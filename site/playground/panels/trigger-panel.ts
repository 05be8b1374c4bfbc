// The trigger-config panel's behaviour: re-render the four formats as the reader types (the SDK's tooling does the
// validating and rendering), show what is wrong next to the field, switch tabs, copy.

import type { CdnEventName } from "fc-cdn-trigger";
import type { TriggerConfigFormat } from "fc-cdn-trigger/tooling";
import { messagesOf } from "../i18n/index";
import { copyText } from "./copy";
import { TRIGGER_LINE_FILE } from "./highlight/line-table.js";
import { showCode } from "./highlight/show-code.js";
import type { MountPanel } from "./panels-client";
import { triggerOutputs } from "./trigger-model";

function query<T extends HTMLElement>(root: HTMLElement, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`trigger panel markup is missing ${selector}`);
  return element;
}

/**
 * Binds a server-rendered trigger panel (TriggerPanel.astro).
 *
 * @example
 * ```ts
 * mount(document.querySelector('[data-fc-panel="trigger"]')!, []);
 * ```
 */
export const mount: MountPanel = (root, pending) => {
  const event = query<HTMLSelectElement>(root, '[data-role="event"]');
  const domains = query<HTMLInputElement>(root, '[data-role="domains"]');
  const account = query<HTMLInputElement>(root, '[data-role="account"]');
  const error = query(root, '[data-role="error"]');
  const outputs = [...root.querySelectorAll<HTMLPreElement>('pre[data-role="config"]')];
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const t = messagesOf(root).trigger;

  const update = () => {
    const result = triggerOutputs(
      { eventName: event.value as CdnEventName, domains: domains.value, accountId: account.value },
      t,
    );
    if (!result.ok) {
      error.replaceChildren(
        ...result.problems.map((problem) => {
          const line = document.createElement("span");
          line.textContent = problem.message;
          return line;
        }),
      );
      error.hidden = false;
      domains.setAttribute("aria-invalid", String(result.problems.some((p) => p.field === "domains")));
      account.setAttribute("aria-invalid", String(result.problems.some((p) => p.field === "account")));
      // The last valid output stays, marked stale, so the page does not jump while the reader types.
      root.dataset.valid = "false";
      return;
    }
    error.hidden = true;
    error.replaceChildren();
    domains.removeAttribute("aria-invalid");
    account.removeAttribute("aria-invalid");
    root.dataset.valid = "true";
    for (const pre of outputs) {
      const format = pre.dataset.format as TriggerConfigFormat;
      showCode(pre, result.outputs[format] ?? "", {
        file: TRIGGER_LINE_FILE,
        table: format,
        substitutions: result.substitutions,
      });
    }
  };

  const select = (tab: HTMLButtonElement, focus: boolean) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = root.querySelector<HTMLElement>(`[role="tabpanel"][data-format="${other.dataset.format}"]`);
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const act = (e: Event) => {
    const target = e.target as HTMLElement;
    if (e.type === "input" || e.type === "change") {
      clearTimeout(timer);
      // Typing re-renders after a short pause; picking an event re-renders at once.
      timer = setTimeout(update, e.type === "change" ? 0 : 150);
    } else if (e.type === "click") {
      const control = target.closest<HTMLButtonElement>("[data-action]");
      if (control?.dataset.action === "tab") select(control, false);
      else if (control?.dataset.action === "copy") {
        const pre = outputs.find((p) => p.dataset.format === control.dataset.copy);
        if (pre) void copyText(control, pre.textContent ?? "", pre);
      }
    } else if (e.type === "keydown" && target.getAttribute("role") === "tab") {
      // Arrow keys move between tabs, as in every tablist.
      const key = (e as KeyboardEvent).key;
      const at = tabs.indexOf(target as HTMLButtonElement);
      const next =
        key === "ArrowRight" ? at + 1 : key === "ArrowLeft" ? at - 1 : key === "Home" ? 0 : key === "End" ? -1 : null;
      if (next !== null) {
        e.preventDefault();
        select(tabs.at(next % tabs.length) as HTMLButtonElement, true);
      }
    }
  };
  for (const type of ["input", "change", "click", "keydown"]) root.addEventListener(type, act);
  update();
  for (const e of pending) if (e.type === "click" || e.type === "keydown") act(e);
};
