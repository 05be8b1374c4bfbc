// What the summary worker does, whichever host runs it: counts the buffers the main thread sends with a
// ByteSummarizer and sends each one back for reuse. summary-worker.ts connects it to Node's parentPort or to a
// browser worker's own global scope.
import { ByteSummarizer } from "./byte-summarizer.js";
import type {
  SummaryWorkerData,
  SummaryWorkerError,
  SummaryWorkerReply,
  SummaryWorkerRequest,
} from "./summary-worker-protocol.js";

/** Sends a reply to the main thread, transferring `transfer`. */
export type SummaryWorkerPost = (message: SummaryWorkerReply, transfer?: ArrayBuffer[]) => void;

/** Counts with `data`'s sizes; returns the handler of the main thread's requests. Says "ready" first. */
export function serveSummaryWorker(
  { top, capacity }: SummaryWorkerData,
  reply: SummaryWorkerPost,
): (message: SummaryWorkerRequest) => void {
  const summarizer = new ByteSummarizer(top, capacity);
  let failed = false;
  reply({ type: "ready" });
  return (message) => {
    if (failed) return;
    try {
      if (message.type === "chunk") {
        summarizer.push(new Uint8Array(message.buffer, 0, message.length));
        reply({ type: "chunk", buffer: message.buffer, stats: summarizer.stats }, [message.buffer]);
      } else if (message.type === "partial") {
        reply({ type: "partial", state: summarizer.state() });
      } else if (message.type === "end") {
        summarizer.end();
        reply({ type: "state", state: summarizer.state() });
      }
    } catch (error) {
      // Errors lose their own fields on the way; send what the main thread needs as plain data.
      failed = true;
      const plain = error as Partial<SummaryWorkerError>;
      reply({
        type: "error",
        error: { kind: plain.kind, message: String(plain.message ?? error), lines: plain.lines, stack: plain.stack },
      });
    }
  };
}
