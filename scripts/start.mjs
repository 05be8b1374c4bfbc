// `npm start`: build the SDK and the site, then serve the built site at http://localhost:4321.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run("npm", ["run", "build"]);
if (!existsSync(new URL("../astro.config.mjs", import.meta.url))) {
  console.log("The SDK is built; the site is not built yet (it arrives with the docs site).");
  process.exit(0);
}
run("npx", ["astro", "build"]);
run("npx", ["astro", "preview", "--port", "4321"]);
