// The trigger model: what createTriggerConfig accepts, the validated config every renderer reads, and the checks.
import { CDN_EVENT_NAMES, type CdnEventName, isCdnEventName, suggestCdnEventName } from "../../index.js";
import { show, TriggerConfigError, type TriggerConfigIssue, throwIfAny } from "./issues.js";

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

/** The placeholder fc-api-json writes where the account ID belongs. */
export const ACCOUNT_PLACEHOLDER = "<ACCOUNT_ID>";
/** The RAM role CDN assumes to invoke the function. */
export const ROLE_NAME = "aliyuncdneventnotificationrole";
const TRIGGER_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
const QUALIFIER = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;
const ACCOUNT_ID = /^\d{1,32}$/;
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `"x" is not a CDN event (did you mean y?); expected one of ...`: the tooling's one wording for a bad event name. */
export function notACdnEvent(value: unknown): string {
  const hint = typeof value === "string" ? suggestCdnEventName(value) : undefined;
  return `${show(value)} is not a CDN event${hint ? ` (did you mean ${hint}?)` : ""}; expected one of ${CDN_EVENT_NAMES.join(", ")}`;
}

/** Why `value` is not an accelerated domain name (in any letter case), or `undefined` when it is one. */
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

/** The issues of a free-text field (notes, description): it must be a string that UTF-8 can carry. */
function textIssues(field: "notes" | "description", value: unknown): TriggerConfigIssue[] {
  if (value === undefined) return [];
  if (typeof value !== "string") {
    return [{ code: "invalid_type", path: [field], message: `expected a string, got ${show(value)}` }];
  }
  const lone = LONE_SURROGATE.exec(value);
  if (!lone) return [];
  const unit = (lone[0].codePointAt(0) as number).toString(16).toUpperCase();
  return [
    {
      code: "invalid_text",
      path: [field],
      message: `has an unpaired UTF-16 surrogate (U+${unit}) at index ${lone.index}, which UTF-8 cannot carry; the text was probably cut in the middle of a character`,
    },
  ];
}

/** The issues of renderer options shared by several formats: a function name and a region. */
export function optionIssues(options: { functionName?: string | undefined; region?: string | undefined }) {
  const issues: TriggerConfigIssue[] = [];
  if (options.functionName !== undefined && !FUNCTION_NAME.test(options.functionName)) {
    issues.push({
      code: "invalid_name",
      path: ["functionName"],
      message: `${show(options.functionName)} is not a valid FC function name`,
    });
  }
  if (options.region !== undefined && !REGION.test(options.region)) {
    issues.push({
      code: "invalid_region",
      path: ["region"],
      message: `${show(options.region)} is not a region ID such as cn-hangzhou`,
    });
  }
  return issues;
}

/** Whether `name` is a valid FC function (or Serverless Devs project) name. */
export const isFunctionName = (name: string) => FUNCTION_NAME.test(name);

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
  if (typeof input !== "object" || input === null) {
    throw new TriggerConfigError([
      { code: "invalid_input", path: [], message: `expected an object, got ${show(input)}` },
    ]);
  }
  const issues: TriggerConfigIssue[] = [];
  const { eventName } = input;
  if (!isCdnEventName(eventName)) {
    issues.push(
      eventName === undefined
        ? { code: "required", path: ["eventName"], message: `required; expected one of ${CDN_EVENT_NAMES.join(", ")}` }
        : { code: "unknown_event", path: ["eventName"], message: notACdnEvent(eventName) },
    );
  }
  if (input.eventVersion !== undefined && input.eventVersion !== "1.0.0") {
    issues.push({
      code: "unsupported_version",
      path: ["eventVersion"],
      message: `${show(input.eventVersion)} is not supported; the only version is "1.0.0"`,
    });
  }
  const single = typeof input.domains === "string";
  const rawDomains: unknown[] = single ? [input.domains] : Array.isArray(input.domains) ? [...input.domains] : [];
  if (!(single || Array.isArray(input.domains))) {
    issues.push(
      input.domains === undefined
        ? { code: "required", path: ["domains"], message: "required; give one or more domain names" }
        : {
            code: "invalid_type",
            path: ["domains"],
            message: `expected a list of domain names, got ${show(input.domains)}`,
          },
    );
  } else if (rawDomains.length === 0) {
    issues.push({
      code: "required",
      path: ["domains"],
      message: "is empty; give at least one accelerated domain name",
    });
  }
  const domains: string[] = [];
  rawDomains.forEach((raw, index) => {
    const path = single ? ["domains"] : ["domains", index];
    if (typeof raw !== "string") {
      issues.push({ code: "invalid_type", path, message: `expected a domain name string, got ${show(raw)}` });
      return;
    }
    // Checked before lower-casing, which turns some non-ASCII letters (the Kelvin sign K) into ASCII ones.
    const problem = checkDomainName(raw.trim());
    const domain = raw.trim().toLowerCase();
    if (problem) issues.push({ code: "invalid_domain", path, message: `${show(raw)} ${problem}` });
    else if (domains.includes(domain))
      issues.push({ code: "duplicate", path, message: `${show(raw)} is listed twice` });
    else domains.push(domain);
  });
  const qualifier = input.qualifier ?? "LATEST";
  if (typeof qualifier !== "string" || !QUALIFIER.test(qualifier)) {
    issues.push({
      code: "invalid_name",
      path: ["qualifier"],
      message: `${show(qualifier)} is not a version or alias; use LATEST, a version number or an alias name`,
    });
  }
  const accountId =
    input.accountId === undefined || input.accountId === "" ? undefined : String(input.accountId).trim();
  if (accountId !== undefined && !ACCOUNT_ID.test(accountId)) {
    issues.push({
      code: "invalid_account_id",
      path: ["accountId"],
      message: `${show(input.accountId)} is not an Alibaba Cloud account ID; it is all digits (omit it to get a placeholder)`,
    });
  }
  const triggerName = input.triggerName ?? defaultTriggerName(String(eventName));
  if (typeof triggerName !== "string" || !TRIGGER_NAME.test(triggerName)) {
    issues.push({
      code: "invalid_name",
      path: ["triggerName"],
      message: `${show(triggerName)} is not a valid trigger name: 1-128 letters, digits, _ or -, not starting with a digit or -`,
    });
  }
  issues.push(...textIssues("notes", input.notes), ...textIssues("description", input.description));
  throwIfAny(issues);
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
    throw new TriggerConfigError([
      { code: "required", path: ["eventNames"], message: "give at least one CDN event name" },
    ]);
  }
  const issues: TriggerConfigIssue[] = [];
  const configs: CdnTriggerConfig[] = [];
  eventNames.forEach((eventName, index) => {
    if (eventNames.indexOf(eventName) !== index) {
      issues.push({ code: "duplicate", path: ["eventNames", index], message: `${show(eventName)} is listed twice` });
      return;
    }
    try {
      configs.push(createTriggerConfig({ ...rest, eventName }));
    } catch (error) {
      if (!(error instanceof TriggerConfigError)) throw error;
      for (const issue of error.issues) {
        // Shared fields fail the same way for every event: report them once.
        const path = issue.path[0] === "eventName" ? ["eventNames", index] : issue.path;
        const seen = issues.some(
          (other) => other.message === issue.message && other.path.join("\0") === path.join("\0"),
        );
        if (!seen) issues.push({ ...issue, path });
      }
    }
  });
  throwIfAny(issues);
  return configs;
}
