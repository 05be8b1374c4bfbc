// `npm start`: build the SDK and the site, then serve the built site at http://localhost:4321.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const astro = fileURLToPath(new URL("../node_modules/astro/bin/astro.mjs", import.meta.url));
// No telemetry calls from a user's machine; a production build even when the shell exports NODE_ENV=development.
const env = { ASTRO_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: "production" };

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run("npm", ["run", "build"]);
if (!existsSync(new URL("../astro.config.mjs", import.meta.url))) {
  console.log("The SDK is built; the site is not built yet (it arrives with the docs site).");
  process.exit(0);
}
const started = performance.now();
run(process.execPath, [astro, "build"]);
console.log(
  `site built in ${((performance.now() - started) / 1000).toFixed(1)} s; serving it at http://localhost:4321`,
);
// --ignore-lock keeps the server in the foreground (Astro may otherwise move it to the background).
run(process.execPath, [astro, "preview", "--ignore-lock", "--port", "4321"]);
