// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL's ${…} and %{…} are what this file escapes
// Terraform: alicloud_fcv3_trigger resources in HCL, every string escaped by HCL's rules.
import { show, type TriggerConfigIssue, throwIfAny } from "./issues.js";
import { type CdnTriggerConfig, ROLE_NAME } from "./model.js";

const ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };
// Quotes and backslashes, every control character (C0, DEL, C1) and the Unicode line and paragraph separators,
// and the template openers ${ and %{, which HCL escapes by doubling their first character.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const HCL_SPECIAL = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029]|\$\{|%\{/g;

/** The body of an HCL quoted string (without the quotes) that reads back as exactly `value`. */
const hclText = (value: string) =>
  value.replace(
    HCL_SPECIAL,
    (match) =>
      ESCAPES[match] ??
      (match.length === 2
        ? `${match[0]}${match}`
        : `\\u${(match.codePointAt(0) as number).toString(16).padStart(4, "0")}`),
  );
const hcl = (value: string) => `"${hclText(value)}"`;

/** The resource name of a trigger: Terraform style, snake_case. */
const resourceName = (triggerName: string) => triggerName.replace(/[^A-Za-z0-9_]/g, "_");

/**
 * What Terraform could not write faithfully: text that HCL would change (it turns every string into Unicode NFC) and
 * two triggers whose resource names collide. `at(index)` is the path of a config in the caller's input.
 */
function terraformIssues(configs: readonly CdnTriggerConfig[], at: (index: number) => (string | number)[]) {
  const issues: TriggerConfigIssue[] = [];
  const owners = new Map<string, number>();
  configs.forEach((config, index) => {
    const texts: [string, string | undefined][] = [
      ["triggerConfig.notes", config.triggerConfig.notes],
      ["description", config.description],
    ];
    for (const [field, text] of texts) {
      if (text === undefined || text === text.normalize("NFC")) continue;
      issues.push({
        code: "not_nfc",
        path: [...at(index), ...field.split(".")],
        message: `${show(text)} is not in Unicode NFC form, and Terraform turns every string into NFC, so FC would get different text; pass text.normalize("NFC") or use another format`,
      });
    }
    const resource = resourceName(config.triggerName);
    const owner = owners.get(resource);
    if (owner === undefined) owners.set(resource, index);
    else {
      const other = configs[owner] as CdnTriggerConfig;
      issues.push({
        code: "resource_name_collision",
        path: [...at(index), "triggerName"],
        message: `${show(config.triggerName)} and ${show(other.triggerName)} both become the Terraform resource alicloud_fcv3_trigger.${resource}; rename one of the triggers`,
      });
    }
  });
  return issues;
}

/** The HCL text; a variable for the function name and the alicloud_account data source fill what was not given. */
export function renderTerraform(
  configs: readonly CdnTriggerConfig[],
  options: { functionName?: string | undefined },
  at: (index: number) => (string | number)[],
): string {
  throwIfAny(terraformIssues(configs, at));
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
        ? `"${hclText(prefix)}\${data.alicloud_account.current.id}${hclText(suffix)}"`
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
    blocks.push(
      `resource "alicloud_fcv3_trigger" "${resourceName(config.triggerName)}" {\n${rows.map(([key, value]) => `  ${key.padEnd(width)} = ${value}`).join("\n")}\n}`,
    );
  }
  return `${blocks.join("\n\n")}\n`;
}
