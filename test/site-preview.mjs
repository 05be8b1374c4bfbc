// Serves a built site with `astro preview`: shared by the site tests' global setup (test/e2e/global-setup.ts)
// and the site benchmarks (test/bench/site-harness.mjs). Plain JavaScript so the benchmarks run it without a
// TypeScript loader; site-preview.d.mts types it for the tests.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What `astro build` reads, relative to the repository root. */
const SITE_INPUTS = ["site", "sdk/src", "sdk/scripts/entries.mjs", "astro.config.mjs", "sdk/tsconfig.typedoc.json"];

/** Newest modification time under `path` (a file or a folder), skipping generated folders. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !["node_modules", "api", "dist"].includes(entry.name))
    .reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry.name))), stat.mtimeMs);
}

/**
 * Whether the built site in `dist` is missing or older than anything it is built from, so tests and benchmarks
 * never measure a stale build.
 *
 * @example
 * ```js
 * if (siteBuildIsStale({ root: ROOT, dist: join(ROOT, "dist") })) build();
 * ```
 *
 * @param {{ root: string, dist: string }} options
 * @returns {boolean}
 */
export function siteBuildIsStale({ root, dist }) {
  const builtHome = join(dist, "index.html");
  if (!existsSync(builtHome)) return true;
  const newestInput = Math.max(...SITE_INPUTS.map((path) => newestMtime(join(root, path))));
  return statSync(builtHome).mtimeMs < newestInput;
}

/**
 * Starts `astro preview` of `root`'s built site on 127.0.0.1:`port` and resolves once it answers. Node itself
 * runs Astro (not npx), so the PID `stop` signals is the server's; `--ignore-lock` keeps it in the foreground
 * (Astro otherwise backgrounds preview servers it thinks an agent started) and independent of other servers.
 * Rejects with the server's output when it exits early or does not answer within 60 s.
 *
 * @example
 * ```js
 * const preview = await startAstroPreview({ root: ROOT, port: 4321 });
 * await fetch(`${preview.url}/playground/`);
 * await preview.stop();
 * ```
 *
 * @param {{ root: string, port: number, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<import("./site-preview.d.mts").AstroPreview>}
 */
export async function startAstroPreview({ root, port, env = process.env }) {
  const server = spawn(
    process.execPath,
    [
      join(root, "node_modules/astro/bin/astro.mjs"),
      "preview",
      "--ignore-lock",
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
    ],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  server.stdout.on("data", (chunk) => {
    output += chunk;
  });
  server.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode !== null || server.pid === undefined) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    process.kill(server.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.exitCode === null) process.kill(server.pid, "SIGKILL");
  };
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.exitCode !== null) throw new Error(`astro preview exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/`)).ok) return { url, server, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`astro preview did not answer at ${url}/ within 60 s:\n${output}`);
}
