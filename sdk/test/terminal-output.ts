// Reading what `logs summarize` writes to a terminal: the progress bar's frames, and the line the terminal
// shows once they are all drawn. Shared by the in-process CLI tests and the real-pty test of the built CLI.
import { expect } from "vitest";

/** ESC[K: erase to the end of the line. */
const ERASE_LINE = "\x1b[K";
/** What erases the bar: back to column 0, erase to the end of the line. */
const ERASE = `\r${ERASE_LINE}`;

/**
 * The visible line a terminal shows after `text`: \r returns to column 0, ESC[K erases to the end of the line,
 * anything else is printed over what was there. A newline or another control sequence fails: the bar must not
 * scroll the terminal.
 */
export function screenLine(text: string): string {
  let line: string[] = [];
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\r") column = 0;
    else if (text.startsWith(ERASE_LINE, i)) {
      line = line.slice(0, column);
      i += ERASE_LINE.length - 1;
    } else if (text[i] === "\n" || text[i] === "\x1b") {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i} in the progress output ${JSON.stringify(text)}`);
    } else line[column++] = text[i] as string;
  }
  return line.join("");
}

export interface BarFrame {
  /** The frame as printed, without its control characters. */
  text: string;
  /** `#` cells of the 30-cell bar. */
  filled: number;
  percent: number;
  read: string;
  total: string;
}

/** The bar frames in `stderr`: each is `\r[###...] 12.3% <read> / <total>ESC[K`, then one final `\rESC[K`. */
export function barFrames(stderr: string): BarFrame[] {
  expect(stderr.endsWith(ERASE), `the progress output ends by erasing the bar: ${JSON.stringify(stderr)}`).toBe(true);
  return stderr
    .slice(0, -ERASE.length)
    .split("\r")
    .slice(1)
    .map((chunk) => {
      // Each frame erases what a longer previous frame left at its end.
      const text = chunk.endsWith(ERASE_LINE) ? chunk.slice(0, -ERASE_LINE.length) : undefined;
      const match = text === undefined ? null : /^\[(#*)(\.*)\] +(\d+\.\d)% (.+) \/ (.+)$/.exec(text);
      if (!text || !match) throw new Error(`not a progress bar frame: ${JSON.stringify(chunk)}`);
      const [, filled = "", empty = "", percent = "", read = "", total = ""] = match;
      expect(filled.length + empty.length, chunk).toBe(30);
      return { text, filled: filled.length, percent: Number(percent), read, total };
    });
}

const UNIT_BYTES: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 };

/** The byte count a printed size like `1.32 MB` stands for (decimal units). */
export function bytesOf(size: string): number {
  const match = /^(\d+(?:\.\d+)?) (B|KB|MB|GB)$/.exec(size);
  if (!match) throw new Error(`not a size: ${JSON.stringify(size)}`);
  return Number(match[1]) * (UNIT_BYTES[match[2] as string] as number);
}
