// How WorkerSink starts the summary worker's script: with Node's worker_threads, or in browsers from a Blob URL.
// Both give the same handle and report the same events, so the sink (buffers, fallback, protocol) is one code path.
import type { SummaryWorkerData, SummaryWorkerReply, SummaryWorkerRequest } from "./summary-worker-protocol.js";

/** What a started worker reports. */
export interface SummaryWorkerEvents {
  message(message: SummaryWorkerReply): void;
  error(error: unknown): void;
  /** The worker stopped (Node only: a browser worker reports an error instead). */
  exit(code: number): void;
}

/** A started worker. */
export interface SummaryWorkerHandle {
  postMessage(message: SummaryWorkerRequest, transfer?: ArrayBuffer[]): void;
  terminate(): void;
}

/** Starts the worker's script; throws when the host refuses at once. */
export type StartSummaryWorker = (
  script: string,
  data: SummaryWorkerData,
  events: SummaryWorkerEvents,
) => SummaryWorkerHandle;

/** The part of `node:worker_threads` used here. */
export interface NodeWorkerThreads {
  Worker: new (
    source: string,
    options: { eval: true; workerData: SummaryWorkerData; resourceLimits?: { maxYoungGenerationSizeMb?: number } },
  ) => NodeWorker;
}
interface NodeWorker {
  on(event: "message", listener: (message: SummaryWorkerReply) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  on(event: "exit", listener: (code: number) => void): void;
  postMessage(message: SummaryWorkerRequest, transfer?: ArrayBuffer[]): void;
  terminate(): Promise<number>;
}

/** Node: the script runs as CommonJS in a worker thread, with the sizes as workerData. */
export const nodeWorkerHost =
  (threads: NodeWorkerThreads): StartSummaryWorker =>
  (script, data, events) => {
    const worker = new threads.Worker(script, {
      eval: true,
      workerData: data,
      // The worker makes little garbage: a small young generation keeps its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    worker.on("message", events.message);
    worker.on("error", events.error);
    worker.on("exit", events.exit);
    return {
      postMessage: (message, transfer) => worker.postMessage(message, transfer),
      terminate: () => void worker.terminate().catch(() => undefined),
    };
  };

/** The web APIs a browser worker needs, or why they are missing. */
export function browserWorkerApis(): string | undefined {
  const missing = ["Worker", "Blob", "URL"].filter(
    (name) => typeof (globalThis as Record<string, unknown>)[name] !== "function",
  );
  if (typeof URL === "function" && typeof URL.createObjectURL !== "function") missing.push("URL.createObjectURL");
  return missing.length === 0 ? undefined : `this runtime has no ${missing.join(", ")}`;
}

/** Why a browser worker failed, when its error event carries no message (a blocked or unloadable script does not). */
const SILENT_ERROR =
  "the browser did not load its script from a Blob URL (as when a Content Security Policy's worker-src does not allow blob:)";

/**
 * Browsers: the script runs as a classic worker from a Blob URL (no file to serve, no bundler setup), and gets the
 * sizes in its first message. The URL is revoked once the worker answered or failed.
 */
export const browserWorkerHost: StartSummaryWorker = (script, data, events) => {
  const url = URL.createObjectURL(new Blob([script], { type: "text/javascript" }));
  let worker: Worker;
  try {
    worker = new Worker(url, { name: "fc-cdn-trigger summarizeCdnLog" });
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  let revoked = false;
  const revoke = () => {
    if (revoked) return;
    revoked = true;
    URL.revokeObjectURL(url);
  };
  worker.onmessage = (event: MessageEvent<SummaryWorkerReply>) => {
    revoke();
    events.message(event.data);
  };
  worker.onerror = (event) => {
    revoke();
    // Handled here (the summariser says what happened): not also an uncaught error on the page.
    event.preventDefault();
    events.error(new Error(event.message || SILENT_ERROR));
  };
  worker.onmessageerror = () => events.error(new Error("a message from the worker could not be read"));
  worker.postMessage({ type: "init", ...data } satisfies SummaryWorkerRequest);
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    terminate: () => {
      revoke();
      worker.terminate();
    },
  };
};
