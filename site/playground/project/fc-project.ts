// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the README quotes s.yaml's ${config('AccountID')} literally
// "Download project": a folder you can test and deploy as is. The handler is the one written in the playground (any
// language) or the SDK's generateHandlerCode (the code panel); the triggers and s.yaml come from the SDK's tooling
// (one CDN trigger per event), with package.json or requirements.txt, the event as event.json, a test that calls
// the handler with it the way FC does, and a README whose commands work as written. Built in the browser and
// zipped with fflate; nothing is uploaded anywhere.

import type { CdnEventName } from "fc-cdn-trigger";
import { createCdnEnvelope } from "fc-cdn-trigger/testing";
import {
  type CodegenLanguage,
  type CodegenStyle,
  createTriggerConfigs,
  generateHandlerCode,
  renderServerlessDevsYaml,
} from "fc-cdn-trigger/tooling";
import { strToU8, zipSync } from "fflate";
import FC_CONTEXT_PY from "../python/fc_context.py?raw";
import INVOKE_PY from "./invoke.py?raw";
import TEST_HANDLER_PY from "./test_handler.py?raw";

/**
 * What the project is made of.
 *
 * @example
 * ```ts
 * const options: FcProjectOptions = { events: ["LogFileCreated"], language: "javascript", style: "sdk", domains: ["example.com"], sdkVersion: "0.1.0" };
 * ```
 */
export interface FcProjectOptions {
  events: readonly CdnEventName[];
  language: CodegenLanguage;
  /** The generated handler's style; ignored when `handler` is given. */
  style?: CodegenStyle;
  /** The handler as written (the playground's editor); without it, the SDK's generateHandlerCode writes one. */
  handler?: string;
  /** The event body the test and the README's command use (event.json); without it, the catalog's samples of `events`. */
  eventJson?: string;
  /** The accelerated domains the triggers filter on. */
  domains: readonly string[];
  /** Alibaba Cloud account ID; without it s.yaml uses `${config('AccountID')}`. */
  accountId?: string;
  /** The fc-cdn-trigger version package.json asks for (`^version`): the one this site documents. */
  sdkVersion: string;
}

/** A generated project: its folder name and its files (path → text). */
export interface FcProject {
  name: string;
  files: Record<string, string>;
}

/** Versions the TypeScript project builds with (the ones this site is built and tested with). */
const DEV_VERSIONS = { esbuild: "^0.28.2", typescript: "~6.0.0", "@types/node": "^22.0.0" };
const RUNTIMES: Record<CodegenLanguage, string> = {
  typescript: "nodejs20",
  javascript: "nodejs20",
  python: "python3.10",
};
const LANGUAGE_NAMES: Record<CodegenLanguage, string> = {
  typescript: "TypeScript",
  javascript: "JavaScript",
  python: "Python",
};

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/**
 * The project's name: `cdn-log-file-created` for one event, `cdn-events-handler` for several.
 *
 * @example
 * ```ts
 * fcProjectName(["CdnDomainAdded"]); // "cdn-domain-added"
 * ```
 */
export function fcProjectName(events: readonly CdnEventName[]): string {
  if (events.length !== 1) return "cdn-events-handler";
  const name = kebab(events[0] as string);
  return name.startsWith("cdn-") ? name : `cdn-${name}`;
}

/**
 * Whether JavaScript or TypeScript source needs fc-cdn-trigger at run time: a value import or require of it
 * (`import type` lines only need it to type-check).
 *
 * @example
 * ```ts
 * importsSdk('import { defineCdnHandler } from "fc-cdn-trigger";'); // true
 * importsSdk('import type { FcContext } from "fc-cdn-trigger";'); // false
 * ```
 */
