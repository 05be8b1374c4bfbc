// `npm run generate` rewrites every generated file from the sources (scripts/generated-files.mjs lists them).
// `npm run generate -- --check` only compares, and exits 1 naming each stale file: `npm test` runs it.
// `--dir <folder>` checks the copies under another folder (the tests corrupt a copy there).
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { REPO, renderGenerated, staleFiles, staleMessage } from "./generated-files.mjs";

const { values } = parseArgs({
  options: { check: { type: "boolean", default: false }, dir: { type: "string" }, help: { type: "boolean" } },
});
if (values.help) {
  console.log("usage: npm run generate [-- --check] [-- --dir <folder>]");
  process.exit(0);
}
const dir = values.dir ? resolve(values.dir) : REPO;
const rendered = await renderGenerated(REPO);
const stale = staleFiles(rendered, dir);
if (values.check) {
  if (stale.length > 0) {
    console.error(staleMessage(stale));
    process.exit(1);
  }
  console.log(`${rendered.length} generated files are up to date`);
} else {
  for (const { file, text } of rendered.filter((r) => stale.some((s) => s.file === r.file))) {
    writeFileSync(join(dir, file), text);
    console.log(`wrote ${file}`);
  }
  console.log(`${rendered.length} generated files, ${stale.length} rewritten`);
}
