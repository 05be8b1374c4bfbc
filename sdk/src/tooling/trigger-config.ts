// biome-ignore-all lint/suspicious/noTemplateCurlyInString: this file writes source code and configs that contain ${...} on purpose
import { CDN_EVENT_NAMES, type CdnEventName, isCdnEventName } from "../index.js";
import { toYaml, type YamlValue } from "./yaml.js";

/**
 * The formats {@link renderTriggerConfig} writes.
 * - `fc-api-json`: the body of FC 3.0's `CreateTrigger` API (`POST /2023-03-30/functions/{name}/triggers`).
 * - `s-yaml`: the `triggers:` entries of a Serverless Devs `fc3` component.
 * - `terraform`: `alicloud_fcv3_trigger` resources.
 * - `aliyun-cli`: `aliyun fc` commands that call `CreateTrigger`.
 *
 * @example
 * ```ts
 * import type { TriggerConfigFormat } from "fc-cdn-trigger/tooling";
 * const format: TriggerConfigFormat = "s-yaml";
 * ```
 */
export type TriggerConfigFormat = "fc-api-json" | "s-yaml" | "terraform" | "aliyun-cli";

/**
 * Every format {@link renderTriggerConfig} supports.
 *
 * @example
 * ```ts
 * import { TRIGGER_CONFIG_FORMATS } from "fc-cdn-trigger/tooling";
 * TRIGGER_CONFIG_FORMATS.includes("terraform"); // true
 * ```
 */
export const TRIGGER_CONFIG_FORMATS = [
  "fc-api-json",
  "s-yaml",
  "terraform",
  "aliyun-cli",
] as const satisfies readonly TriggerConfigFormat[];

/**
 * Input of {@link createTriggerConfig}.
 *
 * @example
 * ```ts
 * import type { CreateTriggerConfigInput } from "fc-cdn-trigger/tooling";
 * const input: CreateTriggerConfigInput = { eventName: "LogFileCreated", domains: ["example.com"] };
 * ```
 */
export interface CreateTriggerConfigInput {
  /** The one event this trigger fires on (FC takes one `eventName` per trigger). */
  eventName: CdnEventName;
  /** The accelerated domain names to filter on: one or more, such as `example.com` or `*.example.com`. */
  domains: string | readonly string[];
  /** The trigger's `notes` (CDN shows them). Default: a line naming the event. */
  notes?: string;
  /** The function version or alias the trigger invokes. Default: `LATEST`. */
  qualifier?: string;
  /** Your Alibaba Cloud account ID (digits). Without it, each format uses its own placeholder. */
  accountId?: string;
  /** Default: the event name in kebab case, prefixed with `cdn-` once: `cdn-log-file-created`, `cdn-domain-added`. */
  triggerName?: string;
  /** Only `1.0.0` exists; anything else is refused. */
  eventVersion?: string;
  /** The trigger's description in FC. */
  description?: string;
}

/**
 * A validated CDN trigger, as {@link createTriggerConfig} returns it. `triggerConfig` is the object
 * FC expects (JSON-encode it for the API; the renderers do).
 *
 * @example
 * ```ts
 * import { createTriggerConfig } from "fc-cdn-trigger/tooling";
 * const config = createTriggerConfig({ eventName: "CdnDomainAdded", domains: "example.com" });
 * config.triggerConfig.filter.domain; // ["example.com"]
 * ```
 */
export interface CdnTriggerConfig {
  readonly triggerName: string;
  readonly triggerType: "cdn_events";
  readonly qualifier: string;
  readonly description?: string;
  /** `undefined` when not given: the renderers then use a placeholder. */
  readonly accountId?: string;
  /** `acs:cdn:*:<accountId>` (with `<ACCOUNT_ID>` when no account ID was given). */
  readonly sourceArn: string;
  /** `acs:ram::<accountId>:role/aliyuncdneventnotificationrole` (same placeholder rule). */
  readonly invocationRole: string;
  readonly triggerConfig: {
    readonly eventName: CdnEventName;
    readonly eventVersion: "1.0.0";
    readonly notes: string;
    readonly filter: { readonly domain: readonly string[] };
  };
}

