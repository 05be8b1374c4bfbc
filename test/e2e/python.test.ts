// Python in the playground (self-hosted Pyodide), driven in Chromium against the built site: the seed's
// official sample gives exactly what python3 gives for every event, FC's Python runtime semantics (bytes event,
// snake_case context, print and logging in the console panel), tracebacks at the user's line, the timeout
// and Stop (with a working next Run), and JavaScript playground pages downloading 0 bytes of Pyodide.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// From source, not sdk/dist: the catalog is all this file needs, and a concurrent SDK rebuild cannot break it.
import { CDN_EVENT_CATALOG, CDN_EVENT_NAMES, type CdnEventName } from "../../sdk/src/index.js";
import { PLAYGROUND_MESSAGES } from "../../site/playground/i18n/tables.js";
import { TEMPLATES, type TemplateId } from "../../site/playground/templates.js";
import { runPythonHandler } from "../support/python3.js";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { ROOT } from "./paths.js";
import { clickRun, launchPlayground, openPlayground, readOutcome, waitForRunEnd } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");
const siteDist = inject("siteDist");
const SAMPLE_PATH = join(ROOT, "../shared/seed/official_sample_handler.py");
const SAMPLE_LABEL = "../shared/seed/official_sample_handler.py";
const hasSample = existsSync(SAMPLE_PATH);
if (!hasSample) console.warn(`[python tests] skipping the official-sample test: ${SAMPLE_LABEL} is absent`);

let browser: SiteBrowser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await launchPlayground(siteUrl));
  await choosePython(page);
});

afterAll(async () => {
  await browser?.close();
});

/** Picks Python in the language picker and waits until Pyodide has started. */
async function choosePython(target: Page): Promise<void> {
  await target.selectOption('[data-fc-playground] [data-role="language"]', "python");
  await target.waitForSelector('[data-fc-playground][data-python="ready"]', { timeout: 120_000 });
}

/** Puts `code` into the handler editor as Python, exactly (the editor's text is checked). */
async function setPython(code: string): Promise<void> {
  const text = await page.evaluate((source) => {
    const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
      playground: { setCode(code: string, language?: string): void; code: string; language: string };
    };
    root.playground.setCode(source, "python");
    return { code: root.playground.code, language: root.playground.language };
  }, code);
  expect(text).toEqual({ code, language: "python" });
}

type Handle = { code: string; eventJson: string };
const handlerCode = () =>
  page.evaluate(
    () => (document.querySelector("[data-fc-playground]") as HTMLElement & { playground: Handle }).playground.code,
  );

const eventJson = () =>
  page.evaluate(
    () =>
      (document.querySelector("[data-fc-playground]") as HTMLElement & { playground: { eventJson: string } }).playground
        .eventJson,
  );

/** The return value exactly as the panel shows it (textContent: no layout-dependent whitespace). */
const returnValue = async () =>
  (await page.locator('[data-fc-playground] [data-role="output"] .fcpg-result-value').textContent()) ?? "";

const domainOf = (name: CdnEventName) =>
  String((CDN_EVENT_CATALOG[name].sample.events[0].eventParameter as { domain: string }).domain);

