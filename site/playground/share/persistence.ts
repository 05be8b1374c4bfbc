// A playground's memory: a share link in the URL hash (loaded, never run), autosave to localStorage per page and
// playground, and Reset back to the template. Adds "Share" and "Reset" buttons and a status line to the toolbar.

import { CUSTOM_EVENT } from "../event-presets";
import { messagesOf, type PlaygroundMessages } from "../i18n/index";
import type { PlaygroundLanguage } from "../templates";
import { autosaveKey, SHARE_PARAM, shareParamOf } from "./saved-work";
import type { ShareProblem, ShareState } from "./share-state";
import "./share.css";

/** What persistence needs from a mounted playground (a subset of its handle). */
export interface PersistablePlayground {
  readonly code: string;
  readonly eventJson: string;
  readonly language: PlaygroundLanguage;
  setCode(code: string, language?: PlaygroundLanguage): void;
  setEvent(presetIdOrJson: string): void;
  setTemplate(id: "sdk" | "plain" | "official" | "logs", language?: PlaygroundLanguage): void;
  /** Calls `listener` after every edit of the handler or the event, and on a language switch. */
  onDidChange(listener: () => void): () => void;
}

const SAVE_DELAY_MS = 300;
/** The link codec (with its deflate library) loads when a link is opened or made, not with every playground. */
const shareCodec = () => import("./share-state");

function readSaved(key: string): ShareState | undefined {
  try {
    const text = localStorage.getItem(key);
    if (text === null) return undefined;
    const value = JSON.parse(text) as Partial<ShareState>;
    const ok =
      value.v === 1 &&
      ["typescript", "javascript", "python"].includes(String(value.language)) &&
      typeof value.code === "string" &&
      typeof value.event === "string" &&
      typeof value.eventName === "string";
    return ok ? (value as ShareState) : undefined;
  } catch {
    // Storage disabled (private mode, blocked cookies) or a corrupt entry: start from the template.
    return undefined;
  }
}

const select = (root: HTMLElement, role: string) =>
  root.querySelector<HTMLSelectElement>(`select[data-role="${role}"]`);
const hasOption = (element: HTMLSelectElement | null, value: string) =>
  !!element && [...element.options].some((option) => option.value === value);
const serverDefault = (element: HTMLSelectElement | null) =>
  element ? ([...element.options].find((option) => option.defaultSelected) ?? element.options[0])?.value : undefined;

/** How many events an envelope holds (0 when it is not one). */
const eventCountOf = (eventJson: string): number => {
  try {
    const events = (JSON.parse(eventJson) as { events?: unknown } | null)?.events;
    return Array.isArray(events) ? events.length : 0;
  } catch {
    return 0;
  }
};

/**
 * Makes the event picker tell the truth about loaded events: their preset, else the hidden "custom" entry,
 * labelled with the number of events (e.g. several events opened from the code panel).
 */
function showEventChoice(
  picker: HTMLSelectElement,
  eventName: string,
  eventJson: string,
  t: PlaygroundMessages["playground"],
): void {
  if (eventName !== CUSTOM_EVENT && hasOption(picker, eventName)) {
    picker.value = eventName;
    return;
  }
  const custom = [...picker.options].find((option) => option.value === CUSTOM_EVENT);
  if (!custom) return;
  const count = eventCountOf(eventJson);
  custom.textContent = count > 1 ? t.customEvents(count) : t.customEvent;
  picker.value = CUSTOM_EVENT;
}

function button(label: string, role: string, title: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "fcpg-button";
  element.dataset.role = role;
  element.textContent = label;
  element.title = title;
  return element;
}

/**
 * Wires share links, autosave and Reset into a mounted playground. The first playground of a page reads the share
 * link in the URL hash; a valid one is loaded and never run, a broken one shows why and leaves the template.
 * Otherwise the playground's autosaved work is restored.
 *
 * @example
 * ```ts
 * const handle = await createPlayground(root);
 * const detach = await attachPersistence(root, handle);
 * ```
 */
