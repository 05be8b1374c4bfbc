// `npm run bench`: runs every `bench/*.bench.mjs` under sdk/, examples/ and test/, one after another,
// each in its own process so one benchmark's heap never skews the next.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const only = process.argv[2];
const find = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return find(path);
    return /\/bench\/[^/]+\.bench\.mjs$/.test(path) ? [path] : [];
  });
const files = ["sdk", "examples", "test"].flatMap((dir) => {
  try {
    return find(join(root, dir));
  } catch {
    return [];
  }
});
let failed = 0;
for (const file of files.sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n=== ${relative(root, file)} ===`);
  const result = spawnSync(process.execPath, ["--expose-gc", file], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
