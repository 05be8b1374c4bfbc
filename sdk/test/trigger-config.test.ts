// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the rendered configs contain ${...} on purpose
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CDN_EVENT_NAMES } from "../src/index.js";
import {
  createTriggerConfig,
  createTriggerConfigs,
  renderServerlessDevsYaml,
  renderTriggerConfig,
  TRIGGER_CONFIG_FORMATS,
  TriggerConfigError,
} from "../src/tooling/index.js";
import { toYaml } from "../src/tooling/yaml.js";

const ACCOUNT = "1234567890123456";

/** The issues createTriggerConfig reports for an input, as "field: message". */
const issuesOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof TriggerConfigError) return error.issues.map((issue) => `${issue.field}: ${issue.message}`);
    throw error;
  }
  throw new Error("expected a TriggerConfigError");
};

describe("createTriggerConfig", () => {
  it("builds what FC needs, with LATEST and a default name and notes", () => {
    const config = createTriggerConfig({ eventName: "LogFileCreated", domains: ["Example.com "], accountId: ACCOUNT });
    expect(config).toEqual({
      triggerName: "cdn-log-file-created",
      triggerType: "cdn_events",
      qualifier: "LATEST",
      accountId: ACCOUNT,
      sourceArn: `acs:cdn:*:${ACCOUNT}`,
      invocationRole: `acs:ram::${ACCOUNT}:role/aliyuncdneventnotificationrole`,
      triggerConfig: {
        eventName: "LogFileCreated",
        eventVersion: "1.0.0",
        notes: "Invokes the function on CDN LogFileCreated events",
        filter: { domain: ["example.com"] },
      },
    });
    expect(createTriggerConfig({ eventName: "CdnDomainAdded", domains: "example.com" }).triggerName).toBe(
      "cdn-domain-added",
    );
  });

  it("accepts one domain or many, including a leading wildcard label", () => {
    const config = createTriggerConfig({
      eventName: "CachedObjectsPushed",
      domains: ["example.com", "*.static.example.com", "xn--fiqs8s.example.cn", "a-b.c0.example.io"],
      qualifier: "prod",
      triggerName: "my_trigger",
      notes: "hi",
    });
    expect(config.triggerConfig.filter.domain).toHaveLength(4);
    expect(config).toMatchObject({ qualifier: "prod", triggerName: "my_trigger", triggerConfig: { notes: "hi" } });
  });

  it.each([
    [{ eventName: "LogFileCreate" }, 'eventName: "LogFileCreate" is not a CDN event (did you mean LogFileCreated?)'],
    [{ eventName: undefined }, "eventName: required; expected one of LogFileCreated"],
    [{ domains: [] }, "domains: is empty; give at least one accelerated domain name"],
    [{ domains: undefined }, "domains: required"],
    [{ domains: ["https://example.com"] }, 'domains[0]: "https://example.com" has a URL scheme'],
    [{ domains: ["example.com:8080"] }, 'domains[0]: "example.com:8080" contains a port'],
    [{ domains: ["example.com/path"] }, "contains a path"],
    [{ domains: ["10.0.0.1"] }, "is an IP address"],
    [{ domains: ["localhost"] }, "needs at least two labels"],
    [{ domains: ["a..example.com"] }, "has an empty label"],
    [{ domains: ["-bad.example.com"] }, 'has an invalid label "-bad"'],
    [{ domains: ["a.*.example.com"] }, "only *.example.com style wildcards exist"],
    [{ domains: ["bucket****.oss.aliyuncs.com"] }, "is not a leading wildcard label"],
    [{ domains: ["例子.com"] }, "punycode"],
    [{ domains: ["example.com", "EXAMPLE.com"] }, 'domains[1]: "EXAMPLE.com" is listed twice'],
    [{ domains: [42] }, "domains[0]: expected a domain name string, got 42"],
    [{ eventVersion: "2.0.0" }, 'eventVersion: "2.0.0" is not supported; the only version is "1.0.0"'],
    [{ accountId: "1649015465****" }, 'accountId: "1649015465****" is not an Alibaba Cloud account ID'],
    [{ qualifier: "bad qualifier" }, 'qualifier: "bad qualifier" is not a version or alias'],
    [{ triggerName: "1abc" }, 'triggerName: "1abc" is not a valid trigger name'],
  ])("refuses %j, naming the field", (override, message) => {
    const input = { eventName: "LogFileCreated", domains: ["example.com"], ...override } as never;
    const issues = issuesOf(() => createTriggerConfig(input));
    expect(issues.join("\n")).toContain(message);
  });

  it("reports every bad field at once", () => {
    const issues = issuesOf(() =>
      createTriggerConfig({ eventName: "Nope" as never, domains: ["ok.example.com", "bad domain"], accountId: "x" }),
    );
    expect(issues.map((issue) => issue.split(":")[0])).toEqual(["eventName", "domains[1]", "accountId"]);
  });
});

