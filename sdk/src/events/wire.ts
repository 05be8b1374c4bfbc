import * as z from "zod/mini";

/**
 * Wire-level building blocks. The source docs' tables call every field "String"
 * while their JSON sends numbers, so numeric fields accept both and always
 * output a number: lenient on read, exact on output.
 *
 * The transforms and patterns are named exports: the build-time fast path (see
 * scripts/fast-path-codegen.mjs) finds them by identity and calls these very functions.
 */

/** @internal Builds a value on first use, then returns that same value: schemas cost import time (cold start). */
/* @__NO_SIDE_EFFECTS__ */ export const lazy = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

// Marks the wire schemas whose lenient forms are worth reporting to `onDrift`: numbers sent as strings, one path
// sent as a string, or (a list of known values) a value outside the documented ones.
const driftSensitive = new WeakMap<object, "number" | "path-list" | readonly string[]>();

/** @internal A non-negative integer as a numeric string. */
export const NUMERIC_STRING = /^\d{1,16}$/;

/** @internal */
export const toNumber = (value: number | string) => (typeof value === "number" ? value : Number(value));
/** @internal */
export const toIdString = (value: string | number) => String(value);
/** @internal */
export const toPathList = (value: string[] | string) => (typeof value === "string" ? [value] : value);

/** A non-negative integer sent as a number or a numeric string; outputs `number`. */
export const wireInteger = (what: string) => {
  const error = `expected ${what} as a non-negative integer or a numeric string`;
  const schema = z.pipe(
    z.union([z.int(error).check(z.nonnegative(error)), z.string(error).check(z.regex(NUMERIC_STRING, error))], {
      error,
    }),
    z.transform(toNumber),
  );
  driftSensitive.set(schema, "number");
  return schema;
};

/** An identifier sent as a string or a number; outputs `string`. */
export const wireId = (what: string) => {
  const error = `expected ${what} as a non-empty string or a non-negative integer`;
  return z.pipe(
    z.union([z.string(error).check(z.minLength(1, error)), z.int(error).check(z.nonnegative(error))], { error }),
    z.transform(toIdString),
  );
};

/** A list of paths sent as an array of strings or as one string; outputs `string[]`. */
export const wirePathList = /* @__PURE__ */ lazy(() => {
  const schema = z.pipe(
    z.union([z.array(z.string()), z.string()], {
      error: "expected an array of path strings (or one path string)",
    }),
    z.transform(toPathList),
  );
  driftSensitive.set(schema, "path-list");
  return schema;
});

/**
 * A string field with documented values that accepts any other: Alibaba adds values and a handler must not fail
 * on a real event. Typed as the known values plus any string (so editors complete them); a value outside them
 * is reported to `onDrift`.
 */
export const knownValues = <const V extends readonly string[]>(values: V, schema: z.ZodMiniString) => {
  driftSensitive.set(schema, values);
  return schema as unknown as z.ZodMiniType<V[number] | (string & {}), string>;
};

export const domainName = /* @__PURE__ */ lazy(() =>
  z.string().check(z.minLength(1, "expected a non-empty domain name")),
);

/** @internal */
export const isDriftSensitive = (schema: unknown) =>
  typeof schema === "object" && schema !== null ? driftSensitive.get(schema) : undefined;
