// biome-ignore-all lint/suspicious/noTemplateCurlyInString: s.yaml's ${config('AccountID')} is written on purpose
// s.yaml: the triggers of a Serverless Devs fc3 component, and a whole s.yaml for one function.
import { toYaml, type YamlValue } from "../yaml.js";
import { show, type TriggerConfigIssue, throwIfAny } from "./issues.js";
import { type CdnTriggerConfig, isFunctionName, optionIssues, ROLE_NAME } from "./model.js";

// Serverless Devs runs every string of an s.yaml through its template engine (art-template): `${…}` (its own rule)
// and `<% … %>` (art-template's native rule) are evaluated. Its syntax can spell the characters (`${"<"}%` reads
// back as `<%`, `${"$"}{"$"}{x}` as `${x}`, since a result holding `${` is evaluated once more), but no escape is
// stable: parse-spec evaluates the props, then `s deploy`'s engine evaluates them again (getInputs in getProps, per
// step), so an escaped `<% x %>` runs after all. These patterns find exactly what the two rules match.
/** RAM role names: 1 to 64 letters, digits, `.` and `-`. */
const RAM_ROLE_NAME = /^[A-Za-z0-9.-]{1,64}$/;
/** POSIX environment variable names, which FC takes. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TEMPLATE = /\$\{[\s\S]*?\}|<%[\s\S]*?%>/;

/** An issue for each string Serverless Devs would evaluate as a template instead of keeping it. */
function templateIssues(texts: readonly [path: (string | number)[], text: string | undefined][]) {
  const issues: TriggerConfigIssue[] = [];
  for (const [path, text] of texts) {
    const match = text === undefined ? null : TEMPLATE.exec(text);
    if (!match) continue;
    issues.push({
      code: "template_syntax",
      path,
      message: `${show(text)} contains ${show(match[0])}, which Serverless Devs evaluates as a template in every s.yaml string (s deploy fails or writes something else), and it has no stable escape (s deploy evaluates props again after its parser, undoing \${"<"}% or \${"$"}{): reword it, or deploy with another format`,
    });
  }
  return issues;
}

/** The free text of each trigger, with its path (`at(index)` is the path of a config in the caller's input). */
const triggerTexts = (configs: readonly CdnTriggerConfig[], at: (index: number) => (string | number)[]) =>
  configs.flatMap((config, index): [(string | number)[], string | undefined][] => [
    [[...at(index), "triggerConfig", "notes"], config.triggerConfig.notes],
    [[...at(index), "description"], config.description],
  ]);

/** The `triggers:` entries of an s.yaml as data; without an account ID, Serverless Devs fills in the deployer's. */
function sYamlTriggers(configs: readonly CdnTriggerConfig[]): YamlValue[] {
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

/** A `triggers:` document to paste under a function's props. */
export function renderSYamlTriggers(
  configs: readonly CdnTriggerConfig[],
  at: (index: number) => (string | number)[],
): string {
  throwIfAny(templateIssues(triggerTexts(configs, at)));
  return toYaml({ triggers: sYamlTriggers(configs) });
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
  /**
   * The name of the RAM role the function runs as (its `context.credentials`), written as
   * `acs:ram::${config('AccountID')}:role/<role>`. Default: none (the function gets no credentials).
   */
  role?: string;
  /** Environment variables of the function. */
  environmentVariables?: Readonly<Record<string, string>>;
  triggers: readonly CdnTriggerConfig[];
  /** Lines written as `#` comments at the top, e.g. how the file was generated. */
  comment?: string;
}

/**
 * Writes a complete Serverless Devs `s.yaml` (edition 3.0.0, `fc3` component) for one function and
 * its CDN triggers, ready for `s deploy`.
 *
 * @throws {TriggerConfigError} on a bad name or region, no triggers, or text that Serverless Devs would evaluate
 * as a template (`${…}`, `<% … %>`; code `template_syntax`): Serverless Devs has no escape for either that survives
 * `s deploy`, which evaluates the props a second time after its parser. Lone `${` or `<%` are kept as written.
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
  const functionName = project.functionName ?? project.name;
  const issues: TriggerConfigIssue[] = [];
  if (!isFunctionName(project.name)) {
    issues.push({ code: "invalid_name", path: ["name"], message: `${show(project.name)} is not a valid name` });
  }
  issues.push(...optionIssues({ functionName, region: project.region }));
  if (project.role !== undefined && !RAM_ROLE_NAME.test(project.role)) {
    issues.push({ code: "invalid_name", path: ["role"], message: `${show(project.role)} is not a RAM role name` });
  }
  const variables = Object.entries(project.environmentVariables ?? {});
  for (const [name] of variables) {
    if (!ENV_NAME.test(name)) {
      issues.push({
        code: "invalid_name",
        path: ["environmentVariables", name],
        message: `${show(name)} is not an environment variable name (letters, digits and _, not starting with a digit)`,
      });
    }
  }
  if (project.triggers.length === 0) {
    issues.push({ code: "required", path: ["triggers"], message: "give at least one trigger" });
  }
  issues.push(
    ...templateIssues([
      [["description"], project.description],
      [["runtime"], project.runtime],
      [["handler"], project.handler],
      [["code"], project.code],
      ...variables.map(([name, value]): [string[], string] => [["environmentVariables", name], value]),
      ...triggerTexts(project.triggers, (index) => ["triggers", index]),
    ]),
  );
  throwIfAny(issues);
  const props: Record<string, YamlValue> = {
    region: project.region ?? "cn-hangzhou",
    functionName,
    ...(project.description !== undefined ? { description: project.description } : {}),
    runtime: project.runtime ?? "nodejs20",
    handler: project.handler ?? "index.handler",
    code: project.code,
    memorySize: project.memorySize ?? 512,
    timeout: project.timeout ?? 60,
    ...(project.role !== undefined ? { role: `acs:ram::\${config('AccountID')}:role/${project.role}` } : {}),
    ...(variables.length > 0 ? { environmentVariables: Object.fromEntries(variables) } : {}),
    triggers: sYamlTriggers(project.triggers),
  };
  // Each line of the comment is a comment line: a CR or LF inside would otherwise start YAML content.
  const comment =
    project.comment === undefined
      ? ""
      : `${project.comment
          .split(/\r\n?|\n/)
          .map((line) => `# ${line}`.trimEnd())
          .join("\n")}\n`;
  return `${comment}${toYaml({
    edition: "3.0.0",
    name: project.name,
    access: "default",
    resources: { [project.name]: { component: "fc3", props } },
  })}`;
}
