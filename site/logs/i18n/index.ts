// The log analyzer's message tables by locale. The page renders its locale into `data-locale` on its root, and
// the client code reads the table from there.
import { SITE_LOCALES, type SiteLocale } from "../../lib/locales.js";
import { en, type LogAnalyzerMessages } from "./en.js";
import { zhCn } from "./zh-cn.js";

export type { LogAnalyzerMessages } from "./en.js";

/** Every locale's table. */
export const LOG_ANALYZER_MESSAGES: { readonly [L in SiteLocale]: LogAnalyzerMessages } = { en, "zh-cn": zhCn };

/** The locale a page root declares in `data-locale`; English when it names none the site has. */
export const localeOfRoot = (root: HTMLElement): SiteLocale =>
  SITE_LOCALES.find((locale) => locale === root.dataset.locale) ?? "en";
