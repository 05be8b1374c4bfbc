// The playground as an app: the answer on screen after Run at laptop and desktop sizes, split panes moved by
// keyboard and pointer and remembered, full screen, the phone's pane tabs, stale output, Copy output, Format, the
// shortcuts dialog, console colours readable in both themes, and "Try it" bringing its output into view.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { clickRun, openPlayground, setCode, wakePlayground } from "./playground-helpers.js";

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

/** A fresh playground page at `width`×`height`, with no remembered pane sizes or autosaved code. */
async function open(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ width, height });
  await page.goto(`${siteUrl}/playground/`);
  await page.evaluate(() => localStorage.clear());
  await openPlayground(page, siteUrl);
  return page;
}

/** The element's box, and whether all of it is inside the viewport. */
async function onScreen(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return {
        top: box.top,
        bottom: box.bottom,
        visible:
          box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth,
      };
    });
}

const LOGGING = `export const handler = async () => {
  console.log("first line");
  console.log("second line");
  return { ok: true, items: [1, 2] };
};
`;

describe.each([
  [1280, 720],
  [1440, 900],
])("at %i×%i", (width, height) => {
  it("Run, its status and the output's first lines are on screen after Run, without scrolling", async () => {
    const page = await open(width, height);
    await setCode(page, LOGGING, "javascript");
    expect((await clickRun(page)).state).toBe("done");
    expect(await page.evaluate(() => scrollY)).toBe(0);
    for (const selector of [
      `${ROOT} [data-role="run"]`,
      `${ROOT} [data-role="run-status"]`,
      `${ROOT} [data-role="output"] .fcpg-line`,
      // The whole app fits the window: the output pane ends above its bottom edge.
      `${ROOT} .fcpg-pane-output`,
    ]) {
      expect(await onScreen(page, selector), selector).toMatchObject({ visible: true });
    }
    expect(await page.textContent(`${ROOT} [data-role="run-status"]`)).toMatch(/^Done in /);
    // The status sits beside Run, on the same row.
    const run = await onScreen(page, `${ROOT} [data-role="run"]`);
    const status = await onScreen(page, `${ROOT} [data-role="run-status"]`);
    expect(Math.abs(run.top + run.bottom - status.top - status.bottom) / 2).toBeLessThan(12);
    // The docs sidebar is gone: the app takes the window's width.
    expect(await page.locator("#starlight__sidebar").count()).toBe(0);
    const app = await page.locator(ROOT).boundingBox();
    expect(app?.width).toBeGreaterThan(width * 0.85);
    // Returned values are pretty-printed JSON.
    expect(await page.textContent(`${ROOT} .fcpg-result-value`)).toBe(
      JSON.stringify({ ok: true, items: [1, 2] }, null, 2),
    );
    await page.close();
  });
});

describe("split panes", () => {
  const widthOf = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => element.getBoundingClientRect().width);
  const heightOf = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);
  const X = `${ROOT} [role="separator"][data-split="x"]`;
  const Y = `${ROOT} [role="separator"][data-split="y"]`;

  it("move with the keyboard and the pointer, and keep their sizes after a reload", async () => {
    const page = await open(1280, 720);
    const handlerPane = `${ROOT} .fcpg-pane-handler`;
    const outputPane = `${ROOT} .fcpg-pane-output`;
    const before = await widthOf(page, handlerPane);
    const start = Number(await page.getAttribute(X, "aria-valuenow"));
    expect(await page.getAttribute(X, "aria-valuemin")).toBe("20");
    expect(await page.getAttribute(X, "aria-valuemax")).toBe("80");
    await page.focus(X);
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    expect(Number(await page.getAttribute(X, "aria-valuenow"))).toBe(start + 10);
    expect(await widthOf(page, handlerPane)).toBeGreaterThan(before + 80);
    await page.keyboard.press("Home");
    expect(await page.getAttribute(X, "aria-valuenow")).toBe("20");
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute(X, "aria-valuenow")).toBe("22");

    // Drag the editors/output divider up by 100 px: the output grows by about as much.
    const outputBefore = await heightOf(page, outputPane);
    const box = await page.locator(Y).boundingBox();
    if (!box) throw new Error("the output separator has no box");
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 50);
    await page.mouse.move(x, y - 100);
    await page.mouse.up();
    expect(await heightOf(page, outputPane)).toBeGreaterThan(outputBefore + 80);
    const yNow = await page.getAttribute(Y, "aria-valuenow");

    const handlerWidth = await widthOf(page, handlerPane);
    const outputHeight = await heightOf(page, outputPane);
    await page.reload();
    await wakePlayground(page);
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    expect(await page.getAttribute(X, "aria-valuenow")).toBe("22");
    expect(await page.getAttribute(Y, "aria-valuenow")).toBe(yNow);
    expect(Math.abs((await widthOf(page, handlerPane)) - handlerWidth)).toBeLessThan(2);
    expect(Math.abs((await heightOf(page, outputPane)) - outputHeight)).toBeLessThan(2);
    await page.close();
  });
});

