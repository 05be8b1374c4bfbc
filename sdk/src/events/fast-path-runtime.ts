// The helpers the generated fast path (fast-path.generated.ts, written by the build from the catalog's schemas)
// calls. Each generated function returns the event exactly as its zod schema would output it, or `DECLINE`
// when it cannot vouch for the input; the parser then asks zod, which also words the errors.

/** @internal What a fast-path function returns when zod must decide. */
export const DECLINE: unique symbol = Symbol("decline");

/** @internal A generated fast-path function: the parsed value, or `DECLINE`. `owned`: the input came from our own JSON.parse. */
export type FastPath = (input: unknown, owned: boolean) => unknown;

/** @internal A plain JSON object: not null, not an array (zod's own test for objects). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * @internal Whether an object we parsed is already in zod's output order: its first keys are the shape's, in
 * order, and any others are own keys other than `"__proto__"` (zod drops that key and the parser appends it).
 */
export function inOrder(raw: Record<string, unknown>, keys: readonly string[]): boolean {
  let index = 0;
  for (const key in raw) {
    if (index < keys.length ? key !== keys[index] : key === "__proto__" || !Object.hasOwn(raw, key)) return false;
    index++;
  }
  return index >= keys.length;
}

/**
 * @internal Completes an object a loose zod object rebuilt: `out` holds its shape keys in shape order; the
 * input's other keys follow in input order, by reference, as zod keeps them. A `"__proto__"` key, which zod
 * drops, becomes an own data property again (never a prototype), as the zod path does after parsing.
 */
export function keepUnknownKeys(raw: Record<string, unknown>, out: Record<string, unknown>, owned: boolean) {
  // Text we parsed holds only own data properties, so `__proto__` is an own key only if for...in meets it.
  let proto = !owned;
  for (const key in raw) {
    if (key === "__proto__") proto = true;
    else if (!Object.hasOwn(out, key)) out[key] = raw[key];
  }
  const own = proto && Object.getOwnPropertyDescriptor(raw, "__proto__");
  if (own) Object.defineProperty(out, "__proto__", { ...own, enumerable: true, writable: true, configurable: true });
  return out;
}

/** @internal The fresh array zod builds for an array whose elements pass unchanged. */
export function copyArray(input: readonly unknown[]): unknown[] {
  const out = new Array(input.length);
  for (let index = 0; index < input.length; index++) out[index] = input[index];
  return out;
}

/** @internal The zod schemas of events whose schema uses a feature the generated code does not model. */
export type ZodFallback = Record<
  string,
  () => {
    safeParse(input: unknown, params: { reportInput: boolean }): { success: boolean; data?: unknown; error?: unknown };
  }
>;