/**
 * One problem with the input of {@link createTriggerConfig}.
 *
 * @example
 * ```ts
 * import type { TriggerConfigIssue } from "fc-cdn-trigger/tooling";
 * const show = (issue: TriggerConfigIssue) => `${issue.field}: ${issue.message}`;
 * ```
 */
export interface TriggerConfigIssue {
  /** The input field, e.g. `domains[1]` or `eventName`. */
  readonly field: string;
  readonly message: string;
}

/**
 * Thrown by {@link createTriggerConfig} and {@link renderTriggerConfig} on bad input; `issues`
 * names each field and what is wrong with it.
 *
 * @example
 * ```ts
 * import { createTriggerConfig, TriggerConfigError } from "fc-cdn-trigger/tooling";
 * try {
 *   createTriggerConfig({ eventName: "LogFileCreated", domains: ["https://example.com"] });
 * } catch (error) {
 *   if (error instanceof TriggerConfigError) console.log(error.issues[0]?.field); // "domains[0]"
 * }
 * ```
 */
export class TriggerConfigError extends Error {
  override readonly name = "TriggerConfigError";
  readonly issues: readonly TriggerConfigIssue[];
  constructor(issues: readonly TriggerConfigIssue[]) {
    const lines = issues.map((issue) => `${issue.field}: ${issue.message}`);
    super(
      issues.length === 1
        ? `Invalid CDN trigger config: ${lines[0]}`
        : `Invalid CDN trigger config (${issues.length} issues):\n${lines.map((l) => `  - ${l}`).join("\n")}`,
    );
    this.issues = issues;
  }
}

const ACCOUNT_PLACEHOLDER = "<ACCOUNT_ID>";
const ROLE_NAME = "aliyuncdneventnotificationrole";
const TRIGGER_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
const QUALIFIER = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;
const ACCOUNT_ID = /^\d{1,32}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

// Levenshtein distance; cli/command.ts keeps its own copy, as the CLI bundle reaches tooling only through its index.
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The closest event name to a misspelling, when one is close enough to suggest. */
export function suggestEventName(name: string): CdnEventName | undefined {
  let best: CdnEventName | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of CDN_EVENT_NAMES) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/** Why `value` is not an accelerated domain name, or `undefined` when it is one. */
