import { CdnLogReadError } from "./read-error.js";
import type { CdnLogSource, ReadCdnLogOptions } from "./reader-types.js";
import { importNode, isNode } from "./runtime.js";

/** A source opened for reading: its byte chunks, its size when known, and a name for messages. */
export interface OpenedSource {
  chunks: AsyncIterable<Uint8Array>;
  totalBytes?: number;
  label: string;
}

const SLICE = 256 * 1024;

function* sliced(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE) yield bytes.subarray(at, at + SLICE);
}

async function* webChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early (break, error, abort): cancel so the download stops too.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function* iterableChunks(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of source as AsyncIterable<unknown>) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (typeof chunk === "string") yield encoder.encode(chunk);
    else if (chunk instanceof ArrayBuffer) yield new Uint8Array(chunk);
    else throw new TypeError(`readCdnLog: the stream yielded ${typeof chunk}; expected byte chunks (Uint8Array)`);
  }
}

/** The URL without its query: signed `filePath` URLs carry credentials that must not end up in logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search ? "?…" : ""}`;
  } catch {
    return url.replace(/\?.*$/, "?…");
  }
}

async function openUrl(url: string, options: ReadCdnLogOptions): Promise<OpenedSource> {
  const label = redactUrl(url);
  const fetchFn = options.fetch ?? (typeof fetch === "function" ? fetch : undefined);
  if (!fetchFn) throw new CdnLogReadError(`Cannot download ${label}: there is no global fetch; pass options.fetch`);
  let response: Response;
  try {
    response = await fetchFn(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw new CdnLogReadError(`Cannot download ${label}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const hint =
      response.status === 403
        ? " The signed filePath URL may have expired: download it when the LogFileCreated event arrives."
        : "";
    throw new CdnLogReadError(`Downloading ${label} failed: HTTP ${response.status} ${response.statusText}.${hint}`);
  }
  const length = Number(response.headers.get("content-length"));
  const totalBytes = Number.isFinite(length) && length > 0 ? length : undefined;
  const chunks = response.body ? webChunks(response.body) : sliced(new Uint8Array(await response.arrayBuffer()));
  return { chunks: chunks as AsyncIterable<Uint8Array>, label, ...(totalBytes === undefined ? {} : { totalBytes }) };
}

interface NodeFs {
  promises: { stat(path: string): Promise<{ size: number; isFile(): boolean }> };
  createReadStream(
    path: string,
    options: { highWaterMark: number; signal?: AbortSignal },
  ): AsyncIterable<Uint8Array> & { destroy(): void };
}

async function openFile(path: string, options: ReadCdnLogOptions): Promise<OpenedSource> {
  const fs = await importNode<NodeFs>("node:fs");
  let size: number;
  try {
    const stat = await fs.promises.stat(path);
    if (!stat.isFile()) throw new Error("not a regular file");
    size = stat.size;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CdnLogReadError(`Cannot read the log file ${path}: ${why}`, { cause: error });
  }
  const stream = fs.createReadStream(path, {
    highWaterMark: SLICE,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { chunks: stream, totalBytes: size, label: path };
}

const SCHEME = /^([a-z][a-z0-9+.-]+):/i;
// `host.name/path`: what filePath looks like without its scheme. A bare `name.gz` stays a file name.
const HOST_FIRST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i;

async function exists(path: string): Promise<boolean> {
  try {
    const fs = await importNode<NodeFs>("node:fs");
    await fs.promises.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function openLocation(location: string, options: ReadCdnLogOptions): Promise<OpenedSource> {
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return openUrl(location, options);
  if (scheme === "file") {
    if (!isNode) throw new CdnLogReadError(`Cannot read ${location}: file URLs need Node`);
    const { fileURLToPath } = await importNode<{ fileURLToPath(url: string): string }>("node:url");
    return openFile(fileURLToPath(location), options);
  }
  if (scheme !== undefined && !/^[a-z]:[\\/]/i.test(location)) {
    throw new CdnLogReadError(`Cannot read ${redactUrl(location)}: unsupported scheme "${scheme}:" (use https://)`);
  }
  if (!isNode) {
    // Browsers: a relative path is fetched as it is; `host/path` (filePath without a scheme) gets https://.
    return openUrl(HOST_FIRST.test(location) ? `https://${location}` : location, options);
  }
  if (HOST_FIRST.test(location) && !(await exists(location))) return openUrl(`https://${location}`, options);
  return openFile(location, options);
}

/** Opens any {@link CdnLogSource} as a stream of byte chunks. */
export async function openSource(source: CdnLogSource, options: ReadCdnLogOptions): Promise<OpenedSource> {
  if (typeof source === "string") return openLocation(source, options);
  if (source instanceof URL) return openLocation(source.href, options);
  if (source instanceof Uint8Array)
    return { chunks: iterableChunks(sliced(source)), totalBytes: source.length, label: "bytes" };
  if (source instanceof ArrayBuffer) {
    return { chunks: iterableChunks(sliced(new Uint8Array(source))), totalBytes: source.byteLength, label: "bytes" };
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    return { chunks: webChunks(source.stream()), totalBytes: source.size, label: "Blob" };
  }
  if (source !== null && typeof source === "object") {
    if (typeof (source as ReadableStream).getReader === "function") {
      return { chunks: webChunks(source as ReadableStream<Uint8Array>), label: "stream" };
    }
    if (Symbol.asyncIterator in source || Symbol.iterator in source) {
      return { chunks: iterableChunks(source), label: "stream" };
    }
  }
  throw new TypeError(
    `readCdnLog: cannot read from ${source === null ? "null" : typeof source}; pass a URL, a file path, bytes, a Blob or a stream`,
  );
}
