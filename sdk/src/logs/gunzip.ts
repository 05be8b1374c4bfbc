// Decompression: Node's zlib (native, runs on the libuv thread pool, so it overlaps with parsing on the main
// thread) or the web's DecompressionStream. Both take gzip files of several members, as `cat a.gz b.gz` makes.
import { importNode, isNode } from "./runtime.js";

/** Default output chunk size for zlib: large enough that per-chunk overhead disappears, small enough to stay flat. */
const CHUNK = 64 * 1024;

interface NodeZlib {
  createGunzip(options: { chunkSize: number }): NodeGunzip;
}
interface NodeGunzip {
  write(chunk: Uint8Array): boolean;
  flush(callback: () => void): void;
  end(): void;
  read(): Uint8Array | null;
  destroy(error?: Error): void;
  readonly destroyed: boolean;
  readonly readableLength: number;
  readonly writableNeedDrain: boolean;
  on(event: "readable" | "drain" | "end" | "close", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
}

/**
 * Node's gunzip, driven so that a truncated file loses no output: zlib discards the output of the write that fails
 * and a destroyed stream drops what it buffered, so every byte written is flushed out and read first, and only then
 * does `end` ask zlib whether the data was complete ("unexpected end of file" if not). A source error is rethrown
 * once the output of what came before it is read, too.
 */
async function* nodeGunzip(input: AsyncIterable<Uint8Array>, chunkSize: number): AsyncGenerator<Uint8Array> {
  const zlib = await importNode<NodeZlib>("node:zlib");
  const gunzip = zlib.createGunzip({ chunkSize });
  // The reading loop and the feeding one each wait for the stream's events: every event wakes both.
  const waiting = new Set<() => void>();
  const signal = () => {
    for (const resolve of waiting) resolve();
    waiting.clear();
  };
  const next = () => new Promise<void>((resolve) => waiting.add(resolve));
  let zlibError: Error | undefined;
  let ended = false;
  let fed = false;
  let sourceError: { error: unknown } | undefined;
  gunzip.on("error", (error) => {
    zlibError = error;
    signal();
  });
  gunzip.on("end", () => {
    ended = true;
    signal();
  });
  gunzip.on("readable", signal);
  gunzip.on("drain", signal);
  gunzip.on("close", signal);
  const iterator = input[Symbol.asyncIterator]();
  let stopped = false;
  void (async () => {
    try {
      for (;;) {
        const item = await iterator.next();
        if (item.done || stopped || gunzip.destroyed) break;
        if (!gunzip.write(item.value)) {
          while (gunzip.writableNeedDrain && !gunzip.destroyed && !stopped) await next();
        }
      }
    } catch (error) {
      sourceError = { error };
    }
    // After a source error too: the output of what was written counts.
    if (!gunzip.destroyed && !stopped) {
      await new Promise<void>((resolve) => {
        gunzip.flush(resolve);
        gunzip.on("close", resolve);
      });
    }
    fed = true;
    signal();
  })();
  let ending = false;
  try {
    for (;;) {
      for (let chunk = gunzip.read(); chunk !== null; chunk = gunzip.read()) yield chunk;
      if (zlibError) throw zlibError;
      if (ended) return;
      if (fed && !ending && gunzip.readableLength === 0) {
        if (sourceError) throw sourceError.error;
        ending = true;
        gunzip.end();
        continue;
      }
      await next();
    }
  } finally {
    stopped = true;
    gunzip.destroy();
    signal();
    // The source may be waiting for its next chunk (a slow download): stop it without waiting for that.
    void iterator.return?.()?.catch(() => undefined);
  }
}

/** Exported for tests, which run it in Node. */
export async function* webGunzip(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const decompress = new DecompressionStream("gzip");
  const writer = decompress.writable.getWriter();
  let failure: unknown;
  const pump = (async () => {
    try {
      for await (const chunk of input) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (error) {
      failure = error;
      await writer.abort(error).catch(() => undefined);
    }
  })();
  const reader = decompress.readable.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        // A source failure aborts the writable side; report that rather than the stream's generic error.
        await pump;
        throw failure ?? error;
      }
      if (next.done) break;
      yield next.value;
    }
    await pump;
    if (failure) throw failure;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Decompresses a gzip byte stream; throws the decompressor's error on truncated or corrupt data. */
export function gunzipChunks(input: AsyncIterable<Uint8Array>, chunkSize = CHUNK): AsyncGenerator<Uint8Array> {
  if (isNode) return nodeGunzip(input, chunkSize);
  if (typeof DecompressionStream === "function") return webGunzip(input);
  throw new Error("readCdnLog: this runtime has neither node:zlib nor DecompressionStream to gunzip the log");
}
