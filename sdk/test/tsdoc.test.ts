// Every export of every package entry point has TSDoc with an @example that imports from that entry: the docs site
// and editors show them. The entries come from package.json "exports", so a new entry is covered without editing this.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const sdk = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(sdk, "src");
const manifest = JSON.parse(readFileSync(join(sdk, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, { import?: { types?: string } } | string>;
};

/** `./dist/logs/index.d.ts` → `src/logs/index.ts`, for every export that has types (not `./schemas/*`, `./package.json`). */
const ENTRIES = Object.entries(manifest.exports).flatMap(([subpath, target]) => {
  const types = typeof target === "object" ? target.import?.types : undefined;
  if (!types) return [];
  const file = join(src, types.replace(/^\.\/dist\//, "").replace(/\.d\.ts$/, ".ts"));
  return [{ specifier: join(manifest.name, subpath).replaceAll("\\", "/"), file }];
});

const program = ts.createProgram(
  ENTRIES.map((entry) => entry.file),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
);
const checker = program.getTypeChecker();

const exported = ENTRIES.flatMap(({ specifier, file }) => {
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`cannot load ${relative(sdk, file)} (the entry ${specifier} in sdk/package.json)`);
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    const where = declaration ? relative(src, declaration.getSourceFile().fileName).replaceAll("\\", "/") : "?";
    return { specifier, name: symbol.getName(), where, tags: target.getJsDocTags(checker) };
  });
});

describe("TSDoc on every export of every entry point", () => {
  it("reads every entry from package.json and finds their exports", () => {
    expect(ENTRIES.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining([
        "fc-cdn-trigger",
        "fc-cdn-trigger/testing",
        "fc-cdn-trigger/tooling",
        "fc-cdn-trigger/logs",
      ]),
    );
    expect(exported.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        "parseCdnEvents",
        "CdnEventParseError",
        "defineCdnHandler",
        "createCdnEvent",
        "invokeHandler",
        "cdnJsonSchema",
        "createTriggerConfig",
        "generateHandlerCode",
        "readCdnLog",
        "summarizeCdnLog",
      ]),
    );
  });
  for (const { specifier, name, where, tags } of exported) {
    it(`${specifier}: ${name} (${where}) has an @example importing ${specifier}`, () => {
      const example = tags.find((tag) => tag.name === "example");
      expect(example, `${name} in ${where} needs a TSDoc @example`).toBeDefined();
      expect(ts.displayPartsToString(example?.text)).toMatch(new RegExp(`["']${specifier}["']`));
    });
  }
});