describe("createTriggerConfigs (one trigger per event)", () => {
  it("gives each event its own trigger with a distinct name", () => {
    const configs = createTriggerConfigs({ eventNames: [...CDN_EVENT_NAMES], domains: ["example.com"] });
    expect(configs.map((config) => config.triggerConfig.eventName)).toEqual([...CDN_EVENT_NAMES]);
    expect(new Set(configs.map((config) => config.triggerName)).size).toBe(CDN_EVENT_NAMES.length);
  });

  it("reports a shared bad field once and names a bad event by its index", () => {
    const issues = issuesOf(() =>
      createTriggerConfigs({ eventNames: ["CdnDomainAdded", "Bogus" as never, "CdnDomainAdded"], domains: ["x"] }),
    );
    expect(issues).toEqual([
      expect.stringMatching(/^domains\[0\]: "x" needs at least two labels/),
      expect.stringMatching(/^eventNames\[1\]: "Bogus" is not a CDN event/),
      'eventNames[2]: "CdnDomainAdded" is listed twice',
    ]);
    expect(issuesOf(() => createTriggerConfigs({ eventNames: [], domains: ["example.com"] }))).toEqual([
      "eventNames: give at least one CDN event name",
    ]);
  });
});

describe("renderTriggerConfig", () => {
  const one = createTriggerConfig({
    eventName: "LogFileCreated",
    domains: ["example.com", "*.example.org"],
    accountId: ACCOUNT,
  });
  const several = createTriggerConfigs({
    eventNames: ["CdnDomainStarted", "CdnDomainStopped"],
    domains: ["example.com"],
  });

  it("fc-api-json: FC 3.0's CreateTriggerInput, triggerConfig JSON-encoded", () => {
    const body = JSON.parse(renderTriggerConfig(one, "fc-api-json"));
    expect(body).toEqual({
      triggerName: "cdn-log-file-created",
      triggerType: "cdn_events",
      qualifier: "LATEST",
      sourceArn: `acs:cdn:*:${ACCOUNT}`,
      invocationRole: `acs:ram::${ACCOUNT}:role/aliyuncdneventnotificationrole`,
      triggerConfig: expect.any(String),
    });
    expect(JSON.parse(body.triggerConfig)).toEqual({
      eventName: "LogFileCreated",
      eventVersion: "1.0.0",
      notes: "Invokes the function on CDN LogFileCreated events",
      filter: { domain: ["example.com", "*.example.org"] },
    });
    const list = JSON.parse(renderTriggerConfig(several, "fc-api-json"));
    expect(list.map((b: { triggerConfig: string }) => JSON.parse(b.triggerConfig).eventName)).toEqual([
      "CdnDomainStarted",
      "CdnDomainStopped",
    ]);
    expect(list[0].sourceArn).toBe("acs:cdn:*:<ACCOUNT_ID>");
  });

  it("s-yaml: a Serverless Devs fc3 triggers: list that parses back to the same data", () => {
    const doc = parseYaml(renderTriggerConfig(one, "s-yaml"));
    expect(doc).toEqual({
      triggers: [
        {
          triggerName: "cdn-log-file-created",
          triggerType: "cdn_events",
          qualifier: "LATEST",
          sourceArn: `acs:cdn:*:${ACCOUNT}`,
          invocationRole: `acs:ram::${ACCOUNT}:role/aliyuncdneventnotificationrole`,
          triggerConfig: {
            eventName: "LogFileCreated",
            eventVersion: "1.0.0",
            notes: "Invokes the function on CDN LogFileCreated events",
            filter: { domain: ["example.com", "*.example.org"] },
          },
        },
      ],
    });
    const text = renderTriggerConfig(several, "s-yaml");
    const many = parseYaml(text);
    expect(many.triggers).toHaveLength(2);
    // Without an account ID, Serverless Devs fills it in from the deploying credentials.
    expect(many.triggers[0].sourceArn).toBe("acs:cdn:*:${config('AccountID')}");
    expect(text).toContain('eventVersion: "1.0.0"');
  });

  it("terraform: one alicloud_fcv3_trigger per event, with jsonencode'd trigger_config", () => {
    const text = renderTriggerConfig(several, "terraform", { functionName: "cdn-fn" });
    expect(text.match(/resource "alicloud_fcv3_trigger"/g)).toHaveLength(2);
    expect(text).toContain('resource "alicloud_fcv3_trigger" "cdn_domain_started" {');
    expect(text).toContain('function_name   = "cdn-fn"');
    expect(text).toContain('trigger_type    = "cdn_events"');
    expect(text).toContain('source_arn      = "acs:cdn:*:${data.alicloud_account.current.id}"');
    expect(text).toContain(
      'invocation_role = "acs:ram::${data.alicloud_account.current.id}:role/aliyuncdneventnotificationrole"',
    );
    expect(text).toContain('data "alicloud_account" "current" {}');
    expect(text).toContain('filter       = { domain = ["example.com"] }');
    expect(text.split("{").length).toBe(text.split("}").length);
    const literal = renderTriggerConfig(
      createTriggerConfig({
        eventName: "LogFileCreated",
        domains: ["example.com"],
        accountId: ACCOUNT,
        notes: 'a "${b}" %{c} \\',
      }),
      "terraform",
    );
    expect(literal).not.toContain('data "alicloud_account"');
    expect(literal).toContain('variable "function_name"');
    expect(literal).toContain("function_name   = var.function_name");
    // Quotes, backslashes and template sequences stay literal.
    expect(literal).toContain('notes        = "a \\"$${b}\\" %%{c} \\\\"');
  });

  it("aliyun-cli: commands whose --body is the API body, safe under sh", () => {
    const notes = 'it\'s "quoted" $HOME `x`';
    const configs = createTriggerConfigs({
      eventNames: ["CdnDomainAdded", "CdnDomainDeleted"],
      domains: ["example.com"],
      notes,
    });
    const script = renderTriggerConfig(configs, "aliyun-cli", { functionName: "my-fn", region: "cn-shanghai" });
    // Run it with a stub `aliyun` that prints its arguments as JSON lines.
    const stub = `aliyun() { node -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- "$@"; }\n`;
    const output = execFileSync("sh", ["-c", stub + script], {
      encoding: "utf8",
      env: { ...process.env, ACCOUNT_ID: ACCOUNT },
    });
    const calls = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as string[]);
    expect(calls).toHaveLength(2);
    for (const [index, args] of calls.entries()) {
      expect(args.slice(0, 5)).toEqual([
        "fc",
        "POST",
        "/2023-03-30/functions/my-fn/triggers",
        "--region",
        "cn-shanghai",
      ]);
      const body = JSON.parse(args[args.indexOf("--body") + 1] as string);
      expect(body).toEqual(
        JSON.parse(renderTriggerConfig(configs, "fc-api-json").replaceAll("<ACCOUNT_ID>", ACCOUNT))[index],
      );
      expect(JSON.parse(body.triggerConfig).notes).toBe(notes);
    }
    // Without ACCOUNT_ID or FUNCTION_NAME the script stops with a message instead of creating a broken trigger.
    const failing = (() => {
      try {
        execFileSync("sh", ["-c", stub + renderTriggerConfig(configs, "aliyun-cli")], {
          encoding: "utf8",
          stdio: "pipe",
          env: { PATH: process.env.PATH },
        });
        return "";
      } catch (error) {
        return String((error as { stderr: string }).stderr);
      }
    })();
    expect(failing).toContain("set FUNCTION_NAME");
  });

  it("refuses an unknown format, duplicate trigger names and bad options, naming each", () => {
    expect(issuesOf(() => renderTriggerConfig(one, "yaml" as never))).toEqual([
      `format: "yaml" is not a format; expected one of ${TRIGGER_CONFIG_FORMATS.join(", ")}`,
    ]);
    expect(issuesOf(() => renderTriggerConfig([one, one], "s-yaml"))[0]).toMatch(/^config\[1\]\.triggerName: .*unique/);
    expect(issuesOf(() => renderTriggerConfig(one, "terraform", { functionName: "1 bad" }))[0]).toMatch(
      /^functionName:/,
    );
    expect(issuesOf(() => renderTriggerConfig(one, "aliyun-cli", { region: "Hangzhou" }))[0]).toMatch(/^region:/);
  });
});

