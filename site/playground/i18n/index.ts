// The playground's message tables by locale, and how a component finds its locale: server-side from the page's
// URL (or a `locale` prop), in the browser from the nearest `lang` attribute (Starlight writes `<html lang>`), so a
// playground on a /zh-cn/ page speaks Chinese.

import { langOf, SITE_LOCALES, type SiteLocale } from "../../lib/locales.js";
import type { RuntimePhrases, RuntimeText, Text } from "../runner/protocol.js";
import { en, type PlaygroundMessages } from "./en.js";
import { zhCn } from "./zh-cn.js";

export type { PlaygroundMessages } from "./en.js";

/** Every locale's table. */
export const PLAYGROUND_MESSAGES: { readonly [L in SiteLocale]: PlaygroundMessages } = { en, "zh-cn": zhCn };

/**
 * The locale of an element's page: its nearest `lang` attribute matched against the site's locales (`zh-CN` →
 * `zh-cn`); English when none matches.
 *
 * @example
 * ```ts
 * const t = PLAYGROUND_MESSAGES[localeOf(root)];
 * ```
 */
export function localeOf(element: Element): SiteLocale {
  const lang = element.closest("[lang]")?.getAttribute("lang")?.toLowerCase() ?? "";
  return SITE_LOCALES.find((locale) => langOf(locale).toLowerCase() === lang) ?? "en";
}

/** The message table of an element's page. */
export const messagesOf = (element: Element): PlaygroundMessages => PLAYGROUND_MESSAGES[localeOf(element)];

/**
 * Words a runtime text: a coded runtime message in the table's language, a plain string as it is.
 *
 * @example
 * ```ts
 * wordText(t, { code: "causedBy", values: { cause: "Error: x" } }); // "caused by Error: x"
 * ```
 */
export function wordText(t: PlaygroundMessages, text: Text): string {
  if (typeof text === "string") return text;
  const word = t.runtime[text.code] as (values: RuntimeText["values"]) => string;
  return word(text.values);
}

/** What the runtime says inside the user's objects, in the table's language (sent with every run). */
export const runtimePhrases = (t: PlaygroundMessages): RuntimePhrases => ({ ...t.phrases });

/** A piece of inline text: plain, `code`, **strong** or a [link](/path/). */
export type InlinePart =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; text: string }
  | { kind: "link"; text: string; href: string };

/**
 * Splits a message's inline markup (`code`, **strong**, [text](/path/)) into parts, for Inline.astro.
 *
 * @example
 * ```ts
 * inlineParts("Press **Run**"); // [{ kind: "text", text: "Press " }, { kind: "strong", text: "Run" }]
 * ```
 */
export function inlineParts(message: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let at = 0;
  for (const match of message.matchAll(pattern)) {
    if (match.index > at) parts.push({ kind: "text", text: message.slice(at, match.index) });
    const [, code, strong, linkText, href] = match;
    if (code !== undefined) parts.push({ kind: "code", text: code });
    else if (strong !== undefined) parts.push({ kind: "strong", text: strong });
    else parts.push({ kind: "link", text: linkText as string, href: href as string });
    at = match.index + match[0].length;
  }
  if (at < message.length) parts.push({ kind: "text", text: message.slice(at) });
  return parts;
}
