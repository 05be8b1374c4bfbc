// Decompression: Node's zlib (native, runs on the libuv thread pool, so it overlaps with parsing on the main
// thread) or the web's DecompressionStream. Both take gzip files of several members, as `cat a.gz b.gz` makes.
import { importNode, isNode } from "./runtime.js";

/** Default output chunk size for zlib: large enough that per-chunk overhead disappears, small enough to stay flat. */
const CHUNK = 64 * 1024;

interface NodeZlib {
  createGunzip(options: { chunkSize: number }): NodeDuplex;
}
interface NodeDuplex extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): void;
}
interface NodeStream {
  Readable: { from(iterable: AsyncIterable<Uint8Array>, options: { objectMode: boolean }): NodeDuplex };
  pipeline(a: NodeDuplex, b: NodeDuplex, callback: (error?: Error | null) => void): void;
}

async function* nodeGunzip(input: AsyncIterable<Uint8Array>, chunkSize: number): AsyncGenerator<Uint8Array> {
  const [zlib, stream] = await Promise.all([importNode<NodeZlib>("node:zlib"), importNode<NodeStream>("node:stream")]);
  const gunzip = zlib.createGunzip({ chunkSize });
  const from = stream.Readable.from(input, { objectMode: false });
  // pipeline forwards a source error into gunzip, whose iteration then throws it; the callback just observes.
  stream.pipeline(from, gunzip, () => undefined);
  try {
    yield* gunzip;
  } finally {
    from.destroy();
    gunzip.destroy();
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
