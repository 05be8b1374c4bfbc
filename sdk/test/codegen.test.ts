// Generated code is proven, not eyeballed: compiled with tsc --strict, run through invokeHandler,
// run with python3, against every sample; and the official Python sample runs against the SDK's events.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// tsc and python3 runs are slow under a loaded parallel run; the tests assert behaviour, not time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnEventName, parseCdnEvents } from "../src/index.js";
import { createCdnEnvelope, type FcHandler, invokeHandler } from "../src/testing/index.js";
import { CODEGEN_STYLES, type CodegenLanguage, type CodegenStyle, generateHandlerCode } from "../src/tooling/index.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const OFFICIAL_SAMPLE = resolve(repo, "../shared/seed/official_sample_handler.py");

const EVENT_SETS: CdnEventName[][] = [
  ...CDN_EVENT_NAMES.map((name) => [name]),
  [...CDN_EVENT_NAMES],
  ["LogFileCreated", "CachedObjectsRefreshed", "CdnDomainStopped"],
];

type Envelope = { events: Record<string, unknown>[] };
type RawEvent = Record<string, Record<string, unknown>>;
const clone = <T>(value: unknown): T => JSON.parse(JSON.stringify(value));

/** Every sample: each catalog sample, all events in one envelope, and a drifted one (strings for numbers...). */
const SAMPLES: [string, Envelope][] = [
  ...CDN_EVENT_NAMES.map((name): [string, Envelope] => [name, clone<Envelope>(CDN_EVENT_CATALOG[name].sample)]),
  [
    "all events",
    { events: CDN_EVENT_NAMES.map((name) => clone<Record<string, unknown>>(CDN_EVENT_CATALOG[name].sample.events[0])) },
  ],
  [
    "drifted wire format",
    (() => {
      const log = clone<RawEvent>(CDN_EVENT_CATALOG.LogFileCreated.sample.events[0]);
      log.eventParameter = { ...log.eventParameter, startTime: "1528959600", fileSize: "1788115" };
      const cache = clone<RawEvent>(CDN_EVENT_CATALOG.CachedObjectsBlocked.sample.events[0]);
      cache.eventParameter = {
        ...cache.eventParameter,
        taskId: "2089687230",
        objectPath: "/only.mp4",
        createTime: "1521180769",
      };
      return { events: [log, cache] };
    })(),
  ],
];

/** What every generated handler returns: one entry per event, the SDK's normalised fields or skipped. */
function expectedResults(events: readonly CdnEventName[], envelope: Envelope): unknown[] {
  return parseCdnEvents(envelope).map((event) => {
    if (!events.includes(event.eventName)) return { eventName: event.eventName, skipped: true };
    const fields = Object.keys(CDN_EVENT_CATALOG[event.eventName].parameterFields);
    const parameter = event.eventParameter as Record<string, unknown>;
    return { eventName: event.eventName, ...Object.fromEntries(fields.map((field) => [field, parameter[field]])) };
  });
}

const variants = (language: CodegenLanguage) =>
  CODEGEN_STYLES.flatMap((style) => EVENT_SETS.map((events) => ({ language, style, events })));
const label = (v: { style: CodegenStyle; events: CdnEventName[] }) =>
  `${v.style} [${v.events.length === CDN_EVENT_NAMES.length ? "all 8" : v.events.join(", ")}]`;

