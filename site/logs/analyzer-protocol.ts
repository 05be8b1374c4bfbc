// The messages between the log analyzer page (analyzer-page.ts) and its module worker (analyzer-worker.ts).
// Problems travel as codes with values, not sentences: the page words them in its own language (i18n/).
import type { CdnLogStats, CdnLogSummary } from "fc-cdn-trigger/logs";

/** What the page asks the worker. */
export type AnalyzerRequest =
  /** Summarise each file in turn; the worker answers with `progress`, one `file` per file, then `done`. */
  | { type: "analyze"; files: File[] }
  /** Generate the sample log (gzip); the worker answers with `sample`. */
  | { type: "sample" };

/** What the worker answers. */
export type AnalyzerReply =
  | { type: "sample"; file: File }
  | { type: "progress"; index: number; progress: FileProgress }
  | { type: "file"; index: number; outcome: FileOutcome }
  | { type: "done" }
  /** Something the analysis does not expect (a bug, an API the browser lacks), as the browser words it. */
  | { type: "failed"; message: string };

/** How far one file got: bytes of the file itself (compressed for gzip), and lines after decompression. */
export interface FileProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

/** Why a file gave no summary, or only part of one. */
export type FileProblem =
  /** The file has no bytes, or decompresses to nothing but blank lines. */
  | { code: "empty"; compressed: boolean }
  /** A NUL byte at `offset` (of the decompressed bytes) in the first 64 KiB: an image, an archive, an executable. */
  | { code: "binary"; offset: number }
  /** Lines were read but none is an access log; `stoppedEarly` when reading stopped after the first ones. */
  | { code: "notLog"; lines: number; malformedLineNumbers: number[]; stoppedEarly: boolean }
  /** The gzip data ends early or is corrupt after `decompressedBytes`; the summary covers the lines before. */
  | { code: "truncatedGzip"; fileBytes: number; decompressedBytes: number; lines: number; detail: string }
  /** Anything else the reader reports (a line over 4 MiB, a file that can no longer be read), as it words it. */
  | { code: "unreadable"; detail: string };

/** The result for one file: its summary when it has records, its line counts, and what went wrong if anything. */
export interface FileOutcome {
  summary?: CdnLogSummary;
  stats: CdnLogStats;
  progress: FileProgress;
  problem?: FileProblem;
}
