// python3 on this machine as the reference Python runtime: runs a handler file through fc-python-handler.py,
// the way FC's Python runtime calls it. Asynchronous, so a server in the test's own process can answer the
// handler's requests meanwhile.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const DRIVER = fileURLToPath(new URL("./fc-python-handler.py", import.meta.url));

/** `Python 3.x.y` when python3 is installed, else undefined (tests skip and say so). */
export const python3Version: string | undefined = (() => {
  const probe = spawnSync("python3", ["--version"], { encoding: "utf8" });
  return probe.status === 0 ? probe.stdout.trim() || probe.stderr.trim() : undefined;
})();

export interface PythonHandlerOutcome {
  /** The handler's return value (JSON-decoded; a str return value is a string). */
  result: unknown;
  /** What the handler printed. */
  stdout: string;
}

/** Runs `file`'s handler(event, context) in python3 with `event` as the body bytes. Rejects on any failure. */
export function runPythonHandler(file: string, event: string): Promise<PythonHandlerOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", [DRIVER, file], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.on("error", (error) =>
      reject(
        new Error(`python3 is needed to run ${file} (install it, e.g. apt-get install python3): ${error.message}`),
      ),
    );
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`python3 failed on ${file} (exit code ${code}):\n${stderr}`));
      else resolve(JSON.parse(stdout) as PythonHandlerOutcome);
    });
    child.stdin.end(event);
  });
}