describe.skipIf(!hasSample)(`the seed's official sample (${SAMPLE_LABEL})`, () => {
  it("pasted unchanged, returns exactly what python3 returns, for each of the 8 events", async () => {
    const sample = readFileSync(SAMPLE_PATH, "utf8");
    await setPython(sample);
    const scratch = mkdtempSync(join(tmpdir(), "fc-python-reference-"));
    try {
      const file = join(scratch, "index.py");
      writeFileSync(file, sample);
      for (const name of CDN_EVENT_NAMES) {
        await page.selectOption('[data-fc-playground] [data-role="event"]', name);
        // Still the sample, byte for byte: picking an event never touches edited code.
        expect(await handlerCode()).toBe(sample);
        const event = await eventJson();
        // The reference: python3 on this machine imports the file and calls handler(bytes, context), as FC does.
        const { result: expected } = await runPythonHandler(file, event);
        expect(typeof expected, `python3's result for ${name}`).toBe("string");
        const outcome = await clickRun(page, 60_000);
        expect(outcome.state, `${name}:\n${outcome.text}`).toBe("done");
        expect(await returnValue(), name).toBe(expected);
        expect(expected).toContain(domainOf(name));
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("FC's Python runtime semantics", () => {
  it("event is bytes, context is snake_case, print and logging reach the console panel, the return value shows", async () => {
    await page.selectOption('[data-fc-playground] [data-role="event"]', "CachedObjectsRefreshed");
    await setPython(`import json
import logging

logger = logging.getLogger()


def handler(event, context):
    print("event type:", type(event).__name__, len(event))
    print("event name:", json.loads(event)["events"][0]["eventName"])
    print("request_id:", len(context.request_id))
    creds = context.credentials
    print("credentials:", bool(creds.access_key_id), bool(creds.access_key_secret), bool(creds.security_token))
    fn = context.function
    print("function:", fn.name, fn.handler, fn.memory, fn.timeout)
    print("where:", context.service.name, context.region, context.account_id)
    logger.info("an info line")
    logger.warning("a warning line")
    logging.getLogger("child").error("an error line")
    logger.debug("not shown: FC's root logger is at INFO")
    return {"ok": True, "bytes": len(event)}
`);
    const event = await eventJson();
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state, outcome.text).toBe("done");
    const bytes = new TextEncoder().encode(event).byteLength;
    expect(outcome.text).toContain(`event type: bytes ${bytes}`);
    expect(outcome.text).toContain("event name: CachedObjectsRefreshed");
    expect(outcome.text).toContain("request_id: 36");
    expect(outcome.text).toContain("credentials: True True True");
    expect(outcome.text).toContain("function: cdn-handler index.handler 512 5");
    expect(outcome.text).toContain("where: cdn-service cn-hangzhou 1234567890123456");
    expect(outcome.text).not.toContain("not shown");
    // Logging lines carry FC's prefix (time, request id, level) and the panel's level.
    const levels = await page
      .locator('[data-fc-playground] [data-role="output"] .fcpg-line')
      .evaluateAll((rows) => rows.map((row) => `${(row as HTMLElement).dataset.level} ${row.textContent}`));
    expect(levels.find((line) => line.endsWith("an info line"))).toMatch(
      /^info \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [0-9a-f-]{36} \[INFO\] an info line$/,
    );
    expect(levels.find((line) => line.endsWith("a warning line"))).toMatch(/^warn .*\[WARNING\] a warning line$/);
    expect(levels.find((line) => line.endsWith("an error line"))).toMatch(/^error .*\[ERROR\] an error line$/);
    expect(JSON.parse(await returnValue())).toEqual({ ok: true, bytes });
  });

  it("the Template picker names and describes Python's templates for what they do, and the script ones in TypeScript", async () => {
    const picker = page.locator('[data-fc-playground] [data-role="template"]');
    const options = () =>
      picker.locator("option").evaluateAll((list) =>
        list.map((option) => ({
          id: (option as HTMLOptionElement).value,
          label: option.textContent,
          hint: (option as HTMLOptionElement).title,
        })),
      );
    const words = PLAYGROUND_MESSAGES.en.playground;
    const expected = (labels: Record<TemplateId, string>, hints: Record<TemplateId, string>) =>
      TEMPLATES.map(({ id }) => ({ id, label: labels[id], hint: hints[id] }));
    expect(await options()).toEqual(expected(words.pythonTemplates, words.pythonTemplateHints));
    expect(JSON.stringify(await options())).not.toContain("defineCdnHandler");
    expect(await picker.getAttribute("title")).toBe(
      words.pythonTemplateHints[(await picker.inputValue()) as TemplateId],
    );
    await page.selectOption('[data-fc-playground] [data-role="language"]', "typescript");
    expect(await options()).toEqual(expected(words.templates, words.templateHints));
    await choosePython(page);
    expect(await options()).toEqual(expected(words.pythonTemplates, words.pythonTemplateHints));
  });

  it("every Python template runs against its event; generated code follows the event picker", async () => {
    for (const template of ["sdk", "plain", "official"] as const) {
      await page.selectOption('[data-fc-playground] [data-role="template"]', template);
      for (const name of ["LogFileCreated", "CdnDomainAdded"] as const) {
        await page.selectOption('[data-fc-playground] [data-role="event"]', name);
        const code = await handlerCode();
        if (template !== "official") {
          // The SDK's generateHandlerCode, for the picked event only.
          expect(code).toContain("Generated by fc-cdn-trigger");
          expect(code).toContain(`"${name}"`);
          expect(code).not.toContain(`"${name === "LogFileCreated" ? "CdnDomainAdded" : "LogFileCreated"}"`);
        }
        const outcome = await clickRun(page, 60_000);
        expect(outcome.state, `${template} × ${name}:\n${outcome.text}`).toBe("done");
        expect(outcome.text).toContain(name);
        expect(outcome.text).toContain(domainOf(name));
      }
    }
    expect(await page.locator('[data-fc-playground] [data-role="file-name"]').textContent()).toBe("index.py");
  });

  it("the log-summary template in Python summarises the sample log the playground serves (python-log-template.test.ts checks the numbers)", async () => {
    await page.selectOption('[data-fc-playground] [data-role="template"]', "logs");
    await page.selectOption('[data-fc-playground] [data-role="event"]', "LogFileCreated");
    const code = await handlerCode();
    expect(code).toContain("def summarize(lines");
    expect(code).toContain("gzip.open(");
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state, outcome.text).toBe("done");
    expect(outcome.text).toContain(`LogFileCreated for ${domainOf("LogFileCreated")}`);
    expect(outcome.text).toMatch(/\d+ requests, [\d.]+ MB, cache hit ratio [\d.]+%/);
    await page.selectOption('[data-fc-playground] [data-role="event"]', "CdnDomainAdded");
    const skipped = await clickRun(page, 60_000);
    expect(skipped.state, skipped.text).toBe("done");
    expect(skipped.text).toContain("CdnDomainAdded: not a log file, skipped");
  });

  it("an exception shows a Python traceback at the user's line, with a marker on that line", async () => {
    await page.selectOption('[data-fc-playground] [data-role="event"]', "LogFileCreated");
    await setPython(`import json


def size_of(event):
    body = json.loads(event)
    parameter = body["events"][0]["eventParameter"]
    return parameter["fileSize"] / parameter["missing"]


def handler(event, context):
    return size_of(event)
`);
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state).toBe("error");
    expect(outcome.text).toMatch(/KeyError at index\.py line 7, column \d+/);
    expect(outcome.text).toContain("Traceback (most recent call last):");
    expect(outcome.text).toContain('File "/code/index.py", line 11, in handler');
    expect(outcome.text).toContain('File "/code/index.py", line 7, in size_of');
    expect(outcome.text).toContain('return parameter["fileSize"] / parameter["missing"]');
    // The playground's own frames never show.
    expect(outcome.text).not.toContain("fc-playground-runner");
    expect(outcome.text).not.toMatch(/_pyodide|pyodide\.asm/);
    await expectMarkerOnLine(7);
  });

  it("a syntax error is reported at its line and column", async () => {
    await setPython("def handler(event, context):\n    return (1 +\n\ndef other():\n    pass\n");
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state).toBe("error");
    expect(outcome.text).toMatch(/SyntaxError at index\.py line 2, column \d+/);
  });

  it("return values show as FC sends them back: dict and list as indented JSON, str as is, bytes decoded, else repr and why", async () => {
    const cases: [string, (shown: string) => void][] = [
      [
        `{"domain": "例子.example.com", "paths": ["/a", "/b"], "ok": True}`,
        (shown) =>
          expect(shown).toBe(JSON.stringify({ domain: "例子.example.com", paths: ["/a", "/b"], ok: true }, null, 2)),
      ],
      [`[{"n": 1}, None]`, (shown) => expect(shown).toBe(JSON.stringify([{ n: 1 }, null], null, 2))],
      [`"eventName:X, domain: y"`, (shown) => expect(shown).toBe("eventName:X, domain: y")],
      [`"é".encode("utf-8") + b"!"`, (shown) => expect(shown).toBe("é!")],
      [
        `{"tags": {"a"}}`,
        (shown) =>
          expect(shown).toMatch(/^\{'tags': \{'a'\}\}\n\(shown with repr\(\): .*set is not JSON serializable\)$/),
      ],
      [`42`, (shown) => expect(shown).toMatch(/^42\n\(shown with repr\(\): .*got int\)$/)],
    ];
    for (const [value, check] of cases) {
      await setPython(`def handler(event, context):\n    return ${value}\n`);
      const outcome = await clickRun(page, 60_000);
      expect(outcome.state, outcome.text).toBe("done");
      check(await returnValue());
    }
  });

  it("syntax errors are marked while typing once Python is loaded (ast.parse in the worker), and cleared when fixed", async () => {
    const editor = page.locator('[data-fc-playground] [data-role="handler-editor"]');
    await setPython("import json\n\n\ndef handler(event, context):\n    return json.loads(event)\n");
    // Typed, not run: the marker can only come from the check while typing.
    await editor.locator(".view-line").nth(4).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" +");
    await expectMarkerOnLine(5);
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await editor.locator(".squiggly-error").first().waitFor({ state: "detached", timeout: 20_000 });
    expect(await page.locator('[data-fc-playground] [data-role="output"]').getAttribute("data-run-state")).not.toBe(
      "running",
    );
  });

  it("a file without handler says what FC expects", async () => {
    await setPython("def main(event, context):\n    return 1\n");
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state).toBe("error");
    expect(outcome.text).toContain("defines no function named handler");
  });
});

