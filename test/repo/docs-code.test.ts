// The code people copy first works as written: the README's CLI block, run line by line from the repository root,
// and the home page's quick start (install from a local build, the handler and its test at their titled paths).
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "../../scripts/generated-files.mjs";

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The fenced blocks of a Markdown text, with their info strings. */
function fencedBlocks(markdown: string): { info: string; body: string }[] {
  const blocks: { info: string; body: string }[] = [];
  const fence = /^( *)```([^\n]*)\n([\s\S]*?)^\1```/gm;
  for (const match of markdown.matchAll(fence)) {
    const indent = (match[1] ?? "").length;
    const body = (match[3] ?? "")
      .split("\n")
      .map((line) => line.slice(indent))
      .join("\n");
    blocks.push({ info: (match[2] ?? "").trim(), body });
  }
  return blocks;
}

// A folder that is the repository root for every relative path (its entries are links to the real ones) but
// where the commands' own output files land, so the run leaves the working tree as it was.
function repoRootView(): string {
  const dir = tempDir("fc-readme-");
  for (const entry of readdirSync(REPO)) if (entry !== ".git") symlinkSync(join(REPO, entry), join(dir, entry));
  return dir;
}

describe("README", () => {
  it("the CLI block's commands all succeed from the repository root", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## CLI"), readme.indexOf("Exit codes:"));
    const [block] = fencedBlocks(section).filter((b) => b.info === "sh");
    const commands = (block?.body ?? "")
      .split("\n")
      .map((line) => line.replace(/\s+#.*$/, "").trim())
      .filter(Boolean);
    expect(commands.length).toBeGreaterThanOrEqual(8);
    const cwd = repoRootView();
    for (const command of commands) {
      const run = spawnSync("bash", ["-c", command], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, FORCE_COLOR: "0" },
      });
      expect(run.status, `\`${command}\` failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
    }
    expect(String(JSON.parse(readFileSync(join(cwd, "event.json"), "utf8")).events[0].eventParameter.taskId)).toBe(
      "42",
    );
    expect(existsSync(join(cwd, "access.log.gz"))).toBe(true);
  }, 300_000);
});

describe("home page quick start", () => {
  const page = readFileSync(join(REPO, "site/content/docs/index.mdx"), "utf8");

  it("installs from a local build as it says, then the handler and its test pass at their titled paths", () => {
    // The install block, run as written from a clone (a view of this repository) beside the function's project.
    // Its first line (npm install && npm run build) is what `npm test` has just done, so it is checked, not rerun.
    const install = fencedBlocks(page).find((b) => b.info.includes('title="From a clone of fc-cdn-trigger"'));
    const lines = (install?.body ?? "")
      .split("\n")
      .map((line) => line.replace(/\s+#.*$/, "").trim())
      .filter(Boolean);
    expect(lines[0]).toBe("npm install && npm run build");
    const parent = tempDir("fc-quickstart-");
    const clone = join(parent, "fc-cdn-trigger");
    const project = join(parent, "my-function");
    mkdirSync(clone);
    mkdirSync(project);
    for (const entry of readdirSync(REPO)) if (entry !== ".git") symlinkSync(join(REPO, entry), join(clone, entry));
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "my-function", private: true, type: "module" }),
    );
    // `--prefer-offline`: zod comes from npm's cache, which the repository's own install filled.
    const script = lines
      .slice(1)
      .join("\n")
      .replace(/npm install (\S+\.tgz)/, "npm install --prefer-offline --no-audit --no-fund $1");
    const run = spawnSync("bash", ["-ec", script], { cwd: clone, encoding: "utf8" });
    expect(run.status, `the install block failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
    expect(existsSync(join(project, "node_modules/fc-cdn-trigger/dist/index.js"))).toBe(true);
    // The test runner and compiler the snippets use, borrowed from the repository.
    for (const tool of ["vitest", "typescript", "@types/node", "@vitest", "vite"]) {
      const target = join(project, "node_modules", tool);
      mkdirSync(dirname(target), { recursive: true });
      if (!existsSync(target)) symlinkSync(join(REPO, "node_modules", tool), target);
    }
    // Every <Code code={x} title="…"> whose x is a snippet file, written where its title puts it.
    const imports = new Map(
      [...page.matchAll(/^import (\w+) from "(\.\.\/\.\.\/snippets\/[^"?]+)\?raw";$/gm)].map((m) => [m[1], m[2]]),
    );
    const titled = [...page.matchAll(/<Code code=\{(\w+)\} lang="ts" title="([^"]+)" \/>/g)];
    expect(titled.map((m) => m[2])).toEqual(["src/index.ts", "src/index.test.ts"]);
    for (const [, variable, title] of titled) {
      const source = imports.get(variable as string) as string;
      mkdirSync(dirname(join(project, title as string)), { recursive: true });
      writeFileSync(join(project, title as string), readFileSync(join(REPO, "site/content/docs", source), "utf8"));
    }
    const tsc = spawnSync(
      process.execPath,
      [
        join(REPO, "node_modules/typescript/bin/tsc"),
        "--strict",
        "--noEmit",
        "--module",
        "nodenext",
        "--target",
        "es2022",
        "--types",
        "node",
        "--skipLibCheck",
        "src/index.ts",
        "src/index.test.ts",
      ],
      { cwd: project, encoding: "utf8" },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    const test = spawnSync(process.execPath, [join(REPO, "node_modules/vitest/vitest.mjs"), "run", "--root", project], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    expect(test.status, `${test.stdout}\n${test.stderr}`).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal colours vitest prints
    expect(test.stdout.replace(/\x1b\[[0-9;]*m/g, "")).toMatch(/Tests\s+11 passed/);
  }, 300_000);
});
