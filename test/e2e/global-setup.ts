// Global setup of the "site" test project: build the SDK and the site once per run, serve the built site with
// `astro preview`, make sure Chromium exists, and stop the server afterwards. Tests read the URL with
// `inject("siteUrl")` and launch the browser with `launchBrowser()` from ./browser.ts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { siteBuildIsStale, startAstroPreview } from "../site-preview.mjs";
import { chromiumPath, ROOT } from "./paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the built site served by `astro preview`, without a trailing slash. */
    siteUrl: string;
    /** The folder `astro build` wrote the site to (dist/, or SITE_OUT_DIR). */
    siteDist: string;
  }
}

// SITE_TEST_PORT pins the port; by default the OS picks a free one, so concurrent runs never collide.
const PINNED_PORT = process.env.SITE_TEST_PORT ? Number(process.env.SITE_TEST_PORT) : undefined;
const DIST = resolve(ROOT, process.env.SITE_OUT_DIR || "dist");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
// Vitest sets NODE_ENV=test, which would make Vite build the site in dev mode (no search index UI, dev warnings).
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

function run(what: string, args: string[]): void {
  console.log(`[site tests] ${what}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`[site tests] ${what} failed (exit code ${result.status})`);
}

function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() === 0) {
    console.log("[site tests] installing Chromium with apt-get");
    const install = spawnSync(
      "sh",
      [
        "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null",
      ],
      {
        stdio: "inherit",
      },
    );
    if (install.status === 0 && existsSync(chromiumPath)) return;
  }
  throw new Error(`Chromium is missing at ${chromiumPath}; fix: sudo apt-get install -y chromium`);
}

/** Listens on `port` (0: any) and closes again: the port if it was free, `undefined` if not. */
const tryPort = (port: number) =>
  new Promise<number | undefined>((resolve) => {
    const server = createServer()
      .once("error", () => resolve(undefined))
      .listen(port, "127.0.0.1", () => {
        const { port: bound } = server.address() as AddressInfo;
        server.close(() => resolve(bound));
      });
  });

export default async function setup(project: TestProject) {
  ensureChromium();

  // Tests read the catalog from the built package and compare downloads with its schema files.
  // (`npm test` builds the SDK first through `npm run check`; this covers running the site project alone.)
  const sdkOutputs = [
    "sdk/dist/index.js",
    "sdk/dist/index.d.ts",
    "sdk/dist/tooling/index.js",
    "sdk/schemas/envelope.schema.json",
  ];
  if (!sdkOutputs.every((file) => existsSync(join(ROOT, file)))) {
    run("building the SDK", [join(ROOT, "sdk/scripts/build.mjs")]);
  }

  // Rebuild the site unless dist/ is newer than everything it is built from.
  if (siteBuildIsStale({ root: ROOT, dist: DIST })) {
    const started = performance.now();
    run("building the site (astro build)", [ASTRO, "build"]);
    console.log(`[site tests] site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log("[site tests] dist/ is up to date; not rebuilding");
  }

  const PORT = await tryPort(PINNED_PORT ?? 0);
  if (PORT === undefined) {
    throw new Error(`port ${PINNED_PORT} is in use; stop what listens there or unset SITE_TEST_PORT`);
  }
  const { url, stop } = await startAstroPreview({ root: ROOT, port: PORT, env });
  project.provide("siteUrl", url);
  project.provide("siteDist", DIST);

  return stop;
}
