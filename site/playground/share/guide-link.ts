// Share links made at build time, for the docs: a snippet and an event preset as the playground's share state.

import type { CdnEventName } from "fc-cdn-trigger";
import { eventPresets } from "../event-presets";
import { encodeShareState, SHARE_PARAM, type ShareState } from "./share-state";

/**
 * The link that opens the playground at `playgroundPath` with `code` in `language` and `event`'s sample envelope
 * (exactly the event picker's preset, so the picker shows the event's name).
 *
 * @example
 * ```ts
 * playgroundShareLink("/playground/", { code: source, language: "python", event: "LogFileCreated" });
 * // → "/playground/#share=…"
 * ```
 */
export function playgroundShareLink(
  playgroundPath: string,
  snippet: { code: string; language: ShareState["language"]; event: CdnEventName },
): string {
  const preset = eventPresets().find((candidate) => candidate.id === snippet.event);
  if (!preset) throw new Error(`playgroundShareLink: "${snippet.event}" is no event of the catalog`);
  const state: ShareState = {
    v: 1,
    language: snippet.language,
    code: snippet.code,
    eventName: snippet.event,
    event: preset.json,
  };
  return `${playgroundPath}#${SHARE_PARAM}=${encodeShareState(state)}`;
}
