// Every export of fc-cdn-trigger/logs has TSDoc with an @example that imports from the package.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const entry = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "logs", "index.ts");
const program = ts.createProgram([entry], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const file = program.getSourceFile(entry);
const module = file && checker.getSymbolAtLocation(file);
const exported = module
  ? checker.getExportsOfModule(module).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return { name: symbol.getName(), tags: target.getJsDocTags(checker) };
    })
  : [];

describe("TSDoc on every fc-cdn-trigger/logs export", () => {
  it("finds the exports", () => {
    expect(exported.map((e) => e.name)).toEqual(
      expect.arrayContaining(["parseCdnLogLine", "readCdnLog", "summarizeCdnLog", "CdnLogSummary", "CdnLogSource"]),
    );
  });
  for (const { name, tags } of exported) {
    it(`${name} has an @example importing fc-cdn-trigger/logs`, () => {
      const example = tags.find((tag) => tag.name === "example");
      expect(example, `${name} needs a TSDoc @example`).toBeDefined();
      expect(ts.displayPartsToString(example?.text)).toContain("fc-cdn-trigger/logs");
    });
  }
});
