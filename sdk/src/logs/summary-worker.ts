// The summary worker's entry: one script for both hosts. The SDK build bundles it with what it imports into one
// CommonJS script (sdk/scripts/summary-worker-bundle.mjs). Node starts it with `new Worker(script, { eval: true })`
// and passes the sizes as workerData; browsers start it from a Blob URL (a classic worker, which has no `require`)
// and pass them in a first "init" message, as they have no workerData.
import type { MessagePort } from "node:worker_threads";
import type { SummaryWorkerData, SummaryWorkerRequest } from "./summary-worker-protocol.js";
import { type SummaryWorkerPost, serveSummaryWorker } from "./summary-worker-serve.js";

/** A browser worker's global scope, the part used here. */
interface BrowserWorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<SummaryWorkerRequest>) => void) | null;
}

// `require` exists only in Node's CommonJS; the bundle keeps this call as it is.
const threads =
  typeof require === "function"
    ? (require("node:worker_threads") as { parentPort: MessagePort | null; workerData: unknown })
    : undefined;

if (threads) {
  const port = threads.parentPort;
  if (!port) throw new Error("summary-worker runs in a worker thread started by summarizeCdnLog");
  const post: SummaryWorkerPost = (message, transfer) => port.postMessage(message, transfer);
  port.on("message", serveSummaryWorker(threads.workerData as SummaryWorkerData, post));
} else {
  const scope = globalThis as unknown as BrowserWorkerScope;
  const post: SummaryWorkerPost = (message, transfer) => scope.postMessage(message, transfer ?? []);
  scope.onmessage = ({ data }) => {
    if (data.type !== "init") return; // nothing else is sent before "ready"
    const handle = serveSummaryWorker(data, post);
    scope.onmessage = ({ data: request }) => handle(request);
  };
}
