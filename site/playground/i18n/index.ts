// The playground's message tables by locale, and how a component finds its locale: server-side from the page's
// URL (or a `locale` prop), in the browser from the nearest `lang` attribute (Starlight writes `<html lang>`), so a
// playground on a /zh-cn/ page speaks Chinese.

import { langOf, SITE_LOCALES, type SiteLocale } from "../../lib/locales.js";
import type { RuntimePhrases, RuntimeText, Text } from "../runner/protocol.js";
import type { PlaygroundMessages } from "./en.js";

export type { PlaygroundMessages } from "./en.js";

// In the browser a page loads only its own language's table (each is a chunk of its own: a page never pays for the
// other language). Server-side code and tests read both from ./tables.ts.
const LOADERS: { readonly [L in SiteLocale]: () => Promise<PlaygroundMessages> } = {
  en: () => import("./en.js").then((module) => module.en),
  "zh-cn": () => import("./zh-cn.js").then((module) => module.zhCn),
};
const loaded: Partial<Record<SiteLocale, PlaygroundMessages>> = {};

/**
 * Loads the message table of an element's page, once; {@link messagesOf} answers synchronously afterwards.
 *
 * @example
 * ```ts
 * const t = await loadMessagesOf(root);
 * ```
 */
export async function loadMessagesOf(element: Element): Promise<PlaygroundMessages> {
  const locale = localeOf(element);
  loaded[locale] ??= await LOADERS[locale]();
  return loaded[locale];
}

/**
 * The locale of an element's page: its nearest `lang` attribute matched against the site's locales (`zh-CN` →
 * `zh-cn`); English when none matches.
 *
 * @example
 * ```ts
 * const t = messagesOf(root); // after await loadMessagesOf(root)
 * ```
 */
export function localeOf(element: Element): SiteLocale {
  const lang = element.closest("[lang]")?.getAttribute("lang")?.toLowerCase() ?? "";
  return SITE_LOCALES.find((locale) => langOf(locale).toLowerCase() === lang) ?? "en";
}

/** The message table of an element's page, once {@link loadMessagesOf} has loaded it. */
export function messagesOf(element: Element): PlaygroundMessages {
  const locale = localeOf(element);
  const table = loaded[locale];
  if (!table)
    throw new Error(`The playground's "${locale}" messages are not loaded: await loadMessagesOf(element) first.`);
  return table;
}

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