export async function attachPersistence(root: HTMLElement, playground: PersistablePlayground): Promise<() => void> {
  const t = messagesOf(root);
  const ts = t.share;
  /** A share problem in the page's language. */
  const why = (problem: ShareProblem) =>
    (ts.problems[problem.code] as (values: ShareProblem["values"]) => string)(problem.values);
  const key = autosaveKey(root);
  const eventSelect = select(root, "event");
  const templateSelect = select(root, "template");
  const initialEvent = serverDefault(eventSelect) ?? "LogFileCreated";

  const status = document.createElement("p");
  status.className = "fcpg-share-status";
  status.dataset.role = "share-status";
  status.setAttribute("role", "status");
  status.hidden = true;
  const say = (text: string, tone: "info" | "error" = "info") => {
    status.textContent = text;
    status.dataset.tone = tone;
    status.hidden = text === "";
  };
  const shareButton = button(ts.share, "share", ts.shareTitle);
  const resetButton = button(ts.reset, "reset", ts.resetTitle);
  const actions = root.querySelector(".fcpg-actions");
  actions?.append(shareButton, resetButton);
  root.querySelector(".fcpg-toolbar")?.after(status);

  const current = (): ShareState => {
    const eventName = eventSelect?.value ?? "custom";
    return { v: 1, language: playground.language, code: playground.code, eventName, event: playground.eventJson };
  };
  const apply = (state: ShareState) => {
    playground.setCode(state.code, state.language);
    if (eventSelect) showEventChoice(eventSelect, state.eventName, state.event, t.playground);
    playground.setEvent(state.event);
  };

  // ---- load: a share link (first playground only), else this playground's autosave ----------------------

  const isFirst = document.querySelector("[data-fc-playground]") === root;
  const openShared = async (encoded: string, fallback: string) => {
    const decoded = (await shareCodec()).decodeShareState(encoded);
    if (decoded.ok) {
      apply(decoded.state);
      root.dataset.loadedFrom = "share";
      say(ts.opened);
    } else {
      root.dataset.loadedFrom = "share-failed";
      say(`${ts.cannotOpen(why(decoded.problem))} ${fallback}`, "error");
    }
  };
  const shared = isFirst ? shareParamOf(location.hash) : undefined;
  if (shared !== undefined) await openShared(shared, ts.showingDefault);
  else {
    const saved = readSaved(key);
    if (saved && (saved.code !== playground.code || saved.event !== playground.eventJson)) {
      apply(saved);
      root.dataset.loadedFrom = "autosave";
      say(ts.restored);
    }
  }

  // ---- autosave ---------------------------------------------------------------------------------------------

  let timer: ReturnType<typeof setTimeout> | undefined;
  let quotaWarned = false;
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify(current()));
    } catch (error) {
      if (!quotaWarned) {
        quotaWarned = true;
        say(ts.cannotSave((error as Error).name), "error");
      }
    }
  };
  const stopWatching = playground.onDidChange(() => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      save();
    }
  };
  window.addEventListener("pagehide", flush);
  // A share link pasted into the address bar of an open playground page only changes the hash: open it too.
  const onHashChange = () => {
    const encoded = isFirst ? shareParamOf(location.hash) : undefined;
    if (encoded === undefined) return;
    void openShared(encoded, ts.unchanged);
    // E.g. "Open in playground" from this page's own code panel: show where it opened.
    root.scrollIntoView({ behavior: "smooth", block: "start" });
  };
  window.addEventListener("hashchange", onHashChange);

  // ---- buttons ---------------------------------------------------------------------------------------------

  shareButton.addEventListener("click", async () => {
    let link: string;
    try {
      const { encodeShareState } = await shareCodec();
      link = `${location.origin}${location.pathname}#${SHARE_PARAM}=${encodeShareState(current())}`;
    } catch (error) {
      const reason =
        error instanceof (await shareCodec()).ShareTooLongError
          ? ts.tooLargeForLink(error.length, error.max)
          : String(error);
      say(ts.cannotLink(reason), "error");
      return;
    }
    history.replaceState(null, "", link);
    try {
      await navigator.clipboard.writeText(link);
      say(ts.copied);
    } catch {
      say(ts.inAddressBar);
    }
  });
  resetButton.addEventListener("click", () => {
    clearTimeout(timer);
    timer = undefined;
    const template = (templateSelect?.value ?? "sdk") as Parameters<PersistablePlayground["setTemplate"]>[0];
    const language = playground.language === "python" ? "python" : undefined;
    playground.setTemplate(template, language);
    if (eventSelect) eventSelect.value = initialEvent;
    playground.setEvent(initialEvent);
    // The edits above notified synchronously: forget the save they scheduled, and the saved work.
    clearTimeout(timer);
    timer = undefined;
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing was saved.
    }
    say("");
  });

  return () => {
    flush();
    stopWatching();
    window.removeEventListener("pagehide", flush);
    window.removeEventListener("hashchange", onHashChange);
  };
}
