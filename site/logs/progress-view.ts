// The progress bar and its line of text: which file, bytes read of its size, lines so far. Redrawn at the rate the
// worker posts progress (at most ten times a second).
import type { FileProgress } from "./analyzer-protocol.js";
import type { Formats } from "./format.js";
import type { LogAnalyzerMessages } from "./i18n/index.js";

/** Where a run is: the file being read (0-based) out of how many, and how far it got. */
export interface RunPosition {
  name: string;
  index: number;
  count: number;
  progress: FileProgress;
}

/**
 * Shows the progress of `position`, or hides the bar when it is `undefined`.
 *
 * @example
 * ```ts
 * showProgress(root, t, f, { name: "a.gz", index: 0, count: 2, progress: { bytesRead: 10, totalBytes: 99, lines: 3 } });
 * ```
 */
export function showProgress(
  root: HTMLElement,
  t: LogAnalyzerMessages,
  f: Formats,
  position: RunPosition | undefined,
): void {
  const box = root.querySelector<HTMLElement>('[data-role="progress"]');
  const bar = root.querySelector<HTMLProgressElement>('[data-role="progress-bar"]');
  const text = root.querySelector<HTMLElement>('[data-role="progress-text"]');
  if (!box || !bar || !text) return;
  box.hidden = position === undefined;
  if (!position) return;
  const { name, index, count, progress } = position;
  // Bytes of all files would weigh a small file like a big one; the bar follows the file being read.
  bar.value = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0;
  box.dataset.bytesRead = String(progress.bytesRead);
  box.dataset.lines = String(progress.lines);
  text.textContent = t.progress(
    name,
    index + 1,
    count,
    f.bytes(progress.bytesRead),
    f.bytes(progress.totalBytes),
    f.count(progress.lines),
  );
}
