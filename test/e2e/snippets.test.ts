// The guides' code snippets are real files (site/snippets). Here they are type-checked and run:
// TypeScript and checked JavaScript with tsc, every handler against every sample, the deploy bundle as FC loads it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES } from "fc-cdn-trigger";
import { generateCdnLog } from "fc-cdn-trigger/logs";
import { createCdnEnvelope, createCdnEvent, invokeHandler } from "fc-cdn-trigger/testing";
import { describe, expect, it } from "vitest";
import { handlerSnippet } from "../../site/lib/handler-snippet.js";
import { sYaml } from "../../site/snippets/deploy-config.js";
import { handler as typescriptHandler } from "../../site/snippets/index.js";
import { handler as logHandler } from "../../site/snippets/log-handler.js";
import { RESULTS, ROOT } from "./paths.js";

const SNIPPETS = join(ROOT, "site/snippets");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const require = createRequire(import.meta.url);

const tsc = (args: string[]) => {
  const result = spawnSync(process.execPath, [TSC, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe("type-checking", () => {
  it("every snippet file type-checks (TypeScript, and JavaScript with // @ts-check)", () => {
    const { status, output } = tsc(["-p", join(SNIPPETS, "tsconfig.json")]);
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("the typed handler on every event page compiles with --strict", () => {
    const dir = join(RESULTS, "event-handlers");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const name of CDN_EVENT_NAMES) writeFileSync(join(dir, `${name}.ts`), handlerSnippet(name));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: join(ROOT, "tsconfig.json"), compilerOptions: { strict: true }, include: ["*.ts"] }),
    );
    const { status, output } = tsc(["-p", join(dir, "tsconfig.json")]);
    expect(output).toBe("");
    expect(status).toBe(0);
  });
});

describe("handlers run against every sample", () => {
  it.each(CDN_EVENT_NAMES)("TypeScript handler: %s", async (name) => {
    const { result, error } = await invokeHandler(typescriptHandler, CDN_EVENT_CATALOG[name].sample);
    expect(error).toBeUndefined();
    expect(result).toEqual([expect.objectContaining({ eventName: name, domain: "example.com" })]);
  });

  it.each(CDN_EVENT_NAMES)("JavaScript (CommonJS) handler: %s", async (name) => {
    const { handler } = require(join(SNIPPETS, "handler.cjs"));
    const { result, error } = await invokeHandler(handler, CDN_EVENT_CATALOG[name].sample);
    expect(error).toBeUndefined();
    expect(result).toEqual([expect.objectContaining({ domain: "example.com" })]);
  });

  it("Python handler: every sample, and an envelope of all 8 events", () => {
    const envelopes = [
      ...CDN_EVENT_NAMES.map((name) => CDN_EVENT_CATALOG[name].sample),
      createCdnEnvelope(...CDN_EVENT_NAMES),
    ];
    const script = [
      "import importlib.util, json, sys",
      `spec = importlib.util.spec_from_file_location("handler", ${JSON.stringify(join(SNIPPETS, "handler.py"))})`,
      "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)",
      "class Context: request_id = 'r-1'",
      "out = [json.loads(module.handler(json.dumps(e).encode(), Context())) for e in json.load(sys.stdin)]",
      "print(json.dumps(out))",
    ].join("\n");
    const python = spawnSync("python3", ["-c", script], { input: JSON.stringify(envelopes), encoding: "utf8" });
    expect(python.error, "python3 is needed to run the Python snippet").toBeUndefined();
    expect(python.stderr).toBe("");
    const results = JSON.parse(python.stdout) as { eventName: string; domain: string; info: string }[][];
    expect(results.slice(0, -1).map((r) => r.map((o) => o.eventName))).toEqual(CDN_EVENT_NAMES.map((n) => [n]));
    expect(results.at(-1)?.map((o) => o.eventName)).toEqual([...CDN_EVENT_NAMES]);
    expect(results[1]?.[0]?.info).toContain(".mp4");
  });
});

describe("the Test locally guide's test file", async () => {
  // Importing it registers its describe/it blocks here, so the guide's test really runs.
  await import("../../site/snippets/index.test.js");
});

describe("the Deploy guide", () => {
  it("build.mjs bundles the handler into one CommonJS file that FC can load as index.handler", () => {
    const project = join(RESULTS, "deploy-project");
    rmSync(project, { recursive: true, force: true });
    mkdirSync(join(project, "src"), { recursive: true });
    cpSync(join(SNIPPETS, "index.ts"), join(project, "src/index.ts"));
    // A function project of its own (CommonJS by default), as in the guide.
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "cdn-handler", private: true }));
    const build = spawnSync(process.execPath, [join(SNIPPETS, "build.mjs")], { cwd: project, encoding: "utf8" });
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const { handler } = require(join(project, "dist/index.js"));
    return expect(invokeHandler(handler, createCdnEnvelope("LogFileCreated"))).resolves.toMatchObject({
      error: undefined,
      result: [expect.objectContaining({ eventName: "LogFileCreated" })],
    });
  });

  it("s.yaml deploys that bundle: index.handler from ./dist on Node.js, one CDN trigger per event", () => {
    const python = spawnSync(
      "python3",
      ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"],
      {
        input: sYaml,
        encoding: "utf8",
      },
    );
    expect(python.stderr).toBe("");
    const config = JSON.parse(python.stdout);
    type Props = { handler: string; code: string; runtime: string; triggers: { triggerType: string }[] };
    const resource = Object.values(config.resources)[0] as { component: string; props: Props };
    expect(config.edition).toBe("3.0.0");
    expect(resource.component).toBe("fc3");
    expect(resource.props).toMatchObject({ handler: "index.handler", code: "./dist" });
    expect(resource.props.runtime).toMatch(/^nodejs\d+$/);
    expect(resource.props.triggers.map((t) => t.triggerType)).toEqual(["cdn_events", "cdn_events"]);
  });
});

describe("the Process CDN logs guide", () => {
  it("streams and summarises a gzip log served at filePath", async () => {
    const log = generateCdnLog({ lines: 500, seed: 7 });
    const server = createServer((_, response) => response.end(gzipSync(log)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const event = createCdnEvent("LogFileCreated", {
        eventParameter: { filePath: `http://127.0.0.1:${port}/log.gz` },
      });
      const { result, error, logs } = await invokeHandler<{ requests: number }[]>(logHandler, createCdnEnvelope(event));
      expect(error).toBeUndefined();
      expect(result?.[0]?.requests).toBe(log.trimEnd().split("\n").length);
      expect(logs.map((line) => line.message)).toContainEqual(expect.stringContaining("cache hits"));
    } finally {
      server.close();
    }
  });
});
