// Why an event failed, issue by issue, exactly as its zod schema reports it (same codes, messages, inputs and
// paths, in the same order), read from a plan the build generates from that schema (fast-path-codegen.mjs).
// The parser words these issues as it words zod's, so a handler that parses never needs zod itself: the
// schemas stay public API, but a bundle that only parses leaves them (and zod) out. property.test.ts holds
// this to zod's own answers.

/** @internal One node of a schema, as the build saw it. `e`: its custom error message; `d`: drift kind. */
export type Plan = { e?: string; d?: "number" | "path-list" | readonly string[] } & (
  | { t: "string" | "int" | "number"; c?: readonly PlanCheck[] }
  | { t: "literal"; v: readonly unknown[] }
  | { t: "union"; o: readonly Plan[] }
  | { t: "pipe"; i: Plan }
  | { t: "array"; i: Plan }
  | { t: "object"; s: Readonly<Record<string, Plan>> }
);

/** @internal A check of a string or number (`a`: zod's `abort`). */
export type PlanCheck = { e?: string; a?: boolean } & (
  | { t: "min"; n: number }
  | { t: "regex"; r: RegExp }
  | { t: "gte" | "gt"; n: number }
);

/** @internal An issue as zod finalises it (with `reportInput`), plus zod's internal `continue` flag. */
export interface PlanIssue {
  code: string;
  path: (string | number)[];
  input: unknown;
  message: string;
  expected?: string;
  values?: readonly unknown[];
  continue?: boolean;
}

// zod/mini's message when a schema has no custom error (and no global error map).
const DEFAULT_MESSAGE = "Invalid input";

// zod: an issue without `continue: true` stops the checks that follow (and makes a union option "aborted").
const aborted = (issues: readonly PlanIssue[], from = 0) => {
  for (let index = from; index < issues.length; index++) if (issues[index]?.continue !== true) return true;
  return false;
};

// zod counts code points for a string's minimum length.
const codePoints = (text: string) => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** @internal The issues zod would report for `input` against the schema `plan` describes ([] when valid). */
export function explain(plan: Plan, input: unknown): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (code: string, message = plan.e, extra?: Partial<PlanIssue>) =>
    issues.push({ code, path: [], input, message: message ?? DEFAULT_MESSAGE, ...extra });
  const nested = (key: string | number, found: PlanIssue[]) => {
    for (const issue of found) {
      issue.path.unshift(key);
      issues.push(issue);
    }
  };
  switch (plan.t) {
    case "string":
    case "int":
    case "number": {
      const kind = plan.t === "string" ? "string" : "number";
      if (typeof input !== kind || (kind === "number" && !Number.isFinite(input))) {
        add("invalid_type", plan.e, { expected: kind });
      }
      // A safe integer is the int schema's own first check.
      const checks: readonly (PlanCheck | undefined)[] =
        plan.t === "int" ? [undefined, ...(plan.c ?? [])] : (plan.c ?? []);
      let stopped = aborted(issues);
      for (const check of checks) {
        const before = issues.length;
        const message = check?.e ?? plan.e;
        const more = { continue: !check?.a };
        if (check?.t === "min") {
          // zod runs a length check whenever the value has a length, even after a type error.
          const value = input as { length?: unknown } | null | undefined;
          if (issues.some((issue) => issue.continue === false) || value == null || value.length === undefined) continue;
          const length = value.length as number;
          const count =
            typeof value === "string" && length >= check.n && length < check.n * 2 ? codePoints(value) : length;
          if (!(count >= check.n)) add("too_small", message, more);
        } else if (stopped) {
          continue;
        } else if (check === undefined) {
          const value = input as number;
          if (!Number.isInteger(value)) add("invalid_type", message, { expected: "int", continue: false });
          else if (!Number.isSafeInteger(value)) add(value > 0 ? "too_big" : "too_small", message, more);
        } else if (check.t === "regex") {
          check.r.lastIndex = 0;
          if (!check.r.test(input as string)) add("invalid_format", message, more);
        } else if (!(check.t === "gte" ? (input as number) >= check.n : (input as number) > check.n)) {
          add("too_small", message, more);
        }
        if (issues.length !== before) stopped ||= aborted(issues, before);
      }
      break;
    }
    case "literal":
      if (!plan.v.includes(input)) add("invalid_value", plan.e, { values: plan.v });
      break;
    case "union": {
      const results = plan.o.map((option) => explain(option, input));
      if (results.some((found) => found.length === 0)) break;
      // zod reports the one option that failed without aborting, if there is exactly one.
      const live = results.filter((found) => !aborted(found));
      if (live.length === 1) return live[0] as PlanIssue[];
      add("invalid_union");
      break;
    }
    case "pipe":
      // The output side is a transform, which cannot fail.
      return explain(plan.i, input);
    case "array":
      if (!Array.isArray(input)) add("invalid_type", plan.e, { expected: "array" });
      else for (let index = 0; index < input.length; index++) nested(index, explain(plan.i, input[index]));
      break;
    case "object":
      if (typeof input !== "object" || input === null || Array.isArray(input)) {
        add("invalid_type", plan.e, { expected: "object" });
      } else {
        for (const key of Object.keys(plan.s)) {
          nested(key, explain(plan.s[key] as Plan, (input as Record<string, unknown>)[key]));
        }
      }
      break;
  }
  return issues;
}