export function importsSdk(source: string): boolean {
  return /^(?!\s*import\s+type\b).*(?:\bfrom\s*["']fc-cdn-trigger(?:\/[\w-]+)?["']|\brequire\(\s*["']fc-cdn-trigger(?:\/[\w-]+)?["']\s*\))/m.test(
    source,
  );
}

/**
 * Whether JavaScript source is an ES module (a top-level `import` or `export` statement), so its package.json
 * needs `"type": "module"` for Node and FC to load it; CommonJS (`exports.handler = …`) must not have it.
 *
 * @example
 * ```ts
 * isEsModule("export const handler = async () => 1;"); // true
 * isEsModule("exports.handler = async () => 1;"); // false
 * ```
 */
export function isEsModule(source: string): boolean {
  return /^[ \t]*(?:import[ \t]*[\w{*"']|export[ \t{*])/m.test(source);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The Node test: `node --test` calls the handler with event.json through the SDK's invokeHandler, as FC would. */
const nodeTest = (
  handlerPath: string,
  eventPath: string,
  build: boolean,
) => `// Calls the handler with ${eventPath.replace(/^\.\.?\//, "")} the way Function Compute's Node.js runtime does (a Buffer
// body, an FC context), through fc-cdn-trigger's invokeHandler.${build ? " `npm test` builds dist/index.js first." : ""}
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { invokeHandler } from "fc-cdn-trigger/testing";
import * as handlerModule from "${handlerPath}";

// CommonJS exports.handler arrives as a named export, or on the default export.
const handler = handlerModule.handler ?? handlerModule.default?.handler;

test("the handler handles ${eventPath.replace(/^\.\.?\//, "")}", async () => {
  assert.equal(typeof handler, "function", "${handlerPath.replace(/^\.\.?\//, "")} exports no function named handler");
  const body = readFileSync(new URL("${eventPath}", import.meta.url));
  const { result, error, logs } = await invokeHandler(handler, body);
  for (const line of logs) console.log(\`[\${line.level}] \${line.message}\`);
  assert.equal(error, undefined, \`the handler failed: \${error instanceof Error ? error.stack : error}\`);
  console.log("returned:", JSON.stringify(result, null, 2));
});
`;

interface Layout {
  name: string;
  codeDir: string;
  handlerFile: string;
  /** Whether the handler needs fc-cdn-trigger at run time (a dependency, not a dev dependency). */
  sdkAtRuntime: boolean;
  /** Whether the handler was written in the playground (else generated). */
  written: boolean;
}

function readme(options: FcProjectOptions, layout: Layout): string {
  const { language, events } = options;
  const { name, codeDir, handlerFile } = layout;
  const what = layout.written
    ? "written in the fc-cdn-trigger playground"
    : `${options.style === "sdk" ? "SDK style" : "plain, no dependencies"}, generated by the fc-cdn-trigger playground`;
  const install =
    language === "typescript"
      ? ["npm install", "npm run build        # bundles src/index.ts (and the SDK) into dist/index.js"]
      : language === "javascript"
        ? [
            `cd ${codeDir}`,
            layout.sdkAtRuntime
              ? "npm install --omit=dev   # the SDK is the one runtime dependency"
              : "npm install --omit=dev   # no runtime dependency",
            "cd ..",
          ]
        : [];
  // npx must find the SDK `npm install` put in node_modules (the project root for TypeScript, code/ for
  // JavaScript), or it would download another copy: JavaScript runs the commands from code/.
  const testCommands =
    language === "typescript"
      ? [
          "npm install",
          "npm test                                   # builds, then calls the handler with event.json",
          "npx fc-cdn-trigger invoke dist/index.js --event event.json   # the same, with its output",
        ]
      : language === "javascript"
        ? [
            `cd ${codeDir} && npm install && npm test   # calls the handler with event.json`,
            `npx fc-cdn-trigger invoke ${handlerFile} --event event.json   # the same, with its output`,
          ]
        : [
            "python3 invoke.py           # calls the handler with event.json and prints what FC would send back",
            "python3 -m unittest         # the same as a test (test_handler.py)",
          ];
  const files =
    language === "typescript"
      ? [
          "- `src/index.ts`: the handler (`handler(event, context)`).",
          "- `package.json`, `tsconfig.json`: dependencies and scripts (`build`, `test`, `typecheck`).",
        ]
      : language === "javascript"
        ? [
            `- \`${codeDir}/${handlerFile}\`: the handler (\`handler(event, context)\`).`,
            `- \`${codeDir}/package.json\`: dependencies and scripts (\`test\`, \`invoke\`).`,
          ]
        : [
            `- \`${codeDir}/${handlerFile}\`: the handler (\`handler(event, context)\`).`,
            `- \`${codeDir}/requirements.txt\`: its dependencies (none: the standard library only, until you add some).`,
            "- `invoke.py`, `fc_context.py`: call the handler locally as FC would, with a stand-in for FC's context.",
          ];
  const testFile =
    language === "typescript"
      ? "test/handler.test.mjs"
      : language === "javascript"
        ? `${codeDir}/handler.test.mjs`
        : "test_handler.py";
  const eventFile = language === "javascript" ? `${codeDir}/event.json` : "event.json";
  const lines = [
    `# ${name}`,
    "",
    `A Function Compute (FC 3.0) function for the CDN event${events.length > 1 ? "s" : ""} ${events.join(", ")},`,
    `in ${LANGUAGE_NAMES[language]} (${what}).`,
    "",
    "## Files",
    "",
    ...files,
    `- \`${eventFile}\`: the event the test calls the handler with.`,
    `- \`${testFile}\`: the test.`,
    "- `s.yaml`: the function and one CDN trigger per event, for Serverless Devs (`s deploy`).",
    "",
    "## Test it locally first",
    "",
    "```sh",
    ...testCommands,
    "```",
    "",
    "## Deploy",
    "",
    "1. Install Serverless Devs and add your Alibaba Cloud credentials:",
    "",
    "   ```sh",
    "   npm install -g @serverless-devs/s",
    "   s config add",
    "   ```",
    "",
    `2. Check the domains in \`s.yaml\` (\`filter.domain\`): each must be an accelerated domain of your CDN.${options.accountId ? "" : " The account ID comes from your credentials (`${config('AccountID')}`)."}`,
    ...(install.length > 0
      ? [
          "",
          `3. ${language === "typescript" ? "Install and build" : "Install the dependencies"}:`,
          "",
          "   ```sh",
          ...install.map((l) => `   ${l}`),
          "   ```",
        ]
      : []),
    "",
    `${install.length > 0 ? 4 : 3}. Deploy the function and its triggers:`,
    "",
    "   ```sh",
    "   s deploy",
    "   ```",
    "",
    "Or open the playground and run it against any CDN event in your browser.",
    "",
  ];
  return lines.join("\n");
}

/**
 * The files of a deployable, testable FC project for the chosen events and language. Throws the tooling's
 * `TriggerConfigError` (with `issues` naming each bad domain) when the domains or account ID are invalid.
 *
 * @example
 * ```ts
 * const { name, files } = fcProjectFiles({ events: ["LogFileCreated"], language: "javascript", style: "sdk", domains: ["example.com"], sdkVersion: "0.1.0" });
 * Object.keys(files); // ["code/index.js", "code/package.json", "code/event.json", "code/handler.test.mjs", "s.yaml", "README.md"]
 * ```
 */
export function fcProjectFiles(options: FcProjectOptions): FcProject {
  const { events, language } = options;
  const name = fcProjectName(events);
  const triggers = createTriggerConfigs({
    eventNames: events,
    domains: options.domains,
    ...(options.accountId ? { accountId: options.accountId } : {}),
  });
  const style = options.style ?? "sdk";
  const handler = options.handler ?? generateHandlerCode({ language, events, style });
  const eventJson = options.eventJson ?? json(createCdnEnvelope(...events));
  const layout: Layout = {
    name,
    codeDir: language === "typescript" ? "dist" : "code",
    handlerFile: language === "python" ? "index.py" : "index.js",
    sdkAtRuntime: options.handler === undefined ? style === "sdk" : importsSdk(options.handler),
    written: options.handler !== undefined,
  };
  const sdk = { "fc-cdn-trigger": `^${options.sdkVersion}` };
  const description = `FC handler for CDN ${events.join(", ")} events`;
  const files: Record<string, string> = {};
  if (language === "typescript") {
    files["src/index.ts"] = handler;
    files["package.json"] = json({
      name,
      version: "1.0.0",
      private: true,
      description,
      scripts: {
        build:
          "esbuild src/index.ts --bundle --platform=node --target=node20 --format=cjs --sourcemap --outfile=dist/index.js",
        test: "npm run build && node --test test/handler.test.mjs",
        typecheck: "tsc --noEmit",
        invoke: "fc-cdn-trigger invoke dist/index.js --event event.json",
      },
      // The test calls the handler through fc-cdn-trigger/testing: the SDK is at least a dev dependency.
      ...(layout.sdkAtRuntime ? { dependencies: sdk } : {}),
      devDependencies: { ...DEV_VERSIONS, ...(layout.sdkAtRuntime ? {} : sdk) },
      engines: { node: ">=18" },
    });
    files["tsconfig.json"] = json({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: ["node"],
      },
      include: ["src"],
    });
    files["event.json"] = eventJson;
    files["test/handler.test.mjs"] = nodeTest("../dist/index.js", "../event.json", true);
  } else if (language === "javascript") {
    files["code/index.js"] = handler;
    files["code/package.json"] = json({
      name,
      version: "1.0.0",
      private: true,
      description,
      main: "index.js",
      // An ES module handler needs it (FC's Node.js runtime loads index.js as Node does); CommonJS must not have it.
      ...(isEsModule(handler) ? { type: "module" } : {}),
      scripts: {
        test: "node --test handler.test.mjs",
        invoke: "fc-cdn-trigger invoke index.js --event event.json",
      },
      ...(layout.sdkAtRuntime ? { dependencies: sdk } : { devDependencies: sdk }),
      engines: { node: ">=18" },
    });
    files["code/event.json"] = eventJson;
    files["code/handler.test.mjs"] = nodeTest("./index.js", "./event.json", false);
  } else {
    files["code/index.py"] = handler;
    files["code/requirements.txt"] =
      "# The handler's dependencies, one per line (pip's format). It uses only Python's standard library so far.\n";
    files["event.json"] = eventJson;
    files["fc_context.py"] = FC_CONTEXT_PY;
    files["invoke.py"] = INVOKE_PY;
    files["test_handler.py"] = TEST_HANDLER_PY;
  }
  files["s.yaml"] = renderServerlessDevsYaml({
    name,
    description: `Handles CDN ${events.join(", ")} events`,
    runtime: RUNTIMES[language],
    handler: "index.handler",
    code: `./${layout.codeDir}`,
    triggers,
    comment: "Generated by the fc-cdn-trigger playground. Deploy with: s deploy",
  });
  files["README.md"] = readme(options, layout);
  return { name, files };
}

/**
 * Zips a project into one folder named after it (fflate, in memory).
 *
 * @example
 * ```ts
 * const bytes = zipFcProject(fcProjectFiles(options));
 * const url = URL.createObjectURL(new Blob([bytes], { type: "application/zip" }));
 * ```
 */
export function zipFcProject(project: FcProject): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(project.files)) entries[`${project.name}/${path}`] = strToU8(text);
  return zipSync(entries, { level: 9 });
}
