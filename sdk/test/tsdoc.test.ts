// Every exported name of the core modules (runtime entry, factories, JSON Schema tooling) has TSDoc with an
// @example: the docs site and editors show them. Other modules' exports are checked by their own tests.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const src = join(dirname(fileURLToPath(import.meta.url)), "..", "src");
const ENTRIES = ["index.ts", "testing/index.ts", "tooling/index.ts"].map((file) => join(src, file));
/** The modules whose exports this suite covers. */
const CORE = /^(parse|errors|drift|json-error)\.ts$|^events\/|^testing\/factories\.ts$|^tooling\/json-schema\.ts$/;

const program = ts.createProgram(ENTRIES, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();

const exported = ENTRIES.flatMap((entry) => {
  const file = program.getSourceFile(entry);
  const module = file && checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`cannot load ${entry}`);
  return checker.getExportsOfModule(module).flatMap((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    const where = declaration ? relative(src, declaration.getSourceFile().fileName).replaceAll("\\", "/") : "";
    if (!CORE.test(where)) return [];
    return [{ entry: relative(src, entry), name: symbol.getName(), where, tags: target.getJsDocTags(checker) }];
  });
});

describe("TSDoc on every core export", () => {
  it("finds the core exports", () => {
    expect(exported.map((e) => e.name)).toEqual(
      expect.arrayContaining(["parseCdnEvents", "CdnEventParseError", "createCdnEvent", "cdnJsonSchema"]),
    );
  });
  for (const { entry, name, where, tags } of exported) {
    it(`${entry}: ${name} (${where}) has an @example`, () => {
      const examples = tags.filter((tag) => tag.name === "example");
      expect(examples.length, `${name} in ${where} needs a TSDoc @example`).toBeGreaterThan(0);
      expect(ts.displayPartsToString(examples[0]?.text)).toMatch(/fc-cdn-trigger/);
    });
  }
});
