// The Problems tab, runs with type errors, errors on the user's line (routes, helpers, after an await) and the
// read-only JS output tab, driven in Chromium against the built site.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SiteBrowser } from "./browser.js";
import { clickRun, launchPlayground, readRunDetails, setCode } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
let browser: SiteBrowser;
let page: Page;

const ROOT = "[data-fc-playground]";

beforeAll(async () => {
  ({ browser, page } = await launchPlayground(siteUrl));
});

afterAll(async () => {
  await browser?.close();
});

const setEvent = (json: string) =>
  page.evaluate((text) => {
    const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
      playground: { setEvent(json: string): void };
    };
    root.playground.setEvent(text);
  }, json);

const showTab = (tablist: string, panel: string) =>
  page.click(`${ROOT} [data-role="${tablist}"] [role="tab"][data-panel="${panel}"]`);

/** The rows of the Problems tab, as their data attributes and text. */
const problemRows = () =>
  page.$$eval(`${ROOT} [data-role="problems"] .fcpg-problem`, (rows) =>
    rows.map((row) => ({ ...(row as HTMLElement).dataset, text: row.textContent })),
  );

/** Waits until a problem row matching `selector` (attributes of .fcpg-problem) is listed. */
const waitForProblem = (selector: string) =>
  page.waitForSelector(`${ROOT} [data-role="problems"] .fcpg-problem${selector}`, { timeout: 20_000 });

/** The line number of the cursor in an editor (Monaco marks its number in the gutter). */
const cursorLine = (editorRole: string) =>
  page.$eval(`${ROOT} [data-role="${editorRole}"] .line-numbers.active-line-number`, (el) => Number(el.textContent));

/** The line numbers of an editor that carry a red squiggle (an error marker), from where Monaco draws them. */
async function errorLines(editorRole: string): Promise<number[]> {
  await page.waitForSelector(`${ROOT} [data-role="${editorRole}"] .squiggly-error`);
  return page.$eval(`${ROOT} [data-role="${editorRole}"]`, (editor) => {
    const numbers = [...editor.querySelectorAll<HTMLElement>(".line-numbers")];
    const lines = new Set<number>();
    for (const squiggle of editor.querySelectorAll(".squiggly-error")) {
      const top = squiggle.getBoundingClientRect().top;
      const number = numbers.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 2);
      if (number) lines.add(Number(number.textContent));
    }
    return [...lines].sort((a, b) => a - b);
  });
}

describe("the Problems tab", () => {
  it("lists a TypeScript error on its line with a count, and clicking it puts the cursor there", async () => {
    await setEvent("CdnDomainAdded");
    await setCode(
      page,
      `export const handler = async () => {
  const size = 1;
  const name: string = size;
  return name;
};
`,
      "typescript",
    );
    await showTab("output-tabs", "problems");
    const row = await waitForProblem('[data-file="handler"][data-line="3"]');
    expect(await row.getAttribute("data-severity")).toBe("error");
    expect(await row.textContent()).toMatch(
      /Error[\s\S]*'number' is not assignable to type 'string'[\s\S]*handler\.ts:3:9/,
    );
    expect(await page.textContent(`${ROOT} [data-role="problems-count"]`)).toBe("1");
    await page.click(`${ROOT} [data-role="problems"] .fcpg-problem[data-line="3"]`);
    await expect.poll(() => cursorLine("handler-editor")).toBe(3);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-role="handler-editor"]') !== null)).toBe(
      true,
    );
    // Fixed: the row goes, and the panel says there is nothing.
    await setCode(page, "export const handler = async () => 1;\n", "typescript");
    await page.waitForSelector(`${ROOT} [data-role="problems"] .fcpg-problems-empty:not([hidden])`);
    expect(await page.textContent(`${ROOT} [data-role="problems-count"]`)).toBe("0");
  });

  it("lists event.json's JSON syntax error and schema warnings, and Enter on a row jumps into the event editor", async () => {
    await setCode(page, "export const handler = async () => 1;\n", "typescript");
    await setEvent('{\n  "events": [\n    { "eventName": "CdnDomainAdded", }\n  ]\n}\n');
    await showTab("output-tabs", "problems");
    const syntax = await waitForProblem('[data-file="event"][data-severity="error"]');
    expect(await syntax.getAttribute("data-line")).toBe("3");
    expect(await syntax.textContent()).toContain("event.json:3:");
    await page.focus(`${ROOT} [data-role="problems"] .fcpg-problem[data-file="event"][data-severity="error"]`);
    await page.keyboard.press("Enter");
    // Monaco draws the cursor's line number on its next frame.
    await expect.poll(() => cursorLine("event-editor")).toBe(3);

    // Valid JSON, wrong shape: the JSON Schema's warnings are listed.
    await setEvent('{\n  "events": [\n    { "eventName": "CdnDomainAdded" }\n  ]\n}\n');
    // The JSON worker re-checks after a pause: wait until the syntax error is gone and the warnings are listed.
    await page.waitForFunction(
      (root) => {
        const rows = [...document.querySelectorAll<HTMLElement>(`${root} [data-role="problems"] .fcpg-problem`)];
        return rows.length > 0 && rows.every((row) => row.dataset.severity === "warning");
      },
      ROOT,
      { timeout: 20_000 },
    );
    const rows = await problemRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, JSON.stringify(rows)).toMatchObject({ severity: "warning", file: "event" });
    await setEvent("CdnDomainAdded");
    await page.waitForSelector(`${ROOT} [data-role="problems"] .fcpg-problems-empty:not([hidden])`, {
      timeout: 20_000,
    });
  });

  it("a run with type errors still runs, and says so", async () => {
    await setEvent("CdnDomainAdded");
    await setCode(
      page,
      `export const handler = async () => {
  const a: number = "one";
  const b: string = 2;
  return [a, b];
};
`,
      "typescript",
    );
    const run = await clickRun(page);
    expect(run.state, run.text).toBe("done");
    expect(run.text).toContain("Ran with 2 type errors in handler.ts — see Problems");
    expect(JSON.parse((await readRunDetails(page)).result ?? "")).toEqual(["one", 2]);
  });
});

