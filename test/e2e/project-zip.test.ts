// "Download project": the zip the browser builds downloads, unzips, holds every file it should (handler, package.json
// or requirements.txt, event.json, a test, s.yaml with one trigger per event, README with the test and deploy
// steps), and runs: from the code panel (generated handlers) through invokeHandler, and from the playground (the
// handler as written, in TypeScript, JavaScript and Python) by running the README's own commands, with the
// machine's node (as a user would, and FC's Node.js 20) and python3.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
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
import { readServerlessDevsYaml, sYamlAround } from "../../sdk/test/deploy-tools.js";
import { python3Version, runPythonHandler } from "../support/python3.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { ROOT } from "./paths.js";
import { openPlayground } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const PANEL = '[data-fc-panel="codegen"]';
const SDK_VERSION = JSON.parse(readFileSync(join(ROOT, "sdk/package.json"), "utf8")).version as string;

let browser: SiteBrowser;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), "fc-project-zip-"));
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ width: 1280, height: 900 });
  await openPlayground(page, siteUrl);
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
      ["README.md", "code/event.json", "code/handler.test.mjs", "code/index.js", "code/package.json", "s.yaml"]
        .map((f) => `cdn-events-handler/${f}`)
        .sort(),
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
    expect(readme).toContain("cd code && npm install && npm test");
    expect(readme).toContain("npx fc-cdn-trigger invoke index.js --event event.json");
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
      ["README.md", "event.json", "package.json", "s.yaml", "src/index.ts", "test/handler.test.mjs", "tsconfig.json"]
        .map((f) => `${root}/${f}`)
        .sort(),
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
      ["README.md", "code/index.py", "code/requirements.txt", "event.json", "fc_context.py", "invoke.py", "s.yaml"]
        .concat("test_handler.py")
        .map((f) => `${root}/${f}`)
        .sort(),
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

// ---- "Download project" in the playground: the handler as written, run by the README's own commands -------------

const PLAYGROUND = "[data-fc-playground]";

/** PATH without any node_modules/.bin: `node` and `npm` are the machine's, as a user would have them. */
const userPath = () =>
  (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => !dir.includes("node_modules"))
    .join(delimiter);

/** Sets the playground's template, language and event, and downloads the project it holds. */
async function downloadFromPlayground(
  template: string,
  language: CodegenLanguage,
  event: CdnEventName,
): Promise<{ name: string; files: Record<string, string>; code: string; eventJson: string }> {
  await page.waitForSelector(`${PLAYGROUND}[data-state="ready"]`, { timeout: 60_000 });
  const state = await page.evaluate(
    ([id, lang, preset]) => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: {
          setTemplate(id: string, language?: string): void;
          setEvent(preset: string): void;
          code: string;
          eventJson: string;
        };
      };
      root.playground.setEvent(preset as string);
      root.playground.setTemplate(id as string, lang as string);
      return { code: root.playground.code, eventJson: root.playground.eventJson };
    },
    [template, language, event],
  );
  const button = page.locator(`${PLAYGROUND} [data-role="download-project"]`);
  await button.waitFor({ state: "visible" });
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const files: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(readFileSync(await file.path())))) files[path] = strFromU8(data);
  return { name: file.suggestedFilename(), files, ...state };
}

/** The README's "Test it locally first" commands, one per line, without their comments. */
function readmeTestCommands(readme: string): string[] {
  const block = /## Test it locally first\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error(`the README has no "Test it locally first" commands:\n${readme}`);
  return block
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter(Boolean);
}

/**
 * Runs README command lines in `dir` as a shell would (`cd` carries over, `&&` stops at a failure), with the
 * machine's node, npm and python3. `npm install` needs the registry, which tests do not use: the packages it would
 * install are linked from this repository beforehand (see provideNodeModules), so it is the one step skipped.
 */
function runCommands(dir: string, commands: string[]): string {
  let cwd = dir;
  let output = "";
  for (const line of commands) {
    for (const part of line.split("&&").map((p) => p.trim())) {
      if (part.startsWith("cd ")) {
        cwd = join(cwd, part.slice(3).trim());
        continue;
      }
      if (/^npm install\b/.test(part)) continue;
      const run = spawnSync("sh", ["-c", part], {
        cwd,
        encoding: "utf8",
        env: { PATH: userPath(), HOME: dir, npm_config_cache: join(dir, ".npm"), npm_config_offline: "true" },
        timeout: 120_000,
      });
      output += `$ ${part}\n${run.stdout}${run.stderr}`;
      if (run.status !== 0) throw new Error(`README command failed (exit ${run.status}) in ${cwd}:\n${output}`);
    }
  }
  return output;
}

/** What `npm install` would put in `modulesAt/node_modules` for the test: the built SDK, and esbuild for TypeScript. */
function provideNodeModules(modulesAt: string, withEsbuild: boolean): void {
  const modules = join(modulesAt, "node_modules");
  mkdirSync(join(modules, ".bin"), { recursive: true });
  symlinkSync(join(ROOT, "sdk"), join(modules, "fc-cdn-trigger"), "dir");
  symlinkSync("../fc-cdn-trigger/bin/fc-cdn-trigger.js", join(modules, ".bin/fc-cdn-trigger"));
  if (withEsbuild) {
    for (const name of ["esbuild", "@esbuild"])
      symlinkSync(join(ROOT, "node_modules", name), join(modules, name), "dir");
    symlinkSync("../esbuild/bin/esbuild", join(modules, ".bin/esbuild"));
  }
}

