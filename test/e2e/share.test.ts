// Share links and autosave: a link round-trips the full state ({ v: 1, language, code, eventName, event }), opening it
// never runs anything, a garbled, oversized or newer-version link says why and falls back to the default; edits
// survive a reload (localStorage, per page and playground) and Reset brings the template back.
import { deflateSync, strToU8 } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decodeShareState, encodeShareState, MAX_SHARE_CHARS } from "../../site/playground/share/share-state.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { wakePlayground } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const ROOT = "[data-fc-playground]";

let browser: SiteBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteUrl });
});
afterAll(async () => {
  await browser?.close();
});

interface Snapshot {
  code: string;
  language: string;
  event: string;
  eventName: string;
  runState: string;
  status: string;
  loadedFrom: string | null;
}

/**
 * Waits until the playground has done all it does by itself on load: its state applied (data-state), its sandbox
 * booted (data-sandbox). A run that nobody asked for would have started by then.
 */
const settled = (page: Page) =>
  page.waitForSelector(`${ROOT}[data-state="ready"][data-sandbox="ready"]`, { timeout: 60_000 });

async function open(page: Page, path: string): Promise<Snapshot> {
  await page.goto(`${siteUrl}${path}`);
  await wakePlayground(page);
  await settled(page);
  return snapshot(page);
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector) as HTMLElement & {
      playground: { code: string; language: string; eventJson: string };
    };
    const status = root.querySelector<HTMLElement>('[data-role="share-status"]');
    return {
      code: root.playground.code,
      language: root.playground.language,
      event: root.playground.eventJson,
      eventName: root.querySelector<HTMLSelectElement>('[data-role="event"]')?.value ?? "",
      runState: root.querySelector<HTMLElement>('[data-role="output"]')?.dataset.runState ?? "",
      status: status && !status.hidden ? (status.textContent ?? "") : "",
      loadedFrom: root.dataset.loadedFrom ?? null,
    };
  }, ROOT);
}

/** The playground's template code, with nothing autosaved. */
const defaultCode = async (page: Page) => {
  await page.goto(`${siteUrl}/playground/`);
  await page.evaluate(() => localStorage.clear());
  const { code } = await open(page, "/playground/");
  // Leave the page, so the next open() is a fresh load and not just a hash change.
  await page.goto("about:blank");
  return code;
};

const CODE = `// shared from a test: ünïcødé, quotes ' " \` and \${templates}
exports.handler = async (event, context) => {
  const { events } = JSON.parse(event.toString());
  console.log("shared handler ran for", events.length, "event(s)");
  return events.map((e) => e.eventName);
};
`;
const EVENT = `{
  "events": [
    { "eventName": "CdnDomainAdded", "eventSource": "cdn", "note": "edited by hand" }
  ]
}
`;