async function expectMarkerOnLine(line: number): Promise<void> {
  const editor = page.locator('[data-fc-playground] [data-role="handler-editor"]');
  await editor.locator(".squiggly-error").first().waitFor({ timeout: 20_000 });
  const squiggle = await editor.locator(".squiggly-error").first().boundingBox();
  const number = await editor.locator(".line-numbers", { hasText: new RegExp(`^${line}$`) }).boundingBox();
  expect(squiggle && number, "marker and line number are rendered").toBeTruthy();
  expect(Math.abs((squiggle?.y ?? 0) - (number?.y ?? 0))).toBeLessThan(5);
}

describe("the sandbox", () => {
  it("Python code reaches no DOM, storage or network (opaque-origin iframe → worker, connect-src 'none')", async () => {
    await page.evaluate(() => localStorage.setItem("python-secret", "kept"));
    await setPython(`import js


def handler(event, context):
    found = [name for name in ("document", "localStorage", "sessionStorage", "parent", "top") if hasattr(js, name)]
    try:
        request = js.XMLHttpRequest.new()
        request.open("GET", "${siteUrl}/", False)
        request.send()
        network = "reached " + str(request.status)
    except Exception as error:
        network = "blocked: " + type(error).__name__
    return {"found": found, "network": network, "origin": js.eval("self.origin")}
`);
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state, outcome.text).toBe("done");
    const result = JSON.parse(await returnValue());
    expect(result.found).toEqual([]);
    expect(result.network).toMatch(/^blocked/);
    expect(result.origin).toBe("null");
    expect(await page.evaluate(() => localStorage.getItem("python-secret"))).toBe("kept");
  });
});

