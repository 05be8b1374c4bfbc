// Runs inside the Python sandbox iframe (sandbox="allow-scripts", no allow-same-origin: an opaque origin),
// the Python twin of runner/sandbox-frame.ts. It owns one Pyodide worker: booted as soon as the page sends
// Pyodide's files, kept warm between successful runs (starting Python takes a second or two; a warm Run
// takes milliseconds), and replaced by a fresh one after a timeout, a Stop or a crash. Workers restore a memory
// snapshot (~10× faster than starting CPython): the site's, made at build time, or else the one the first worker
// makes of its started interpreter.
// Bundled into one classic script string and inlined into the iframe's srcdoc.

import type { FromFrame, Text } from "../runner/protocol";
import type { FromPythonFrame, FromPythonWorker, PythonBoot, PythonRunRequest, ToPythonFrame } from "./python-protocol";

let runtimeUrl = "";
let boot: PythonBoot | undefined;
let worker: Worker | undefined;
let current: { runId: number; timeoutMs: number; timer?: ReturnType<typeof setTimeout> } | undefined;

const toPage = (message: FromPythonFrame) => parent.postMessage(message, "*");

function spawn(): void {
  if (!boot) return;
  // A data: URL: module workers from blob: URLs do not start in an opaque-origin document.
  const next = new Worker(runtimeUrl, { type: "module", name: "fc-cdn-trigger python handler" });
  worker = next;
  toPage({ kind: "py-booting" });
  let started = false;
  next.onmessage = (event: MessageEvent) => {
    if (worker !== next) return;
    const data = event.data as { kind?: unknown; runId?: unknown; message?: unknown; snapshot?: unknown };
    switch (data?.kind) {
      case "booted":
        started = true;
        toPage({ ...(data as FromPythonWorker & { kind: "booted" }), kind: "py-booted" });
        return;
      case "snapshot":
        // Only the one a worker makes while it starts (before user code runs, which can post anything too) and
        // only when there is none: user code must not choose the interpreter the next workers start from.
        if (data.snapshot instanceof Uint8Array && boot && !boot.snapshot && !started) {
          boot.snapshot = data.snapshot as Uint8Array<ArrayBuffer>;
        }
        return;
      case "checked":
        toPage(data as FromPythonWorker & { kind: "checked" });
        return;
      case "boot-failed":
        if (boot?.snapshot) {
          // Restoring the snapshot failed: start from scratch instead (and make a new snapshot).
          delete boot.snapshot;
          replace();
          return;
        }
        // Not respawned (it would fail the same way); the next Run tries again with a fresh worker.
        kill();
        toPage({ kind: "py-boot-failed", message: String(data.message ?? "") });
        if (current) fail(current.runId, { code: "pyCouldNotStart", values: { reason: String(data.message ?? "") } });
        return;
    }
    // Only the current run's messages; user code can post anything, the page validates shapes again.
    if (!current || data?.runId !== current.runId) return;
    const run = current;
    if (data.kind === "started") {
      // The handler's time starts now, not while a fresh worker was still starting Python.
      clearTimeout(run.timer);
      run.timer = setTimeout(() => stopRun("timeout"), run.timeoutMs);
      toPage({ kind: "started", runId: run.runId });
    } else if (data.kind === "console") {
      toPage(data as FromFrame);
    } else if (data.kind === "done") {
      clearTimeout(run.timer);
      current = undefined;
      toPage(data as FromFrame);
    } else if (data.kind === "crashed") {
      // The worker's message is a coded runtime text; the page checks its shape.
      fail(run.runId, (data.message as Text | undefined) ?? { code: "pyWorkerFailed", values: { reason: "" } });
      replace();
    }
  };
  next.onerror = (event: ErrorEvent) => {
    if (worker !== next) return;
    event.preventDefault();
    kill();
    if (current) fail(current.runId, { code: "pyWorkerFailed", values: { reason: event.message } });
    else toPage({ kind: "py-boot-failed", message: event.message || "the Python worker failed to start" });
  };
  next.postMessage(boot);
}

/** Ends the current run as failed without touching the worker. */
function fail(runId: number, message: Text): void {
  if (current?.runId !== runId) return;
  clearTimeout(current.timer);
  current = undefined;
  toPage({ kind: "crashed", runId, message });
}

function kill(): void {
  worker?.terminate();
  worker = undefined;
}

/** Terminates the worker and boots a fresh one, so the next Run finds Python (nearly) ready. */
function replace(): void {
  kill();
  spawn();
}

function stopRun(reason: "timeout" | "stopped"): void {
  if (!current) return;
  const { runId, timer } = current;
  current = undefined;
  clearTimeout(timer);
  // Python cannot be interrupted from outside without SharedArrayBuffer (cross-origin isolation): terminate.
  replace();
  toPage({ kind: "stopped", runId, reason });
}

function start(request: PythonRunRequest): void {
  if (current) stopRun("stopped");
  if (!worker) spawn();
  current = { runId: request.runId, timeoutMs: request.timeoutMs };
  worker?.postMessage(request);
}

window.addEventListener("message", (event: MessageEvent<ToPythonFrame>) => {
  if (event.source !== parent) return;
  const message = event.data;
  if (message?.kind === "init" && !boot) {
    runtimeUrl = `data:text/javascript;charset=utf-8,${encodeURIComponent(message.runtime)}`;
    boot = { kind: "boot", ...message.boot };
    spawn();
  } else if (message?.kind === "run" && boot) {
    start(message);
  } else if (message?.kind === "check" && worker) {
    // Queued behind a run in progress; a worker replaced meanwhile drops it, and the next edit checks again.
    worker.postMessage(message);
  } else if (message?.kind === "stop" && current?.runId === message.runId) {
    stopRun("stopped");
  }
});

toPage({ kind: "ready" });
