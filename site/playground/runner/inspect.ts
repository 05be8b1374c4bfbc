// Turns console arguments into text the way Node's console does (util.format + a readable inspect), so the
// output panel looks like FC's logs. Bounded in depth, width and length: user values can be huge or cyclic.

const MAX_DEPTH = 5;
const MAX_ITEMS = 100;
const MAX_STRING = 10_000;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** How an Error is printed; the run worker installs one that maps stacks to the user's source. */
let formatError = (error: Error): string => error.stack ?? `${error.name}: ${error.message}`;

/**
 * Replaces how errors are printed by {@link inspect} (and so by console.log).
 *
 * @example
 * ```ts
 * setErrorFormatter((error) => `${error.name}: ${error.message}`);
 * ```
 */
export function setErrorFormatter(formatter: (error: Error) => string): void {
  formatError = formatter;
}

const quote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;

function inspectInner(value: unknown, depth: number, seen: Set<object>, indent: string): string {
  switch (typeof value) {
    case "string":
      return quote(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "symbol":
      return value.toString();
    case "function":
      return `[Function: ${value.name || "(anonymous)"}]`;
    case "boolean":
      return String(value);
  }
  if (value === null) return "null";
  const object = value as object;
  if (seen.has(object)) return "[Circular]";
  if (object instanceof Error) return formatError(object);
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof RegExp) return String(object);
  if (depth > MAX_DEPTH) return Array.isArray(object) ? "[Array]" : "[Object]";
  seen.add(object);
  try {
    const inner = `${indent}  `;
    let items: string[];
    let open: string;
    let close: string;
    if (object instanceof Uint8Array) {
      const bytes = Array.from(object.subarray(0, 50), (b) => b.toString(16).padStart(2, "0"));
      const more = object.length > 50 ? ` ... ${object.length - 50} more bytes` : "";
      return `<Buffer ${bytes.join(" ")}${more}>`;
    }
    if (Array.isArray(object)) {
      items = object.slice(0, MAX_ITEMS).map((item) => inspectInner(item, depth + 1, seen, inner));
      if (object.length > MAX_ITEMS) items.push(`... ${object.length - MAX_ITEMS} more items`);
      [open, close] = ["[", "]"];
    } else if (object instanceof Map) {
      items = [...object].slice(0, MAX_ITEMS).map(([k, v]) => {
        return `${inspectInner(k, depth + 1, seen, inner)} => ${inspectInner(v, depth + 1, seen, inner)}`;
      });
      [open, close] = [`Map(${object.size}) {`, "}"];
    } else if (object instanceof Set) {
      items = [...object].slice(0, MAX_ITEMS).map((v) => inspectInner(v, depth + 1, seen, inner));
      [open, close] = [`Set(${object.size}) {`, "}"];
    } else {
      const keys = Object.keys(object);
      items = keys.slice(0, MAX_ITEMS).map((key) => {
        const name = IDENTIFIER.test(key) ? key : quote(key);
        return `${name}: ${inspectInner((object as Record<string, unknown>)[key], depth + 1, seen, inner)}`;
      });
      if (keys.length > MAX_ITEMS) items.push(`... ${keys.length - MAX_ITEMS} more properties`);
      const ctor = Object.getPrototypeOf(object)?.constructor?.name;
      const prefix = ctor && ctor !== "Object" ? `${ctor} ` : "";
      [open, close] = [`${prefix}{`, "}"];
    }
    if (items.length === 0) return `${open}${close}`;
    const flat = `${open} ${items.join(", ")} ${close}`;
    if (flat.length <= 72 && !flat.includes("\n")) return flat;
    return `${open}\n${items.map((item) => `${inner}${item}`).join(",\n")}\n${indent}${close}`;
  } finally {
    seen.delete(object);
  }
}

/**
 * A readable, bounded rendering of any value, like Node's `util.inspect`.
 *
 * @example
 * ```ts
 * inspect({ events: [{ eventName: "CdnDomainAdded" }] }); // "{ events: [ { eventName: 'CdnDomainAdded' } ] }"
 * ```
 */
export function inspect(value: unknown): string {
  return inspectInner(value, 0, new Set(), "");
}

/**
 * Formats console arguments like Node's `util.format`: `%s %d %i %f %j %o %O %%` in a leading string,
 * strings as-is, everything else inspected.
 *
 * @example
 * ```ts
 * formatArgs(["%s has %d events", "envelope", 2]); // "envelope has 2 events"
 * ```
 */
export function formatArgs(args: readonly unknown[]): string {
  const rest = [...args];
  let head = "";
  if (typeof rest[0] === "string") {
    const format = rest.shift() as string;
    head = format.replace(/%[sdifjoO%]/g, (token) => {
      if (token === "%%") return "%";
      if (rest.length === 0) return token;
      const arg = rest.shift();
      switch (token) {
        case "%s":
          return typeof arg === "string" ? arg : inspect(arg);
        case "%d":
        case "%i":
          return String(token === "%i" ? Number.parseInt(String(arg), 10) : Number(arg));
        case "%f":
          return String(Number.parseFloat(String(arg)));
        case "%j":
          try {
            return JSON.stringify(arg) ?? "undefined";
          } catch {
            return "[Circular]";
          }
        default:
          return inspect(arg);
      }
    });
  }
  const tail = rest.map((arg) => (typeof arg === "string" ? arg : inspect(arg)));
  return [...(head || typeof args[0] === "string" ? [head] : []), ...tail].join(" ");
}
