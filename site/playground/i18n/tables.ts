// Every locale's playground table at once, for server-side rendering (Astro components) and tests. Browser code
// loads just its page's table through loadMessagesOf (index.ts).

import type { SiteLocale } from "../../lib/locales.js";
import { en, type PlaygroundMessages } from "./en.js";
import { zhCn } from "./zh-cn.js";

/** Every locale's table. */
export const PLAYGROUND_MESSAGES: { readonly [L in SiteLocale]: PlaygroundMessages } = { en, "zh-cn": zhCn };
