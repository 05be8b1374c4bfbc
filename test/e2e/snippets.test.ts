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
import { createCdnEnvelope, createCdnEvent } from "fc-cdn-trigger/testing";
import { describe, expect, it } from "vitest";
import { handlerSnippet } from "../../site/lib/handler-snippet.js";
import { handler as typescriptHandler } from "../../site/snippets/handler.js";
import { handler as logHandler } from "../../site/snippets/log-handler.js";
import { RESULTS, ROOT } from "./paths.js";

const SNIPPETS = join(ROOT, "site/snippets");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const require = createRequire(import.meta.url);
const body = (value: unknown) => Buffer.from(JSON.stringify(value));

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
    const [outcome] = await typescriptHandler(body(CDN_EVENT_CATALOG[name].sample));
    expect(outcome).toMatchObject({ eventName: name, domain: "example.com" });
    expect(outcome?.info).not.toBe("");
  });

  it.each(CDN_EVENT_NAMES)("JavaScript (CommonJS) handler: %s", async (name) => {
    const { handler } = require(join(SNIPPETS, "handler.cjs"));
    const results = await handler(body(CDN_EVENT_CATALOG[name].sample), { requestId: "r-1" });
    expect(results).toEqual([expect.objectContaining({ domain: "example.com" })]);
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
  await import("../../site/snippets/handler.test.js");
});

describe("the Deploy guide", () => {
  it("build.mjs bundles the handler into one CommonJS file that FC can load as index.handler", () => {
    const project = join(RESULTS, "deploy-project");
    rmSync(project, { recursive: true, force: true });
    mkdirSync(join(project, "src"), { recursive: true });
    cpSync(join(SNIPPETS, "handler.ts"), join(project, "src/index.ts"));
    // A function project of its own (CommonJS by default), as in the guide.
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "cdn-handler", private: true }));
    const build = spawnSync(process.execPath, [join(SNIPPETS, "build.mjs")], { cwd: project, encoding: "utf8" });
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const { handler } = require(join(project, "dist/index.js"));
    return expect(handler(body(createCdnEnvelope("LogFileCreated")))).resolves.toEqual([
      expect.objectContaining({ eventName: "LogFileCreated" }),
    ]);
  });

  it("s.yaml deploys that bundle: handler index.handler from ./dist on a Node.js runtime", () => {
    const python = spawnSync(
      "python3",
      ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", join(SNIPPETS, "s.yaml")],
      { encoding: "utf8" },
    );
    expect(python.stderr).toBe("");
    const config = JSON.parse(python.stdout);
    const props = config.resources["cdn-handler"].props;
    expect(config.edition).toBe("3.0.0");
    expect(props).toMatchObject({ handler: "index.handler", code: "./dist" });
    expect(props.runtime).toMatch(/^nodejs\d+$/);
    expect(config.resources["cdn-handler"].component).toBe("fc3");
  });
});

describe("the Process CDN logs guide", () => {
  it("streams and summarises a gzip log served at filePath", async () => {
    const lines = [
      '[9/Jun/2015:01:58:09 +0800] 10.10.10.10 - 1542 "-" "GET http://example.com/a.html" 200 191 2830 HIT "Mozilla/5.0" "text/html"',
      '[9/Jun/2015:01:58:10 +0800] 10.10.10.11 - 12 "-" "GET http://example.com/b.html" 404 191 120 MISS "curl/8" "text/html"',
      '[9/Jun/2015:01:58:11 +0800] 10.10.10.12 - 30 "https://example.org/" "GET http://example.com/a.html" 200 191 2830 HIT "Mozilla/5.0 (X11)"',
    ];
    const server = createServer((_, response) => response.end(gzipSync(`${lines.join("\n")}\n`)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const event = createCdnEvent("LogFileCreated", {
        eventParameter: { filePath: `http://127.0.0.1:${port}/log.gz` },
      });
      const [summary] = await logHandler(body(createCdnEnvelope(event)));
      expect(summary).toEqual({
        domain: "example.com",
        requests: 3,
        cacheHits: 2,
        statusClasses: { "2xx": 2, "4xx": 1 },
      });
    } finally {
      server.close();
    }
  });
});