describe("timeouts and Stop", () => {
  it("an endless loop is stopped by the timeout (its output capped), and the next Run works", async () => {
    await setPython("def handler(event, context):\n    n = 0\n    while True:\n        n += 1\n        print(n)\n");
    const outcome = await clickRun(page, 60_000);
    expect(outcome.state).toBe("timeout");
    expect(outcome.text).toContain("Timed out after 5 s");
    expect(await page.locator('[data-fc-playground] [data-role="output"] .fcpg-line').count()).toBeLessThanOrEqual(
      2000,
    );
    // A fresh interpreter replaces the terminated one; the next Run waits for it and works.
    await setPython('def handler(event, context):\n    return "alive again"\n');
    const next = await clickRun(page, 120_000);
    expect(next.state, next.text).toBe("done");
    expect(await returnValue()).toBe("alive again");
  });

  it("Stop terminates a busy run, and the next Run works", async () => {
    await page.waitForSelector('[data-fc-playground][data-python="ready"]', { timeout: 120_000 });
    await setPython("def handler(event, context):\n    while True:\n        pass\n");
    await page.click('[data-fc-playground] [data-role="run"]');
    await page.waitForSelector('[data-fc-playground] [data-role="stop"]:not([disabled])');
    await page.waitForTimeout(300);
    await page.click('[data-fc-playground] [data-role="stop"]');
    expect((await waitForRunEnd(page)).state).toBe("stopped");
    await setPython('def handler(event, context):\n    return "after stop"\n');
    expect((await clickRun(page, 120_000)).state).toBe("done");
    expect(await returnValue()).toBe("after stop");
  });
});

