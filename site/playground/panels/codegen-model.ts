// What the generated-code panel shows for a choice of events, language and style: the SDK's generateHandlerCode
// output, its file name, and the playground link that opens it. Used at build time (the panel's first render,
// so docs pages show code with no JavaScript) and in the browser when the choice changes.

import { CDN_EVENT_CATALOG, type CdnEventName } from "fc-cdn-trigger";
import { type CodegenLanguage, type CodegenStyle, generateHandlerCode } from "fc-cdn-trigger/tooling";
import { type ShareState, shareLink } from "../share/share-state";

/** One choice in the panel. */
export interface CodegenChoice {
  events: readonly CdnEventName[];
  language: CodegenLanguage;
  style: CodegenStyle;
}

/** The panel's content for a choice. */
export interface CodegenView {
  code: string;
  fileName: string;
  /** `/playground/#share=…` (in the page's locale): opens the code with the chosen events' samples (never runs it). */
  playgroundHref: string;
}

/** Where "Open in playground" goes (on an English page; localizedPath gives the other locales' path). */
export const PLAYGROUND_PATH = "/playground/";

/**
 * The playground state for generated code: the code, and the chosen events' sample envelope (one event: the
 * catalog's sample, exactly as the playground's picker has it; several: one envelope holding a sample of each).
 *
 * @example
 * ```ts
 * playgroundStateFor(["LogFileCreated"], "typescript", code).eventName; // "LogFileCreated"
 * ```
 */
export function playgroundStateFor(
  events: readonly CdnEventName[],
  language: CodegenLanguage,
  code: string,
): ShareState {
  const single = events.length === 1 ? (events[0] as CdnEventName) : undefined;
  const body = single
    ? CDN_EVENT_CATALOG[single].sample
    : { events: events.map((name) => CDN_EVENT_CATALOG[name].sample.events[0]) };
  return { v: 1, language, code, eventName: single ?? "custom", event: `${JSON.stringify(body, null, 2)}\n` };
}

/**
 * The generated handler for a choice, with its file name and a link to the playground at `playgroundPath`.
 *
 * @example
 * ```ts
 * const { code, fileName } = codegenView({ events: ["CdnDomainAdded"], language: "python", style: "plain" });
 * fileName; // "index.py"
 * ```
 */
export function codegenView(choice: CodegenChoice, playgroundPath: string = PLAYGROUND_PATH): CodegenView {
  const code = generateHandlerCode(choice);
  const fileName =
    choice.language === "python" ? "index.py" : choice.language === "typescript" ? "index.ts" : "index.js";
  let playgroundHref: string;
  try {
    playgroundHref = shareLink(playgroundPath, playgroundStateFor(choice.events, choice.language, code));
  } catch {
    // Too large for a link (not for the code the SDK writes today): open the playground without it.
    playgroundHref = playgroundPath;
  }
  return { code, fileName, playgroundHref };
}