export function checkDomainName(value: string): string | undefined {
  if (value === "") return "is empty; give a domain name such as example.com";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return "has a URL scheme; give the domain name only, e.g. example.com";
  }
  if (/[/?#]/.test(value)) return "contains a path or query; give the domain name only, e.g. example.com";
  if (value.includes(":")) return "contains a port or colon; give the domain name only, e.g. example.com";
  if (/\s/.test(value)) return "contains whitespace";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any non-ASCII character is refused
  if (/[^\x00-\x7f]/.test(value)) {
    return "contains non-ASCII characters; use the punycode form (xn--...) of an internationalised domain";
  }
  const host = value.startsWith("*.") ? value.slice(2) : value;
  if (host.includes("*")) {
    return "has a * that is not a leading wildcard label; only *.example.com style wildcards exist";
  }
  if (/^\d+(\.\d+){3}$/.test(host)) return "is an IP address; CDN triggers filter on accelerated domain names";
  if (host.length > 253) return `is ${host.length} characters long; a domain name has at most 253`;
  const labels = host.split(".");
  if (labels.length < 2) return "needs at least two labels, e.g. example.com";
  for (const label of labels) {
    if (label === "") return "has an empty label (two dots in a row, or a leading or trailing dot)";
    if (!LABEL.test(label)) {
      return `has an invalid label ${show(label)}: use letters, digits and inner hyphens, at most 63 characters`;
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1] as string)) return "ends in a numeric label; that is not a domain name";
  return undefined;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
// cdn-log-file-created, cdn-domain-added: "cdn-" once, even for the CdnDomain* events.
const defaultTriggerName = (eventName: string) => {
  const name = kebab(eventName);
  return name.startsWith("cdn-") ? name : `cdn-${name}`;
};

/**
 * Validates a CDN trigger's settings and returns the trigger FC needs: `triggerType` `cdn_events`,
 * `triggerConfig` `{ eventName, eventVersion: "1.0.0", notes, filter: { domain } }`, `sourceArn`
 * `acs:cdn:*:<accountId>`, `invocationRole` `acs:ram::<accountId>:role/aliyuncdneventnotificationrole`
 * and `qualifier` (default `LATEST`).
 *
 * Domain names are trimmed and lower-cased. A leading wildcard label (`*.example.com`) is accepted,
 * because CDN accelerates wildcard domains and the filter matches the accelerated domain as added.
 * URLs, ports, paths, IP addresses, duplicates and malformed labels are refused.
 *
 * @throws {TriggerConfigError} naming every bad field.
 * @example
 * ```ts
 * import { createTriggerConfig } from "fc-cdn-trigger/tooling";
 *
 * const config = createTriggerConfig({
 *   eventName: "LogFileCreated",
 *   domains: ["example.com", "*.static.example.com"],
 *   accountId: "1234567890123456",
 * });
 * ```
 */
export function createTriggerConfig(input: CreateTriggerConfigInput): CdnTriggerConfig {
  const issues: TriggerConfigIssue[] = [];
  if (typeof input !== "object" || input === null) {
    throw new TriggerConfigError([{ field: "(input)", message: `expected an object, got ${show(input)}` }]);
  }
  const { eventName } = input;
  if (!isCdnEventName(eventName)) {
    const hint = typeof eventName === "string" ? suggestEventName(eventName) : undefined;
    issues.push({
      field: "eventName",
      message:
        eventName === undefined
          ? `required; expected one of ${CDN_EVENT_NAMES.join(", ")}`
          : `${show(eventName)} is not a CDN event${hint ? ` (did you mean ${hint}?)` : ""}; expected one of ${CDN_EVENT_NAMES.join(", ")}`,
    });
  }
  if (input.eventVersion !== undefined && input.eventVersion !== "1.0.0") {
    issues.push({
      field: "eventVersion",
      message: `${show(input.eventVersion)} is not supported; the only version is "1.0.0"`,
    });
  }
  const rawDomains: unknown[] =
    typeof input.domains === "string" ? [input.domains] : Array.isArray(input.domains) ? [...input.domains] : [];
  if (!(typeof input.domains === "string" || Array.isArray(input.domains))) {
    issues.push({
      field: "domains",
      message:
        input.domains === undefined
          ? "required; give one or more domain names"
          : `expected a list of domain names, got ${show(input.domains)}`,
    });
  } else if (rawDomains.length === 0) {
    issues.push({ field: "domains", message: "is empty; give at least one accelerated domain name" });
  }
  const domains: string[] = [];
  rawDomains.forEach((raw, index) => {
    const field = typeof input.domains === "string" ? "domains" : `domains[${index}]`;
    if (typeof raw !== "string") {
      issues.push({ field, message: `expected a domain name string, got ${show(raw)}` });
      return;
    }
    const domain = raw.trim().toLowerCase();
    const problem = checkDomainName(domain);
    if (problem) issues.push({ field, message: `${show(raw)} ${problem}` });
    else if (domains.includes(domain)) issues.push({ field, message: `${show(raw)} is listed twice` });
    else domains.push(domain);
  });
  const qualifier = input.qualifier ?? "LATEST";
  if (typeof qualifier !== "string" || !QUALIFIER.test(qualifier)) {
    issues.push({
      field: "qualifier",
      message: `${show(qualifier)} is not a version or alias; use LATEST, a version number or an alias name`,
    });
  }
  const accountId =
    input.accountId === undefined || input.accountId === "" ? undefined : String(input.accountId).trim();
  if (accountId !== undefined && !ACCOUNT_ID.test(accountId)) {
    issues.push({
      field: "accountId",
      message: `${show(input.accountId)} is not an Alibaba Cloud account ID; it is all digits (omit it to get a placeholder)`,
    });
  }
  const triggerName = input.triggerName ?? defaultTriggerName(String(eventName));
  if (typeof triggerName !== "string" || !TRIGGER_NAME.test(triggerName)) {
    issues.push({
      field: "triggerName",
      message: `${show(triggerName)} is not a valid trigger name: 1-128 letters, digits, _ or -, not starting with a digit or -`,
    });
  }
  if (input.notes !== undefined && typeof input.notes !== "string") {
    issues.push({ field: "notes", message: `expected a string, got ${show(input.notes)}` });
  }
  if (input.description !== undefined && typeof input.description !== "string") {
    issues.push({ field: "description", message: `expected a string, got ${show(input.description)}` });
  }
  if (issues.length > 0) throw new TriggerConfigError(issues);
  const account = accountId ?? ACCOUNT_PLACEHOLDER;
  return {
    triggerName,
    triggerType: "cdn_events",
    qualifier,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(accountId !== undefined ? { accountId } : {}),
    sourceArn: `acs:cdn:*:${account}`,
    invocationRole: `acs:ram::${account}:role/${ROLE_NAME}`,
    triggerConfig: {
      eventName: eventName as CdnEventName,
      eventVersion: "1.0.0",
      notes: input.notes ?? `Invokes the function on CDN ${eventName} events`,
      filter: { domain: domains },
    },
  };
}

/**
 * FC takes one `eventName` per trigger, so a handler for several events needs several triggers:
 * this returns one config per event, with the same domains and settings (and distinct default names).
 *
 * @example
 * ```ts
 * import { createTriggerConfigs, renderTriggerConfig } from "fc-cdn-trigger/tooling";
 *
 * const configs = createTriggerConfigs({
 *   eventNames: ["CdnDomainStarted", "CdnDomainStopped"],
 *   domains: ["example.com"],
 * });
 * console.log(renderTriggerConfig(configs, "s-yaml"));
 * ```
 */
export function createTriggerConfigs(
  input: Omit<CreateTriggerConfigInput, "eventName" | "triggerName"> & { eventNames: readonly CdnEventName[] },
): CdnTriggerConfig[] {
  const { eventNames, ...rest } = input;
  if (!Array.isArray(eventNames) || eventNames.length === 0) {
    throw new TriggerConfigError([{ field: "eventNames", message: "give at least one CDN event name" }]);
  }
  const issues: TriggerConfigIssue[] = [];
  const configs: CdnTriggerConfig[] = [];
  eventNames.forEach((eventName, index) => {
    if (eventNames.indexOf(eventName) !== index) {
      issues.push({ field: `eventNames[${index}]`, message: `${show(eventName)} is listed twice` });
      return;
    }
    try {
      configs.push(createTriggerConfig({ ...rest, eventName }));
    } catch (error) {
      if (!(error instanceof TriggerConfigError)) throw error;
      for (const issue of error.issues) {
        // Shared fields fail the same way for every event: report them once.
        const field = issue.field === "eventName" ? `eventNames[${index}]` : issue.field;
        if (!issues.some((seen) => seen.field === field && seen.message === issue.message)) {
          issues.push({ field, message: issue.message });
        }
      }
    }
  });
  if (issues.length > 0) throw new TriggerConfigError(issues);
  return configs;
}

/**
 * Options of {@link renderTriggerConfig}.
 *
 * @example
 * ```ts
 * import type { RenderTriggerConfigOptions } from "fc-cdn-trigger/tooling";
 * const options: RenderTriggerConfigOptions = { functionName: "cdn-logs", region: "cn-hangzhou" };
 * ```
 */
export interface RenderTriggerConfigOptions {
  /** The function the triggers belong to (Terraform and aliyun CLI). Default: a variable to fill in. */
  functionName?: string;
  /** The region for the aliyun CLI's `--region`. Default: the CLI profile's region. */
  region?: string;
}

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

/** The `triggerConfig` of one trigger as FC stores it (a JSON string in the FC 3.0 API). */
const triggerConfigJson = (config: CdnTriggerConfig) =>
  JSON.stringify({
    eventName: config.triggerConfig.eventName,
    eventVersion: config.triggerConfig.eventVersion,
    notes: config.triggerConfig.notes,
    filter: { domain: [...config.triggerConfig.filter.domain] },
  });

function apiBody(config: CdnTriggerConfig, account: string): Record<string, string> {
  return {
    triggerName: config.triggerName,
    triggerType: config.triggerType,
    qualifier: config.qualifier,
    ...(config.description !== undefined ? { description: config.description } : {}),
    sourceArn: `acs:cdn:*:${account}`,
    invocationRole: `acs:ram::${account}:role/${ROLE_NAME}`,
    triggerConfig: triggerConfigJson(config),
  };
}

/** The `triggers:` entries of an s.yaml (Serverless Devs `fc3` component), as data. */
export function sYamlTriggers(configs: readonly CdnTriggerConfig[]): YamlValue[] {
  return configs.map((config) => {
    const account = config.accountId ?? "${config('AccountID')}";
    return {
      triggerName: config.triggerName,
      triggerType: config.triggerType,
      ...(config.description !== undefined ? { description: config.description } : {}),
      qualifier: config.qualifier,
      sourceArn: `acs:cdn:*:${account}`,
      invocationRole: `acs:ram::${account}:role/${ROLE_NAME}`,
      triggerConfig: {
        eventName: config.triggerConfig.eventName,
        eventVersion: config.triggerConfig.eventVersion,
        notes: config.triggerConfig.notes,
        filter: { domain: [...config.triggerConfig.filter.domain] },
      },
    };
  });
}

// HCL strings: escape quotes and backslashes, and keep "${" / "%{" literal.
const hcl = (value: string) =>
  `"${value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, "%%{")}"`;

function renderTerraform(configs: readonly CdnTriggerConfig[], options: RenderTriggerConfigOptions): string {
  const blocks: string[] = [];
  if (configs.some((config) => config.accountId === undefined)) blocks.push('data "alicloud_account" "current" {}');
  if (options.functionName === undefined) {
    blocks.push(
      'variable "function_name" {\n  type        = string\n  description = "The FC 3.0 function the CDN triggers invoke."\n}',
    );
  }
  const functionName = options.functionName === undefined ? "var.function_name" : hcl(options.functionName);
  for (const config of configs) {
    const account = (prefix: string, suffix: string) =>
      config.accountId === undefined
        ? `"${hcl(prefix).slice(1, -1)}\${data.alicloud_account.current.id}${hcl(suffix).slice(1, -1)}"`
        : hcl(`${prefix}${config.accountId}${suffix}`);
    const { triggerConfig } = config;
    const domains = triggerConfig.filter.domain.map(hcl).join(", ");
    const rows: [string, string][] = [
      ["function_name", functionName],
      ["trigger_name", hcl(config.triggerName)],
      ["trigger_type", hcl(config.triggerType)],
      ["qualifier", hcl(config.qualifier)],
      ...(config.description !== undefined ? [["description", hcl(config.description)] as [string, string]] : []),
      ["source_arn", account("acs:cdn:*:", "")],
      ["invocation_role", account("acs:ram::", `:role/${ROLE_NAME}`)],
      [
        "trigger_config",
        `jsonencode({\n    eventName    = ${hcl(triggerConfig.eventName)}\n    eventVersion = ${hcl(triggerConfig.eventVersion)}\n    notes        = ${hcl(triggerConfig.notes)}\n    filter       = { domain = [${domains}] }\n  })`,
      ],
    ];
    const width = Math.max(...rows.map(([key]) => key.length));
    const resource = config.triggerName.replace(/[^A-Za-z0-9_]/g, "_");
    blocks.push(
      `resource "alicloud_fcv3_trigger" "${resource}" {\n${rows.map(([key, value]) => `  ${key.padEnd(width)} = ${value}`).join("\n")}\n}`,
    );
  }
  return `${blocks.join("\n\n")}\n`;
}

// POSIX shell single quoting.
const sq = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

function renderAliyunCli(configs: readonly CdnTriggerConfig[], options: RenderTriggerConfigOptions): string {
  const lines = [
    "# Creates the CDN trigger(s) with FC 3.0's CreateTrigger API (aliyun CLI, ROA style).",
    options.functionName === undefined
      ? 'FUNCTION_NAME="${FUNCTION_NAME:?set FUNCTION_NAME to the name of your FC function}"'
      : `FUNCTION_NAME=${sq(options.functionName)}`,
  ];
  if (configs.some((config) => config.accountId === undefined)) {
    lines.push('ACCOUNT_ID="${ACCOUNT_ID:?set ACCOUNT_ID to your Alibaba Cloud account ID}"');
  }
  const region = options.region === undefined ? "" : ` \\\n  --region ${sq(options.region)}`;
  for (const config of configs) {
    const marker = "\uE000ACCOUNT_ID\uE000";
    const json = JSON.stringify(apiBody(config, config.accountId ?? marker));
    // The account ID placeholder becomes the shell variable, spliced outside the single quotes.
    const body = sq(json).split(marker).join(`'"$ACCOUNT_ID"'`);
    lines.push(
      `aliyun fc POST "/2023-03-30/functions/$FUNCTION_NAME/triggers"${region} \\\n  --header "Content-Type=application/json" \\\n  --body ${body}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Renders one trigger, or several (one per event), for the tool you deploy with. See
 * {@link TriggerConfigFormat} for what each format holds. `fc-api-json` follows FC 3.0's
 * `CreateTriggerInput`, where `triggerConfig` is a JSON-encoded string; a list renders as a JSON array.
 * Without an account ID, `s-yaml` uses `${config('AccountID')}`, Terraform the `alicloud_account`
 * data source, the aliyun CLI `$ACCOUNT_ID`, and `fc-api-json` `<ACCOUNT_ID>`.
 *
 * @throws {TriggerConfigError} on an unknown format, duplicate trigger names or bad options.
 * @example
 * ```ts
 * import { createTriggerConfig, renderTriggerConfig } from "fc-cdn-trigger/tooling";
 *
 * const config = createTriggerConfig({ eventName: "LogFileCreated", domains: ["example.com"] });
 * console.log(renderTriggerConfig(config, "terraform", { functionName: "cdn-logs" }));
 * ```
 */
export function renderTriggerConfig(
  config: CdnTriggerConfig | readonly CdnTriggerConfig[],
  format: TriggerConfigFormat,
  options: RenderTriggerConfigOptions = {},
): string {
  const configs: readonly CdnTriggerConfig[] = Array.isArray(config) ? config : [config as CdnTriggerConfig];
  const issues: TriggerConfigIssue[] = [];
  if (!(TRIGGER_CONFIG_FORMATS as readonly string[]).includes(format)) {
    issues.push({
      field: "format",
      message: `${show(format)} is not a format; expected one of ${TRIGGER_CONFIG_FORMATS.join(", ")}`,
    });
  }
  if (configs.length === 0) issues.push({ field: "config", message: "give at least one trigger config" });
  configs.forEach((item, index) => {
    if (configs.findIndex((other) => other.triggerName === item.triggerName) !== index) {
      issues.push({
        field: `config[${index}].triggerName`,
        message: `${show(item.triggerName)} is used by two triggers; trigger names must be unique`,
      });
    }
  });
  if (options.functionName !== undefined && !FUNCTION_NAME.test(options.functionName)) {
    issues.push({ field: "functionName", message: `${show(options.functionName)} is not a valid FC function name` });
  }
  if (options.region !== undefined && !REGION.test(options.region)) {
    issues.push({ field: "region", message: `${show(options.region)} is not a region ID such as cn-hangzhou` });
  }
  if (issues.length > 0) throw new TriggerConfigError(issues);
  switch (format) {
    case "fc-api-json": {
      const bodies = configs.map((item) => apiBody(item, item.accountId ?? ACCOUNT_PLACEHOLDER));
      return `${JSON.stringify(Array.isArray(config) ? bodies : bodies[0], null, 2)}\n`;
    }
    case "s-yaml":
      return toYaml({ triggers: sYamlTriggers(configs) });
    case "terraform":
      return renderTerraform(configs, options);
    default:
      return renderAliyunCli(configs, options);
  }
}

/**
 * Input of {@link renderServerlessDevsYaml}: a whole FC 3.0 function with its CDN triggers.
 *
 * @example
 * ```ts
 * import type { ServerlessDevsProject } from "fc-cdn-trigger/tooling";
 * const project: Omit<ServerlessDevsProject, "triggers"> = { name: "cdn-logs", code: "./code.zip" };
 * ```
 */
export interface ServerlessDevsProject {
  /** Project, resource and (by default) function name. */
  name: string;
  functionName?: string;
  /** Default: `cn-hangzhou`. */
  region?: string;
  /** Default: `nodejs20`. */
  runtime?: string;
  /** Default: `index.handler`. */
  handler?: string;
  /** A folder or a zip file, relative to the s.yaml. */
  code: string;
  description?: string;
  /** MB. Default: 512. */
  memorySize?: number;
  /** Seconds. Default: 60. */
  timeout?: number;
  triggers: readonly CdnTriggerConfig[];
  /** Lines written as `#` comments at the top, e.g. how the file was generated. */
  comment?: string;
}

/**
 * Writes a complete Serverless Devs `s.yaml` (edition 3.0.0, `fc3` component) for one function and
 * its CDN triggers, ready for `s deploy`.
 *
 * @example
 * ```ts
 * import { createTriggerConfigs, renderServerlessDevsYaml } from "fc-cdn-trigger/tooling";
 *
 * const yaml = renderServerlessDevsYaml({
 *   name: "domain-lifecycle",
 *   code: "./code.zip",
 *   triggers: createTriggerConfigs({ eventNames: ["CdnDomainAdded"], domains: ["example.com"] }),
 * });
 * ```
 */
export function renderServerlessDevsYaml(project: ServerlessDevsProject): string {
  const issues: TriggerConfigIssue[] = [];
  const functionName = project.functionName ?? project.name;
  if (!FUNCTION_NAME.test(project.name))
    issues.push({ field: "name", message: `${show(project.name)} is not a valid name` });
  if (!FUNCTION_NAME.test(functionName)) {
    issues.push({ field: "functionName", message: `${show(functionName)} is not a valid FC function name` });
  }
  if (project.region !== undefined && !REGION.test(project.region)) {
    issues.push({ field: "region", message: `${show(project.region)} is not a region ID such as cn-hangzhou` });
  }
  if (project.triggers.length === 0) issues.push({ field: "triggers", message: "give at least one trigger" });
  if (issues.length > 0) throw new TriggerConfigError(issues);
  const props: Record<string, YamlValue> = {
    region: project.region ?? "cn-hangzhou",
    functionName,
    ...(project.description !== undefined ? { description: project.description } : {}),
    runtime: project.runtime ?? "nodejs20",
    handler: project.handler ?? "index.handler",
    code: project.code,
    memorySize: project.memorySize ?? 512,
    timeout: project.timeout ?? 60,
    triggers: sYamlTriggers(project.triggers),
  };
  const comment =
    project.comment === undefined
      ? ""
      : `${project.comment
          .split("\n")
          .map((line) => `# ${line}`.trimEnd())
          .join("\n")}\n`;
  return `${comment}${toYaml({
    edition: "3.0.0",
    name: project.name,
    access: "default",
    resources: { [project.name]: { component: "fc3", props } },
  })}`;
}
