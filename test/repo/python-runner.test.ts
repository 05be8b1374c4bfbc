// The playground's Python runtime (site/playground/python/runner.py, with fc_context.py) in Pyodide under Node,
// loaded as the Python worker loads it: the sample log answered to urllib.request and pyodide.http.open_url
// (anything else refused with the page's no-network words), the syntax check the editor uses while typing, and
// return values rendered as FC sends them back. The browser e2e tests (test/e2e/python*.test.ts) run the same
// code in the real sandbox; this is the quick check of the Python side alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadPyodide, type PyodideInterface } from "pyodide";
import type { PyProxy } from "pyodide/ffi";
import { beforeAll, describe, expect, it } from "vitest";
import { CDN_EVENT_CATALOG } from "../../sdk/src/index.js";
import { generateCdnLog, readCdnLog, summarizeCdnLog } from "../../sdk/src/logs/index.js";
import { en } from "../../site/playground/i18n/en.js";
import { RUNTIME_MODULE, runtimeBootCode } from "../../site/playground/python/boot-config.mjs";
import { pythonTemplate } from "../../site/playground/python/python-templates.js";
import { SampleLogServer, sampleLogFiles } from "../../site/playground/runner/sample-log.js";
import { expectSameSummary, type TemplateSummary } from "../support/template-summary.js";

const PYTHON = join(import.meta.dirname, "../../site/playground/python");
const NO_NETWORK = en.phrases.noNetwork;
const EVENT = JSON.stringify(CDN_EVENT_CATALOG.LogFileCreated.sample);

type PyFunction = ((...args: unknown[]) => unknown) & { destroy(): void };
let run: PyFunction;
let check: PyFunction;

beforeAll(async () => {
  const pyodide: PyodideInterface = await loadPyodide();
  // As python-worker.ts (and the build's snapshot) does: fc_context.py, then runner.py, as one module.
  const source = (file: string) => readFileSync(join(PYTHON, file), "utf8");
  pyodide.runPython(runtimeBootCode(source("fc_context.py"), source("runner.py")));
  ({ run, check } = pyodide.pyimport(RUNTIME_MODULE) as PyProxy & { run: PyFunction; check: PyFunction });
}, 300_000);

interface Outcome {
  result?: { kind: string; text: string; note?: { code: string; values: { reason: string } } };
  error?: { name: string; message: string; stack: string };
}

/** One run of `code` against `event`, with the worker's network (runner/sample-log.ts); printed lines too. */
function runHandler(code: string, event = EVENT): Outcome & { printed: string[] } {
  const served = new SampleLogServer(event, generateCdnLog);
  const printed: string[] = [];
  const post = (json: string) => printed.push(...(JSON.parse(json) as { text: string }[]).map((line) => line.text));
  const outcome = JSON.parse(String(run(code, event, 5, post, (url: string) => served.text(url), NO_NETWORK)));
  return { ...(outcome as Outcome), printed };
}