// Temporary files live inside the repository so `fc-cdn-trigger` and @types/node resolve as in a project.
let work = "";
beforeAll(() => {
  if (!existsSync(join(repo, "sdk/dist/index.cjs")) || !existsSync(join(repo, "sdk/dist/index.d.ts"))) {
    execFileSync("npm", ["run", "build"], { cwd: repo, stdio: "ignore" });
  }
  const cache = join(repo, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  work = mkdtempSync(join(cache, "fc-cdn-trigger-codegen-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const write = (dir: string, name: string, text: string) => {
  mkdirSync(join(work, dir), { recursive: true });
  const path = join(work, dir, name);
  writeFileSync(path, text);
  return path;
};

describe("generateHandlerCode: TypeScript", () => {
  it("every variant compiles with tsc --strict (and no unused locals or parameters)", () => {
    write("ts", "package.json", '{ "type": "module" }\n');
    const files = variants("typescript").map((variant, index) =>
      write("ts", `variant-${index}.ts`, generateHandlerCode(variant)),
    );
    const program = ts.createProgram(files, {
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      typeRoots: [join(repo, "node_modules/@types")],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.split("/").pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diagnostics).toEqual([]);
    expect(files).toHaveLength(EVENT_SETS.length * 2);
  });
});

describe("generateHandlerCode: JavaScript", () => {
  for (const variant of variants("javascript")) {
    it(`${label(variant)} runs through invokeHandler against every sample`, async () => {
      const dir = `js-${variant.style}-${variant.events.join("-")}`;
      write(dir, "package.json", '{ "type": "commonjs" }\n');
      const file = write(dir, "index.js", generateHandlerCode(variant));
      const { handler } = createRequire(import.meta.url)(file) as { handler: FcHandler };
      for (const [name, envelope] of SAMPLES) {
        const outcome = await invokeHandler(handler, envelope);
        expect(outcome.error, `${name}: ${String(outcome.error)}`).toBeUndefined();
        expect(outcome.result, name).toEqual(expectedResults(variant.events, envelope));
        expect(outcome.logs.length, name).toBeGreaterThan(0);
      }
    });
  }
});

const RUNNER = `
import importlib.util, json, sys, types
spec = importlib.util.spec_from_file_location("generated_handler", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
context = types.SimpleNamespace(
    request_id="local-request-id", region="cn-hangzhou", account_id="1234567890123456",
    credentials=types.SimpleNamespace(access_key_id="id", access_key_secret="secret", security_token="token"),
    function=types.SimpleNamespace(name="cdn-handler", handler="index.handler", memory=512, timeout=60),
    service=types.SimpleNamespace(name="cdn-service"),
)
outcomes = []
for body in json.load(sys.stdin):
    try:
        outcomes.append({"ok": True, "result": module.handler(body.encode("utf-8"), context)})
    except Exception as error:
        outcomes.append({"ok": False, "error": "%s: %s" % (type(error).__name__, error)})
print(json.dumps(outcomes))
`;

const python = (() => {
  try {
    execFileSync("python3", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Runs a Python handler file against each body, as FC does (bytes in), and returns what each call did. */
function runPython(file: string, bodies: string[]): { ok: boolean; result?: unknown; error?: string }[] {
  const runner = write("py", "runner.py", RUNNER);
  // stderr is piped away: a failing route's logger.exception output is expected there.
  const out = execFileSync("python3", [runner, file], {
    input: JSON.stringify(bodies),
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

describe("generateHandlerCode: Python", () => {
  it("python3 is available (the Python proofs need it)", () => {
    expect(python, "install python3 to run the generated Python handlers").toBe(true);
  });

  for (const variant of variants("python")) {
    it(`${label(variant)} runs with python3 against every sample envelope`, () => {
      const file = write("py", `${variant.style}_${variant.events.join("_")}.py`, generateHandlerCode(variant));
      const outcomes = runPython(
        file,
        SAMPLES.map(([, envelope]) => JSON.stringify(envelope)),
      );
      SAMPLES.forEach(([name, envelope], index) => {
        const outcome = outcomes[index];
        expect(outcome?.error, name).toBeUndefined();
        // FC's Python runtime returns strings: the handler returns its results as JSON.
        expect(JSON.parse(outcome?.result as string), name).toEqual(expectedResults(variant.events, envelope));
      });
    });
  }

  it("the sdk style runs every event and raises one error listing the failures afterwards", () => {
    const file = write(
      "py",
      "sdk_failures.py",
      generateHandlerCode({ language: "python", style: "sdk", events: ["LogFileCreated", "CdnDomainAdded"] }),
    );
    const broken = clone<RawEvent>(CDN_EVENT_CATALOG.LogFileCreated.sample.events[0]);
    delete broken.eventParameter?.filePath;
    const [outcome] = runPython(file, [
      JSON.stringify({ events: [broken, CDN_EVENT_CATALOG.CdnDomainAdded.sample.events[0]] }),
    ]);
    expect(outcome?.error).toBe("CdnHandlerError: 1 of 2 CDN events failed: events[0] (LogFileCreated): 'filePath'");
  });
});

describe("the official Python sample (../shared/seed/official_sample_handler.py)", () => {
  const present = existsSync(OFFICIAL_SAMPLE);
  if (!present) {
    it.skip(`skipped: ${OFFICIAL_SAMPLE} is absent (it is read at test time, never copied into the project)`, () => {});
    return;
  }
  /** What the official sample returns: it reads only events[0]. */
  const officialAnswer = (envelope: Envelope) => {
    const [event] = parseCdnEvents(envelope);
    if (!event) throw new Error("empty envelope");
    const parameter = event.eventParameter as Record<string, unknown>;
    const info =
      event.eventName === "CachedObjectsRefreshed" || event.eventName === "CachedObjectsPushed"
        ? (parameter.objectPath as string[]).join(",")
        : event.eventName === "LogFileCreated"
          ? parameter.filePath
          : "";
    return `eventName:${event.eventName}, domain: ${parameter.domain}, info: ${info}`;
  };

  it("runs unchanged against every sample the SDK produces", () => {
    const envelopes = [
      ...CDN_EVENT_NAMES.map((name) => createCdnEnvelope(name) as unknown as Envelope),
      ...CDN_EVENT_NAMES.map((name) => CDN_EVENT_CATALOG[name].sample as unknown as Envelope),
    ];
    const outcomes = runPython(
      OFFICIAL_SAMPLE,
      envelopes.map((envelope) => JSON.stringify(envelope)),
    );
    envelopes.forEach((envelope, index) => {
      expect(outcomes[index]).toEqual({ ok: true, result: officialAnswer(envelope) });
    });
    // The official sample has no branch for CachedObjectsBlocked: it still answers, with no info.
    expect(outcomes[CDN_EVENT_NAMES.indexOf("CachedObjectsBlocked")]?.result).toMatch(/info: $/);
  });

  it("reads only events[0]: the other events of an envelope are ignored (our generated code handles them all)", () => {
    const envelope = createCdnEnvelope("CdnDomainAdded", "LogFileCreated") as unknown as Envelope;
    const [outcome] = runPython(OFFICIAL_SAMPLE, [JSON.stringify(envelope)]);
    expect(outcome?.result).toBe("eventName:CdnDomainAdded, domain: example.com, info: ");
    expect(String(outcome?.result)).not.toContain("LogFileCreated");
  });

  it("is read at test time and never copied into the project", () => {
    const official = readFileSync(OFFICIAL_SAMPLE, "utf8");
    const generated = generateHandlerCode({ language: "python", style: "plain", events: [...CDN_EVENT_NAMES] });
    expect(generated).not.toContain(official.split("\n").find((line) => line.includes("objPathList")) ?? "\u0000");
  });
});

describe("generateHandlerCode: content", () => {
  it("comments every field it reads with the catalog's description, for every event chosen", () => {
    for (const language of ["typescript", "javascript", "python"] as const) {
      for (const style of CODEGEN_STYLES) {
        const code = generateHandlerCode({ language, style, events: [...CDN_EVENT_NAMES] });
        for (const name of CDN_EVENT_NAMES) {
          for (const doc of Object.values(CDN_EVENT_CATALOG[name].parameterFields)) {
            expect(code, `${language}/${style}/${name}`).toContain(doc.description.replace(/\s+/g, " "));
          }
        }
      }
    }
  });

  it("plain code has no dependency; sdk code uses defineCdnHandler", () => {
    const plainJs = generateHandlerCode({ language: "javascript", style: "plain", events: ["LogFileCreated"] });
    const plainTs = generateHandlerCode({ language: "typescript", style: "plain", events: ["LogFileCreated"] });
    const plainPy = generateHandlerCode({ language: "python", style: "plain", events: ["LogFileCreated"] });
    expect(plainJs).not.toMatch(/require\(|import /);
    expect(plainTs).not.toMatch(/^import /m);
    expect(plainPy.match(/^import (\w+)/gm)).toEqual(["import json", "import logging"]);
    expect(plainPy).toContain("def handler(event, context):");
    expect(plainPy).toContain("json.loads(event)");
    expect(plainPy).toContain("context.request_id");
    expect(generateHandlerCode({ language: "typescript", style: "sdk", events: ["LogFileCreated"] })).toContain(
      'import { defineCdnHandler } from "fc-cdn-trigger";',
    );
    expect(generateHandlerCode({ language: "javascript", style: "sdk", events: ["LogFileCreated"] })).toContain(
      'const { defineCdnHandler } = require("fc-cdn-trigger");',
    );
  });

  it("refuses bad options with a message naming each", () => {
    expect(() => generateHandlerCode({ language: "go" as never, events: ["LogFileCreated"] })).toThrow(
      /language: "go" is not supported; expected one of typescript, javascript, python/,
    );
    expect(() =>
      generateHandlerCode({ language: "python", style: "fancy" as never, events: ["LogFileCreated"] }),
    ).toThrow(/style: "fancy" is not supported/);
    expect(() => generateHandlerCode({ language: "python", events: [] })).toThrow(
      /events: give at least one CDN event name/,
    );
    expect(() => generateHandlerCode({ language: "python", events: ["CdnDomainAded" as never] })).toThrow(
      /events\[0\]: "CdnDomainAded" is not a CDN event \(did you mean CdnDomainAdded\?\)/,
    );
    expect(() => generateHandlerCode({ language: "python", events: ["CdnDomainAdded", "CdnDomainAdded"] })).toThrow(
      /events\[1\]: CdnDomainAdded is listed twice/,
    );
  });
});