describe("renderServerlessDevsYaml", () => {
  it("writes a whole fc3 s.yaml that parses back", () => {
    const text = renderServerlessDevsYaml({
      name: "domain-lifecycle",
      code: "./code.zip",
      comment: "Generated.\nDo not edit.",
      triggers: createTriggerConfigs({ eventNames: ["CdnDomainAdded", "CdnDomainDeleted"], domains: ["example.com"] }),
    });
    expect(text.startsWith('# Generated.\n# Do not edit.\nedition: "3.0.0"\n')).toBe(true);
    const doc = parseYaml(text);
    expect(doc.edition).toBe("3.0.0");
    const props = doc.resources["domain-lifecycle"].props;
    expect(doc.resources["domain-lifecycle"].component).toBe("fc3");
    expect(props).toMatchObject({
      functionName: "domain-lifecycle",
      runtime: "nodejs20",
      handler: "index.handler",
      code: "./code.zip",
    });
    expect(props.triggers.map((t: { triggerName: string }) => t.triggerName)).toEqual([
      "cdn-domain-added",
      "cdn-domain-deleted",
    ]);
    expect(() => renderServerlessDevsYaml({ name: "x", code: ".", triggers: [] })).toThrow(
      /triggers: give at least one trigger/,
    );
  });
});

describe("the YAML emitter", () => {
  it("round-trips any strings, numbers, booleans and nesting through a real YAML parser", () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(
        "true",
        "no",
        "1.0",
        "~",
        "null",
        "- x",
        "#c",
        "a: b",
        "*.x",
        "'q'",
        "@x",
        "${config('AccountID')}",
      ),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        scalar,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1 }), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), value, { minKeys: 1 }), (doc) => {
        expect(parseYaml(toYaml(doc as never))).toEqual(doc);
      }),
      { numRuns: 500 },
    );
  });
});
