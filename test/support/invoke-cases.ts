// How Function Compute settles an invocation, as one table of handlers and what each must produce. The same table
// runs in Node against invokeHandler (sdk/test/invoke-cases.test.ts) and in the playground through Chromium
// (test/e2e/playground-sdk.test.ts), so the SDK and the playground cannot drift apart.

/** The warnings invokeHandler writes when it ignores what a handler did after its invocation settled. */
export const IGNORED_WARNINGS = {
  again: /^fc-cdn-trigger: the handler called its callback more than once; this call is ignored$/,
  afterPromise: /^fc-cdn-trigger: the handler called its callback after it settled with its returned promise; the call/,
  afterValue: /^fc-cdn-trigger: the handler called its callback after it settled with its return value; the call/,
  afterThrow: /^fc-cdn-trigger: the handler called its callback after it settled with a thrown error; the call/,
  afterTimeout: /^fc-cdn-trigger: the handler called its callback after it settled by timing out; the call/,
  thrown:
    /^fc-cdn-trigger: the handler threw after its callback had settled the invocation; the error is ignored: Error: thrown after the callback/,
} as const;

type Warning = keyof typeof IGNORED_WARNINGS;

/**
 * One handler and how its invocation must end.
 *
 * @example
 * ```ts
 * const { source, result } = INVOKE_CASES[0];
 * ```
 */
export interface InvokeCase {
  name: string;
  /** A JavaScript module exporting `handler`, as a user would write it in the playground. */
  source: string;
  /** The value it settles with (strings and JSON values only: both sides can compare them). */
  result?: unknown;
  /** Or the error it fails with: its name, message and the 1-based line of `source` it was created on. */
  error?: { name: string; message: string; line: number };
  /** Warnings written while the invocation is still open: in invokeHandler's logs, in the playground's output. */
  warnings: Warning[];
  /**
   * Warnings written after it settled: in Node they reach the real console.warn. The playground terminates a run's
   * worker as soon as it settles, so there the late call never happens and nothing is shown.
   */
  lateWarnings: Warning[];
}

/**
 * The table. Each source is an ES module; its line numbers matter for the error cases.
 *
 * @example
 * ```ts
 * for (const c of INVOKE_CASES) it(c.name, async () => check(await run(c.source), c));
 * ```
 */
export const INVOKE_CASES: readonly InvokeCase[] = [
  {
    name: "an async handler settles with its promise's value",
    source: 'export const handler = async (event) => (Buffer.isBuffer(event) ? "async: a Buffer" : "not a Buffer");\n',
    result: "async: a Buffer",
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a synchronous handler with 1 parameter settles with its return value",
    source: 'export const handler = (event) => "sync, " + typeof event.length;\n',
    result: "sync, number",
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a synchronous handler with 2 parameters settles with its return value, JSON included",
    source: "export const handler = (event, context) => ({ parameters: 2, region: typeof context.region });\n",
    result: { parameters: 2, region: "string" },
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a 3-parameter handler settles when its callback is called later (setTimeout)",
    source: 'export const handler = (event, context, callback) => setTimeout(() => callback(null, "ok"), 5);\n',
    result: "ok",
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a 3-parameter handler's non-thenable return value is ignored",
    source: `export const handler = function (event, context, callback) {
  setTimeout(() => callback(null, "from the callback"), 5);
  return "ignored return value";
};
`,
    result: "from the callback",
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a callback error fails the invocation",
    source: `export const handler = (event, context, callback) => {
  setTimeout(() => callback(new RangeError("passed to the callback")), 1);
};
`,
    error: { name: "RangeError", message: "passed to the callback", line: 2 },
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a thrown error fails the invocation",
    source: `export const handler = (event) => {
  throw new TypeError("thrown synchronously");
};
`,
    error: { name: "TypeError", message: "thrown synchronously", line: 2 },
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a rejected promise fails the invocation",
    source: `export const handler = async (event, context) => {
  await null;
  throw new SyntaxError("rejected after an await");
};
`,
    error: { name: "SyntaxError", message: "rejected after an await", line: 3 },
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a promise-returning handler may also call its callback before the promise settles (defineCdnHandler does)",
    source: `export const handler = (event, context, callback) => {
  const done = Promise.resolve("from the promise");
  done.then((value) => callback(null, "callback after " + value));
  return done;
};
`,
    result: "from the promise",
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a second callback call is ignored with a warning",
    source: `export const handler = (event, context, callback) => {
  callback(null, "first");
  callback(null, "second");
};
`,
    result: "first",
    warnings: ["again"],
    lateWarnings: [],
  },
  {
    name: "a second callback call after the invocation ended is ignored with a warning",
    source: `export const handler = (event, context, callback) => {
  callback(null, "first");
  setTimeout(() => callback(null, "second"), 5);
};
`,
    result: "first",
    warnings: [],
    lateWarnings: ["again"],
  },
  {
    name: "a callback call after a returned thenable settled is ignored with a warning",
    source: `export const handler = (event, context, callback) => ({
  then(resolve) {
    resolve("from the thenable");
    callback(null, "from the callback");
  },
});
`,
    result: "from the thenable",
    warnings: ["afterPromise"],
    lateWarnings: [],
  },
  {
    name: "a callback call after an async handler's promise settled is ignored with a warning",
    source: `export const handler = async (event, context, callback) => {
  setTimeout(() => callback(null, "late"), 5);
  return "from the promise";
};
`,
    result: "from the promise",
    warnings: [],
    lateWarnings: ["afterPromise"],
  },
  {
    name: "a handler with fewer than 3 parameters settles with its return value, not a callback call",
    source: `export const handler = function (event, context) {
  arguments[2](null, "from the callback");
  return "returned";
};
`,
    result: "returned",
    warnings: [],
    lateWarnings: [],
  },
  {
    name: "a callback call after a return value settled the invocation is ignored with a warning",
    source: `export const handler = function (event, context) {
  setTimeout(() => arguments[2](null, "late"), 5);
  return "returned";
};
`,
    result: "returned",
    warnings: [],
    lateWarnings: ["afterValue"],
  },
  {
    name: "a throw after the callback settled the invocation is ignored with a warning",
    source: `export const handler = (event, context, callback) => {
  callback(null, "first");
  throw new Error("thrown after the callback");
};
`,
    result: "first",
    warnings: ["thrown"],
    lateWarnings: [],
  },
  {
    name: "a callback call after a throw settled the invocation is ignored with a warning",
    source: `export const handler = (event, context, callback) => {
  setTimeout(() => callback(null, "too late"), 5);
  throw new Error("thrown first");
};
`,
    error: { name: "Error", message: "thrown first", line: 3 },
    warnings: [],
    lateWarnings: ["afterThrow"],
  },
];

/**
 * The warning kinds `messages` are, in order; a message no kind matches is kept as it is, so it shows in a diff.
 *
 * @example
 * ```ts
 * expect(warningKinds(logs.filter((l) => l.level === "warn").map((l) => l.message))).toEqual(c.warnings);
 * ```
 */
export function warningKinds(messages: readonly string[]): string[] {
  return messages.map(
    (message) =>
      Object.entries(IGNORED_WARNINGS).find(([, pattern]) => pattern.test(message))?.[0] ?? `unexpected: ${message}`,
  );
}
