// What a TypeScript user sees for a misspelled route: exactly one error, at the key, naming the valid event names
// (and no implicit-any error beside it). Compiled with the real compiler, so the message itself is pinned.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CDN_EVENT_NAMES } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Type-checks `code` as a file beside this test (so it imports ../src), returning each error's flattened text. */
function diagnostics(code: string): string[] {
  const file = join(here, "__diagnostics_probe__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: ["node"],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile;
  host.readFile = (name) => (name === file ? code : readFile.call(host, name));
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const allNames = `use one of ${CDN_EVENT_NAMES.join(", ")}, or default`;

describe("a misspelled route name in defineCdnHandler", () => {
  it("is one error naming the valid event names, alone or beside valid routes", () => {
    const errors = diagnostics(`
      import { defineCdnHandler } from "../src/index.js";
      export const alone = defineCdnHandler({ LogFileCreatd: (event) => event.eventName });
      export const beside = defineCdnHandler({
        LogFileCreated: (event) => event.eventParameter.filePath,
        CdnDomainAddd: (event, context) => context.region + event.eventName,
      });
    `);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(`"LogFileCreatd is not a CDN event name: ${allNames}": never`);
    expect(errors[1]).toContain(`"CdnDomainAddd is not a CDN event name: ${allNames}": never`);
    expect(errors.join("\n")).not.toMatch(/implicitly has an 'any' type|'never'/);
  }, 60_000);

  it("valid routes and default compile, and a field typo names the event's parameters type", () => {
    const errors = diagnostics(`
      import { defineCdnHandler } from "../src/index.js";
      export const ok = defineCdnHandler({
        LogFileCreated: async (event) => event.eventParameter.fileSize,
        default: (event) => event.eventName,
      });
      export const empty = defineCdnHandler({});
      export const typo = defineCdnHandler({ LogFileCreated: (event) => event.eventParameter.domian });
    `);
    expect(errors).toEqual([
      expect.stringContaining("Property 'domian' does not exist on type 'LogFileCreatedParameters'"),
    ]);
  }, 60_000);
});
