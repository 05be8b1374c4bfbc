// Runs a bundled handler the way FC's Node.js runtime does: the machine's own `node` (not the
// project's pinned one, no node_modules on PATH), the file alone in a folder, the event as a Buffer.
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const RUNNER = `
const { handler } = require("./index.js");
const body = require("node:fs").readFileSync(0);
const logs = [];
const log = (level) => (...args) => logs.push(level + " " + args.join(" "));
const context = {
  requestId: "system-node-request", region: "cn-hangzhou", accountId: "1234567890123456",
  credentials: { accessKeyId: "id", accessKeySecret: "secret", securityToken: "token" },
  function: { name: "example", handler: "index.handler", memory: 512, timeout: 60 },
  service: { name: "example" },
  logger: { debug: log("DEBUG"), info: log("INFO"), warn: log("WARN"), error: log("ERROR") },
};
const done = (outcome) => process.stdout.write(JSON.stringify({ ...outcome, logs, node: process.version }));
Promise.resolve()
  .then(() => handler(body, context))
  .then((result) => done({ ok: true, result }), (error) => done({ ok: false, name: error && error.name, error: String(error && error.message) }));
`;

export interface SystemNodeOutcome {
  ok: boolean;
  result?: unknown;
  name?: string;
  error?: string;
  logs: string[];
  node: string;
}

/** PATH without any node_modules/.bin, so `node` is the machine's. */
const systemPath = () =>
  (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => !dir.includes("node_modules"))
    .join(delimiter);

/** The version of the machine's `node`, as FC-like runs use it. */
export const systemNodeVersion = () =>
  execFileSync("/usr/bin/env", ["node", "--version"], { env: { PATH: systemPath() }, encoding: "utf8" }).trim();

/**
 * Invokes `bundle` (a CommonJS index.js) with `body` on the system Node, from a folder outside the
 * repository, with `env` added to its environment (as s.yaml's environmentVariables). Asynchronous, so a server
 * in this process can answer the handler's requests.
 */
export async function invokeOnSystemNode(
  bundle: string,
  body: string,
  env: Record<string, string> = {},
): Promise<SystemNodeOutcome> {
  const dir = mkdtempSync(join(tmpdir(), "fc-example-"));
  try {
    copyFileSync(bundle, join(dir, "index.js"));
    writeFileSync(join(dir, "runner.js"), RUNNER);
    const child = spawn("/usr/bin/env", ["node", "runner.js"], {
      cwd: dir,
      env: { ...env, PATH: systemPath(), HOME: dir },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdin.end(body);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (code !== 0) throw new Error(`system node failed (${code}): ${stderr}`);
    return JSON.parse(stdout) as SystemNodeOutcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
