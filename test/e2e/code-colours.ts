// Token colours of highlighted code in a page (the code panels, the docs' Expressive Code blocks), as Chromium
// computes them, with the WCAG contrast ratio against the block's background.
import type { Page } from "playwright-core";

/** A token's colour and its contrast with the code's background. */
export interface TokenColour {
  token: string;
  colour: string;
  contrast: number;
}

/**
 * The computed colour of the first span in `code` (a selector) whose text is `token`, for each token, and the
 * contrast with the background of `code`'s nearest ancestor that has one. A token not found has colour "".
 *
 * @example
 * ```ts
 * const [keyword, string] = await tokenColours(page, '[data-role="code"]', ["import", "fc-cdn-trigger"]);
 * ```
 */
export async function tokenColours(page: Page, code: string, tokens: readonly string[]): Promise<TokenColour[]> {
  return page.evaluate(
    ([selector, wanted]) => {
      const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
      const luminance = (colour: string) => {
        const [r = 0, g = 0, b = 0] = rgb(colour).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const root = document.querySelector(selector as string);
      if (!root) throw new Error(`no ${selector}`);
      let background = "";
      for (let at: Element | null = root; at && !background; at = at.parentElement) {
        const value = getComputedStyle(at).backgroundColor;
        if (rgb(value)[3] !== 0 && value !== "transparent") background = value;
      }
      const spans = [...root.querySelectorAll("span")];
      return (wanted as string[]).map((token) => {
        const span = spans.find((s) => s.textContent === token && s.children.length === 0);
        const colour = span ? getComputedStyle(span).color : "";
        const [a, b] = [luminance(colour), luminance(background)];
        return { token, colour, contrast: span ? (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) : 0 };
      });
    },
    [code, tokens] as const,
  );
}

/** Switches Starlight's theme as its picker does (the attribute its CSS reads). */
export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((value) => {
    document.documentElement.dataset.theme = value;
  }, theme);
}