describe("share links", () => {
  it("encodes and decodes the state in Node too (the format is plain deflate + base64url)", () => {
    const state = { v: 1 as const, language: "javascript" as const, code: CODE, eventName: "custom", event: EVENT };
    const encoded = encodeShareState(state);
    expect(encoded).toMatch(/^[\w-]+$/);
    expect(decodeShareState(encoded)).toEqual({ ok: true, state });
  });

  it("Share makes a link that round-trips language, code, event choice and event JSON, and does not run", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    await open(page, "/playground/");
    await page.selectOption(`${ROOT} [data-role="event"]`, "CachedObjectsBlocked");
    await page.evaluate(
      ([selector, code]) => {
        const root = document.querySelector(selector as string) as HTMLElement & {
          playground: { setCode(code: string, language: string): void };
        };
        root.playground.setCode(code as string, "javascript");
      },
      [ROOT, CODE] as const,
    );
    const before = await snapshot(page);
    expect(before.eventName).toBe("CachedObjectsBlocked");
    await page.click(`${ROOT} [data-role="share"]`);
    await page.waitForFunction(() => location.hash.startsWith("#share="));
    const link = await page.evaluate(() => location.href);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await page.textContent('[data-role="share-status"]')).toContain("Link copied");

    const other = await browser.newPage({ width: 1280, height: 900 });
    await other.goto(link);
    await settled(other);
    const after = await snapshot(other);
    expect(after.code).toBe(CODE);
    expect(after.language).toBe("javascript");
    expect(after.event).toBe(before.event);
    expect(after.eventName).toBe("CachedObjectsBlocked");
    expect(after.loadedFrom).toBe("share");
    expect(after.status).toContain("It has not been run");
    // Never run by itself: loading is over, and nothing ran or runs.
    expect(after.runState).toBe("idle");
    expect(await other.getAttribute(ROOT, "data-running")).toBe("false");
    expect(await other.locator(`${ROOT} [data-role="output"]`).textContent()).not.toContain("shared handler ran");
    // It runs when asked.
    await other.click(`${ROOT} [data-role="run"]`);
    await other.waitForSelector(`${ROOT} [data-role="output"][data-run-state="done"]`, { timeout: 30_000 });
    expect(await other.locator(`${ROOT} [data-role="output"]`).textContent()).toContain(
      "shared handler ran for 1 event(s)",
    );
    await other.close();
    await page.close();
  });

  it("an edited event and a custom event choice round-trip too", async () => {
    const encoded = encodeShareState({ v: 1, language: "typescript", code: CODE, eventName: "custom", event: EVENT });
    const page = await browser.newPage({ width: 1280, height: 900 });
    const state = await open(page, `/playground/#share=${encoded}`);
    expect(state.event).toBe(EVENT);
    // The picker shows its custom entry, not the default preset it started with.
    expect(state.eventName).toBe("custom");
    expect(state.language).toBe("typescript");
    expect(state.code).toBe(CODE);
    // A link pasted into the open page only changes the hash: it is opened too (and not run).
    const next = encodeShareState({
      v: 1,
      language: "javascript",
      code: "exports.handler = async () => 2;\n",
      eventName: "CdnDomainAdded",
      event: EVENT,
    });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `share=${next}`);
    await page.waitForFunction((selector) => {
      const root = document.querySelector(selector) as HTMLElement & { playground: { code: string } };
      return root.playground.code.includes("async () => 2");
    }, ROOT);
    const pasted = await snapshot(page);
    expect(pasted.language).toBe("javascript");
    expect(pasted.eventName).toBe("CdnDomainAdded");
    expect(pasted.runState).toBe("idle");
    await page.close();
  });

  const broken: [string, string, string][] = [
    ["garbled characters", "not*a/valid%share", "characters a share link never has"],
    [
      "a truncated link",
      encodeShareState({ v: 1, language: "javascript", code: CODE, eventName: "custom", event: EVENT }).slice(0, 40),
      "corrupt or incomplete",
    ],
    ["an oversized link", "A".repeat(MAX_SHARE_CHARS + 10), "characters long"],
    [
      "a link from a newer version",
      Buffer.from(
        deflateSync(strToU8(JSON.stringify({ v: 2, language: "javascript", code: "", eventName: "", event: "" }))),
      ).toString("base64url"),
      "newer playground",
    ],
    [
      "a wrong language",
      encodeShareState({ v: 1, language: "cobol" as never, code: "", eventName: "", event: "" }),
      "is not one of",
    ],
    ["an empty link", "", "holds no state"],
  ];
  for (const [what, hash, reason] of broken) {
    it(`${what}: shows why and falls back to the default template`, async () => {
      const page = await browser.newPage({ width: 1280, height: 900 });
      const template = await defaultCode(page);
      const state = await open(page, `/playground/#share=${hash}`);
      expect(state.loadedFrom).toBe("share-failed");
      expect(state.status).toContain("This share link cannot be opened");
      expect(state.status).toContain(reason);
      expect(state.status).toContain("Showing the default template instead");
      expect(state.code).toBe(template);
      expect(state.runState).toBe("idle");
      await page.close();
    });
  }
});

describe("autosave", () => {
  it("keeps edits across a reload, per playground; Reset restores the template and forgets them", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    const template = await defaultCode(page);
    await open(page, "/playground/");
    const edited = `${template}\n// my edit, kept across reloads\n`;
    await page.evaluate(
      ([selector, code]) => {
        const root = document.querySelector(selector as string) as HTMLElement & {
          playground: { setCode(code: string): void; setEvent(id: string): void };
        };
        root.playground.setCode(code as string);
        root.playground.setEvent("CdnDomainDeleted");
      },
      [ROOT, edited] as const,
    );
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((key) => key.startsWith("fc-playground:v1:/playground/")),
    );
    const reloaded = await open(page, "/playground/");
    expect(reloaded.code).toBe(edited);
    expect(JSON.parse(reloaded.event).events[0].eventName).toBe("CdnDomainDeleted");
    expect(reloaded.loadedFrom).toBe("autosave");
    expect(reloaded.status).toContain("Restored your last edit");
    expect(reloaded.runState).toBe("idle");

    // Another page's playground has its own slot.
    const eventPage = await browser.newPage({ width: 1280, height: 900 });
    await eventPage.goto(`${siteUrl}/events/CdnDomainAdded/`);
    await eventPage.locator("#try-it").scrollIntoViewIfNeeded();
    await eventPage.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    expect((await snapshot(eventPage)).code).not.toContain("my edit");
    await eventPage.close();

    await page.click(`${ROOT} [data-role="reset"]`);
    const reset = await snapshot(page);
    expect(reset.code).toBe(template);
    expect(reset.eventName).toBe("LogFileCreated");
    expect(JSON.parse(reset.event).events[0].eventName).toBe("LogFileCreated");
    await page.waitForTimeout(600);
    const again = await open(page, "/playground/");
    expect(again.code).toBe(template);
    expect(again.loadedFrom).toBeNull();
    expect(browser.consoleErrors).toEqual([]);
    await page.close();
  });
});