describe("the sample log, in the playground's Python", () => {
  it("the log template's urllib download is the generated log: its summary equals summarizeCdnLog's", async () => {
    const outcome = runHandler(pythonTemplate("logs", ["LogFileCreated"]));
    expect(outcome.error).toBeUndefined();
    expect(outcome.result?.kind).toBe("json");
    const [summary] = JSON.parse(outcome.result?.text ?? "[]") as TemplateSummary[];
    const [file] = sampleLogFiles(EVENT);
    const gzip = gzipSync(generateCdnLog(file?.options));
    const expected = await summarizeCdnLog(readCdnLog(new Uint8Array(gzip)), { top: 50 });
    expectSameSummary(summary as TemplateSummary, expected, JSON.stringify(summary));
  });

  it("open_url gives the same bytes; other URLs, POST and a custom opener are refused with the no-network words", () => {
    const outcome = runHandler(`import gzip, json, urllib.request
from pyodide.http import open_url


def handler(event, context):
    url = json.loads(event)["events"][0]["eventParameter"]["filePath"]
    with urllib.request.urlopen(url) as response:
        body = response.read()
        status = response.status
    refused = []
    for attempt in (
        lambda: urllib.request.urlopen("https://example.com/"),
        lambda: urllib.request.urlopen(urllib.request.Request(url, data=b"x", method="POST")),
        lambda: urllib.request.build_opener().open("http://example.com/"),
        lambda: open_url("https://example.com/"),
    ):
        try:
            attempt()
            refused.append("served")
        except Exception as error:
            refused.append(f"{type(error).__name__}: {error}")
    same = open_url(url).getvalue().encode("latin-1") == body
    return {"status": status, "same": same, "text": gzip.decompress(body).decode()[:200], "refused": refused}
`);
    expect(outcome.error).toBeUndefined();
    const result = JSON.parse(outcome.result?.text ?? "{}");
    const [file] = sampleLogFiles(EVENT);
    expect(result.status).toBe(200);
    expect(result.same).toBe(true);
    expect(result.text).toBe(generateCdnLog(file?.options).slice(0, 200));
    expect(result.refused).toEqual([
      `URLError: <urlopen error ${NO_NETWORK}>`,
      `URLError: <urlopen error ${NO_NETWORK}>`,
      `URLError: <urlopen error ${NO_NETWORK}>`,
      `OSError: ${NO_NETWORK}`,
    ]);
  });

  it("an event without a LogFileCreated filePath serves nothing", () => {
    const outcome = runHandler(
      `import urllib.request\n\ndef handler(event, context):\n    return urllib.request.urlopen("https://cdnlog.example.com/a.gz").read()\n`,
      JSON.stringify(CDN_EVENT_CATALOG.CdnDomainAdded.sample),
    );
    expect(outcome.error?.name).toBe("URLError");
    expect(outcome.error?.message).toContain(NO_NETWORK);
  });
});

describe("the syntax check while typing", () => {
  const problems = (code: string) => JSON.parse(String(check(code)));

  it("reports ast.parse's and the compiler's errors at their line and column, and nothing for valid code", () => {
    expect(problems("def handler(event, context):\n    return json.loads(event)\n")).toEqual([]);
    expect(problems("def handler(event, context):\n    return (1 +\n")).toEqual([
      { line: 2, column: 12, message: "SyntaxError: '(' was never closed" },
    ]);
    expect(problems("def handler(:\n")).toEqual([
      expect.objectContaining({ line: 1, column: 13, message: "SyntaxError: invalid syntax" }),
    ]);
    expect(problems("return 1\n")).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: "SyntaxError: 'return' outside function" }),
    ]);
    expect(problems("def f():\n\treturn 1\n        return 2\n")[0]).toMatchObject({ line: 3, message: /^TabError/ });
  });

  it("runs nothing", () => {
    expect(problems("raise SystemExit(3)\nimport os\nos._exit(1)\n")).toEqual([]);
  });
});

describe("return values, as FC sends them back", () => {
  const shown = (value: string) => runHandler(`def handler(event, context):\n    return ${value}\n`).result;

  it("a dict or list as JSON, a str as is, bytes decoded, anything else as repr with the reason", () => {
    expect(shown(`{"é": [1, 2.5, None]}`)).toEqual({
      kind: "json",
      text: '{\n  "é": [\n    1,\n    2.5,\n    null\n  ]\n}',
    });
    expect(shown(`"as is"`)).toEqual({ kind: "text", text: "as is" });
    expect(shown(`b"\\xc3\\xa9"`)).toEqual({ kind: "text", text: "é" });
    expect(shown(`(1, 2)`)).toEqual({
      kind: "text",
      text: "(1, 2)",
      note: { code: "pyNotJson", values: { reason: "got tuple" } },
    });
    expect(shown(`{"s": {1}}`)?.note?.values.reason).toBe("Object of type set is not JSON serializable");
  });
});
