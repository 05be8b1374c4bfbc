// The trigger-config panel: for an event, domains and an account ID it shows the four formats exactly as the SDK's
// tooling renders them, copies each one, and rejects a bad domain with an inline error next to the field.
import { CDN_EVENT_NAMES } from "fc-cdn-trigger";
import { createTriggerConfig, renderTriggerConfig, TRIGGER_CONFIG_FORMATS } from "fc-cdn-trigger/tooling";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchWithPage, type SiteBrowser } from "./browser.js";
import { setTheme, type TokenColour, tokenColours } from "./code-colours.js";

const siteUrl = inject("siteUrl");
const PANEL = '[data-fc-panel="trigger"]';

let browser: SiteBrowser;
let page: Page;
beforeAll(async () => {
  ({ browser, page } = await launchWithPage(siteUrl, "/events/CdnDomainStarted/", { clipboard: true }));
});
afterAll(async () => {
  await browser?.close();
});

const shown = (format: string) => page.locator(`${PANEL} pre[data-format="${format}"]`).textContent();

/** Waits until every format shows what the SDK renders for `config`. */
async function expectFormats(config: ReturnType<typeof createTriggerConfig>): Promise<void> {
  for (const format of TRIGGER_CONFIG_FORMATS) {
    const expected = renderTriggerConfig(config, format);
    await page.waitForFunction(([selector, text]) => document.querySelector(selector as string)?.textContent === text, [
      `${PANEL} pre[data-format="${format}"]`,
      expected,
    ] as const);
    expect(await shown(format)).toBe(expected);
  }
}

