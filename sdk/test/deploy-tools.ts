// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tools' own ${...} syntax is what these read
// The real deploy tools as test oracles for the trigger-config renderers: HashiCorp's HCL parser (compiled to
// WebAssembly in @cdktf/hcl2json), Serverless Devs' own s.yaml parser, Alibaba's FC 3.0 SDK and POSIX sh. All run
// offline. Each reader turns a rendered text back into plain data, so tests compare values, never substrings.
import { execFileSync } from "node:child_process";
import FcSdk, { CreateTriggerInput, CreateTriggerRequest } from "@alicloud/fc20230330";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { getInputs, ParseSpecForContent } from "@serverless-devs/parse-spec";
import type { CdnTriggerConfig } from "../src/tooling/index.js";

const ROLE = "aliyuncdneventnotificationrole";

/** An HCL template's parts: literal text, and `{ expr }` for each interpolation such as `var.function_name`. */
export type HclPart = string | { expr: string };

/**
 * Decodes a string of hcl2json's output (HCL's JSON syntax, where strings are still templates): `$${` and `%%{`
 * are literal `${` and `%{`; an unescaped `${…}` is an interpolation; a `%{…}` directive is refused.
 * A purely literal string comes back as a string, anything else as its parts.
 */
export function hclTemplate(text: string): string | HclPart[] {
  const parts: HclPart[] = [];
  let literal = "";
  for (let i = 0; i < text.length; ) {
    if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
      literal += text.slice(i + 1, i + 3);
      i += 3;
    } else if (text.startsWith("${", i)) {
      const end = text.indexOf("}", i);
      if (literal) parts.push(literal);
      literal = "";
      parts.push({ expr: text.slice(i + 2, end) });
      i = end + 1;
    } else if (text.startsWith("%{", i)) {
      throw new Error(`an HCL template directive in ${JSON.stringify(text)}`);
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (parts.length === 0) return literal;
  if (literal) parts.push(literal);
  return parts;
}

/** Decodes every string of a value from hcl2json; a string holding an interpolation is refused. */
function hclLiterals(value: unknown): unknown {
  if (typeof value === "string") {
    const decoded = hclTemplate(value);
    if (typeof decoded !== "string") throw new Error(`an interpolation in ${JSON.stringify(value)}`);
    return decoded;
  }
  if (Array.isArray(value)) return value.map(hclLiterals);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hclLiterals(item)]));
  }
  return value;
}

/** What a Terraform file holds, decoded: each `alicloud_fcv3_trigger` by resource name, and the other blocks. */
export interface TerraformTriggers {
  triggers: Record<string, Record<string, string | HclPart[] | Record<string, unknown>>>;
  data: unknown;
  variable: unknown;
}

/**
 * Parses Terraform text with HashiCorp's HCL parser (throws on a syntax error) and decodes each
 * `alicloud_fcv3_trigger`: `trigger_config` (a `jsonencode({...})` call, which hcl2json leaves as source) is parsed
 * as HCL again and decoded to the object it encodes.
 */
export async function readTerraform(text: string): Promise<TerraformTriggers> {
  const parsed = (await parseHcl("main.tf", text)) as {
    resource?: Record<string, Record<string, Record<string, unknown>[]>>;
    data?: unknown;
    variable?: unknown;
  };
  const triggers: TerraformTriggers["triggers"] = {};
  for (const [name, blocks] of Object.entries(parsed.resource?.alicloud_fcv3_trigger ?? {})) {
    if (blocks.length !== 1) throw new Error(`resource ${name} is declared ${blocks.length} times`);
    const decoded: TerraformTriggers["triggers"][string] = {};
    for (const [key, value] of Object.entries(blocks[0] as Record<string, unknown>)) {
      if (typeof value !== "string") throw new Error(`${name}.${key} is not a string: ${JSON.stringify(value)}`);
      const call = key === "trigger_config" ? /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(value) : null;
      if (call) {
        const inner = (await parseHcl("inner.tf", `value = ${call[1]}\n`)) as { value: unknown };
        decoded[key] = hclLiterals(inner.value) as Record<string, unknown>;
      } else decoded[key] = hclTemplate(value);
    }
    triggers[name] = decoded;
  }
  return { triggers, data: parsed.data, variable: parsed.variable };
}

/** One HCL expression's value (`"text"`, `{ a = "b" }`), parsed by HCL and decoded. */
export async function readHclString(expression: string): Promise<unknown> {
  return hclLiterals(((await parseHcl("value.tf", `value = ${expression}\n`)) as { value: unknown }).value);
}

