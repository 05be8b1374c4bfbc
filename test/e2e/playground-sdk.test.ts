// The playground runs handlers with the SDK's own code, driven in Chromium against the built site: the shared table
// of FC's invoke rules (test/support/invoke-cases.ts, which sdk/test/invoke-cases.test.ts runs in Node) gives the
// same results here, and the editor knows the types of every entry point in sdk/scripts/entries.mjs.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SDK_ENTRIES } from "../../sdk/scripts/entries.mjs";
import { INVOKE_CASES, warningKinds } from "../support/invoke-cases.js";
import type { SiteBrowser } from "./browser.js";
import { clickRun, launchPlayground, readRunDetails, setCode } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
let browser: SiteBrowser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await launchPlayground(siteUrl));
});

afterAll(async () => {
  await browser?.close();
});

describe("the playground settles each case of the shared table as invokeHandler does", () => {
  for (const expected of INVOKE_CASES) {
    it(expected.name, async () => {
      await setCode(page, expected.source, "javascript");
      await clickRun(page);
      const run = await readRunDetails(page);
      if (expected.error) {
        expect(run.state, run.text).toBe("error");
        expect(run.error?.title).toMatch(
          new RegExp(`^${expected.error.name} at handler\\.js line ${expected.error.line}, column \\d+$`),
        );
        expect(run.error?.message).toBe(expected.error.message);
        // The stack is the user's: the SDK's invokeHandler, which called the handler, is cut off with what is below.
        expect(run.error?.stack).toMatch(new RegExp(`handler\\.js:${expected.error.line}:\\d+`));
        expect(run.error?.stack).not.toContain("fc-cdn-trigger");
      } else {
        expect(run.state, run.text).toBe("done");
        const shown = run.result ?? "";
        expect(typeof expected.result === "string" ? shown : JSON.parse(shown)).toEqual(expected.result);
      }
      // Late warnings never show: the sandbox terminates a run's worker as soon as the run settles.
      expect(warningKinds(run.warnings)).toEqual(expected.warnings);
    });
  }
});

describe("the editor types every SDK entry point, for import and require alike", () => {
  for (const { specifier } of SDK_ENTRIES) {
    it(`${specifier}: both are typed (not any), and both load at run time`, async () => {
      const quoted = JSON.stringify(specifier);
      // An assignment no entry's exports satisfy: a typed module fails it on its line, an `any` passes silently.
      await setCode(
        page,
        `import * as viaImport from ${quoted};
const viaRequire = require(${quoted});
const importTyped: { notAnExport: true } = viaImport;
const requireTyped: { notAnExport: true } = viaRequire;
export const handler = async () => [Object.keys(viaImport).length > 0, Object.keys(viaRequire).length > 0];
`,
        "typescript",
      );
      const run = await clickRun(page);
      expect(run.text).toContain("2 type errors in handler.ts");
      expect(run.text).toMatch(/line 3, column \d+: [^\n]*'notAnExport'[^\n]*typeof import\(/);
      expect(run.text).toMatch(/line 4, column \d+: [^\n]*'notAnExport'[^\n]*typeof import\(/);
      expect(run.state, run.text).toBe("done");
      expect(JSON.parse((await readRunDetails(page)).result ?? "")).toEqual([true, true]);
    });
  }
});
