// `npm run report -- <folder> [-o report.html] [--json day.json] [--lang zh-cn] [--top N]`: the second step of
// the fan-out. Each LogFileCreated invocation wrote one `*.summary.json`; this merges every one under <folder> (a
// day's: `<SUMMARY_DIR>/<domain>/<yyyy_mm_dd>`, or that folder copied from OSS with `ossutil cp -r`) into one HTML
// report with `fc-cdn-trigger logs report`. The report goes to <folder>/report.html unless -o says otherwise.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [folder, ...options] = process.argv.slice(2);
if (!folder || folder.startsWith("-")) {
  console.error(
    "usage: npm run report -- <folder of *.summary.json> [-o report.html] [--json day.json] [--lang zh-cn]",
  );
  process.exit(2);
}
if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(
    `report: ${folder} is not a folder; give the folder the handler wrote the summaries to (SUMMARY_DIR/<domain>/<day>)`,
  );
  process.exit(1);
}
const summaries = readdirSync(folder, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".summary.json"))
  .sort()
  .map((name) => join(folder, name));
if (summaries.length === 0) {
  console.error(`report: no *.summary.json under ${folder}; has the handler run (with SUMMARY_DIR set to its parent)?`);
  process.exit(1);
}
const output = options.some((option) => option === "-o" || option.startsWith("--output"))
  ? []
  : ["-o", join(folder, "report.html")];
// The CLI of the fc-cdn-trigger package this example depends on (npm run puts its bin on PATH).
const cli = spawnSync("fc-cdn-trigger", ["logs", "report", ...summaries, ...output, ...options], { stdio: "inherit" });
if (cli.error) {
  console.error(`report: cannot run fc-cdn-trigger (${cli.error.message}); run this through \`npm run report\``);
  process.exit(1);
}
if (cli.status === 0) console.log(`report: merged ${summaries.length} summaries from ${folder}`);
process.exit(cli.status ?? 1);
