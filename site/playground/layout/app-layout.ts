// The playground's app chrome around the editors: split panes, the handler's and the output's tabs, the phone's
// Handler / Event / Output tabs, full screen, the shortcuts dialog, Format, Copy output and word wrap on narrow
// screens. Markup: Playground.astro.

import type * as MonacoEditor from "monaco-editor/editor";
import type { PlaygroundMessages } from "../i18n/index";
import { copyText } from "../panels/copy";
import type { PlaygroundLanguage } from "../templates";
import { wireFullscreen } from "./fullscreen";
import { wireShortcuts } from "./shortcuts";
import { layoutKey, wireSplitters } from "./splitters";
import { wireTabs } from "./tabs";

type Editor = MonacoEditor.editor.IStandaloneCodeEditor;

/** Under this width the panes become tabs and the editors wrap long lines (the CSS uses the same 43.75rem). */
export const NARROW_QUERY = "(max-width: 43.75rem)";

/** The event the root dispatches when a tab of the handler or output pane is shown; `detail` is its panel role. */
export const TAB_EVENT = "fc-playground:tab";

/** What the playground asks of its layout. */
export interface AppLayout {
  /** Run was pressed: show the output (the Output tab on phones) and scroll it into view when it is off-screen. */
  showOutput(): void;
  /** Python has no formatter and no JS output: disables Format and hides the JS output tab. */
  setLanguage(language: PlaygroundLanguage): void;
  /** Wraps `editor`'s long lines while the screen is narrow (the handler and event editors are tracked already). */
  trackWrap(editor: Editor): void;
}

const query = <T extends HTMLElement>(root: HTMLElement, role: string) =>
  root.querySelector<T>(`[data-role="${role}"]`);

/**
 * Wires the chrome of a mounted playground.
 *
 * @example
 * ```ts
 * const layout = mountAppLayout(root, t, handlerEditor, eventEditor);
 * runButton.addEventListener("click", () => layout.showOutput());
 * ```
 */
export function mountAppLayout(root: HTMLElement, t: PlaygroundMessages, handler: Editor, event: Editor): AppLayout {
  const l = t.layout;
  const compact = root.classList.contains("fcpg-compact");
  const layout = query(root, "layout");
  if (layout && !compact) wireSplitters(layout, layoutKey(root));
  wireFullscreen(root);
  wireShortcuts(root);

  const shown = (panel: string) => root.dispatchEvent(new CustomEvent(TAB_EVENT, { detail: panel }));
  const handlerTabs = query(root, "handler-tabs");
  const selectHandlerTab = handlerTabs ? wireTabs(root, handlerTabs, shown) : () => undefined;
  const outputTabs = query(root, "output-tabs");
  const selectOutputTab = outputTabs ? wireTabs(root, outputTabs, shown) : () => undefined;

  // Phones: one pane at a time. The panes are tab panels only while the tabs show.
  const narrow = matchMedia(NARROW_QUERY);
  const phoneTabs = query(root, "phone-tabs");
  const panes = [...root.querySelectorAll<HTMLElement>("[data-pane]")];
  const selectPhoneTab = phoneTabs
    ? wireTabs(root, phoneTabs, (pane) => {
        if (layout) layout.dataset.phoneTab = pane;
      })
    : () => undefined;
  if (phoneTabs) {
    for (const pane of panes) {
      const tab = phoneTabs.querySelector<HTMLElement>(`[data-tab="${pane.dataset.pane}"]`);
      if (!tab) continue;
      pane.id ||= `${tab.id}-pane`;
      tab.setAttribute("aria-controls", pane.id);
    }
  }
  const wrapped = new Set<Editor>();
  const applyNarrow = () => {
    for (const editor of wrapped) editor.updateOptions({ wordWrap: narrow.matches ? "on" : "off" });
    if (!phoneTabs) return;
    for (const pane of panes) {
      const tab = phoneTabs.querySelector<HTMLElement>(`[data-tab="${pane.dataset.pane}"]`);
      if (narrow.matches && tab) {
        pane.setAttribute("role", "tabpanel");
        pane.setAttribute("aria-labelledby", tab.id);
      } else {
        pane.removeAttribute("role");
        pane.removeAttribute("aria-labelledby");
      }
    }
  };
  const trackWrap = (editor: Editor) => {
    wrapped.add(editor);
    editor.onDidDispose(() => wrapped.delete(editor));
    editor.updateOptions({ wordWrap: narrow.matches ? "on" : "off" });
  };
  trackWrap(handler);
  trackWrap(event);
  narrow.addEventListener("change", applyNarrow);
  applyNarrow();

  // Format: the editor that had focus last (the handler unless the event JSON was being edited).
  let formatTarget = handler;
  handler.onDidFocusEditorWidget(() => {
    formatTarget = handler;
  });
  event.onDidFocusEditorWidget(() => {
    formatTarget = event;
  });
  let language: PlaygroundLanguage = "typescript";
  const formatButton = query<HTMLButtonElement>(root, "format");
  const format = () => {
    const target = language === "python" && formatTarget === handler ? undefined : formatTarget;
    if (!target) return;
    target.focus();
    void target.getAction("editor.action.formatDocument")?.run();
  };
  formatButton?.addEventListener("click", format);
  root.addEventListener("keydown", (e) => {
    // Inside an editor Monaco binds the same keys itself.
    if (e.shiftKey && e.altKey && e.code === "KeyF" && !(e.target as HTMLElement).closest(".monaco-editor")) {
      e.preventDefault();
      format();
    }
  });

  const copyButton = query<HTMLButtonElement>(root, "copy-output");
  const output = query(root, "output");
  copyButton?.addEventListener("click", () => {
    // The text as shown, one console line or block per line (textContent would run them together).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks are the point
    if (output) void copyText(copyButton, output.innerText.trim(), output);
  });

  const jsOutputTab = query(root, "js-output-tab");
  return {
    showOutput() {
      if (phoneTabs && narrow.matches) selectPhoneTab("output");
      selectOutputTab("output-panel");
      const pane = root.querySelector<HTMLElement>(".fcpg-pane-output");
      if (!pane) return;
      const box = pane.getBoundingClientRect();
      // Off-screen: its top is above the window, or fewer than its first lines fit below it.
      if (box.top < 0 || box.top + Math.min(box.height, 160) > innerHeight) {
        const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
        pane.scrollIntoView({ block: "nearest", behavior: smooth ? "smooth" : "auto" });
      }
    },
    setLanguage(next) {
      language = next;
      const python = next === "python";
      if (formatButton) {
        formatButton.disabled = python;
        formatButton.title = python ? l.formatPython : l.formatTitle;
      }
      if (jsOutputTab) {
        if (python) selectHandlerTab("handler-editor");
        jsOutputTab.hidden = python;
      }
    },
    trackWrap,
  };
}
