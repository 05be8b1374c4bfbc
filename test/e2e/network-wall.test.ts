// The sandbox's network wall, proven with a real listener: a TCP server on 127.0.0.1 that user code tries to
// reach by every route a browser offers (fetch, the native fetch under the playground's wrapper, XHR, WebSocket,
// EventSource, import(), importScripts, a nested Worker's own fetch from data: and blob: URLs, a Worker from the
// server, sendBeacon), from a JavaScript handler and from a Python one (urllib, pyodide.http, and the same JS
// routes in the Python worker). The listener must see no connection. A control run with the frame's
// Content-Security-Policy relaxed to `connect-src *` (the page's script rewritten on the way in) does connect: the
// CSP, not the playground's wrappers, is what stops the requests, and this test would notice if it stopped doing so.
import { once } from "node:events";
import { type AddressInfo, createServer, type Server } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type SiteBrowser } from "./browser.js";
import { clickRun, openPlayground, readRunDetails, setCode } from "./playground-helpers.js";

const siteUrl = inject("siteUrl");

/** What the listener saw: one entry per TCP connection, the first line of what was sent (if anything). */
const seen: string[] = [];
let server: Server;
let base = "";
let browser: SiteBrowser;

beforeAll(async () => {
  server = createServer((socket) => {
    const entry = seen.push("(connected, nothing sent yet)") - 1;
    socket.once("data", (data) => {
      seen[entry] = data.toString("latin1").split("\r\n")[0] ?? "";
      socket.destroy();
    });
    socket.on("error", () => {});
    // A silent peer would keep WebSocket/EventSource waiting; the connection itself is what counts.
    setTimeout(() => socket.destroy(), 200).unref();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/**
 * `fcProbe(base, label)`: tries each route in the scope it runs in (the handler's worker, a nested worker, the
 * Python worker) and resolves to { route: outcome }. Each route waits for its own answer (an error event, a
 * rejection), so when it resolves, any connection it would make has been made. Path = label/route, for the log.
 */
const PROBE = String.raw`
async function fcProbe(base, label) {
  const url = (route) => base + label + "/" + route;
  const wait = (executor) => new Promise((resolve) => {
    const timer = setTimeout(() => resolve("no answer in 4 s"), 4000);
    executor((value) => { clearTimeout(timer); resolve(value); });
  });
  const nested = (kind, type) => wait((done) => {
    const source = fcProbe.toString() + "\nfcProbe(" + JSON.stringify(base) + ", " + JSON.stringify(label + "-" + kind + "-" + type) + ").then((r) => postMessage(r));";
    const workerUrl = kind === "blob"
      ? URL.createObjectURL(new Blob([source], { type: "text/javascript" }))
      : "data:text/javascript;charset=utf-8," + encodeURIComponent(source);
    const worker = new Worker(workerUrl, { type });
    worker.onmessage = (event) => done(event.data);
    worker.onerror = (event) => { event.preventDefault?.(); done("worker error event"); };
  });
  const routes = {
    fetch: () => fetch(url("fetch")).then((response) => "answered " + response.status),
    nativeFetch: () => WorkerGlobalScope.prototype.fetch.call(self, url("nativeFetch")).then((r) => "answered " + r.status),
    xhr: () => wait((done) => {
      const request = new XMLHttpRequest();
      request.open("GET", url("xhr"));
      request.onload = () => done("answered " + request.status);
      request.onerror = () => done("error event");
      request.send();
    }),
    webSocket: () => wait((done) => {
      const socket = new WebSocket(url("webSocket").replace("http:", "ws:"));
      socket.onopen = () => done("open");
      socket.onerror = () => done("error event");
    }),
    eventSource: () => wait((done) => {
      const source = new EventSource(url("eventSource"));
      source.onopen = () => done("open");
      source.onerror = () => { source.close(); done("error event"); };
    }),
    dynamicImport: () => import(url("dynamicImport")).then(() => "imported"),
    importScripts: () => { importScripts(url("importScripts")); return "imported"; },
    workerFromServer: () => wait((done) => {
      const worker = new Worker(url("workerFromServer"));
      worker.onerror = (event) => { event.preventDefault?.(); done("worker error event"); };
    }),
    sendBeacon: () => typeof navigator.sendBeacon === "function" ? "sent: " + navigator.sendBeacon(url("sendBeacon"), "x") : "no sendBeacon in this scope",
  };
  if (!label.includes("-")) {
    routes.dataModuleWorker = () => nested("data", "module");
    routes.dataClassicWorker = () => nested("data", "classic");
    routes.blobModuleWorker = () => nested("blob", "module");
    routes.blobClassicWorker = () => nested("blob", "classic");
  }
  const results = {};
  await Promise.all(Object.entries(routes).map(async ([name, route]) => {
    try { results[name] = await route(); } catch (error) { results[name] = "threw " + (error && error.name) + ": " + (error && error.message); }
  }));
  return results;
}`;

/** A JavaScript handler that runs every probe from its own worker (and nested ones) and returns the outcomes. */
const jsHandler = () => `${PROBE}
export const handler = async () => fcProbe(${JSON.stringify(base)}, "js");
`;

/**
 * A Python handler: urllib and pyodide.http (open_url is a synchronous XHR; pyfetch is started and its outcome
 * recorded when it settles), and the JS probe evaluated in the Python worker. Handlers are synchronous, so the
 * asynchronous outcomes land in `sys.fc_probe`, which {@link PY_READ} returns on later runs (the worker stays warm).
 */
const pyHandler = () => `import asyncio, json, sys, urllib.request
import js
import pyodide.http

BASE = ${JSON.stringify(base)}
PROBE = ${JSON.stringify(PROBE)}


def record(name):
    def done(future):
        error = future.exception()
        sys.fc_probe[name] = "threw " + type(error).__name__ if error else "answered " + str(future.result().status)
    return done


def handler(event, context):
    sys.fc_probe = {}
    try:
        urllib.request.urlopen(BASE + "py/urllib", timeout=3)
        sys.fc_probe["urllib"] = "answered"
    except Exception as error:
        sys.fc_probe["urllib"] = "threw " + type(error).__name__ + ": " + str(error)[:80]
    try:
        pyodide.http.open_url(BASE + "py/open_url")
        sys.fc_probe["open_url"] = "answered"
    except Exception as error:
        sys.fc_probe["open_url"] = "threw " + type(error).__name__ + ": " + str(error)[:80]
    asyncio.ensure_future(pyodide.http.pyfetch(BASE + "py/pyfetch")).add_done_callback(record("pyfetch"))
    js.eval(PROBE + "; fcProbe(" + json.dumps(BASE) + ", 'pyjs').then((r) => { self.fcProbeJs = JSON.stringify(r); })")
    return "started"
`;

const PY_READ = `import sys, js


def handler(event, context):
    js_results = getattr(js, "fcProbeJs", None)
    if js_results is None or "pyfetch" not in sys.fc_probe:
        return "pending"
    return {**sys.fc_probe, "js": __import__("json").loads(js_results)}
`;

/** How a refused route ends: an exception, an error event, or the API missing from the scope. */
const REFUSED = /^(threw |error event$|worker error event$|no sendBeacon in this scope$)/;

/** Every outcome, nested workers' included, is a refusal (nothing answered, opened, imported or was sent). */
function expectAllRefused(results: Record<string, unknown>, path = ""): void {
  for (const [route, outcome] of Object.entries(results)) {
    if (typeof outcome === "object" && outcome !== null)
      expectAllRefused(outcome as Record<string, unknown>, `${path}${route}.`);
    else expect(String(outcome), `${path}${route}`).toMatch(REFUSED);
  }
}

async function runJsProbe(page: Page): Promise<Record<string, unknown>> {
  await setCode(page, jsHandler(), "javascript");
  await clickRun(page, 60_000);
  const details = await readRunDetails(page);
  expect(details.state, details.text).toBe("done");
  return JSON.parse(details.result ?? "null") as Record<string, unknown>;
}

async function setPython(page: Page, code: string): Promise<void> {
  await page.evaluate((source) => {
    const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
      playground: { setCode(code: string, language?: string): void };
    };
    root.playground.setCode(source, "python");
  }, code);
}

async function runPythonProbe(page: Page): Promise<Record<string, unknown>> {
  await page.selectOption('[data-fc-playground] [data-role="language"]', "python");
  await page.waitForSelector('[data-fc-playground][data-python="ready"]', { timeout: 120_000 });
  await setPython(page, pyHandler());
  const started = await clickRun(page, 60_000);
  expect(started.state, started.text).toBe("done");
  await setPython(page, PY_READ);
  // Each route ends in an answer or an error within a few seconds; read again until all have.
  for (let attempt = 0; attempt < 30; attempt++) {
    await clickRun(page, 60_000);
    const details = await readRunDetails(page);
    expect(details.state, details.text).toBe("done");
    if (details.result && !details.result.includes("pending")) return JSON.parse(details.result);
    await page.waitForTimeout(500);
  }
  throw new Error("the Python probes never all settled");
}

describe("no route from user code reaches a local server", () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ width: 1400, height: 1000 });
    await openPlayground(page, siteUrl);
  });

  it("from a JavaScript handler: every route fails and the listener sees no connection", async () => {
    const results = await runJsProbe(page);
    // Every route was tried (and the nested workers ran theirs, or failed to start).
    expect(Object.keys(results).sort()).toEqual(
      [
        "blobClassicWorker",
        "blobModuleWorker",
        "dataClassicWorker",
        "dataModuleWorker",
        "dynamicImport",
        "eventSource",
        "fetch",
        "importScripts",
        "nativeFetch",
        "sendBeacon",
        "webSocket",
        "workerFromServer",
        "xhr",
      ].sort(),
    );
    expectAllRefused(results);
    expect(seen).toEqual([]);
  });

  it("from a Python handler (urllib, pyodide.http, and the JS routes of its worker): no connection", async () => {
    const results = await runPythonProbe(page);
    expect(Object.keys(results).sort()).toEqual(["js", "open_url", "pyfetch", "urllib"]);
    expectAllRefused(results);
    expect(seen).toEqual([]);
  });
});

/** The directive of the frame's Content-Security-Policy (runner/frame-host.ts) that the control relaxes. */
const BLOCKED = "connect-src 'none'";

describe("the control: the frame's Content-Security-Policy is what stops them", () => {
  it("with connect-src relaxed, the same JavaScript handler does connect", async () => {
    const page = await browser.newPage({ width: 1400, height: 1000 });
    let rewritten = 0;
    await page.route("**/_astro/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (!body.includes(BLOCKED)) return route.fulfill({ response });
      rewritten++;
      return route.fulfill({ response, body: body.replaceAll(BLOCKED, "connect-src *") });
    });
    await openPlayground(page, siteUrl);
    await runJsProbe(page);
    expect(rewritten, "the page's script carries the frame's CSP").toBeGreaterThan(0);
    // The playground's wrapper still turns away plain fetch; the native one and the nested workers' get out.
    expect(seen).toContain("GET /js/nativeFetch HTTP/1.1");
    expect(seen.some((line) => line.startsWith("GET /js-data-module/fetch"))).toBe(true);
    await page.close();
  });
});
