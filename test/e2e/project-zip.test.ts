// "Download as an FC project": the zip the browser builds downloads, unzips, holds every file it should (handler,
// package.json, s.yaml with one trigger per event, README with the deploy steps), and its handler runs in Node
// through invokeHandler, the way Function Compute would call it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import type { CdnEventName } from "fc-cdn-trigger";
import { createCdnEnvelope, invokeHandler } from "fc-cdn-trigger/testing";
import {
  type CodegenLanguage,
  type CodegenStyle,
  createTriggerConfigs,
  generateHandlerCode,
  renderTriggerConfig,
} from "fc-cdn-trigger/tooling";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runPythonHandler } from "../support/python3.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { ROOT } from "./paths.js";

const siteUrl = inject("siteUrl");
const PANEL = '[data-fc-panel="codegen"]';
const SDK_VERSION = JSON.parse(readFileSync(join(ROOT, "sdk/package.json"), "utf8")).version as string;

let browser: SiteBrowser;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), "fc-project-zip-"));
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ width: 1280, height: 900 });
  await page.goto(`${siteUrl}/playground/`);
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface Choice {
  events: CdnEventName[];
  language: CodegenLanguage;
  style: CodegenStyle;
  domains: string[];
  accountId?: string;
}

/** Sets the panel to `choice`, clicks Download, and returns the zip's name and files (path → text). */
async function download(choice: Choice): Promise<{ name: string; files: Record<string, string> }> {
  for (const box of await page.locator(`${PANEL} input[name="event"]`).all()) {
    const value = (await box.getAttribute("value")) as CdnEventName;
    await box.setChecked(choice.events.includes(value));
  }
  await page.selectOption(`${PANEL} [data-role="language"]`, choice.language);
  await page.selectOption(`${PANEL} [data-role="style"]`, choice.style);
  await page.fill(`${PANEL} [data-role="domains"]`, choice.domains.join(", "));
  await page.fill(`${PANEL} [data-role="account"]`, choice.accountId ?? "");
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`${PANEL} [data-action="download"]`)]);
  const bytes = readFileSync(await file.path());
  const files: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) files[path] = strFromU8(data);
  return { name: file.suggestedFilename(), files };
}

