// The SDK's entry points are listed once, in scripts/entries.mjs; package.json "exports" must say the same, since npm
// reads only package.json. The build, the playground's bundle and the editor's types all read the list.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PACKAGE_NAME, SDK_ENTRIES } from "../scripts/entries.mjs";

const sdk = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(sdk, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
};
/** Exports that are files, not entry points. */
const NOT_ENTRIES = new Set(["./schemas/*", "./package.json"]);

/** Why the list and package.json "exports" disagree, or undefined when they name the same entries in order. */
function exportsMismatch(
  entries: readonly { subpath: string }[],
  exports: Record<string, unknown>,
): string | undefined {
  const listed = entries.map((entry) => entry.subpath);
  const exported = Object.keys(exports).filter((subpath) => !NOT_ENTRIES.has(subpath));
  return JSON.stringify(listed) === JSON.stringify(exported)
    ? undefined
    : `entries.mjs lists ${listed} but package.json exports ${exported}`;
}

describe("the one list of entry points (sdk/scripts/entries.mjs)", () => {
  it("names the package", () => {
    expect(PACKAGE_NAME).toBe(manifest.name);
  });

  it('equals package.json "exports", apart from the schema files and package.json', () => {
    expect(exportsMismatch(SDK_ENTRIES, manifest.exports)).toBeUndefined();
  });

  it("the check catches an entry missing from either side", () => {
    const { "./logs": _logs, ...withoutLogs } = manifest.exports;
    expect(exportsMismatch(SDK_ENTRIES, withoutLogs)).toMatch(
      /^entries\.mjs lists \.,\.\/testing,\.\/tooling,\.\/logs/,
    );
    expect(exportsMismatch(SDK_ENTRIES.slice(0, 3), manifest.exports)).toMatch(/package\.json exports .*\.\/logs/);
  });

  it("points each entry at its source, its built files and its specifier", () => {
    for (const { dir, subpath, specifier } of SDK_ENTRIES) {
      expect(existsSync(join(sdk, "src", dir, "index.ts")), `sdk/src/${dir}/index.ts`).toBe(true);
      const base = dir === "." ? "./dist/index" : `./dist/${dir}/index`;
      expect(manifest.exports[subpath], subpath).toEqual({
        import: { types: `${base}.d.ts`, default: `${base}.js` },
        require: { types: `${base}.d.cts`, default: `${base}.cjs` },
      });
      expect(specifier).toBe(subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`);
    }
  });
});
