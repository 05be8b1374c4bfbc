/** Lets summarizeCdnLog read through a CdnLogReader into a ByteSink, without records; not part of the public API. */
export const SCAN_BYTES: unique symbol = Symbol("fc-cdn-trigger/logs scanBytes");

/**
 * Where a CdnLogReader sends decompressed bytes when summarizeCdnLog drives it. It keeps the reader's `stats`
 * current (at the latest after `end` or `settle`).
 */
export interface ByteSink {
  /** Takes a chunk (the sink copies what it keeps); returns a promise when the caller must wait before the next. */
  push(chunk: Uint8Array): Promise<void> | undefined;
  /** No more bytes: counts the last line. */
  end(): Promise<void>;
  /** After a read error: brings `stats` up to date with every byte pushed (a cut last line left out). */
  settle(): Promise<void>;
  /** Releases the sink's resources (the worker); safe to call more than once. */
  close(): void;
}
