// The type of a translated message table, derived from its English source: every other locale must have exactly the
// English keys, a string where English has a string and a function of the same parameters where English has one.

/**
 * Strings stay strings, functions keep their parameters, nested tables keep their keys (read-only arrays keep
 * their length).
 *
 * @example
 * ```ts
 * const EN = { run: "Run", doneIn: (ms: string) => `Done in ${ms}` } as const;
 * type Messages = MessageShape<typeof EN>; // { readonly run: string; readonly doneIn: (ms: string) => string }
 * ```
 */
export type MessageShape<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: MessageShape<T[K]> };