describe("Python's problems", () => {
  it("lists a syntax error from ast.parse while typing, marks it in the editor, and drops it for another language", async () => {
    await page.evaluate(() => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setCode(code: string, language?: string): void };
      };
      root.playground.setCode("def handler(event, context):\n    return 1 +\n", "python");
    });
    await showTab("output-tabs", "problems");
    // Pyodide loads first (on demand), then the worker parses the code.
    const row = await page.waitForSelector(
      `${ROOT} [data-role="problems"] .fcpg-problem[data-file="handler"][data-severity="error"]`,
      { timeout: 120_000 },
    );
    expect(await row.getAttribute("data-line")).toBe("2");
    expect(await row.textContent()).toContain("index.py:2:");
    expect(await errorLines("handler-editor")).toEqual([2]);
    await setCode(page, "export const handler = async () => 1;\n", "typescript");
    await page.waitForSelector(`${ROOT} [data-role="problems"] .fcpg-problems-empty:not([hidden])`);
  });
});

describe("errors on the user's line", () => {
  it("an error thrown in a defineCdnHandler route is marked on its line", async () => {
    await setEvent("CdnDomainAdded");
    await setCode(
      page,
      `import { defineCdnHandler } from "fc-cdn-trigger";

export const handler = defineCdnHandler({
  CdnDomainAdded: (event) => {
    const domain: string = event.resource.domain;
    throw new Error(\`cannot add \${domain}\`);
  },
});
`,
      "typescript",
    );
    await clickRun(page);
    const run = await readRunDetails(page);
    expect(run.state, run.text).toBe("error");
    expect(run.error?.title).toBe("CdnHandlerError at handler.ts line 6, column 11");
    expect(run.text).toMatch(/events\[0\] \(CdnDomainAdded\) failed at handler\.ts:6:11: Error: cannot add /);
    expect(run.error?.stack).toContain("handler.ts:6:11");
    expect(await errorLines("handler-editor")).toEqual([6]);
  });

  it("an error thrown in a helper function is marked on the helper's line", async () => {
    await setEvent("CdnDomainAdded");
    await setCode(
      page,
      `import { defineCdnHandler } from "fc-cdn-trigger";

function checkDomain(domain: string): string {
  if (domain.length > 0) throw new RangeError("refused " + domain);
  return domain;
}

export const handler = defineCdnHandler({
  CdnDomainAdded: (event) => checkDomain(event.resource.domain),
});
`,
      "typescript",
    );
    await clickRun(page);
    const run = await readRunDetails(page);
    expect(run.error?.title).toBe("CdnHandlerError at handler.ts line 4, column 32");
    expect(run.text).toMatch(/events\[0\] \(CdnDomainAdded\) failed at handler\.ts:4:32: RangeError: refused /);
    // The stack goes through the route that called the helper.
    expect(run.error?.stack).toMatch(/checkDomain \(handler\.ts:4:32\)[\s\S]*handler\.ts:9:/);
    expect(await errorLines("handler-editor")).toEqual([4]);
  });

  it("an error thrown after an await is marked on its line, in JavaScript too", async () => {
    await setEvent("CdnDomainAdded");
    await setCode(
      page,
      `import { defineCdnHandler } from "fc-cdn-trigger";

const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

export const handler = defineCdnHandler({
  CdnDomainAdded: async (event) => {
    await pause();
    throw new TypeError("late for " + event.resource.domain);
  },
});
`,
      "javascript",
    );
    await clickRun(page);
    const run = await readRunDetails(page);
    expect(run.error?.title).toBe("CdnHandlerError at handler.js line 8, column 11");
    expect(run.text).toMatch(/events\[0\] \(CdnDomainAdded\) failed at handler\.js:8:11: TypeError: late for /);
    expect(await errorLines("handler-editor")).toEqual([8]);
  });

  it("a CdnHandlerError lists each failed event with its route and line, and marks every line", async () => {
    await setEvent("several");
    await setCode(
      page,
      `import { defineCdnHandler } from "fc-cdn-trigger";

export const handler = defineCdnHandler({
  LogFileCreated: (event) => {
    throw new Error("no log " + event.eventParameter.filePath);
  },
  CachedObjectsRefreshed: () => "refreshed",
  CdnDomainAdded: async () => {
    await null;
    throw new Error("no domain");
  },
});
`,
      "typescript",
    );
    await clickRun(page);
    const run = await readRunDetails(page);
    expect(run.error?.title).toBe("CdnHandlerError at handler.ts line 5, column 11");
    expect(run.text).toMatch(/events\[0\] \(LogFileCreated\) failed at handler\.ts:5:11: Error: no log /);
    expect(run.text).toContain("events[2] (CdnDomainAdded) failed at handler.ts:10:11: Error: no domain");
    expect(run.text).not.toContain("events[1]");
    expect(await errorLines("handler-editor")).toEqual([5, 10]);
  });
});

