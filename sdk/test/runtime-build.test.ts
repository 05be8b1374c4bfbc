// The BUILT runtime entry (sdk/dist, from `npm run build`): loads and parses on the machine's own Node
// (v20 here) as CJS and ESM, bundles for FC's Node 18 and for browsers (no node: imports), and stays
// within its byte budget.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { CDN_EVENT_CATALOG } from "../src/index.js";

const sdk = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(sdk, "dist");
/** Budget for a minimal handler that imports parseCdnEvents, minified and gzipped (level 9): 10 KiB (~5.3 KB today). */
const BUDGET_BYTES = 10 * 1024;

function requireBuilt(file: string): string {
  const path = join(dist, file);
  if (!existsSync(path)) {
    throw new Error(
      `${relative(process.cwd(), path)} is missing: these tests check the built package. Run \`npm run build\` first (the root \`npm test\` does it through \`npm run check\`).`,
    );
  }
  return path;
}

/** A minimal FC handler: what users deploy. */
const HANDLER = `
import { parseCdnEvents } from "fc-cdn-trigger";
export const handler = async (event) => parseCdnEvents(event).map((e) => e.eventName);
`;

async function bundleHandler(options: esbuild.BuildOptions = {}) {
  requireBuilt("index.js");
  return esbuild.build({
    stdin: { contents: HANDLER, resolveDir: sdk, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    metafile: true,
    logLevel: "silent",
    // The package resolves to itself through the workspace link in node_modules.
    alias: { "fc-cdn-trigger": join(dist, "index.js") },
    ...options,
  });
}

describe("the built files run on the machine's own node (outside npm's PATH)", () => {
  // npm puts node_modules/.bin (with the pinned Node 22) first on PATH; drop those entries.
  const PATH = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((entry) => !entry.includes("node_modules"))
    .join(delimiter);
  const systemNode = (args: string[]) =>
    execFileSync("/usr/bin/env", ["node", ...args], { env: { ...process.env, PATH }, encoding: "utf8", cwd: sdk });
  const version = systemNode(["--version"]).trim();
  const sample = JSON.stringify(CDN_EVENT_CATALOG.CachedObjectsRefreshed.sample);

  it(`is a supported Node (${version})`, () => {
    expect(version).toMatch(/^v\d+\./);
    expect(Number(version.slice(1).split(".")[0])).toBeGreaterThanOrEqual(18);
  });

  it("loads dist/index.cjs with require() and parses a Buffer", () => {
    const file = requireBuilt("index.cjs");
    const script = `
      const { parseCdnEvents, CdnEventParseError } = require(${JSON.stringify(file)});
      const [event] = parseCdnEvents(Buffer.from(process.argv[1]));
      let error;
      try { parseCdnEvents("{}"); } catch (e) { error = e instanceof CdnEventParseError; }
      console.log(JSON.stringify({ node: process.version, name: event.eventName, taskId: event.eventParameter.taskId, error }));
    `;
    expect(JSON.parse(systemNode(["-e", script, sample]))).toEqual({
      node: version,
      name: "CachedObjectsRefreshed",
      taskId: "2089687230",
      error: true,
    });
  });

  it("loads dist/index.js with import() and parses a Buffer", () => {
    const file = requireBuilt("index.js");
    const script = `
      const { parseCdnEvents } = await import(${JSON.stringify(`file://${file}`)});
      const [event] = parseCdnEvents(Buffer.from(process.argv[1]));
      console.log(JSON.stringify({ node: process.version, name: event.eventName, paths: event.eventParameter.objectPath.length }));
    `;
    expect(JSON.parse(systemNode(["--input-type=module", "-e", script, sample]))).toEqual({
      node: version,
      name: "CachedObjectsRefreshed",
      paths: 2,
    });
  });
});

describe("the runtime entry bundles for every place it runs", () => {
  it("for FC's Node 18 (esbuild target node18, CJS) without errors", async () => {
    const result = await bundleHandler({ platform: "node", target: "node18", format: "cjs" });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('for platform "neutral" (browsers, workers) without any node: import or Node global', async () => {
    const result = await bundleHandler({ target: "es2022" });
    expect(result.errors).toEqual([]);
    const imports = Object.values(result.metafile?.inputs ?? {}).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((path) => path.startsWith("node:"))).toEqual([]);
    const code = result.outputFiles?.[0]?.text ?? "";
    expect(code).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(|["']node:/);
  });

  it(`a minimal handler is at most ${BUDGET_BYTES} bytes minified + gzipped`, async () => {
    const result = await bundleHandler();
    const bytes = result.outputFiles?.[0]?.contents ?? new Uint8Array();
    const gzip = gzipSync(bytes, { level: 9 }).length;
    console.log(`minimal handler: ${bytes.length} bytes minified, ${gzip} bytes gzip (budget ${BUDGET_BYTES})`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
    // Docs and samples are tree-shaken away: a handler that only parses must not carry them.
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain(CDN_EVENT_CATALOG.LogFileCreated.firesWhen);
    expect(text).not.toContain("cdnlog.cn-hangzhou");
  });

  it("a minimal handler carries no zod: the parser answers from code generated from the schemas at build time", async () => {
    const result = await bundleHandler();
    const inputs = Object.keys(result.metafile?.outputs[Object.keys(result.metafile.outputs)[0] ?? ""]?.inputs ?? {});
    expect(inputs.some((input) => input.endsWith("dist/index.js"))).toBe(true);
    expect(inputs.filter((input) => /node_modules\/zod\//.test(input))).toEqual([]);
  });
});
