// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the docs quote s.yaml's ${config('AccountID')}
// renderTriggerConfig: checks what every format needs, then hands the configs to the format's renderer.
import { closestMatch } from "../../index.js";
import { renderAliyunCli } from "./aliyun-cli.js";
import { renderFcApiJson } from "./fc-api-json.js";
import { show, type TriggerConfigIssue, throwIfAny } from "./issues.js";
import { ACCOUNT_PLACEHOLDER, type CdnTriggerConfig, optionIssues } from "./model.js";
import { renderSYamlTriggers } from "./s-yaml.js";
import { renderTerraform } from "./terraform.js";

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

/**
 * Renders one trigger, or several (one per event), for the tool you deploy with. See
 * {@link TriggerConfigFormat} for what each format holds. `fc-api-json` follows FC 3.0's
 * `CreateTriggerInput`, where `triggerConfig` is a JSON-encoded string; a list renders as a JSON array.
 * Without an account ID, `s-yaml` uses `${config('AccountID')}`, Terraform the `alicloud_account`
 * data source, the aliyun CLI `$ACCOUNT_ID`, and `fc-api-json` `<ACCOUNT_ID>`.
 *
 * Every string is written so that the tool reads back exactly the text given, or refused: `s-yaml` refuses text
 * holding `${…}` or `<% … %>` (Serverless Devs would evaluate it), Terraform refuses text not in Unicode NFC
 * (Terraform would normalise it) and trigger names that give the same resource name (`a-b`, `a_b`).
 * Issue paths start with `config` (`config[1].triggerName` for a list).
 *
 * @throws {TriggerConfigError} on an unknown format, duplicate trigger names, bad options or text the format
 * cannot carry.
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
  const asList = Array.isArray(config);
  const configs: readonly CdnTriggerConfig[] = asList ? config : [config as CdnTriggerConfig];
  const at = (index: number) => (asList ? ["config", index] : ["config"]);
  const issues: TriggerConfigIssue[] = [];
  if (!(TRIGGER_CONFIG_FORMATS as readonly string[]).includes(format)) {
    const hint = typeof format === "string" ? closestMatch(format, TRIGGER_CONFIG_FORMATS) : undefined;
    issues.push({
      code: "unknown_format",
      path: ["format"],
      message: `${show(format)} is not a format${hint ? ` (did you mean ${hint}?)` : ""}; expected one of ${TRIGGER_CONFIG_FORMATS.join(", ")}`,
    });
  }
  if (configs.length === 0)
    issues.push({ code: "required", path: ["config"], message: "give at least one trigger config" });
  configs.forEach((item, index) => {
    const first = configs.findIndex((other) => other.triggerName === item.triggerName);
    if (first !== index) {
      issues.push({
        code: "duplicate",
        path: [...at(index), "triggerName"],
        message: `${show(item.triggerName)} is used by two triggers; trigger names must be unique`,
      });
    }
  });
  issues.push(...optionIssues(options));
  throwIfAny(issues);
  switch (format) {
    case "fc-api-json":
      return renderFcApiJson(configs, ACCOUNT_PLACEHOLDER, asList);
    case "s-yaml":
      return renderSYamlTriggers(configs, at);
    case "terraform":
      return renderTerraform(configs, options, at);
    default:
      return renderAliyunCli(configs, options);
  }
}
