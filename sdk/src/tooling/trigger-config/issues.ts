// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the codes' descriptions quote ${…} templates
// The one issue shape of trigger configs (CdnIssue from the main entry), its documented codes and the error.
import { type CdnIssue, formatIssues } from "../../index.js";

/**
 * What each {@link TriggerConfigIssue} `code` means. Codes are stable: match on them, not on messages.
 *
 * - `invalid_input`: the input is not an object.
 * - `required`: a required field is missing, or a list that needs an item is empty.
 * - `invalid_type`: a value has the wrong type, such as a number where a string belongs.
 * - `unknown_event`: an event name is not one of the 8 CDN events; the message suggests the closest.
 * - `unknown_format`: the format is not one of `TRIGGER_CONFIG_FORMATS`.
 * - `unsupported_version`: `eventVersion` is not `1.0.0`, the only version.
 * - `invalid_domain`: a domain is not an accelerated domain name (a URL, a port, an IP address, a bad label…).
 * - `invalid_name`: a trigger, function or project name, a qualifier, a role or an environment variable name
 *   breaks FC's naming rules.
 * - `invalid_account_id`: the account ID is not all digits.
 * - `invalid_region`: the region is not a region ID such as `cn-hangzhou`.
 * - `invalid_text`: notes or a description hold an unpaired UTF-16 surrogate, which no UTF-8 request or file carries.
 * - `duplicate`: a domain, an event or a trigger name is listed twice.
 * - `template_syntax`: s.yaml only; a string holds `${…}` or `<% … %>`, which Serverless Devs evaluates, with no
 *   escape that survives `s deploy` (it evaluates the props again after its parser).
 * - `not_nfc`: Terraform only; text is not in Unicode NFC, and Terraform turns every string into NFC.
 * - `resource_name_collision`: Terraform only; two trigger names give the same resource name.
 *
 * @example
 * ```ts
 * import { TRIGGER_CONFIG_ISSUE_CODES } from "fc-cdn-trigger/tooling";
 * console.log(TRIGGER_CONFIG_ISSUE_CODES.template_syntax);
 * ```
 */
export const TRIGGER_CONFIG_ISSUE_CODES = {
  invalid_input: "the input is not an object",
  required: "a required field is missing, or a list that needs an item is empty",
  invalid_type: "a value has the wrong type, such as a number where a string belongs",
  unknown_event: "an event name is not one of the 8 CDN events; the message suggests the closest",
  unknown_format: "the format is not one of TRIGGER_CONFIG_FORMATS",
  unsupported_version: 'eventVersion is not "1.0.0", the only version',
  invalid_domain: "a domain is not an accelerated domain name (a URL, a port, an IP address, a bad label...)",
  invalid_name:
    "a trigger, function or project name, a qualifier, a role or an environment variable name breaks FC's naming rules",
  invalid_account_id: "the account ID is not all digits",
  invalid_region: "the region is not a region ID such as cn-hangzhou",
  invalid_text: "notes or a description hold an unpaired UTF-16 surrogate, which no UTF-8 request or file carries",
  duplicate: "a domain, an event or a trigger name is listed twice",
  template_syntax:
    "s.yaml only: a string holds ${...} or <% ... %>, which Serverless Devs evaluates as a template, with no escape that survives s deploy",
  not_nfc: "Terraform only: text is not in Unicode NFC, and Terraform turns every string into NFC",
  resource_name_collision: "Terraform only: two trigger names give the same resource name",
} as const;

/**
 * The `code` of a {@link TriggerConfigIssue}; {@link TRIGGER_CONFIG_ISSUE_CODES} says what each means.
 *
 * @example
 * ```ts
 * import type { TriggerConfigIssueCode } from "fc-cdn-trigger/tooling";
 * const aboutDomains = (code: TriggerConfigIssueCode) => code === "invalid_domain";
 * ```
 */
export type TriggerConfigIssueCode = keyof typeof TRIGGER_CONFIG_ISSUE_CODES;

/**
 * One problem with the input of {@link createTriggerConfig} or a renderer, in the SDK's shared issue shape:
 * `path` says where (`["domains", 1]`, `["eventName"]`, `["config", 0, "triggerConfig", "notes"]`), `code` what kind
 * of problem and `message` what to do.
 *
 * @example
 * ```ts
 * import { formatIssuePath } from "fc-cdn-trigger";
 * import type { TriggerConfigIssue } from "fc-cdn-trigger/tooling";
 * const show = (issue: TriggerConfigIssue) => `${formatIssuePath(issue.path)}: ${issue.message}`;
 * ```
 */
export interface TriggerConfigIssue extends CdnIssue<TriggerConfigIssueCode> {}

/**
 * Thrown by {@link createTriggerConfig} and the renderers on bad input; `issues` names each field and what is
 * wrong with it.
 *
 * @example
 * ```ts
 * import { createTriggerConfig, TriggerConfigError } from "fc-cdn-trigger/tooling";
 * try {
 *   createTriggerConfig({ eventName: "LogFileCreated", domains: ["https://example.com"] });
 * } catch (error) {
 *   if (error instanceof TriggerConfigError) console.log(error.issues[0]?.path); // ["domains", 0]
 * }
 * ```
 */
export class TriggerConfigError extends Error {
  override readonly name = "TriggerConfigError";
  readonly issues: readonly TriggerConfigIssue[];
  constructor(issues: readonly TriggerConfigIssue[]) {
    super(formatIssues("Invalid CDN trigger config", issues));
    this.issues = issues;
  }
}

/** A value as the messages quote it. */
export const show = (value: unknown) => JSON.stringify(value) ?? String(value);

/** Throws a TriggerConfigError when there are issues. */
export function throwIfAny(issues: readonly TriggerConfigIssue[]): void {
  if (issues.length > 0) throw new TriggerConfigError(issues);
}
