// A Buffer for the browser worker: FC's Node.js runtime hands the handler the event body as a Buffer, so
// `JSON.parse(event)`, `event.toString()`, `Buffer.isBuffer(event)` and `event.length` must all behave the same.

type Encoding = "utf8" | "utf-8" | "base64" | "hex" | "latin1" | "binary" | "ascii";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function normalise(encoding: string | undefined): Encoding {
  const name = (encoding ?? "utf8").toLowerCase();
  if (["utf8", "utf-8", "base64", "hex", "latin1", "binary", "ascii"].includes(name)) return name as Encoding;
  throw new TypeError(`Unknown encoding: ${encoding} (the playground's Buffer supports utf8, base64, hex, latin1)`);
}

/**
 * The subset of Node's `Buffer` a CDN handler uses. It is a real `Uint8Array`, so the SDK's
 * `parseCdnEvents` accepts it as it accepts a Node Buffer.
 *
 * @example
 * ```ts
 * const body = FcBuffer.from('{"events":[]}');
 * JSON.parse(body); // { events: [] }: JSON.parse calls toString()
 * ```
 */
export class FcBuffer extends Uint8Array {
  /** Bytes of a string, array, ArrayBuffer or another Buffer. */
  // Typed loosely so it stays compatible with Uint8Array.from's overloads (the same trick as Node's typings).
  static override from(value: unknown, encoding?: unknown): FcBuffer {
    if (typeof value === "string") {
      const kind = normalise(typeof encoding === "string" ? encoding : undefined);
      if (kind === "base64") {
        const binary = atob(value);
        return FcBuffer.from(Array.from(binary, (ch) => ch.charCodeAt(0)));
      }
      if (kind === "hex") {
        const bytes = value.match(/[0-9a-f]{2}/gi) ?? [];
        return FcBuffer.from(bytes.map((pair) => Number.parseInt(pair, 16)));
      }
      if (kind === "latin1" || kind === "binary" || kind === "ascii") {
        return FcBuffer.from(Array.from(value, (ch) => ch.charCodeAt(0) & 255));
      }
      const bytes = encoder.encode(value);
      return new FcBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    if (value instanceof ArrayBuffer) return new FcBuffer(value);
    const items = value as ArrayLike<number>;
    const out = new FcBuffer(items.length);
    out.set(items);
    return out;
  }

  static isBuffer(value: unknown): value is FcBuffer {
    return value instanceof FcBuffer;
  }

  static alloc(size: number): FcBuffer {
    return new FcBuffer(size);
  }

  static byteLength(value: string): number {
    return encoder.encode(value).byteLength;
  }

  static concat(list: readonly Uint8Array[]): FcBuffer {
    const out = new FcBuffer(list.reduce((sum, item) => sum + item.byteLength, 0));
    let offset = 0;
    for (const item of list) {
      out.set(item, offset);
      offset += item.byteLength;
    }
    return out;
  }

  override toString(encoding?: string, start = 0, end = this.length): string {
    const bytes = this.subarray(start, end);
    const kind = normalise(encoding);
    if (kind === "base64") {
      let binary = "";
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    }
    if (kind === "hex") return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    if (kind === "latin1" || kind === "binary" || kind === "ascii") return String.fromCharCode(...bytes);
    return decoder.decode(bytes);
  }

  /** Like Node: `JSON.stringify(buffer)` gives `{ type: "Buffer", data: [...] }`. */
  toJSON(): { type: "Buffer"; data: number[] } {
    return { type: "Buffer", data: Array.from(this) };
  }

  equals(other: Uint8Array): boolean {
    return this.length === other.length && this.every((byte, i) => byte === other[i]);
  }
}