/** Writes the unzipped files under a fresh folder, with fc-cdn-trigger installed as the built SDK in `modulesAt`. */
function unpack(files: Record<string, string>, modulesAt?: string): string {
  const dir = mkdtempSync(join(scratch, "project-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (modulesAt !== undefined) {
    mkdirSync(join(dir, modulesAt, "node_modules"), { recursive: true });
    symlinkSync(join(ROOT, "sdk"), join(dir, modulesAt, "node_modules/fc-cdn-trigger"), "dir");
  }
  return dir;
}

const triggerNames = (events: CdnEventName[]) =>
  createTriggerConfigs({ eventNames: events, domains: ["example.com"] }).map((config) => config.triggerName);

describe("Download as an FC project", () => {
  it("JavaScript, SDK style: every file is right, and the handler runs through invokeHandler", async () => {
    const events: CdnEventName[] = ["LogFileCreated", "CdnDomainAdded"];
    const { name, files } = await download({
      events,
      language: "javascript",
      style: "sdk",
      domains: ["example.com", "cdn.example.org"],
    });
    expect(name).toBe("cdn-events-handler.zip");
    expect(Object.keys(files).sort()).toEqual(
      ["README.md", "code/index.js", "code/package.json", "s.yaml"].map((f) => `cdn-events-handler/${f}`).sort(),
    );
    const file = (path: string) => files[`cdn-events-handler/${path}`] as string;

    expect(file("code/index.js")).toBe(generateHandlerCode({ language: "javascript", events, style: "sdk" }));
    const pkg = JSON.parse(file("code/package.json"));
    expect(pkg.dependencies).toEqual({ "fc-cdn-trigger": `^${SDK_VERSION}` });
    expect(pkg.main).toBe("index.js");

    // s.yaml: the function, then one trigger per event, each the SDK's rendering for these domains.
    const yaml = file("s.yaml");
    expect(yaml).toContain("component: fc3");
    expect(yaml).toContain("runtime: nodejs20");
    expect(yaml).toContain("handler: index.handler");
    expect(yaml).toContain(`code: "./code"`);
    const configs = createTriggerConfigs({ eventNames: events, domains: ["example.com", "cdn.example.org"] });
    const triggers = renderTriggerConfig(configs, "s-yaml").replace(/^triggers:\n/, "");
    // The same entries, indented under the function's props.
    const indent = /\n( +)triggers:\n/.exec(yaml)?.[1] ?? "";
    const nested = triggers
      .split("\n")
      .map((line) => (line ? `${indent}${line}` : line))
      .join("\n");
    expect(yaml).toContain(nested.trimEnd());
    for (const trigger of triggerNames(events))
      expect(yaml.match(new RegExp(`triggerName: ${trigger}\\n`, "g"))).toHaveLength(1);

    const readme = file("README.md");
    expect(readme).toContain("s deploy");
    expect(readme).toContain("npm install --omit=dev");
    // Run from code/, where npm install puts the SDK: from the project root, npx would download another copy.
    expect(readme).toContain("cd code && npm install && npx fc-cdn-trigger invoke index.js --event LogFileCreated");
    expect(readme).not.toContain("invoke code/");

    // Run it as FC would, with fc-cdn-trigger installed in code/node_modules as `npm install` would.
    const dir = unpack(files, "cdn-events-handler/code");
    const handler = createRequire(join(dir, "cdn-events-handler/code/index.js"))("./index.js").handler;
    const outcome = await invokeHandler(handler, createCdnEnvelope(...events));
    expect(outcome.error).toBeUndefined();
    expect((outcome.result as { eventName: string }[]).map((r) => r.eventName)).toEqual(events);
  });

  it("TypeScript, SDK style: builds with the package's esbuild command and runs", async () => {
    const events: CdnEventName[] = ["CachedObjectsRefreshed"];
    const { name, files } = await download({
      events,
      language: "typescript",
      style: "sdk",
      domains: ["*.static.example.com"],
      accountId: "1234567890123456",
    });
    expect(name).toBe("cdn-cached-objects-refreshed.zip");
    const root = "cdn-cached-objects-refreshed";
    expect(Object.keys(files).sort()).toEqual(
      ["README.md", "package.json", "s.yaml", "src/index.ts", "tsconfig.json"].map((f) => `${root}/${f}`).sort(),
    );
    expect(files[`${root}/src/index.ts`]).toBe(generateHandlerCode({ language: "typescript", events, style: "sdk" }));
    const pkg = JSON.parse(files[`${root}/package.json`] as string);
    expect(pkg.dependencies["fc-cdn-trigger"]).toBe(`^${SDK_VERSION}`);
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(["esbuild", "typescript"]));
    expect(pkg.scripts.build).toContain("--outfile=dist/index.js");
    const yaml = files[`${root}/s.yaml`] as string;
    expect(yaml).toContain(`code: "./dist"`);
    expect(yaml).toContain("acs:cdn:*:1234567890123456");
    expect(yaml).toContain(`- "*.static.example.com"`);
    expect(files[`${root}/README.md`]).toContain("npm run build");

    const dir = unpack(files, root);
    // What `npm run build` does: the package's esbuild flags, through esbuild's API.
    await build({
      entryPoints: [join(dir, root, "src/index.ts")],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      outfile: join(dir, root, "dist/index.js"),
      logLevel: "silent",
    });
    const handler = createRequire(join(dir, root, "dist/index.js"))("./index.js").handler;
    const outcome = await invokeHandler(handler, createCdnEnvelope("CachedObjectsRefreshed"));
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toEqual([expect.objectContaining({ eventName: "CachedObjectsRefreshed" })]);
  });

  it("Python, plain: index.py and a python3.10 s.yaml, and the handler runs in python3", async () => {
    const events: CdnEventName[] = ["CdnDomainStopped"];
    const { files } = await download({ events, language: "python", style: "plain", domains: ["example.com"] });
    const root = "cdn-domain-stopped";
    expect(Object.keys(files).sort()).toEqual(
      ["README.md", "code/index.py", "s.yaml"].map((f) => `${root}/${f}`).sort(),
    );
    expect(files[`${root}/code/index.py`]).toBe(generateHandlerCode({ language: "python", events, style: "plain" }));
    expect(files[`${root}/s.yaml`]).toContain("runtime: python3.10");
    expect(files[`${root}/s.yaml`]).toContain(`triggerName: ${triggerNames(events)[0]}`);

    const dir = unpack(files);
    const { result } = await runPythonHandler(
      join(dir, root, "code/index.py"),
      JSON.stringify(createCdnEnvelope("CdnDomainStopped")),
    );
    // The handler returns a JSON string (FC's Python runtime sends a str as is).
    expect(typeof result).toBe("string");
    expect(JSON.parse(result as string)).toEqual([expect.objectContaining({ eventName: "CdnDomainStopped" })]);
  });

  it("a bad domain blocks the download with an inline error", async () => {
    await page.fill(`${PANEL} [data-role="domains"]`, "example.com, 10.0.0.1");
    await page.click(`${PANEL} [data-action="download"]`);
    const error = page.locator(`${PANEL} [data-role="project-error"]`);
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toContain("Domain 2");
    expect(await error.textContent()).toContain("IP address");
    expect(browser.consoleErrors).toEqual([]);
  });
});
