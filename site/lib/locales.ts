// The docs site's languages, listed once: astro.config.mjs hands STARLIGHT_LOCALES to Starlight, and pages and
// components map a URL to its locale and a path to its twin in another locale with these helpers.

/**
 * Starlight's `locales`: English is the root locale (no prefix), 简体中文 lives under `/zh-cn/`.
 * The keys are the URL prefixes; `lang` is the BCP 47 tag Starlight writes into `<html lang>`.
 */
export const STARLIGHT_LOCALES = {
  root: { label: "English", lang: "en" },
  "zh-cn": { label: "简体中文", lang: "zh-CN" },
} as const;

/** A locale of the docs site: `en` for the root locale, otherwise its URL prefix. */
export type SiteLocale = "en" | Exclude<keyof typeof STARLIGHT_LOCALES, "root">;

/** Every locale of the site, English first. */
export const SITE_LOCALES = ["en", ...Object.keys(STARLIGHT_LOCALES).filter((key) => key !== "root")] as SiteLocale[];

/** The locales served under a prefix (every one but English). */
export const PREFIXED_LOCALES = SITE_LOCALES.filter((locale) => locale !== "en") as Exclude<SiteLocale, "en">[];

/** The `<html lang>` of a locale. */
export const langOf = (locale: SiteLocale): string => STARLIGHT_LOCALES[locale === "en" ? "root" : locale].lang;

/** The locale a site path belongs to: its first segment when that is a locale prefix, otherwise English. */
export function localeOfPath(pathname: string): SiteLocale {
  const first = pathname.split("/")[1] ?? "";
  return (PREFIXED_LOCALES as string[]).includes(first) ? (first as SiteLocale) : "en";
}

/**
 * A site-absolute path (`/events/`) as it is served in `locale` (`/zh-cn/events/`). Paths the site keeps in English
 * only (the API reference, JSON Schema downloads) and links to other hosts are returned unchanged.
 */
export function localizedPath(locale: SiteLocale, path: string): string {
  if (locale === "en" || !path.startsWith("/") || /^\/(api|schemas)\//.test(path)) return path;
  if (localeOfPath(path) !== "en") {
    throw new Error(`localizedPath: "${path}" already has a locale prefix; pass the English path (without it)`);
  }
  return `/${locale}${path}`;
}