/** What Terraform reads for one trigger of renderTriggerConfig's output, as readTerraform decodes it. */
export const terraformOf = (config: CdnTriggerConfig, functionName?: string) => {
  const account = config.accountId ?? { expr: "data.alicloud_account.current.id" };
  const around = (prefix: string, suffix = "") =>
    typeof account === "string" ? `${prefix}${account}${suffix}` : [prefix, account, ...(suffix ? [suffix] : [])];
  return {
    function_name: functionName ?? [{ expr: "var.function_name" }],
    trigger_name: config.triggerName,
    trigger_type: "cdn_events",
    qualifier: config.qualifier,
    ...(config.description !== undefined ? { description: config.description } : {}),
    source_arn: around("acs:cdn:*:"),
    invocation_role: around("acs:ram::", `:role/${ROLE}`),
    trigger_config: { ...config.triggerConfig, filter: { domain: [...config.triggerConfig.filter.domain] } },
  };
};

/** What Serverless Devs reads for one trigger of an s.yaml. */
export const sYamlOf = (config: CdnTriggerConfig) => {
  const account = config.accountId ?? "${config('AccountID')}";
  return {
    triggerName: config.triggerName,
    triggerType: "cdn_events",
    ...(config.description !== undefined ? { description: config.description } : {}),
    qualifier: config.qualifier,
    sourceArn: `acs:cdn:*:${account}`,
    invocationRole: `acs:ram::${account}:role/${ROLE}`,
    triggerConfig: { ...config.triggerConfig, filter: { domain: [...config.triggerConfig.filter.domain] } },
  };
};

const quiet = { tips() {}, warn() {}, info() {}, debug() {}, error() {}, log() {} };

/**
 * Parses a whole s.yaml with Serverless Devs' own parser (`@serverless-devs/parse-spec`, the one `s deploy` uses),
 * templates included, and returns each resource's props as `s deploy` would pass them to its component. Preview
 * mode keeps `${config('AccountID')}`, which needs the deployer's credentials, as written.
 */
export async function readServerlessDevsYaml(text: string): Promise<Record<string, Record<string, unknown>>> {
  const spec = (await new ParseSpecForContent(text, { argv: ["deploy"], isPreview: true, logger: quiet }).start()) as {
    steps: { projectName: string; props: Record<string, unknown> }[];
  };
  return Object.fromEntries(spec.steps.map((step) => [step.projectName, step.props]));
}

/**
 * What `s deploy` then hands its component for props that parse-spec returned: Serverless Devs' engine
 * (`@serverless-devs/engine`, getProps) evaluates them again with parse-spec's own `getInputs`, once before the
 * pre-actions and once more in doSrc on the result, so an escape that survives parse-spec alone is undone.
 */
export function evaluateAsEngine(props: Record<string, unknown>): Record<string, unknown> {
  const magic = { cwd: ".", vars: {}, resources: {}, components: {}, __runtime: "parse" };
  return getInputs(getInputs(props, magic), magic);
}

/** Puts a `triggers:` fragment under a function's props in a minimal s.yaml, as a reader would paste it. */
export const sYamlAround = (fragment: string) =>
  `edition: 3.0.0\nname: t\naccess: default\nresources:\n  fn:\n    component: fc3\n    props:\n      region: cn-hangzhou\n${fragment
    .split("\n")
    .map((line) => (line ? `      ${line}` : line))
    .join("\n")}`;

/**
 * What Alibaba's FC 3.0 SDK sends for a CreateTrigger request built from `body`: the request goes through the
 * SDK's own model (`CreateTriggerInput`, which drops fields it does not know) and serialisation, and is caught
 * just before the network.
 */
export async function fcSdkRequest(functionName: string, body: Record<string, unknown>) {
  // A CommonJS module with the class as exports.default: by the loader's interop the default import is the class
  // itself or the exports object.
  const FcClient = ((FcSdk as { default?: unknown }).default ?? FcSdk) as typeof FcSdk.default;
  const client = new FcClient({ endpoint: "fc.invalid", accessKeyId: "id", accessKeySecret: "secret" } as never);
  let sent: { pathname: string; action: string; body: unknown } | undefined;
  client.callApi = async (params, request) => {
    sent = { pathname: params.pathname, action: params.action, body: request.body };
    return { body: {}, headers: {}, statusCode: 200 };
  };
  await client.createTrigger(functionName, new CreateTriggerRequest({ body: new CreateTriggerInput(body) }));
  if (!sent) throw new Error("the FC SDK sent nothing");
  // The SDK's HTTP layer sends the body as JSON.
  return { ...sent, body: JSON.parse(JSON.stringify(sent.body)) as Record<string, string> };
}

/**
 * Runs an aliyun CLI script with `sh`, a stub `aliyun` in place of the real one, and returns each call's arguments
 * exactly as the CLI would receive them (NUL-separated, so any text survives).
 */
export function runAliyunScript(script: string, env: Record<string, string> = {}): string[][] {
  // Each call writes its argument count, then each argument, all NUL-terminated.
  const stub = `aliyun() { printf '%s\\0' "$#"; for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n`;
  const fields = execFileSync("sh", ["-c", stub + script], {
    encoding: "utf8",
    stdio: "pipe",
    env: { PATH: process.env.PATH ?? "", ...env },
  }).split("\0");
  const calls: string[][] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const count = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  return calls;
}
