// What `logs summarize` and `logs report` do with a log that breaks off part-way (a truncated gzip file, a broken
// download): they keep the summary of what was read (CdnLogReadError.partial), say so on stderr, and exit with 3.
import { CdnLogReadError, type CdnLogSummary } from "../../logs/index.js";

/** A read error that carries the summary of what was read before it. */
export type PartialRead = CdnLogReadError & { readonly partial: CdnLogSummary };

export const isPartialRead = (error: unknown): error is PartialRead =>
  error instanceof CdnLogReadError && error.partial !== undefined;

/** The stderr warning for `name`: how much was read, what happened and what to do. */
export function partialWarning(error: PartialRead, name: string): string {
  const lines = error.linesRead.toLocaleString("en-US");
  const bytes = error.bytesRead.toLocaleString("en-US");
  return (
    `warning: partial result: ${name} was read only up to line ${lines} (${bytes} bytes): ${error.message}\n` +
    `  Only those ${lines} complete lines are counted (exit code 3). Get the whole file and run again for a complete summary.\n`
  );
}
