// Declarations of the globals the playground's runtime gives a handler (the Node.js subset FC handlers use).
// Registered once as an extra lib, next to the SDK's own .d.ts.

/**
 * The playground's ambient declarations: Buffer, process, and CommonJS `module`/`exports`/`require`, with a typed
 * `require` overload for each of the SDK's entry points (the build passes them, from sdk/scripts/entries.mjs).
 *
 * @example
 * ```ts
 * const globals = playgroundGlobals(["fc-cdn-trigger", "fc-cdn-trigger/logs"]);
 * ```
 */
export const playgroundGlobals = (specifiers: readonly string[]): string => `
/** The event body Function Compute passes to a Node.js handler. \`JSON.parse(event.toString())\` reads it. */
declare class Buffer extends Uint8Array {
  static from(value: string | ArrayLike<number> | ArrayBuffer, encoding?: BufferEncoding): Buffer;
  static isBuffer(value: unknown): value is Buffer;
  static alloc(size: number): Buffer;
  static byteLength(value: string): number;
  static concat(list: readonly Uint8Array[]): Buffer;
  toString(encoding?: BufferEncoding, start?: number, end?: number): string;
  toJSON(): { type: "Buffer"; data: number[] };
  equals(other: Uint8Array): boolean;
}
type BufferEncoding = "utf8" | "utf-8" | "base64" | "hex" | "latin1" | "binary" | "ascii";
declare var process: {
  env: Record<string, string | undefined>;
  platform: string;
  version: string;
  versions: Record<string, string>;
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
};
/** CommonJS style: \`exports.handler = async (event, context) => …\`. */
declare var exports: any;
declare var module: { exports: any };
${specifiers
  .map((specifier) => {
    const quoted = JSON.stringify(specifier);
    return `declare function require(id: ${quoted}): typeof import(${quoted});\n`;
  })
  .join("")}declare function require(id: string): any;
`;