describe("trigger config panel", () => {
  it("starts with the page's event and example.com, rendered at build time", async () => {
    expect(await page.getAttribute(PANEL, "data-panel-state")).toBe("idle");
    expect(await page.locator(`${PANEL} [data-role="event"]`).inputValue()).toBe("CdnDomainStarted");
    await expectFormats(createTriggerConfig({ eventName: "CdnDomainStarted", domains: ["example.com"] }));
  });

  it("renders FC API JSON, s.yaml, Terraform and aliyun CLI for several domains and an account ID", async () => {
    await page.selectOption(`${PANEL} [data-role="event"]`, "LogFileCreated");
    await page.fill(`${PANEL} [data-role="domains"]`, "example.com, *.static.example.com\ncdn.example.org");
    await page.fill(`${PANEL} [data-role="account"]`, "1234567890123456");
    await expectFormats(
      createTriggerConfig({
        eventName: "LogFileCreated",
        domains: ["example.com", "*.static.example.com", "cdn.example.org"],
        accountId: "1234567890123456",
      }),
    );
    // Each tab shows its format; the others are hidden.
    for (const format of TRIGGER_CONFIG_FORMATS) {
      await page.click(`${PANEL} [role="tab"][data-format="${format}"]`);
      expect(await page.isVisible(`${PANEL} pre[data-format="${format}"]`)).toBe(true);
      expect(await page.getAttribute(`${PANEL} [role="tab"][data-format="${format}"]`, "aria-selected")).toBe("true");
    }
  });

  it("copies each format", async () => {
    for (const format of TRIGGER_CONFIG_FORMATS) {
      await page.click(`${PANEL} [role="tab"][data-format="${format}"]`);
      await page.click(`${PANEL} [data-action="copy"][data-copy="${format}"]`);
      await page.waitForSelector(`${PANEL} [data-action="copy"][data-copy="${format}"][data-copied="true"]`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await shown(format));
    }
  });

  it("rejects a bad domain with an inline error naming it, and recovers when it is fixed", async () => {
    const before = await shown("s-yaml");
    await page.fill(`${PANEL} [data-role="domains"]`, "example.com, https://cdn.example.org/path");
    const error = page.locator(`${PANEL} [data-role="error"]`);
    await error.waitFor({ state: "visible" });
    const message = await error.textContent();
    expect(message).toContain("Domain 2");
    expect(message).toContain("https://cdn.example.org/path");
    expect(message).toContain("give the domain name only");
    expect(await page.getAttribute(`${PANEL} [data-role="domains"]`, "aria-invalid")).toBe("true");
    // The last valid output stays (dimmed) instead of disappearing.
    expect(await shown("s-yaml")).toBe(before);

    await page.fill(`${PANEL} [data-role="account"]`, "12ab");
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes("Account ID"),
      `${PANEL} [data-role="error"]`,
    );
    await page.fill(`${PANEL} [data-role="account"]`, "");
    await page.fill(`${PANEL} [data-role="domains"]`, "cdn.example.org");
    await error.waitFor({ state: "hidden" });
    expect(await page.getAttribute(`${PANEL} [data-role="domains"]`, "aria-invalid")).toBeNull();
    await expectFormats(createTriggerConfig({ eventName: "LogFileCreated", domains: ["cdn.example.org"] }));
  });

  it("is on every event page with that event selected", async () => {
    const other = await browser.newPage({ width: 1280, height: 900 });
    for (const name of CDN_EVENT_NAMES) {
      await other.goto(`${siteUrl}/events/${name}/`);
      expect(await other.locator(`${PANEL} [data-role="event"]`).inputValue()).toBe(name);
    }
    await other.close();
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe("trigger config panel highlighting", () => {
  it("is highlighted before its script loads, and after typed domains and an account ID (s.yaml, Terraform)", async () => {
    const other = await browser.newPage({ width: 1280, height: 900 });
    await other.goto(`${siteUrl}/events/LogFileCreated/`);
    const pre = (format: string) => `${PANEL} pre[data-format="${format}"]`;
    const checkColours = async (format: string, keyword: string, string: string, label: string) => {
      await other.click(`${PANEL} [role="tab"][data-format="${format}"]`);
      for (const theme of ["dark", "light"] as const) {
        await setTheme(other, theme);
        const tokens = await tokenColours(other, pre(format), [keyword, string]);
        const [a, b] = tokens as [TokenColour, TokenColour];
        expect([a.colour, b.colour].every(Boolean), `${label} ${theme} ${format}: ${JSON.stringify(tokens)}`).toBe(
          true,
        );
        expect(a.colour, `${label} ${theme} ${format}`).not.toBe(b.colour);
        for (const token of tokens)
          expect(token.contrast, `${label} ${theme} ${token.token}`).toBeGreaterThanOrEqual(4.5);
      }
    };
    expect(await other.getAttribute(PANEL, "data-panel-state")).toBe("idle");
    await checkColours("terraform", "resource ", "cdn-log-file-created", "first render");
    await other.fill(`${PANEL} [data-role="domains"]`, "example.com, *.static.example.com\ncdn.example.org");
    await other.fill(`${PANEL} [data-role="account"]`, "1234567890123456");
    const config = createTriggerConfig({
      eventName: "LogFileCreated",
      domains: ["example.com", "*.static.example.com", "cdn.example.org"],
      accountId: "1234567890123456",
    });
    for (const format of TRIGGER_CONFIG_FORMATS) {
      const expected = renderTriggerConfig(config, format);
      await other.waitForFunction(
        ([selector, text]) => {
          const element = document.querySelector(selector as string) as HTMLElement | null;
          return element?.dataset.highlight === "lines" && element.textContent === text;
        },
        [pre(format), expected] as const,
      );
    }
    // The typed values sit in highlighted tokens, not in plain text.
    await checkColours("terraform", "resource ", "acs:cdn:*:1234567890123456", "typed");
    await checkColours("s-yaml", "triggerName", "*.static.example.com", "typed");
    const domainLine = await other.evaluate(
      (selector) =>
        document
          .querySelector(selector)
          ?.innerHTML.split("\n")
          .find((line) => line.includes("cdn.example.org")),
      pre("terraform"),
    );
    expect(domainLine).toContain('<span class="');
    expect(domainLine).toMatch(/<span class="t\w+">cdn\.example\.org<\/span>/);
    await other.close();
  });
});
