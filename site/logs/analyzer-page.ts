// The log analyzer page's controller: takes files in (file-input.ts), has the module worker summarise them
// (analyzer-worker.ts), shows progress and each file's state, merges the files' summaries and shows the report.
// Cancel terminates the worker: the only way to stop a read that is inside a decompressor or a parser.
import { type CdnLogSummary, mergeCdnLogSummaries } from "fc-cdn-trigger/logs";
import type { AnalyzerReply, AnalyzerRequest, FileOutcome } from "./analyzer-protocol.js";
import { wireFileInput } from "./file-input.js";
import { FileStatusList, finishedState } from "./file-list.js";
import { formatsFor } from "./format.js";
import { LOG_ANALYZER_MESSAGES, localeOfRoot } from "./i18n/index.js";
import { type RunPosition, showProgress } from "./progress-view.js";
import { type ReportSource, showReport } from "./report-view.js";
import { downloadSummary, readSavedSummaries } from "./summary-file.js";

/** The page's state, as `data-state` on its root (tests wait on it). */
type PageState = "idle" | "running" | "done" | "cancelled" | "failed";

/** The files of the current analysis and what each gave so far. */
interface Run {
  files: File[];
  outcomes: (FileOutcome | undefined)[];
  position?: RunPosition;
}

/** The summary of several, merged; one stays as it is. */
const merged = (summaries: CdnLogSummary[]): CdnLogSummary =>
  summaries.length === 1 ? (summaries[0] as CdnLogSummary) : mergeCdnLogSummaries(summaries);

/**
 * Brings the server-rendered analyzer under `root` to life.
 *
 * @example
 * ```ts
 * for (const root of document.querySelectorAll<HTMLElement>("[data-fc-log-analyzer]")) startLogAnalyzer(root);
 * ```
 */
export function startLogAnalyzer(root: HTMLElement): void {
  const locale = localeOfRoot(root);
  const t = LOG_ANALYZER_MESSAGES[locale];
  const f = formatsFor(locale);
  const fileList = new FileStatusList(root, t, f);
  const statusBox = root.querySelector<HTMLElement>('[data-role="status"]');
  let worker: Worker | undefined;
  let run: Run | undefined;
  let shown: CdnLogSummary | undefined;

  const setState = (state: PageState) => {
    root.dataset.state = state;
  };
  const say = (text: string, details: readonly string[] = []) => {
    if (!statusBox) return;
    statusBox.textContent = text;
    if (details.length === 0) return;
    const list = document.createElement("ul");
    for (const detail of details) list.append(Object.assign(document.createElement("li"), { textContent: detail }));
    statusBox.append(list);
  };
  const report = (summary: CdnLogSummary | undefined, sources: readonly ReportSource[] = []) => {
    shown = summary;
    return showReport(root, summary, locale, sources);
  };

  const stopWorker = () => {
    worker?.terminate();
    worker = undefined;
  };
  const fail = (message: string) => {
    stopWorker();
    run = undefined;
    showProgress(root, t, f, undefined);
    say(t.failed(message));
    setState("failed");
  };
  const send = (request: AnalyzerRequest) => {
    if (!worker) {
      worker = new Worker(new URL("./analyzer-worker.ts", import.meta.url), {
        type: "module",
        name: "fc-cdn-trigger log analyzer",
      });
      worker.addEventListener("message", (event: MessageEvent<AnalyzerReply>) => receive(event.data));
      worker.addEventListener("error", (event) => fail(event.message || "the worker failed to start"));
    }
    worker.postMessage(request);
  };

  /** The report of the files that gave a summary, when any did. */
  const reportFinished = async ({ files, outcomes }: Run) => {
    const summaries = outcomes.flatMap((outcome) => (outcome?.summary ? [outcome.summary] : []));
    const sources = files.flatMap((file, index) => {
      const outcome = outcomes[index];
      return outcome ? [{ name: file.name, stats: outcome.stats }] : [];
    });
    await report(summaries.length > 0 ? merged(summaries) : undefined, sources);
    return summaries.length;
  };

  const finish = async (current: Run) => {
    run = undefined;
    showProgress(root, t, f, undefined);
    const summarised = await reportFinished(current);
    const count = current.files.length;
    if (summarised === 0) say(t.nothingSummarised);
    else if (summarised < count || current.outcomes.some((outcome) => outcome?.problem)) {
      say(t.doneWithProblems(summarised, count));
    } else say(t.done(count, f.count(shown?.requests ?? 0)));
    setState("done");
  };

  function receive(reply: AnalyzerReply): void {
    if (reply.type === "sample") {
      analyze([reply.file]);
      return;
    }
    if (reply.type === "failed") {
      fail(reply.message);
      return;
    }
    const current = run;
    if (!current) return;
    if (reply.type === "progress") {
      const file = current.files[reply.index] as File;
      current.position = { name: file.name, index: reply.index, count: current.files.length, progress: reply.progress };
      showProgress(root, t, f, current.position);
      fileList.update(reply.index, "reading");
    } else if (reply.type === "file") {
      current.outcomes[reply.index] = reply.outcome;
      fileList.update(reply.index, finishedState(reply.outcome), reply.outcome);
    } else void finish(current);
  }

  function analyze(files: File[]): void {
    stopWorker();
    run = { files, outcomes: files.map(() => undefined) };
    fileList.reset(files);
    void report(undefined);
    say(t.analysing(files.length));
    setState("running");
    send({ type: "analyze", files });
  }

  const cancel = async () => {
    const current = run;
    if (!current) return;
    stopWorker();
    run = undefined;
    showProgress(root, t, f, undefined);
    current.outcomes.forEach((outcome, index) => {
      if (!outcome) fileList.update(index, "cancelled");
    });
    const summarised = await reportFinished(current);
    const at = current.position;
    const name = at?.name ?? current.files[0]?.name ?? "";
    const read = f.bytes(at?.progress.bytesRead ?? 0);
    const lines = f.count(at?.progress.lines ?? 0);
    say(summarised > 0 ? t.cancelled(name, read, lines) : t.cancelledNothing(name, read, lines));
    setState("cancelled");
  };

  const openSaved = async (files: File[]) => {
    stopWorker();
    run = undefined;
    showProgress(root, t, f, undefined);
    fileList.reset([]);
    const { summaries, problems } = await readSavedSummaries(files, t);
    await report(summaries.length > 0 ? merged(summaries) : undefined);
    const details = problems.flatMap(({ name, lines }) => [t.summaryUnreadable(name), ...lines]);
    if (problems.length > 0) details.push(t.summaryHint);
    say(summaries.length > 0 ? t.openedSummaries(summaries.length) : "", details);
    setState(problems.length > 0 ? "failed" : "done");
  };

  wireFileInput(root, {
    logs: analyze,
    summaries: (files) => void openSaved(files),
    sample() {
      stopWorker();
      run = undefined;
      say(t.makingSample);
      setState("running");
      send({ type: "sample" });
    },
  });
  root.querySelector('[data-role="cancel"]')?.addEventListener("click", () => void cancel());
  root.querySelector('[data-role="download"]')?.addEventListener("click", () => {
    if (shown) downloadSummary(shown);
  });
}
