// The trigger-config panel's content: the SDK's tooling validates the input and renders each format. Used at build
// time (first render) and in the browser. Errors come back as messages naming the bad domain, never as a throw.

import { type CdnEventName, formatIssuePath } from "fc-cdn-trigger";
import {
  type CdnTriggerConfig,
  createTriggerConfig,
  renderTriggerConfig,
  TriggerConfigError,
  type TriggerConfigFormat,
  type TriggerConfigIssue,
} from "fc-cdn-trigger/tooling";
import { en, type PlaygroundMessages } from "../i18n/en.js";
import { ACCOUNT_MARKER, DOMAIN_MARKER, type Substitution } from "./highlight/line-table.js";

/** The formats, in tab order, with their labels and the file each one belongs in. */
export const TRIGGER_FORMATS: readonly { id: TriggerConfigFormat; label: string; file: string }[] = [
  { id: "fc-api-json", label: "FC API JSON", file: "CreateTrigger request body" },
  { id: "s-yaml", label: "s.yaml", file: "s.yaml (Serverless Devs, fc3)" },
  { id: "terraform", label: "Terraform", file: "main.tf" },
  { id: "aliyun-cli", label: "aliyun CLI", file: "create-trigger.sh" },
];

/** The panel's raw input. */
export interface TriggerInput {
  eventName: CdnEventName;
  /** Domains as typed: separated by commas, spaces or new lines. */
  domains: string;
  /** Digits, or "" for the placeholder. */
  accountId: string;
}

/** A problem with the panel's input, naming its field in the reader's terms. */
export interface TriggerProblem {
  field: "domains" | "account" | "event";
  message: string;
}

/**
 * Either every format's text, with the typed values it holds (the highlighted-line table stands them in with
 * markers), or the problems.
 */
export type TriggerOutputs =
  | { ok: true; outputs: Record<TriggerConfigFormat, string>; substitutions: Substitution[] }
  | { ok: false; problems: TriggerProblem[] };

/**
 * The reader's values in a trigger config: its domains and account ID, as the formats write them.
 *
 * @example
 * ```ts
 * triggerSubstitutions(createTriggerConfig({ eventName: "LogFileCreated", domains: ["a.example.com"] }));
 * // [{ marker: DOMAIN_MARKER, values: ["a.example.com"] }, { marker: ACCOUNT_MARKER, values: [] }]
 * ```
 */
export function triggerSubstitutions(config: CdnTriggerConfig): Substitution[] {
  return [
    { marker: DOMAIN_MARKER, values: config.triggerConfig.filter.domain },
    { marker: ACCOUNT_MARKER, values: config.accountId === undefined ? [] : [config.accountId] },
  ];
}

/**
 * An SDK issue in the reader's terms: `["domains", 1]` → "Domain 2: …" (the SDK's message already quotes the value
 * and says what to do). The trigger panel and the project download both show issues this way, naming the field in
 * the language of `t` (English by default).
 *
 * @example
 * ```ts
 * describeTriggerIssue({ code: "invalid_domain", path: ["domains", 1], message: '"x" needs at least two labels' });
 * // { field: "domains", message: 'Domain 2: "x" needs at least two labels' }
 * ```
 */
export function describeTriggerIssue(
  issue: TriggerConfigIssue,
  t: PlaygroundMessages["trigger"] = en.trigger,
): TriggerProblem {
  const [key, index] = issue.path;
  if (key === "domains") {
    const label = typeof index === "number" ? t.domain(index + 1) : t.domains;
    return { field: "domains", message: `${label}: ${issue.message}` };
  }
  if (key === "accountId") return { field: "account", message: `${t.accountId}: ${issue.message}` };
  return { field: "event", message: `${formatIssuePath(issue.path)}: ${issue.message}` };
}

/**
 * Splits a domains field on commas, whitespace and new lines, dropping empty entries.
 *
 * @example
 * ```ts
 * splitDomains("example.com, *.static.example.com"); // ["example.com", "*.static.example.com"]
 * ```
 */
export function splitDomains(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== "");
}

/**
 * Renders the four formats for an input, or explains what is wrong with it (in the language of `t`).
 *
 * @example
 * ```ts
 * const result = triggerOutputs({ eventName: "LogFileCreated", domains: "example.com", accountId: "" });
 * if (result.ok) console.log(result.outputs["s-yaml"]);
 * ```
 */
export function triggerOutputs(input: TriggerInput, t: PlaygroundMessages["trigger"] = en.trigger): TriggerOutputs {
  const domains = splitDomains(input.domains);
  try {
    const config = createTriggerConfig({
      eventName: input.eventName,
      domains,
      ...(input.accountId.trim() ? { accountId: input.accountId.trim() } : {}),
    });
    const outputs = {} as Record<TriggerConfigFormat, string>;
    for (const format of TRIGGER_FORMATS) outputs[format.id] = renderTriggerConfig(config, format.id);
    return { ok: true, outputs, substitutions: triggerSubstitutions(config) };
  } catch (error) {
    if (!(error instanceof TriggerConfigError)) throw error;
    return { ok: false, problems: error.issues.map((issue) => describeTriggerIssue(issue, t)) };
  }
}
