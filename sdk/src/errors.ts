/**
 * The shape every issue list of the SDK shares: parse issues, trigger-config issues, CLI `--set` issues.
 * `code` is stable and machine-readable (each list documents its codes); `path` says where; `message` says
 * what is wrong and what to do.
 *
 * @example
 * ```ts
 * import { formatIssuePath, type CdnIssue } from "fc-cdn-trigger";
 * const line = (issue: CdnIssue) => `${formatIssuePath(issue.path)}: ${issue.message} [${issue.code}]`;
 * ```
 */
export interface CdnIssue<Code extends string = string> {
  /** What kind of problem it is; one of the codes the issue list documents. */
  readonly code: Code;
  /** Where the problem is, e.g. `["events", 0, "eventParameter", "filePath"]`; `[]` for the whole input. */
  readonly path: readonly (string | number)[];
  /** What is wrong and, where it helps, what to do. */
  readonly message: string;
}

/**
 * What each {@link CdnEventIssue} `code` means. Codes are stable: match on them, not on messages.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_ISSUE_CODES, safeParseCdnEvents } from "fc-cdn-trigger";
 * const result = safeParseCdnEvents("{");
 * if (!result.success) console.log(CDN_EVENT_ISSUE_CODES[result.error.issues[0]!.code]);
 * ```
 */
export const CDN_EVENT_ISSUE_CODES = {
  input_too_large: "the input is larger than options.maxBytes",
  invalid_utf8: "the bytes are not UTF-8 text",
  empty_input: "the input is empty or only whitespace",
  invalid_json: "the text is not JSON; the message gives the line and column",
  not_an_envelope: 'the input is not an object with an "events" array (a bare event gets a hint to wrap it)',
  unknown_event: '"eventName" is not one of the 8 CDN events',
  required: "a field the event format requires is missing",
  invalid_type: "a value has the wrong JSON type",
  invalid_value: "a value is not one of those allowed",
  invalid_format: "a string does not have its documented form (a date, a domain, a number as text...)",
  too_small: "a string, number or array is below its minimum",
  too_big: "a string, number or array is above its maximum",
  invalid_union: "a value matches none of the forms the field allows",
  custom: "a value failed one of the schema's own checks",
  input_threw: "reading the object you passed threw (a getter or a Proxy trap); pass plain JSON data or the raw body",
  too_deep: "the input nests so deeply that the JavaScript engine ran out of stack while checking it",
} as const;

/**
 * The `code` of a {@link CdnEventIssue}; {@link CDN_EVENT_ISSUE_CODES} says what each means.
 *
 * @example
 * ```ts
 * import type { CdnEventIssueCode } from "fc-cdn-trigger";
 * const retryable = (code: CdnEventIssueCode) => code === "input_too_large";
 * ```
 */
export type CdnEventIssueCode = keyof typeof CDN_EVENT_ISSUE_CODES;

/**
 * One problem found in an input, at a path inside it.
 *
 * @example
 * ```ts
 * import { safeParseCdnEvents, formatIssuePath, type CdnEventIssue } from "fc-cdn-trigger";
 * const result = safeParseCdnEvents(body);
 * const issues: readonly CdnEventIssue[] = result.success ? [] : result.error.issues;
 * for (const issue of issues) console.log(formatIssuePath(issue.path), issue.message, issue.code);
 * ```
 */
export interface CdnEventIssue extends CdnIssue<CdnEventIssueCode> {}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Renders a path the way you would write it in JavaScript: `events[0].eventParameter.filePath`.
 *
 * @example
 * ```ts
 * import { formatIssuePath } from "fc-cdn-trigger";
 * formatIssuePath(["events", 0, "eventName"]); // "events[0].eventName"
 * ```
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(input)";
}

/**
 * The message of an error that carries issues: `<subject>: <path>: <message>` for one issue, or one line per issue
 * under `<subject> (N issues):`. Every issue-carrying error of the SDK words its message this way.
 *
 * @example
 * ```ts
 * import { formatIssues } from "fc-cdn-trigger";
 * formatIssues("Invalid CDN event", [{ code: "required", path: ["events"], message: "required" }]);
 * // "Invalid CDN event: events: required"
 * ```
 */
export function formatIssues(subject: string, issues: readonly CdnIssue[]): string {
  const lines = issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  return lines.length === 1
    ? `${subject}: ${lines[0]}`
    : `${subject} (${lines.length} issues):\n${lines.map((line) => `  - ${line}`).join("\n")}`;
}

/**
 * Thrown when an input is not a valid CDN event envelope. `issues` lists every problem with its path;
 * the message lists them one per line.
 *
 * @example
 * ```ts
 * import { CdnEventParseError, parseCdnEvents } from "fc-cdn-trigger";
 * try {
 *   parseCdnEvents("{}");
 * } catch (error) {
 *   if (error instanceof CdnEventParseError) console.log(error.issues);
 * }
 * ```
 */
export class CdnEventParseError extends Error {
  override readonly name = "CdnEventParseError";
  readonly issues: readonly CdnEventIssue[];

  constructor(issues: readonly CdnEventIssue[]) {
    super(formatIssues("Invalid CDN event", issues));
    this.issues = issues;
  }
}
