import * as z from "zod/mini";

/**
 * Wire-level building blocks. The source docs' tables call every field "String"
 * while their JSON sends numbers, so numeric fields accept both and always
 * output a number: lenient on read, exact on output.
 */

// Marks the wire schemas whose lenient forms are worth reporting to `onDrift`.
const driftSensitive = new WeakMap<object, "number" | "path-list">();

const NUMERIC_STRING = /^\d{1,16}$/;

/** A non-negative integer sent as a number or a numeric string; outputs `number`. */
export const wireInteger = (what: string) => {
  const error = `expected ${what} as a non-negative integer or a numeric string`;
  const schema = z.pipe(
    z.union([z.int(error).check(z.nonnegative(error)), z.string(error).check(z.regex(NUMERIC_STRING, error))], {
      error,
    }),
    z.transform((value: number | string) => (typeof value === "number" ? value : Number(value))),
  );
  driftSensitive.set(schema, "number");
  return schema;
};

/** An identifier sent as a string or a number; outputs `string`. */
export const wireId = (what: string) => {
  const error = `expected ${what} as a non-empty string or a non-negative integer`;
  return z.pipe(
    z.union([z.string(error).check(z.minLength(1, error)), z.int(error).check(z.nonnegative(error))], { error }),
    z.transform((value: string | number) => String(value)),
  );
};

/** A list of paths sent as an array of strings or as one string; outputs `string[]`. */
export const wirePathList = z.pipe(
  z.union([z.array(z.string()), z.string()], {
    error: "expected an array of path strings (or one path string)",
  }),
  z.transform((value: string[] | string) => (typeof value === "string" ? [value] : value)),
);

export const domainName = z.string().check(z.minLength(1, "expected a non-empty domain name"));

driftSensitive.set(wirePathList, "path-list");

/** @internal */
export const isDriftSensitive = (schema: unknown) =>
  typeof schema === "object" && schema !== null ? driftSensitive.get(schema) : undefined;