describe("the JS output tab", () => {
  /** The read-only editor's text (Monaco renders spaces as non-breaking ones). */
  const jsOutputText = () =>
    page.$eval(`${ROOT} [data-role="js-output"] .view-lines`, (el) =>
      [...el.querySelectorAll<HTMLElement>(".view-line")]
        .sort((a, b) => a.offsetTop - b.offsetTop)
        .map((line) => (line.textContent ?? "").replace(/\u00a0/g, " "))
        .join("\n"),
    );

  it("shows the emitted JavaScript, read-only, and follows edits while it is shown", async () => {
    await setCode(
      page,
      `interface Greeting { text: string }
export const handler = async (event: Buffer): Promise<Greeting> => ({ text: String(event.length) });
`,
      "typescript",
    );
    await showTab("handler-tabs", "js-output");
    await page.waitForFunction(
      (root) => document.querySelector(`${root} [data-role="js-output"] .view-lines`)?.textContent?.includes("handler"),
      ROOT,
      { timeout: 20_000 },
    );
    const text = await jsOutputText();
    expect(text).toContain("export const handler = async (event) => ({ text: String(event.length) });");
    expect(text).not.toContain("interface");
    expect(text).not.toContain("Promise<Greeting>");
    // Read-only: typing changes nothing.
    await page.click(`${ROOT} [data-role="js-output"] .view-lines`);
    await page.keyboard.type("zzz");
    expect(await jsOutputText()).not.toContain("zzz");

    await setCode(page, "export const handler = async (): Promise<number> => 41 + 1;\n", "typescript");
    await page.waitForFunction(
      (root) => document.querySelector(`${root} [data-role="js-output"] .view-lines`)?.textContent?.includes("41"),
      ROOT,
      { timeout: 20_000 },
    );
    expect(await jsOutputText()).toContain("export const handler = async () => 41 + 1;");
    await showTab("handler-tabs", "handler-editor");
  });
});