describe("Pyodide's bytes", () => {
  it("JavaScript playground pages download 0 bytes of Pyodide; choosing Python downloads it from the site itself", async () => {
    // A browser of its own: an empty HTTP cache, so every byte is counted.
    const own = await launchBrowser();
    const fresh = await own.newPage({ width: 1280, height: 900 });
    const bytes = new Map<string, number>();
    fresh.on("requestfinished", async (request) => {
      const sizes = await request.sizes().catch(() => undefined);
      bytes.set(request.url(), sizes?.responseBodySize ?? 0);
    });
    const pyodideBytes = () =>
      [...bytes].filter(([url]) => new URL(url).pathname.includes("/pyodide/")).reduce((sum, [, n]) => sum + n, 0);
    const scriptsWith = (marker: string) =>
      [...bytes.keys()]
        .map((url) => new URL(url))
        .filter((url) => url.origin === new URL(siteUrl).origin && /\.m?js$/.test(url.pathname))
        .filter((url) => {
          const file = join(siteDist, url.pathname);
          return existsSync(file) && readFileSync(file, "utf8").includes(marker);
        });

    await openPlayground(fresh, siteUrl);
    expect((await clickRun(fresh)).state).toBe("done");
    await fresh.selectOption('[data-fc-playground] [data-role="language"]', "javascript");
    expect((await clickRun(fresh)).state).toBe("done");
    await fresh.goto(`${siteUrl}/events/LogFileCreated/`, { waitUntil: "networkidle" });
    await openPlayground(fresh, siteUrl);
    // Every lazily started piece (workers, Monaco's idle-time features, the search index) has been fetched. On a
    // loaded CI machine the page needs longer than Playwright's 30 s default to fall quiet for 500 ms.
    await fresh.waitForLoadState("networkidle", { timeout: 120_000 });
    expect(bytes.size).toBeGreaterThan(10);
    expect(pyodideBytes()).toBe(0);
    // Nor the Python runtime: no loaded script carries Pyodide's loader call or the Python sandbox.
    expect(scriptsWith("loadPyodide")).toEqual([]);
    expect(scriptsWith("createPyodideModule")).toEqual([]);

    // The control: choosing Python fetches each file of the Pyodide folder once (Pyodide's and the build's Python
    // snapshot), from this site (no CDN). Text files may travel compressed, the wasm, the zip and the gzipped
    // snapshot are already dense: the bytes lie between those and the total.
    await choosePython(fresh);
    const [version] = readdirSync(join(siteDist, "pyodide"));
    const sizeOf = (name: string) => statSync(join(siteDist, "pyodide", String(version), name)).size;
    const files = readdirSync(join(siteDist, "pyodide", String(version)));
    const snapshot = files.find((name) => /^snapshot-[0-9a-f]{8}\.bin\.gz$/.test(name));
    expect(files.sort()).toEqual(
      ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", String(snapshot)].sort(),
    );
    const fetched = [...bytes.keys()].map((url) => new URL(url).pathname).filter((path) => path.includes("/pyodide/"));
    expect(fetched.sort()).toEqual(files.map((name) => `/pyodide/${version}/${name}`).sort());
    const dense = ["pyodide.asm.wasm", "python_stdlib.zip", String(snapshot)];
    expect(pyodideBytes()).toBeGreaterThanOrEqual(dense.reduce((sum, name) => sum + sizeOf(name), 0));
    expect(pyodideBytes()).toBeLessThanOrEqual(files.reduce((sum, name) => sum + sizeOf(name), 0));
    expect(own.offsiteRequests).toEqual([]);
    console.log(`[python] Pyodide on the wire: ${(pyodideBytes() / 1e6).toFixed(2)} MB (${files.length} files)`);
    await own.close();
  }, 240_000);
});

