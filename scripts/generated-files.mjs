// The committed files that are generated, and how each is rendered from source. `npm run generate` writes them;
// `npm test` and the SDK build only compare (`generate --check`), so a stale or hand-edited file fails loudly
// instead of being quietly repaired by the very run that should have caught it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FAST_PATH_FILE, renderFastPath } from "../sdk/scripts/fast-path-codegen.mjs";
import { importSource } from "../sdk/scripts/import-source.mjs";

/** What a person runs to rewrite every generated file. */
export const GENERATE_COMMAND = "npm run generate";

/** The repository's root folder. */
export const REPO = fileURLToPath(new URL("..", import.meta.url));

/** The examples that deploy with an s.yaml: folders of examples/ whose package.json has "fc" settings. */
function deployableExamples(repo) {
  return readdirSync(join(repo, "examples"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repo, "examples", entry.name, "package.json")))
    .map((entry) => entry.name)
    .filter((name) => JSON.parse(readFileSync(join(repo, "examples", name, "package.json"), "utf8")).fc)
    .sort();
}

/**
 * Every generated file, relative to the repository, with a function rendering its text from the sources in `repo`.
 *
 * @param {string} repo
 * @returns {{ file: string, render: () => Promise<string> }[]}
 */
export function generatedFiles(repo = REPO) {
  let tooling;
  // s.yaml is rendered by the tooling entry's source, so it follows src even when sdk/dist is stale or absent.
  const toolingSource = () => {
    tooling ??= importSource(`export * from "./index.ts";`, join(repo, "sdk", "src", "tooling"));
    return tooling;
  };
  return [
    {
      file: `sdk/${FAST_PATH_FILE}`,
      render: async () => {
        const { code, unsupported } = await renderFastPath(join(repo, "sdk"));
        for (const feature of unsupported) console.warn(`${FAST_PATH_FILE}: left to zod: ${feature}`);
        return code;
      },
    },
    ...deployableExamples(repo).map((name) => ({
      file: `examples/${name}/s.yaml`,
      render: async () => {
        const { renderSYaml } = await import(join(repo, "examples", "build.mjs"));
        return renderSYaml(join(repo, "examples", name), await toolingSource());
      },
    })),
  ];
}

/**
 * Renders every generated file (or those whose path is in `only`).
 *
 * @param {string} repo
 * @param {string[]} [only]
 * @returns {Promise<{ file: string, text: string }[]>}
 */
export async function renderGenerated(repo = REPO, only) {
  const targets = generatedFiles(repo).filter((target) => !only || only.includes(target.file));
  return Promise.all(targets.map(async ({ file, render }) => ({ file, text: await render() })));
}

/**
 * The rendered files that differ from the copies under `dir`, each with why: missing, or the first line that
 * differs (1-based), so the message points at the edit.
 *
 * @param {{ file: string, text: string }[]} rendered
 * @param {string} dir
 * @returns {{ file: string, reason: string }[]}
 */
export function staleFiles(rendered, dir) {
  const stale = [];
  for (const { file, text } of rendered) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      stale.push({ file, reason: "missing" });
      continue;
    }
    const onDisk = readFileSync(path, "utf8");
    if (onDisk === text) continue;
    const want = text.split("\n");
    const have = onDisk.split("\n");
    let line = 0;
    while (line < want.length && want[line] === have[line]) line++;
    stale.push({
      file,
      reason: `differs from what the sources generate, first at line ${line + 1}: ${JSON.stringify(have[line] ?? "(end of file)")}, expected ${JSON.stringify(want[line] ?? "(end of file)")}`,
    });
  }
  return stale;
}

/** The message a failed check prints: each stale file and the one command that rewrites them. */
export function staleMessage(stale) {
  return [
    `${stale.length} generated file${stale.length === 1 ? " is" : "s are"} stale:`,
    ...stale.map(({ file, reason }) => `  ${file}: ${reason}`),
    `Run \`${GENERATE_COMMAND}\` to rewrite ${stale.length === 1 ? "it" : "them"} from the sources, then commit the result.`,
    "(Do not edit generated files by hand: the next generate would undo the edit.)",
  ].join("\n");
}
