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
 * One problem found in an input, at a path inside it.
 *
 * @example
 * ```ts
 * import { safeParseCdnEvents, formatIssuePath, type CdnEventIssue } from "fc-cdn-trigger";
 * const result = safeParseCdnEvents(body);
 * const issues: readonly CdnEventIssue[] = result.success ? [] : result.error.issues;
 * for (const issue of issues) console.log(formatIssuePath(issue.path), issue.message);
 * ```
 */
export interface CdnEventIssue {
  /** Where the problem is, e.g. `["events", 0, "eventParameter", "filePath"]`; `[]` for the whole input. */
  readonly path: readonly (string | number)[];
  /** What is wrong and, where it helps, what to do. */
  readonly message: string;
}

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
    const lines = issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
    super(
      issues.length === 1
        ? `Invalid CDN event: ${lines[0]}`
        : `Invalid CDN event (${issues.length} issues):\n${lines.map((line) => `  - ${line}`).join("\n")}`,
    );
    this.issues = issues;
  }
}
