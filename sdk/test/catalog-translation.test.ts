// The catalog's Chinese translation: real Chinese wherever English has prose, and kept out of the runtime entry
// (a deployed handler never carries docs in another language).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnFieldDoc, SHARED_FIELDS } from "../src/index.js";
import { CDN_CATALOG_ZH_CN } from "../src/tooling/index.js";

const src = join(dirname(fileURLToPath(import.meta.url)), "../src");
/** Any CJK ideograph: Chinese text has them, English never does. */
const HAN = /\p{Script=Han}/u;

/** Every [where, English, Chinese] pair of prose, walking the English catalog (so nothing is skipped). */
function prosePairs(): [string, string, string | undefined][] {
  const fields = (where: string, docs: Readonly<Record<string, CdnFieldDoc>>, zh: object) =>
    Object.entries(docs).flatMap(([key, doc]): [string, string, string | undefined][] => {
      const text = (zh as Record<string, { description?: string; quirk?: string } | undefined>)[key];
      return [
        [`${where}.${key}.description`, doc.description, text?.description],
        ...(doc.quirk
          ? [[`${where}.${key}.quirk`, doc.quirk, text?.quirk] as [string, string, string | undefined]]
          : []),
      ];
    });
  return [
    ...fields("sharedFields", SHARED_FIELDS, CDN_CATALOG_ZH_CN.sharedFields),
    ...CDN_EVENT_NAMES.flatMap((name) => {
      const en = CDN_EVENT_CATALOG[name];
      const zh = CDN_CATALOG_ZH_CN.events[name];
      return [
        [`${name}.firesWhen`, en.firesWhen, zh.firesWhen],
        [`${name}.description`, en.description, zh.description],
        ...en.notes.map((note, i): [string, string, string | undefined] => [`${name}.notes[${i}]`, note, zh.notes[i]]),
        ...fields(`${name}.parameterFields`, en.parameterFields, zh.parameterFields),
      ] as [string, string, string | undefined][];
    }),
  ];
}

/** One entry of the SDK's sources bundled into one ES module, its non-ASCII text left as it is (not escaped). */
async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(src, entry)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("CDN_CATALOG_ZH_CN", () => {
  it("translates every piece of English prose into Chinese, never a copy of the English", () => {
    const pairs = prosePairs();
    expect(pairs.length).toBeGreaterThan(40);
    const untranslated = pairs.filter(([, en, zh]) => zh === undefined || zh === en || !HAN.test(zh));
    expect(untranslated.map(([where]) => where)).toEqual([]);
  });

  it("keeps the code of the English text: every `code` span and the Markdown around it survive translation", () => {
    const codeSpans = (text: string) => (text.match(/`[^`]+`/g) ?? []).sort();
    for (const [where, en, zh] of prosePairs()) expect(codeSpans(zh ?? ""), where).toEqual(codeSpans(en));
  });

  it("has a quirk exactly where the English field has one", () => {
    for (const name of CDN_EVENT_NAMES) {
      const zh: Record<string, { quirk?: string }> = CDN_CATALOG_ZH_CN.events[name].parameterFields;
      for (const [key, doc] of Object.entries(CDN_EVENT_CATALOG[name].parameterFields as Record<string, CdnFieldDoc>))
        expect(zh[key]?.quirk !== undefined, `${name}.${key}`).toBe(doc.quirk !== undefined);
    }
  });

  it("stays out of the runtime entry: the whole of `fc-cdn-trigger`, bundled, holds no Chinese", async () => {
    const runtime = await bundle("index.ts");
    expect(runtime).toContain("parseCdnEvents");
    expect(runtime.match(HAN)).toBeNull();
    // ...while the tooling entry, bundled the same way, does carry it (so the check above can see Chinese at all).
    expect(await bundle("tooling/index.ts")).toContain(CDN_CATALOG_ZH_CN.events.LogFileCreated.firesWhen);
  });
});
