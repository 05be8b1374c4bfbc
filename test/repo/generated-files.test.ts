// The guards that keep generated files honest: `npm run generate -- --check` (run by `npm test` and the SDK build)
// and .ci/run's `git status --porcelain` check after the tests. Each is shown failing on a corrupted temporary copy.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATE_COMMAND, REPO, renderGenerated, staleFiles, staleMessage } from "../../scripts/generated-files.mjs";

let rendered: { file: string; text: string }[];
const temps: string[] = [];

/** A folder holding a copy of every generated file, as the repository has it. */
function copyOfGenerated(): string {
  const dir = mkdtempSync(join(tmpdir(), "fc-generated-"));
  temps.push(dir);
  for (const { file } of rendered) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  return dir;
}

/** Changes one line in the middle of a file: the kind of hand edit the guard must catch. */
function corrupt(path: string): number {
  const lines = readFileSync(path, "utf8").split("\n");
  const at = Math.floor(lines.length / 2);
  lines[at] = `${lines[at]} # edited by hand`;
  writeFileSync(path, lines.join("\n"));
  return at + 1;
}

beforeAll(async () => {
  rendered = await renderGenerated();
}, 60_000);
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("npm run generate -- --check", () => {
  it("covers the fast path and every example's s.yaml", () => {
    const files = rendered.map((r) => r.file);
    expect(files).toContain("sdk/src/events/fast-path.generated.ts");
    for (const example of ["cache-notifier", "domain-lifecycle", "log-file-handler"]) {
      expect(files).toContain(`examples/${example}/s.yaml`);
    }
  });

  it("passes on the committed files", () => {
    expect(staleFiles(rendered, REPO)).toEqual([]);
  });

  it("fails on each generated file edited by hand, naming it, the line and what to run", () => {
    for (const { file } of rendered) {
      const dir = copyOfGenerated();
      const line = corrupt(join(dir, file));
      const stale = staleFiles(rendered, dir);
      expect(stale.map((s) => s.file)).toEqual([file]);
      expect(stale[0]?.reason).toContain(`first at line ${line}`);
      expect(staleMessage(stale)).toContain(GENERATE_COMMAND);
    }
  });

  it("fails on a missing generated file", () => {
    const dir = copyOfGenerated();
    const file = rendered[0]?.file as string;
    rmSync(join(dir, file));
    expect(staleFiles(rendered, dir)).toEqual([{ file, reason: "missing" }]);
  });

  it("exits 1 from the command line, and write mode repairs the copy", () => {
    const dir = copyOfGenerated();
    const file = "examples/cache-notifier/s.yaml";
    corrupt(join(dir, file));
    const script = join(REPO, "scripts/generate.mjs");
    const check = spawnSync(process.execPath, [script, "--check", "--dir", dir], { encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`${file}: differs from what the sources generate`);
    expect(check.stderr).toContain("Run `npm run generate`");
    execFileSync(process.execPath, [script, "--dir", dir], { encoding: "utf8" });
    expect(readFileSync(join(dir, file), "utf8")).toBe(readFileSync(join(REPO, file), "utf8"));
    expect(spawnSync(process.execPath, [script, "--check", "--dir", dir]).status).toBe(0);
  }, 60_000);
});

describe(".ci/run's working-tree check (git status --porcelain)", () => {
  // The function exactly as .ci/run holds it, between its markers.
  const ciRun = readFileSync(join(REPO, ".ci/run"), "utf8");
  const check = ciRun.slice(ciRun.indexOf("# check-clean-tree:begin"), ciRun.indexOf("# check-clean-tree:end"));
  it(".ci/run defines the check and calls it after npm test", () => {
    expect(check).toContain("git status --porcelain --untracked-files=all");
    expect(ciRun.indexOf("\ncheck_clean_tree\n")).toBeGreaterThan(ciRun.indexOf("\nnpm test\n"));
  });
  const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });
  const clone = () => {
    const dir = mkdtempSync(join(tmpdir(), "fc-clean-tree-"));
    temps.push(dir);
    git(dir, "init", "-q");
    writeFileSync(join(dir, "s.yaml"), "a: 1\n");
    git(dir, "add", ".");
    git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
    return dir;
  };
  const run = (cwd: string) =>
    spawnSync("bash", ["-euo", "pipefail", "-c", `${check}\ncheck_clean_tree`], { cwd, encoding: "utf8" });

  it("passes on an unchanged tree", () => {
    expect(run(clone()).status).toBe(0);
  });

  it("fails when a test rewrote a tracked file or left a new one", () => {
    const rewritten = clone();
    writeFileSync(join(rewritten, "s.yaml"), "a: 2\n");
    const result = run(rewritten);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("M s.yaml");
    const added = clone();
    writeFileSync(join(added, "new.txt"), "x");
    expect(run(added).stderr).toContain("?? new.txt");
  });
});
