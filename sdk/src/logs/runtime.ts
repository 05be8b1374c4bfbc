// The logs entry runs in browsers too: Node modules are loaded only on Node code paths, through a specifier that
// bundlers leave alone, so a browser bundle never pulls in node:zlib or node:fs.

/** True in Node (and runtimes that implement its modules, like Bun and Deno's Node mode). */
export const isNode: boolean =
  typeof process !== "undefined" && typeof (process as { versions?: { node?: unknown } }).versions?.node === "string";

/** `import(id)` for Node built-ins, hidden from bundlers. */
export const importNode = <T>(id: string): Promise<T> => import(/* @vite-ignore */ /* webpackIgnore: true */ id);
