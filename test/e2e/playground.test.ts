// The playground at /playground, driven in Chromium against the built site: every event with every template,
// timeouts, the sandbox, error positions, output caps, and the network staying on localhost.
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES } from "fc-cdn-trigger";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SiteBrowser } from "./browser.js";
import { clickRun, launchPlayground, setCode, waitForRunEnd } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
let browser: SiteBrowser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await launchPlayground(siteUrl));
});

afterAll(async () => {
  await browser?.close();
});

const domainOf = (name: (typeof CDN_EVENT_NAMES)[number]) =>
  String((CDN_EVENT_CATALOG[name].sample.events[0].eventParameter as { domain: string }).domain);

describe("every event with every template", () => {
  for (const template of ["sdk", "plain", "official"] as const) {
    it(`runs the ${template} template against each of the 8 events and prints the event name and domain`, async () => {
      await page.selectOption('[data-role="template"]', template);
      for (const name of CDN_EVENT_NAMES) {
        await page.selectOption('[data-role="event"]', name);
        const outcome = await clickRun(page);
        expect(outcome.state, `${template} × ${name}:\n${outcome.text}`).toBe("done");
        expect(outcome.text).toContain(name);
        expect(outcome.text).toContain(domainOf(name));
      }
    });
  }

  it("the SDK template handles an envelope of several events, one result per event", async () => {
    await page.selectOption('[data-role="template"]', "sdk");
    await page.selectOption('[data-role="event"]', "several");
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("done");
    for (const name of ["LogFileCreated", "CachedObjectsRefreshed", "CdnDomainAdded"])
      expect(outcome.text).toContain(name);
  });

  it("an invalid event warns, still runs, and the SDK reports where each problem is", async () => {
    await page.selectOption('[data-role="template"]', "sdk");
    await page.selectOption('[data-role="event"]', "invalid");
    const outcome = await clickRun(page);
    expect(outcome.text).toContain("does not match the CDN event format");
    expect(outcome.state).toBe("error");
    expect(outcome.text).toContain("CdnEventParseError");
    expect(outcome.text).toContain("events[0].eventParameter.fileSize");
    // The plain handler does not validate: the same event runs to completion.
    await page.selectOption('[data-role="template"]', "plain");
    expect((await clickRun(page)).state).toBe("done");
    await page.selectOption('[data-role="event"]', "LogFileCreated");
  });

  it("a JSON syntax error in the event blocks Run with its line and column", async () => {
    await page.evaluate(() => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setEvent(json: string): void };
      };
      root.playground.setEvent('{\n  "events": [\n    { "eventName": }\n  ]\n}\n');
    });
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("blocked");
    expect(outcome.text).toContain("not valid JSON");
    expect(outcome.text).toMatch(/line 3, column \d+/);
    await page.selectOption('[data-role="event"]', "CdnDomainAdded");
    await page.selectOption('[data-role="event"]', "LogFileCreated");
  });
});

