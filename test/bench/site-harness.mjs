// What the site benchmarks (playground.bench.mjs, python.bench.mjs) share: the built site (built when
// missing), `astro preview` of it, fresh Chromium profiles, warm Runs timed in the page, and the statistics.
// Not a benchmark itself (scripts/bench.mjs runs only *.bench.mjs files).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { siteBuildIsStale, startAstroPreview } from "../site-preview.mjs";

/**
 * The repository root.
 *
 * @example
 * ```js
 * join(ROOT, "node_modules/astro/bin/astro.mjs");
 * ```
 */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The built site: dist/, or SITE_OUT_DIR (what `astro build` and `astro preview` use).
 *
 * @example
 * ```js
 * readFileSync(join(DIST, "playground/index.html"), "utf8");
 * ```
 */
export const DIST = resolve(ROOT, process.env.SITE_OUT_DIR || "dist");

const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

/**
 * The median of some numbers.
 *
 * @example
 * ```js
 * median([3, 1, 2]); // 2
 * ```
 */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Bytes as megabytes, two decimals.
 *
 * @example
 * ```js
 * mb(2_500_000); // "2.50 MB"
 * ```
 */
export const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

/**
 * Builds the site when it is stale or any path in `required` (relative to {@link DIST}) is missing, so a benchmark
 * never measures an old build; exits on a failed build.
 *
 * @example
 * ```js
 * ensureSiteBuilt(["playground/index.html"], "the playground");
 * ```
 */
export function ensureSiteBuilt(required, what) {
  const missing = !required.every((path) => existsSync(join(DIST, path)));
  if (!missing && !siteBuildIsStale({ root: ROOT, dist: DIST })) return;
  console.log(`building the site into ${DIST} (${missing ? `${what} is missing` : "it is older than its sources"})...`);
  const build = spawnSync(process.execPath, [ASTRO, "build"], { cwd: ROOT, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

/**
 * Serves the built site with `astro preview` on BENCH_PORT, else `defaultPort`, else a free port; the server
 * is stopped when the process exits. Exits with the server's output when it does not start.
 *
 * @example
 * ```js
 * const site = await startSite();
 * await page.goto(`${site.base}/playground/`);
 * site.stop();
 * ```
 */
export async function startSite(defaultPort) {
  const port = Number(process.env.BENCH_PORT) || defaultPort || (await freePort());
  let preview;
  try {
    preview = await startAstroPreview({ root: ROOT, port, env });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const { server } = preview;
  const stop = () => {
    if (server.exitCode === null && server.pid) process.kill(server.pid, "SIGTERM");
  };
  process.on("exit", stop);
  return { base: preview.url, stop };
}

/**
 * A Chromium with a fresh profile: nothing cached, like a first visit. `close` also deletes the profile.
 *
 * @example
 * ```js
 * const { context, close } = await freshContext("fc-cdn-bench-");
 * const page = await context.newPage();
 * await close();
 * ```
 */
export async function freshContext(prefix) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: BROWSER_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * In the page: 3 warm-up Runs, then `count` Runs of the first playground's current handler, each timed from
 * the click to its final output (measured in the page), `pauseMs` apart. Throws if a Run does not end "done".
 *
 * @example
 * ```js
 * const times = await warmRuns(page, 20, 50);
 * console.log(median(times));
 * ```
 */
export const warmRuns = (page, count, pauseMs) =>
  page.evaluate(
    async ([count, pauseMs]) => {
      const root = document.querySelector("[data-fc-playground]");
      const button = root.querySelector('[data-role="run"]');
      const output = root.querySelector('[data-role="output"]');
      const once = () =>
        new Promise((done) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            const state = output.dataset.runState;
            if (state !== "running" && state !== "idle") {
              observer.disconnect();
              done({ ms: performance.now() - started, state });
            }
          });
          observer.observe(output, { attributes: true, attributeFilter: ["data-run-state"] });
          button.click();
        });
      for (let i = 0; i < 3; i++) await once();
      const times = [];
      for (let i = 0; i < count; i++) {
        const { ms, state } = await once();
        if (state !== "done") throw new Error(`run ${i} ended in state ${state}`);
        times.push(ms);
        await new Promise((done) => setTimeout(done, pauseMs));
      }
      return times;
    },
    [count, pauseMs],
  );
