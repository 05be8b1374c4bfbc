// The log analyzer page's words in English: the source table. It defines the keys and each message's parameters;
// zh-cn.ts is typed as `LogAnalyzerMessages`, so a missing or extra key fails type-check. Numbers and sizes come
// in already formatted for the page's language (format.ts). Inline `code` and **strong** render in page text.
import type { MessageShape } from "../../lib/message-shape.js";

const s = (count: number) => (count === 1 ? "" : "s");

export const en = {
  title: "Log analyzer",
  description:
    "Analyse Alibaba Cloud CDN offline access logs in your browser: cache hit ratio, errors, top URLs, latency and traffic by hour. Nothing is uploaded.",
  intro:
    "Pick or drop CDN offline log files (`.gz` as CDN delivers them, or plain text). They are read and summarised in your browser with `fc-cdn-trigger/logs`: **nothing leaves this page**. Several files are merged into one report.",
  dropZone: "Log files",
  dropHint: "Drop `.gz` or plain log files here, or",
  choose: "Choose log files",
  sample: "Use a sample log",
  openSummary: "Open a saved summary",
  openSummaryHint: "A summary JSON downloaded from this page or written by `fc-cdn-trigger logs summarize --json`.",
  cancel: "Cancel",
  download: "Download the summary (JSON)",
  filesHeading: "Files",
  reportHeading: "Report",
  progressLabel: "Progress",
  progress: (name: string, file: number, files: number, read: string, total: string, lines: string) =>
    `${name} (file ${file} of ${files}): ${read} of ${total}, ${lines} lines`,

  // The status line (a live region).
  makingSample: "Generating the sample log…",
  analysing: (count: number) => `Analysing ${count} file${s(count)}…`,
  done: (count: number, requests: string) => `Done: ${count} file${s(count)} summarised, ${requests} requests.`,
  doneWithProblems: (summarised: number, count: number) =>
    `Done: ${summarised} of ${count} files gave a summary; see each file's message.`,
  nothingSummarised: "No file gave a summary: see each file's message.",
  cancelled: (name: string, read: string, lines: string) =>
    `Cancelled while reading ${name}, after ${read} and ${lines} lines. The report shows the files that had finished.`,
  cancelledNothing: (name: string, read: string, lines: string) =>
    `Cancelled while reading ${name}, after ${read} and ${lines} lines. No file had finished, so there is no report.`,
  failed: (message: string) => `The analysis stopped unexpectedly (${message}). Reload the page and try again.`,
  openedSummaries: (count: number) =>
    `Showing ${count} saved summar${count === 1 ? "y" : "ies"}${count > 1 ? ", merged" : ""}.`,
  summaryUnreadable: (name: string) => `${name} cannot be opened as a saved summary:`,
  summaryNotJson: (message: string) => `it is not JSON (${message}).`,
  summaryIssue: (path: string, message: string) => `at ${path}: ${message}`,
  summaryHint: "Open a JSON file downloaded from this page, or written by `fc-cdn-trigger logs summarize --json`.",

  // Each file's line in the file list.
  fileStates: {
    waiting: "Waiting",
    reading: "Reading…",
    done: "Summarised",
    partial: "Partly summarised",
    failed: "Not summarised",
    cancelled: "Cancelled",
  },
  fileCounts: (lines: string, malformed: string) => `${lines} lines, ${malformed} malformed.`,
  firstMalformed: (numbers: string) => `First malformed lines: ${numbers}.`,

  // Why a file gave no summary or part of one (analyzer-protocol.ts's FileProblem).
  problems: {
    empty: (compressed: boolean) =>
      compressed
        ? "The file decompresses to no lines: there is nothing to summarise. Pick a log that has requests."
        : "The file is empty (0 bytes): there is nothing to summarise. Pick the log file itself.",
    binary: (offset: string) =>
      `This is a binary file, not a text log (it has a NUL byte at byte ${offset}): an image or an archive? Pick a CDN access log, .gz or plain text.`,
    notLog: (numbers: string) =>
      `No line is a CDN access log: lines ${numbers} are not in the access-log format. Pick a CDN offline log (its lines start like [01/Jun/2024:08:00:00 +0800] 203.0.113.9 …).`,
    notLogEarly: (lines: string, numbers: string) =>
      `No line is a CDN access log: reading stopped after the first ${lines} lines, none of which is one (lines ${numbers} …). Pick a CDN offline log (its lines start like [01/Jun/2024:08:00:00 +0800] 203.0.113.9 …).`,
    truncatedGzip: (fileBytes: string, decompressed: string, lines: string, detail: string) =>
      `The gzip data is truncated or corrupt (${detail}): the file's ${fileBytes} decompress to ${decompressed} and ${lines} lines before it breaks off. The report covers those lines; download the file again for the rest.`,
    unreadable: (detail: string) => `The file could not be read: ${detail}`,
  },
};

/** The log analyzer's message table: the English table's keys, each a string or a function of the same parameters. */
export type LogAnalyzerMessages = MessageShape<typeof en>;