describe("full screen", () => {
  it("the toggle makes the app fill the window and Esc leaves", async () => {
    const page = await open(1280, 720);
    const button = `${ROOT} [data-role="fullscreen"]`;
    await page.click(button);
    expect(await page.getAttribute(button, "aria-pressed")).toBe("true");
    expect(await page.locator(ROOT).boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    // On top of everything, Starlight's header included.
    const onTop = (x: number, y: number) =>
      page.evaluate(({ px, py }) => !!document.elementFromPoint(px, py)?.closest("[data-fc-playground]"), {
        px: x,
        py: y,
      });
    expect(await onTop(640, 10)).toBe(true);
    expect(await onTop(1270, 700)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.getAttribute(button, "aria-pressed")).toBe("false");
    expect((await page.locator(ROOT).boundingBox())?.y).toBeGreaterThan(40);
    await page.close();
  });
});

describe("on a phone (390×844)", () => {
  it("shows one pane at a time as tabs, Run switches to Output, and long lines wrap", async () => {
    const page = await open(390, 844);
    const tabs = `${ROOT} [data-role="phone-tabs"]`;
    expect(await page.locator(tabs).isVisible()).toBe(true);
    const visiblePanes = () =>
      page.$$eval(`${ROOT} [data-pane]`, (panes) =>
        panes
          .filter((pane) => pane.getBoundingClientRect().height > 0)
          .map((pane) => (pane as HTMLElement).dataset.pane),
      );
    expect(await visiblePanes()).toEqual(["handler"]);
    await page.click(`${tabs} [data-tab="event"]`);
    expect(await visiblePanes()).toEqual(["event"]);
    expect(await page.getAttribute(`${tabs} [data-tab="event"]`, "aria-selected")).toBe("true");

    // A long line wraps instead of running off the screen: one model line, several view lines.
    await setCode(page, `export const handler = async () => "${"a long string ".repeat(20)}";\n`, "javascript");
    await page.click(`${tabs} [data-tab="handler"]`);
    await page.waitForFunction(
      (root) => document.querySelectorAll(`${root} [data-role="handler-editor"] .view-line`).length > 2,
      ROOT,
    );

    expect((await clickRun(page)).state).toBe("done");
    expect(await visiblePanes()).toEqual(["output"]);
    expect(await page.getAttribute(`${tabs} [data-tab="output"]`, "aria-selected")).toBe("true");
    expect(await onScreen(page, `${ROOT} .fcpg-result-value`)).toMatchObject({ visible: true });
    await page.close();
  });
});

describe("the output", () => {
  it("is marked stale when the code, the event or the language changes, until the next run", async () => {
    const page = await open(1280, 720);
    const output = `${ROOT} [data-role="output"]`;
    const note = `${ROOT} [data-role="stale-note"]`;
    await setCode(page, LOGGING, "javascript");
    // Nothing to mark before a run.
    expect(await page.getAttribute(output, "data-stale")).toBeNull();
    await clickRun(page);
    expect(await page.getAttribute(output, "data-stale")).toBeNull();
    await setCode(page, LOGGING.replace("first", "1st"));
    expect(await page.getAttribute(output, "data-stale")).toBe("code");
    expect(await page.textContent(note)).toContain("From the previous run");
    expect(await page.locator(note).isVisible()).toBe(true);
    expect(Number(await page.$eval(output, (element) => getComputedStyle(element).opacity))).toBeLessThan(1);
    await clickRun(page);
    expect(await page.getAttribute(output, "data-stale")).toBeNull();
    expect(await page.locator(note).isVisible()).toBe(false);
    await page.selectOption(`${ROOT} [data-role="event"]`, "CdnDomainAdded");
    expect(await page.getAttribute(output, "data-stale")).toBe("event");
    await clickRun(page);
    await page.selectOption(`${ROOT} [data-role="language"]`, "typescript");
    expect(await page.getAttribute(output, "data-stale")).toBe("language");
    await page.close();
  });

  it("is a focusable, labelled region that scrolls from the keyboard, and Copy output copies its text", async () => {
    const page = await open(1280, 720);
    const output = `${ROOT} [data-role="output"]`;
    expect(await page.getAttribute(output, "role")).toBe("region");
    expect(await page.getAttribute(output, "aria-label")).toBe("Run output");
    await setCode(
      page,
      'export const handler = async () => {\n  for (let i = 0; i < 200; i++) console.log("line " + i);\n};\n',
      "javascript",
    );
    await clickRun(page);
    await page.focus(output);
    await page.keyboard.press("End");
    await page.waitForFunction((selector) => (document.querySelector(selector)?.scrollTop ?? 0) > 100, output);
    await page.click(`${ROOT} [data-role="copy-output"]`);
    await page.waitForSelector(`${ROOT} [data-role="copy-output"][data-copied="true"]`);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split("\n")).toContain("line 0");
    expect(copied.split("\n")).toContain("line 199");
    await page.close();
  });

  it("console levels have their colours, each at least 4.5:1 against the output in light and dark themes", async () => {
    const page = await open(1280, 720);
    await setCode(
      page,
      'export const handler = async () => {\n  console.log("l"); console.info("i"); console.warn("w"); console.error("e"); console.debug("d");\n};\n',
      "javascript",
    );
    await clickRun(page);
    for (const theme of ["dark", "light"]) {
      await page.evaluate((value) => {
        document.documentElement.dataset.theme = value;
      }, theme);
      const measured = await page.$$eval(`${ROOT} .fcpg-line`, (lines) => {
        const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (color: string) => {
          const [r = 0, g = 0, b = 0] = rgb(color).map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const backgroundOf = (element: Element | null): string => {
          for (let at = element; at; at = at.parentElement) {
            const color = getComputedStyle(at).backgroundColor;
            if (color && !color.startsWith("rgba(0, 0, 0, 0)") && color !== "transparent") return color;
          }
          return "rgb(255, 255, 255)";
        };
        return lines.map((line) => {
          const [a, b] = [luminance(getComputedStyle(line).color), luminance(backgroundOf(line))];
          return {
            level: (line as HTMLElement).dataset.level,
            color: getComputedStyle(line).color,
            ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          };
        });
      });
      expect(measured.map((line) => line.level)).toEqual(["log", "info", "warn", "error", "debug"]);
      // Each level looks different from the others...
      expect(new Set(measured.map((line) => line.color)).size).toBe(5);
      // ...and is readable.
      for (const line of measured) expect(line.ratio, `${theme} ${line.level}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });
});

describe("Format and shortcuts", () => {
  it("Format reformats badly formatted code, from the button and from Shift+Alt+F", async () => {
    const page = await open(1280, 720);
    const messy = "export const handler=async(event)=>{\nreturn    {a:1,b:[1,2]}\n}\n";
    await setCode(page, messy, "javascript");
    /** Waits until the handler's code is no longer `before`, and returns it. */
    const changedFrom = async (before: string) => {
      const handle = await page.waitForFunction(
        ([root, old]) => {
          const code = (document.querySelector(root as string) as HTMLElement & { playground: { code: string } })
            .playground.code;
          return code !== old && code;
        },
        [ROOT, before],
      );
      return (await handle.jsonValue()) as string;
    };
    const formatted = "export const handler = async (event) => {\n  return { a: 1, b: [1, 2] }\n}\n";
    await page.click(`${ROOT} [data-role="format"]`);
    expect(await changedFrom(messy)).toBe(formatted);
    await setCode(page, messy);
    await page.focus(`${ROOT} [data-role="language"]`);
    await page.keyboard.press("Shift+Alt+KeyF");
    expect(await changedFrom(messy)).toBe(formatted);
    // Python has no formatter and no JS output.
    await page.selectOption(`${ROOT} [data-role="language"]`, "python");
    expect(await page.isDisabled(`${ROOT} [data-role="format"]`)).toBe(true);
    expect(await page.locator(`${ROOT} [data-role="js-output-tab"]`).isVisible()).toBe(false);
    await page.close();
  });

  it("the shortcuts dialog opens, lists Run, and closes with Esc, giving focus back", async () => {
    const page = await open(1280, 720);
    const dialog = `${ROOT} [data-role="shortcuts-dialog"]`;
    await page.click(`${ROOT} [data-role="shortcuts"]`);
    expect(await page.$eval(dialog, (element) => (element as HTMLDialogElement).open)).toBe(true);
    expect(await page.textContent(dialog)).toContain("Run the handler");
    expect(await page.textContent(dialog)).toContain("Shift Alt F");
    await page.keyboard.press("Escape");
    expect(await page.$eval(dialog, (element) => (element as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-role"))).toBe("shortcuts");
    await page.close();
  });
});

describe("Try it on an event page", () => {
  it("scrolls its output into view on Run when the output is below the window", async () => {
    const page = await browser.newPage({ width: 1280, height: 720 });
    await page.goto(`${siteUrl}/events/CdnDomainAdded/`);
    await page.locator("#try-it").scrollIntoViewIfNeeded();
    await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
    // Run at the top of the window: the output pane is below it.
    await page.$eval(`${ROOT} [data-role="run"]`, (run) => run.scrollIntoView({ block: "start" }));
    const output = `${ROOT} .fcpg-pane-output`;
    expect((await onScreen(page, output)).top).toBeGreaterThan(720);
    await clickRun(page);
    await page.waitForFunction((selector) => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.top + 100 <= innerHeight;
    }, output);
    await page.close();
  });
});