/** s.yaml read by Serverless Devs' parser: the function's props, whose triggers are the SDK's for `events`. */
async function expectTriggers(yaml: string, events: CdnEventName[], domains: string[], runtime: string) {
  const resources = await readServerlessDevsYaml(yaml);
  const props = Object.values(resources)[0] as Record<string, unknown>;
  expect(props.runtime).toBe(runtime);
  const configs = createTriggerConfigs({ eventNames: events, domains });
  const expected = await readServerlessDevsYaml(sYamlAround(renderTriggerConfig(configs, "s-yaml")));
  expect(props.triggers).toEqual(Object.values(expected)[0]?.triggers);
}

describe("Download project in the playground: the handler as written, in any language", () => {
  it("TypeScript: package.json, s.yaml, README; `npm test` builds with esbuild and the test passes on the machine's node", async () => {
    const { name, files, code, eventJson } = await downloadFromPlayground("sdk", "typescript", "CdnDomainStopped");
    const root = name.replace(/\.zip$/, "");
    expect(name).toBe("cdn-domain-stopped.zip");
    const file = (path: string) => files[`${root}/${path}`] as string;
    expect(file("src/index.ts"), "the handler as written in the editor").toBe(code);
    expect(JSON.parse(file("event.json"))).toEqual(JSON.parse(eventJson));
    expect(JSON.parse(file("package.json")).dependencies).toEqual({ "fc-cdn-trigger": `^${SDK_VERSION}` });
    const domain = JSON.parse(eventJson).events[0].eventParameter.domain as string;
    await expectTriggers(file("s.yaml"), ["CdnDomainStopped"], [domain], "nodejs20");

    const dir = join(unpack(files), root);
    provideNodeModules(dir, true);
    const output = runCommands(dir, readmeTestCommands(file("README.md")));
    expect(output).toMatch(/# pass 1\b/);
    expect(output).toContain(`"event": "CdnDomainStopped"`);
  });

  it("JavaScript, CommonJS with a callback (the official sample's shape): `npm test` and the CLI's invoke pass", async () => {
    const { files, code } = await downloadFromPlayground("official", "javascript", "CachedObjectsRefreshed");
    const root = "cdn-cached-objects-refreshed";
    expect(files[`${root}/code/index.js`]).toBe(code);
    const pkg = JSON.parse(files[`${root}/code/package.json`] as string);
    expect(pkg.type, "CommonJS: no type: module").toBeUndefined();
    expect(pkg.devDependencies).toEqual({ "fc-cdn-trigger": `^${SDK_VERSION}` });
    const dir = join(unpack(files), root);
    provideNodeModules(join(dir, "code"), false);
    const output = runCommands(dir, readmeTestCommands(files[`${root}/README.md`] as string));
    expect(output).toMatch(/# pass 1\b/);
    expect(output).toContain("eventName:CachedObjectsRefreshed");
  });

  it("JavaScript, an ES module importing the SDK: package.json says type: module, and the test passes", async () => {
    const { files } = await downloadFromPlayground("sdk", "javascript", "LogFileCreated");
    const root = "cdn-log-file-created";
    const pkg = JSON.parse(files[`${root}/code/package.json`] as string);
    expect(pkg.type).toBe("module");
    expect(pkg.dependencies).toEqual({ "fc-cdn-trigger": `^${SDK_VERSION}` });
    const dir = join(unpack(files), root);
    provideNodeModules(join(dir, "code"), false);
    const output = runCommands(dir, readmeTestCommands(files[`${root}/README.md`] as string));
    expect(output).toMatch(/# pass 1\b/);
    expect(output).toContain(`"event": "LogFileCreated"`);
  });

  it.skipIf(!python3Version)(
    "Python: requirements.txt, s.yaml; `python3 invoke.py` and `python3 -m unittest` work as written (context stub)",
    async () => {
      const { files, code, eventJson } = await downloadFromPlayground("official", "python", "CdnDomainAdded");
      const root = "cdn-domain-added";
      const file = (path: string) => files[`${root}/${path}`] as string;
      expect(file("code/index.py")).toBe(code);
      expect(file("code/requirements.txt")).toMatch(/^#/);
      expect(JSON.parse(file("event.json"))).toEqual(JSON.parse(eventJson));
      const domain = JSON.parse(eventJson).events[0].eventParameter.domain as string;
      await expectTriggers(file("s.yaml"), ["CdnDomainAdded"], [domain], "python3.10");
      const commands = readmeTestCommands(file("README.md"));
      expect(commands).toEqual(["python3 invoke.py", "python3 -m unittest"]);
      const output = runCommands(join(unpack(files), root), commands);
      // The official shape reads context.request_id: it would crash with context=None.
      expect(output).toContain(`eventName:CdnDomainAdded, domain: ${domain}`);
      expect(output).toMatch(/Ran 1 test[\s\S]*\bOK\b/);
    },
  );
});
