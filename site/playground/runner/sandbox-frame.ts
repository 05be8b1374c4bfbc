// Runs inside the sandbox iframe (sandbox="allow-scripts", no allow-same-origin: an opaque origin).
// It owns the run workers: keeps one booted spare so Run is fast, starts each run in a fresh worker, relays
// the worker's messages to the page, and terminates the worker on completion, Stop or timeout.
// Bundled into one classic script string and inlined into the iframe's srcdoc.

import type { FromFrame, RunRequest, ToFrame } from "./protocol";

let runtimeUrl = "";
let sdkBundle = "";
let spare: Worker | undefined;
let current: { worker: Worker; runId: number; timer: ReturnType<typeof setTimeout> } | undefined;

const toPage = (message: FromFrame) => parent.postMessage(message, "*");

function spawn(): Worker {
  // A data: URL: module workers from blob: URLs do not start in an opaque-origin document.
  const worker = new Worker(runtimeUrl, { type: "module", name: "fc-cdn-trigger handler" });
  worker.postMessage({ kind: "boot", sdkBundle });
  return worker;
}

function finish(reason?: "timeout" | "stopped"): void {
  if (!current) return;
  const { worker, runId, timer } = current;
  current = undefined;
  clearTimeout(timer);
  worker.terminate();
  if (reason) toPage({ kind: "stopped", runId, reason });
}

function start(request: RunRequest): void {
  finish("stopped");
  const worker = spare ?? spawn();
  spare = undefined;
  const runId = request.runId;
  const timer = setTimeout(() => finish("timeout"), request.timeoutMs);
  current = { worker, runId, timer };
  worker.onmessage = (event: MessageEvent) => {
    if (current?.worker !== worker) return;
    const data = event.data as { kind?: unknown; runId?: unknown };
    // Only the run's own messages; user code can post anything, the page validates shapes again.
    if ((data?.kind !== "console" && data?.kind !== "done") || data.runId !== runId) return;
    toPage(data as FromFrame);
    if (data.kind === "done") finish();
  };
  worker.onerror = (event: ErrorEvent) => {
    if (current?.worker !== worker) return;
    event.preventDefault();
    toPage({ kind: "crashed", runId, message: { code: "workerFailedToStart", values: { reason: event.message } } });
    finish();
  };
  worker.postMessage(request);
  // Boot the next run's worker while this one runs, so the next Run does not wait for the SDK to load.
  setTimeout(() => {
    if (!spare) spare = spawn();
  }, 0);
}

window.addEventListener("message", (event: MessageEvent<ToFrame>) => {
  if (event.source !== parent) return;
  const message = event.data;
  if (message?.kind === "init") {
    runtimeUrl = `data:text/javascript;charset=utf-8,${encodeURIComponent(message.runtime)}`;
    sdkBundle = message.sdkBundle;
    spare ??= spawn();
    toPage({ kind: "booted" });
  } else if (message?.kind === "run" && runtimeUrl) {
    start(message);
  } else if (message?.kind === "stop" && current?.runId === message.runId) {
    finish("stopped");
  }
});

toPage({ kind: "ready" });
