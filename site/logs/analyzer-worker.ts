// The log analyzer's module worker: summarises the files it is given, one after the other, and makes the sample
// log. Everything runs here, off the page's main thread; the page stops the work by terminating this worker.
import { analyzeLogFile } from "./analyze-file.js";
import type { AnalyzerReply, AnalyzerRequest, FileProgress } from "./analyzer-protocol.js";
import { makeSampleLog } from "./sample-log.js";

/** At most this many progress messages a second: the page redraws on each, and cannot use more. */
const PROGRESS_INTERVAL_MS = 100;

const post = (reply: AnalyzerReply) => postMessage(reply);

async function analyze(files: File[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    let last = 0;
    const onProgress = (progress: FileProgress) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      post({ type: "progress", index, progress: { ...progress } });
    };
    const outcome = await analyzeLogFile(file, onProgress);
    post({ type: "progress", index, progress: outcome.progress });
    post({ type: "file", index, outcome });
  }
  post({ type: "done" });
}

const failed = (error: unknown) =>
  post({ type: "failed", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });

addEventListener("message", (event: MessageEvent<AnalyzerRequest>) => {
  const request = event.data;
  const work =
    request.type === "analyze"
      ? analyze(request.files)
      : makeSampleLog().then((file) => post({ type: "sample", file }));
  work.catch(failed);
});