describe("the runtime behaves like Function Compute's Node.js runtime", () => {
  it("passes the event as a Buffer: toString(), JSON.parse(event), Buffer.isBuffer and length all work", async () => {
    await setCode(
      page,
      `export const handler = async (event, context) => ({
  isBuffer: Buffer.isBuffer(event),
  isBytes: event instanceof Uint8Array,
  sameText: JSON.parse(event).events[0].eventName === JSON.parse(event.toString()).events[0].eventName,
  length: event.length > 100,
  json: JSON.stringify(event).startsWith('{"type":"Buffer"'),
});
`,
      "javascript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("done");
    for (const key of ["isBuffer", "isBytes", "sameText", "length", "json"])
      expect(outcome.text).toContain(`"${key}": true`);
  });

  it("passes a realistic FC context", async () => {
    await setCode(
      page,
      `export const handler = async (event, context) => ({
  requestId: typeof context.requestId === "string" && context.requestId.length > 8,
  credentials: Object.keys(context.credentials).sort().join(","),
  fn: [context.function.name, context.function.handler, context.function.memory, context.function.timeout].join("|"),
  region: context.region,
  accountId: context.accountId,
  logger: typeof context.logger.info,
});
`,
      "javascript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("done");
    expect(outcome.text).toContain('"requestId": true');
    expect(outcome.text).toContain('"credentials": "accessKeyId,accessKeySecret,securityToken"');
    expect(outcome.text).toMatch(/"fn": "[^|"]+\|[^|"]+\|\d+\|5"/);
    expect(outcome.text).toContain('"region": "cn-');
    expect(outcome.text).toContain('"logger": "function"');
  });

  it("runs callback handlers written with module.exports, and CommonJS require of the SDK", async () => {
    await setCode(
      page,
      `const { parseCdnEvents } = require("fc-cdn-trigger");
module.exports.handler = function (event, context, callback) {
  setTimeout(() => callback(null, { names: parseCdnEvents(event).map((e) => e.eventName) }), 10);
};
`,
      "javascript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("done");
    expect(outcome.text).toContain('"LogFileCreated"');
  });

  it("renders console objects pretty-printed and user strings as text, never HTML", async () => {
    await setCode(
      page,
      `export const handler = async () => {
  console.log({ nested: { list: [1, 2, 3] } });
  console.warn("<img src=x onerror=alert(1)>");
  console.error(new Error("shown with its stack"));
  return "<b>not bold</b>";
};
`,
      "javascript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("done");
    expect(outcome.text).toContain("{ nested: { list: [ 1, 2, 3 ] } }");
    expect(outcome.text).toContain("<img src=x onerror=alert(1)>");
    expect(outcome.text).toContain("<b>not bold</b>");
    expect(await page.locator('[data-role="output"] img, [data-role="output"] b').count()).toBe(0);
    expect(await page.locator('[data-role="output"] [data-level="warn"]').count()).toBe(1);
  });
});

describe("timeouts and Stop", () => {
  for (const [label, body] of [
    ["while (true) {}", "while (true) {}"],
    ["await new Promise(() => {})", "await new Promise(() => {});"],
  ] as const) {
    it(`stops ${label} with a timeout message, and the next Run works`, async () => {
      await setCode(page, `export const handler = async () => {\n  ${body}\n};\n`, "javascript");
      const outcome = await clickRun(page, 20_000);
      expect(outcome.state).toBe("timeout");
      expect(outcome.text).toContain("Timed out after 5 s");
      await setCode(page, 'export const handler = async () => "alive again";\n', "javascript");
      const next = await clickRun(page);
      expect(next.state).toBe("done");
      expect(next.text).toContain("alive again");
    });
  }

  it("Stop terminates a busy run, and the next Run works", async () => {
    await setCode(page, "export const handler = async () => {\n  for (;;) {}\n};\n", "javascript");
    await page.click('[data-role="run"]');
    await page.waitForSelector('[data-role="stop"]:not([disabled])');
    await page.click('[data-role="stop"]');
    const outcome = await waitForRunEnd(page);
    expect(outcome.state).toBe("stopped");
    await setCode(page, 'export const handler = async () => "after stop";\n', "javascript");
    expect((await clickRun(page)).text).toContain("after stop");
  });
});

describe("the sandbox", () => {
  it("user code cannot reach the page's DOM, cookies or storage, and the page is unharmed", async () => {
    await page.evaluate(() => {
      document.cookie = "playground_secret=1; path=/";
      localStorage.setItem("playground-secret", "kept");
    });
    const title = await page.title();
    for (const probe of [
      "parent.document.title = 'owned'",
      "document.cookie",
      "localStorage.getItem('playground-secret')",
      "top.location.href = 'https://example.com/'",
    ]) {
      await setCode(page, `export const handler = async () => {\n  return ${probe};\n};\n`, "javascript");
      const outcome = await clickRun(page);
      expect(outcome.state, probe).toBe("error");
      expect(outcome.text, probe).toMatch(/ReferenceError|TypeError|SecurityError/);
    }
    expect(await page.title()).toBe(title);
    expect(page.url()).toContain("/playground");
    expect(await page.evaluate(() => localStorage.getItem("playground-secret"))).toBe("kept");
    expect(await page.evaluate(() => document.cookie)).toContain("playground_secret=1");
  });

  it("forged protocol messages from user code are rendered as text and capped", async () => {
    await setCode(
      page,
      `export const handler = async () => {
  // postMessage reaches only the sandbox frame, which forwards nothing it does not expect.
  for (let i = 0; i < 3; i++) postMessage({ kind: "console", runId: -1, lines: [{ level: "log", text: "<b>forged</b>" }] });
  return "ok";
};
`,
      "javascript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("done");
    expect(outcome.text).not.toContain("forged");
    expect(await page.locator('[data-role="output"] b').count()).toBe(0);
  });

  it("fetch fails with an explanation and no request leaves localhost", async () => {
    await setCode(
      page,
      `export const handler = async () => {
  try {
    await fetch("https://example.com/");
    return "fetched";
  } catch (error) {
    return String(error);
  }
};
`,
      "javascript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("done");
    expect(outcome.text).toContain("no network");
    expect(browser.offsiteRequests).toEqual([]);
  });
});

describe("errors point at the user's source", () => {
  it("a type error shows a marker and does not block Run", async () => {
    await setCode(page, 'const count: number = "three";\nexport const handler = async () => count;\n', "typescript");
    await page.waitForSelector('[data-role="handler-editor"] .squiggly-error', { timeout: 20_000 });
    const outcome = await clickRun(page);
    expect(outcome.text).toContain("1 type error");
    expect(outcome.state).toBe("done");
    expect(outcome.text).toContain("three");
  });

  it("a runtime error on line 7 of TypeScript is reported at line 7 (source-mapped) with a marker", async () => {
    // Types on lines 1–5 are erased by the compiler, so the emitted line differs from the source line.
    await setCode(
      page,
      `interface Payload {
  events: { eventName: string }[];
}

type Maybe<T> = T | undefined;

export const handler = async (event: Buffer) => { const missing: Maybe<Payload> = undefined; return missing!.events; };
`,
      "typescript",
    );
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("error");
    expect(outcome.text).toMatch(/TypeError at handler\.ts line 7, column \d+/);
    expect(outcome.text).toMatch(/handler\.ts:7:\d+/);
    await page.waitForSelector('[data-role="handler-editor"] .squiggly-error');
  });

  it("a syntax error blocks Run and says where", async () => {
    await setCode(page, "export const handler = async () => {\n  return (1 + ;\n};\n", "javascript");
    const outcome = await clickRun(page);
    expect(outcome.state).toBe("blocked");
    expect(outcome.text).toMatch(/Syntax error in handler\.js/);
    expect(outcome.text).toMatch(/line 2, column \d+/);
  });
});

describe("IntelliSense from the SDK's own types", () => {
  it("fc-cdn-trigger type-checks: a correct typed handler has no type error, a misspelled route has one", async () => {
    await setCode(
      page,
      `import { defineCdnHandler } from "fc-cdn-trigger";

export const handler = defineCdnHandler({
  LogFileCreated: (event) => event.eventParameter.fileSize.toFixed(0),
  CachedObjectsRefreshed: (event) => event.eventParameter.objectPath.map((path) => path.length),
});
`,
      "typescript",
    );
    const clean = await clickRun(page);
    expect(clean.state).toBe("done");
    expect(clean.text).not.toContain("type error");
    await setCode(
      page,
      'import { defineCdnHandler } from "fc-cdn-trigger";\n\nexport const handler = defineCdnHandler({\n  LogFileCreatd: () => 1,\n});\n',
      "typescript",
    );
    const misspelled = await clickRun(page);
    expect(misspelled.text).toMatch(/1 type error in handler\.ts[\s\S]*LogFileCreatd/);
  });

  it("completes a narrowed event's eventParameter fields", async () => {
    await setCode(
      page,
      'import { defineCdnHandler } from "fc-cdn-trigger";\n\nexport const handler = defineCdnHandler({\n  CachedObjectsPushed: (event) => {\n    return event.eventParameter\n  },\n});\n',
      "typescript",
    );
    await page.click('[data-role="handler-editor"] .view-line >> nth=4');
    await page.keyboard.press("End");
    await page.keyboard.type(".");
    await page.waitForSelector(".suggest-widget .monaco-list-row", { timeout: 20_000 });
    const labels = (await page.locator(".suggest-widget .monaco-list-row").allInnerTexts()).map(
      (t) => t.split("\n")[0],
    );
    expect(labels).toEqual(expect.arrayContaining(Object.keys(CDN_EVENT_CATALOG.CachedObjectsPushed.parameterFields)));
    await page.keyboard.press("Escape");
  });

  it("the event editor completes field names from the SDK's JSON Schema", async () => {
    await page.selectOption('[data-role="event"]', "CdnDomainAdded");
    await page.evaluate(() => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setEvent(json: string): void };
      };
      root.playground.setEvent('{\n  "events": [\n    {\n      \n    }\n  ]\n}\n');
    });
    await page.click('[data-role="event-editor"] .view-line >> nth=3');
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Space");
    await page.waitForSelector(".suggest-widget .monaco-list-row", { timeout: 20_000 });
    const labels = (await page.locator(".suggest-widget .monaco-list-row").allInnerTexts()).map(
      (t) => t.split("\n")[0],
    );
    expect(labels).toEqual(expect.arrayContaining(["eventName", "eventParameter", "resource"]));
    await page.keyboard.press("Escape");
    await page.selectOption('[data-role="event"]', "LogFileCreated");
  });

  it("the event editor validates against the SDK's JSON Schema: the invalid preset gets warnings", async () => {
    await page.selectOption('[data-role="event"]', "invalid");
    await expect
      .poll(() => page.locator('[data-role="event-status"]').getAttribute("data-status"), { timeout: 20_000 })
      .toBe("warn");
    // Monaco paints its markers a frame after the status is set: wait for them rather than read them at once.
    await expect
      .poll(() => page.locator('[data-role="event-editor"] .squiggly-warning').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.selectOption('[data-role="event"]', "LogFileCreated");
    await expect
      .poll(() => page.locator('[data-role="event-status"]').getAttribute("data-status"), { timeout: 20_000 })
      .toBe("ok");
  });
});

describe("output limits and responsiveness", () => {
  it("100,000 console.log calls: the page stays responsive and the output is capped at 2,000 lines", async () => {
    await setCode(
      page,
      "export const handler = async () => {\n  for (let i = 0; i < 100000; i++) console.log('line', i);\n  return 'logged';\n};\n",
      "javascript",
    );
    await page.click('[data-role="run"]');
    // Another control works while the run floods the output: picking another event updates the event editor.
    await page.selectOption('[data-role="event"]', "CdnDomainAdded");
    await page.waitForFunction(() =>
      document.querySelector('[data-role="event-editor"] .view-lines')?.textContent?.includes("CdnDomainAdded"),
    );
    const outcome = await waitForRunEnd(page);
    expect(outcome.state).toBe("done");
    expect(await page.locator('[data-role="output"] .fcpg-line').count()).toBe(2000);
    expect(outcome.text).toContain("Output truncated: 98,000 more console lines");
    expect(outcome.text).toContain("logged");
  });
});

describe("keyboard and theme", () => {
  it("Ctrl+Enter in the editor runs the handler", async () => {
    await setCode(page, 'export const handler = async () => "from the keyboard";\n', "javascript");
    await page.click('[data-role="handler-editor"] .view-lines');
    await page.keyboard.press("Control+Enter");
    const outcome = await waitForRunEnd(page);
    expect(outcome.text).toContain("from the keyboard");
  });

  it("the editor theme follows Starlight's light/dark switch", async () => {
    const themeOf = () =>
      page.evaluate(() => (document.querySelector(".monaco-editor")?.classList.contains("vs-dark") ? "dark" : "light"));
    await page.evaluate(() => {
      document.documentElement.dataset.theme = "light";
    });
    await expect.poll(themeOf).toBe("light");
    await page.evaluate(() => {
      document.documentElement.dataset.theme = "dark";
    });
    await expect.poll(themeOf).toBe("dark");
  });

  it("no request of the whole session left localhost, and the page logged no error", async () => {
    expect(browser.offsiteRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