describe("the build's Python snapshot", () => {
  /** In a browser of its own, with `route` set up first: chooses Python, runs, and says how Python started. */
  async function startWith(route?: (page: Page) => Promise<unknown>) {
    const own = await launchBrowser();
    const fresh = await own.newPage({ width: 1280, height: 900 });
    await route?.(fresh);
    await openPlayground(fresh, siteUrl);
    await choosePython(fresh);
    const restored = await fresh.getAttribute("[data-fc-playground]", "data-python-restored");
    await fresh.evaluate((code) => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setCode(code: string, language?: string): void };
      };
      root.playground.setCode(code, "python");
    }, ENVIRONMENT_PROBE);
    const run = await clickRun(fresh, 120_000);
    const value = await fresh.locator('[data-fc-playground] [data-role="output"] .fcpg-result-value').textContent();
    await own.close();
    return { restored, run, value };
  }
  /** A handler that returns what a snapshot holds: FC's environment, and modules imported before it was taken. */
  const ENVIRONMENT_PROBE = [
    "import os, sys",
    "def handler(event, context):",
    '    return {"region": os.environ["FC_REGION"], "uuid": "uuid" in sys.modules, "event": len(event) > 0}',
    "",
  ].join("\n");
  const ranAsFc = ({ run, value }: { run: { state: string; text: string }; value: string | null }) => {
    expect(run.state, run.text).toBe("done");
    expect(JSON.parse(value ?? "null")).toEqual({ region: "cn-hangzhou", uuid: true, event: true });
  };

  it("the first choice of Python restores it (CPython is not started in the browser)", async () => {
    const started = await startWith();
    expect(started.restored).toBe("true");
    ranAsFc(started);
  }, 240_000);

  it("without it (not downloadable), Python starts from scratch and runs the same", async () => {
    const started = await startWith((fresh) =>
      fresh.route("**/pyodide/*/snapshot-*.bin.gz", (route) => route.abort("connectionfailed")),
    );
    expect(started.restored).toBe("false");
    ranAsFc(started);
  }, 240_000);

  it("a snapshot download that stalls is not waited for: Python starts from scratch soon after Pyodide's files", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const started = await startWith((fresh) =>
        fresh.route("**/pyodide/*/snapshot-*.bin.gz", async (route) => {
          await held;
          await route.abort().catch(() => undefined);
        }),
      );
      expect(started.restored).toBe("false");
      ranAsFc(started);
    } finally {
      release();
    }
  }, 240_000);

  it("a snapshot Pyodide refuses (not this Pyodide's) is left aside, and Python starts from scratch", async () => {
    const { gzipSync } = await import("node:zlib");
    const started = await startWith((fresh) =>
      fresh.route("**/pyodide/*/snapshot-*.bin.gz", (route) =>
        route.fulfill({ contentType: "application/gzip", body: gzipSync(Buffer.alloc(1 << 20, 7)) }),
      ),
    );
    expect(started.restored).toBe("false");
    ranAsFc(started);
  }, 240_000);
});

describe("when Pyodide cannot be downloaded", () => {
  it("says which file failed, and the next Run downloads it again and works", async () => {
    const own = await launchBrowser();
    const fresh = await own.newPage({ width: 1280, height: 900 });
    await fresh.route("**/pyodide.asm.wasm", (route) => route.abort("connectionfailed"));
    await openPlayground(fresh, siteUrl);
    await fresh.selectOption('[data-fc-playground] [data-role="language"]', "python");
    await fresh.waitForSelector('[data-fc-playground][data-python="failed"]', { timeout: 60_000 });
    const status = await fresh.locator('[data-fc-playground] [data-role="python-status"]').textContent();
    expect(status).toMatch(/Python could not start: \/pyodide\/[\d.]+\/pyodide\.asm\.wasm could not be downloaded/);
    const failed = await clickRun(fresh, 60_000);
    expect(failed.state).toBe("error");
    expect(failed.text).toContain("pyodide.asm.wasm could not be downloaded");
    expect(failed.text).toContain("press Run to try again");
    await fresh.unroute("**/pyodide.asm.wasm");
    const next = await clickRun(fresh, 120_000);
    expect(next.state, next.text).toBe("done");
    expect(await fresh.getAttribute("[data-fc-playground]", "data-python")).toBe("ready");
    await own.close();
  });
});

it("no console errors on the page", async () => {
  const outcome = await readOutcome(page);
  expect(outcome.state).not.toBe("running");
  expect(browser.consoleErrors.filter((line) => !/Failed to load resource/.test(line))).toEqual([]);
});
