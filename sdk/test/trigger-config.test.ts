// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the rendered configs contain ${...} on purpose
// Trigger configs: the model's validation, and each format read back by the real tool (deploy-tools.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CDN_EVENT_NAMES, formatIssuePath } from "../src/index.js";
import {
  type CdnTriggerConfig,
  createTriggerConfig,
  createTriggerConfigs,
  renderServerlessDevsYaml,
  renderTriggerConfig,
  TRIGGER_CONFIG_FORMATS,
  TRIGGER_CONFIG_ISSUE_CODES,
  TriggerConfigError,
  type TriggerConfigIssue,
} from "../src/tooling/index.js";
import { toYaml } from "../src/tooling/yaml.js";
import {
  evaluateAsEngine,
  fcSdkRequest,
  readHclString,
  readServerlessDevsYaml,
  readTerraform,
  runAliyunScript,
  sYamlAround,
  sYamlOf,
  terraformOf,
} from "./deploy-tools.js";

const ACCOUNT = "1234567890123456";

/** The issues a call throws, as TriggerConfigIssue objects (anything but a TriggerConfigError fails the test). */
const thrownIssues = (run: () => unknown): readonly TriggerConfigIssue[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof TriggerConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a TriggerConfigError");
};
/** The issues a call throws, as "path: message". */
const issuesOf = (run: () => unknown): string[] =>
  thrownIssues(run).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);

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
    [
      { eventName: "LogFileCreate" },
      "unknown_event",
      'eventName: "LogFileCreate" is not a CDN event (did you mean LogFileCreated?)',
    ],
    [{ eventName: undefined }, "required", "eventName: required; expected one of LogFileCreated"],
    [{ domains: [] }, "required", "domains: is empty; give at least one accelerated domain name"],
    [{ domains: undefined }, "required", "domains: required"],
    [{ domains: 42 }, "invalid_type", "domains: expected a list of domain names, got 42"],
    [{ domains: ["https://example.com"] }, "invalid_domain", 'domains[0]: "https://example.com" has a URL scheme'],
    [{ domains: ["example.com:8080"] }, "invalid_domain", 'domains[0]: "example.com:8080" contains a port'],
    [{ domains: "example.com/path" }, "invalid_domain", 'domains: "example.com/path" contains a path'],
    [{ domains: ["10.0.0.1"] }, "invalid_domain", "is an IP address"],
    [{ domains: ["localhost"] }, "invalid_domain", "needs at least two labels"],
    [{ domains: ["a..example.com"] }, "invalid_domain", "has an empty label"],
    [{ domains: ["-bad.example.com"] }, "invalid_domain", 'has an invalid label "-bad"'],
    [{ domains: ["a.*.example.com"] }, "invalid_domain", "only *.example.com style wildcards exist"],
    [{ domains: ["bucket****.oss.aliyuncs.com"] }, "invalid_domain", "is not a leading wildcard label"],
    [{ domains: ["例子.com"] }, "invalid_domain", "punycode"],
    // The Kelvin sign lower-cases to an ASCII k: it is refused as non-ASCII, not turned into another domain.
    [{ domains: ["\u212Aexample.com"] }, "invalid_domain", "punycode"],
    [{ domains: ["example.com", "EXAMPLE.com"] }, "duplicate", 'domains[1]: "EXAMPLE.com" is listed twice'],
    [{ domains: [42] }, "invalid_type", "domains[0]: expected a domain name string, got 42"],
    [
      { eventVersion: "2.0.0" },
      "unsupported_version",
      'eventVersion: "2.0.0" is not supported; the only version is "1.0.0"',
    ],
    [
      { accountId: "1649015465****" },
      "invalid_account_id",
      'accountId: "1649015465****" is not an Alibaba Cloud account ID',
    ],
    [{ qualifier: "bad qualifier" }, "invalid_name", 'qualifier: "bad qualifier" is not a version or alias'],
    [{ triggerName: "1abc" }, "invalid_name", 'triggerName: "1abc" is not a valid trigger name'],
    [{ notes: 5 }, "invalid_type", "notes: expected a string, got 5"],
    [{ notes: "cut \ud83d" }, "invalid_text", "notes: has an unpaired UTF-16 surrogate (U+D83D) at index 4"],
    [{ description: "\udc00 x" }, "invalid_text", "description: has an unpaired UTF-16 surrogate (U+DC00) at index 0"],
  ])("refuses %j with code %s, naming the field", (override, code, message) => {
    const input = { eventName: "LogFileCreated", domains: ["example.com"], ...override } as never;
    const issues = thrownIssues(() => createTriggerConfig(input));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe(code);
    expect(`${formatIssuePath(issues[0]?.path ?? [])}: ${issues[0]?.message}`).toContain(message);
  });

  it("refuses a non-object with the whole input as the path", () => {
    expect(thrownIssues(() => createTriggerConfig(null as never))).toEqual([
      { code: "invalid_input", path: [], message: "expected an object, got null" },
    ]);
  });

  it("reports every bad field at once, each with its path", () => {
    const issues = thrownIssues(() =>
      createTriggerConfig({ eventName: "Nope" as never, domains: ["ok.example.com", "bad domain"], accountId: "x" }),
    );
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "unknown_event", path: ["eventName"] },
      { code: "invalid_domain", path: ["domains", 1] },
      { code: "invalid_account_id", path: ["accountId"] },
    ]);
    expect(new TriggerConfigError(issues).message).toContain('\n  - domains[1]: "bad domain" contains whitespace');
  });

  it("keeps paired surrogates (emoji) and any other Unicode in free text", () => {
    const config = createTriggerConfig({
      eventName: "LogFileCreated",
      domains: "example.com",
      notes: "日志 🚀 e\u0301",
    });
    expect(config.triggerConfig.notes).toBe("日志 🚀 e\u0301");
  });

  it("documents every code it uses", () => {
    for (const [code, text] of Object.entries(TRIGGER_CONFIG_ISSUE_CODES)) {
      expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      expect(text.length).toBeGreaterThan(10);
    }
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
    const codes = thrownIssues(() =>
      createTriggerConfigs({ eventNames: ["CdnDomainAdded", "Bogus" as never, "CdnDomainAdded"], domains: ["x"] }),
    ).map((issue) => issue.code);
    expect(codes).toEqual(["invalid_domain", "unknown_event", "duplicate"]);
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
  // Text every format must carry exactly: quotes, backslashes, shell characters, template openers without a closer,
  // control characters, Unicode line separators, a BOM, CJK and an emoji.
  const TEXT =
    "a \"q\" 'x' \\ $HOME `x` %{z} %%{w} $ % \r\n\t\u0000\u0007\u001b\u007f\u0085\u2028\u2029\ufeff 日志 🚀 <% ${";
  const hostile = createTriggerConfig({
    eventName: "CachedObjectsPushed",
    domains: ["example.com"],
    accountId: ACCOUNT,
    notes: TEXT,
    description: "line 1\r\nline 2 %{ if } \\u0041",
  });
  // Plus complete ${...} templates, which only s.yaml refuses.
  const templated = createTriggerConfig({
    eventName: "CdnDomainDeleted",
    domains: ["example.com"],
    accountId: ACCOUNT,
    notes: `${TEXT} $\${y} \${y} \${config('AccountID')}`,
  });

  it("fc-api-json: FC 3.0's CreateTriggerInput, sent unchanged by Alibaba's own FC SDK", async () => {
    for (const config of [one, hostile, templated]) {
      const body = JSON.parse(renderTriggerConfig(config, "fc-api-json")) as Record<string, string>;
      expect(body).toEqual({
        triggerName: config.triggerName,
        triggerType: "cdn_events",
        qualifier: "LATEST",
        ...(config.description !== undefined ? { description: config.description } : {}),
        sourceArn: `acs:cdn:*:${ACCOUNT}`,
        invocationRole: `acs:ram::${ACCOUNT}:role/aliyuncdneventnotificationrole`,
        triggerConfig: expect.any(String),
      });
      expect(JSON.parse(body.triggerConfig as string)).toEqual(config.triggerConfig);
      // CreateTriggerInput drops the fields it does not know, so an equal body means every field is one of FC's.
      const sent = await fcSdkRequest("cdn-fn", body);
      expect(sent).toMatchObject({ action: "CreateTrigger", pathname: "/2023-03-30/functions/cdn-fn/triggers" });
      expect(sent.body).toEqual(body);
    }
    const list = JSON.parse(renderTriggerConfig(several, "fc-api-json")) as Record<string, string>[];
    expect(list.map((body) => JSON.parse(body.triggerConfig as string).eventName)).toEqual([
      "CdnDomainStarted",
      "CdnDomainStopped",
    ]);
    expect(list[0]?.sourceArn).toBe("acs:cdn:*:<ACCOUNT_ID>");
  });

  it("s-yaml: a triggers: list that Serverless Devs' own parser reads back as the same data", async () => {
    for (const configs of [[one], several, [hostile]]) {
      const text = renderTriggerConfig(configs, "s-yaml");
      expect(parseYaml(text)).toEqual({ triggers: configs.map(sYamlOf) });
      const props = (await readServerlessDevsYaml(sYamlAround(text))).fn;
      // Without an account ID, Serverless Devs fills it in from the deploying credentials (kept in preview).
      expect(props?.triggers).toEqual(configs.map(sYamlOf));
    }
    // YAML 1.1 would read a bare 1.0.0 as a string too, but quoting keeps every reader on the same side.
    expect(renderTriggerConfig(one, "s-yaml")).toContain('eventVersion: "1.0.0"');
  });

  it("s-yaml: refuses text Serverless Devs would evaluate as a template, naming the field", async () => {
    const withNotes = (notes: string, description?: string) =>
      createTriggerConfig({
        eventName: "LogFileCreated",
        domains: "example.com",
        notes,
        ...(description !== undefined ? { description } : {}),
      });
    // What Serverless Devs does with them: it evaluates both forms.
    const evaluated = (await readServerlessDevsYaml(sYamlAround('notes: "<%= 1 + 1 %> items"\n'))).fn;
    expect(evaluated?.notes).toBe("2 items");
    await expect(readServerlessDevsYaml(sYamlAround('notes: "cost ${x}"\n'))).rejects.toThrow();

    expect(thrownIssues(() => renderTriggerConfig(withNotes("cost ${x}"), "s-yaml"))).toEqual([
      {
        code: "template_syntax",
        path: ["config", "triggerConfig", "notes"],
        message: expect.stringMatching(/^"cost \$\{x\}" contains "\$\{x\}", which Serverless Devs evaluates/),
      },
    ]);
    const issues = thrownIssues(() =>
      renderTriggerConfig([one, { ...withNotes("ok", "<% if (x) { %>"), triggerName: "second" }], "s-yaml"),
    );
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "template_syntax", path: ["config", 1, "description"] },
    ]);
    expect(issues[0]?.message).toContain("no stable escape");
    // The same text is fine where no template engine runs, and so are lone "${" and "<%" in s.yaml.
    expect(() => renderTriggerConfig(withNotes("cost ${x}"), "terraform")).not.toThrow();
    const lone = renderTriggerConfig(withNotes("a ${ b <% c"), "s-yaml");
    expect((await readServerlessDevsYaml(sYamlAround(lone))).fn?.triggers).toEqual([sYamlOf(withNotes("a ${ b <% c"))]);
  });

  it("s-yaml: refuses <% %>, ${} and ${config()} alike, since no escape of Serverless Devs survives s deploy", async () => {
    for (const notes of ["cost <% x %>", "cost ${x}", "${config('AccountID')}"]) {
      const config = createTriggerConfig({ eventName: "LogFileCreated", domains: "example.com", notes });
      expect(thrownIssues(() => renderTriggerConfig(config, "s-yaml"))).toEqual([
        {
          code: "template_syntax",
          path: ["config", "triggerConfig", "notes"],
          message: expect.stringContaining("Serverless Devs evaluates as a template"),
        },
      ]);
    }
    // Its syntax can spell both: parse-spec reads these escapes back as the literal text…
    const escaped = {
      lt: 'cost ${"<"}% x %>',
      dollar: 'cost ${"$"}{"$"}{x}',
      config: '${"$"}{"$"}{config("AccountID")}',
    };
    const text = Object.entries(escaped)
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`)
      .join("");
    const parsed = (await readServerlessDevsYaml(sYamlAround(text))).fn ?? {};
    expect(parsed).toMatchObject({ lt: "cost <% x %>", dollar: "cost ${x}", config: '${config("AccountID")}' });
    // …but s deploy's engine evaluates the props again: the "escaped" <% x %> runs (x is a statement: no output).
    expect(evaluateAsEngine({ lt: parsed.lt })).toEqual({ lt: "cost " });
    expect(() => evaluateAsEngine({ dollar: parsed.dollar })).toThrow();
  });

  it("terraform: alicloud_fcv3_trigger resources that HashiCorp's HCL parser reads back as the same data", async () => {
    const read = await readTerraform(renderTriggerConfig(several, "terraform", { functionName: "cdn-fn" }));
    expect(read.triggers).toEqual({
      cdn_domain_started: terraformOf(several[0] as CdnTriggerConfig, "cdn-fn"),
      cdn_domain_stopped: terraformOf(several[1] as CdnTriggerConfig, "cdn-fn"),
    });
    expect(read.data).toEqual({ alicloud_account: { current: [{}] } });
    expect(read.variable).toBeUndefined();

    const literal = await readTerraform(renderTriggerConfig([one, hostile, templated], "terraform"));
    expect(literal.triggers).toEqual({
      cdn_log_file_created: terraformOf(one),
      cdn_cached_objects_pushed: terraformOf(hostile),
      cdn_domain_deleted: terraformOf(templated),
    });
    expect(literal.data).toBeUndefined();
    expect(literal.variable).toEqual({ function_name: [{ type: "${string}", description: expect.any(String) }] });
  });

  it("terraform: escapes every control character and template opener by HCL's rules", () => {
    const text = renderTriggerConfig(templated, "terraform");
    const notes = /^ {4}notes {8}= (".*")$/m.exec(text)?.[1];
    expect(notes).toBe(
      `"a \\"q\\" 'x' \\\\ $HOME \`x\` %%{z} %%%{w} $ % \\r\\n\\t\\u0000\\u0007\\u001b\\u007f\\u0085\\u2028\\u2029\ufeff 日志 🚀 <% $\${ $$\${y} $\${y} $\${config('AccountID')}"`,
    );
  });

  it("terraform: refuses trigger names that give one resource name, naming both, and text HCL would normalise", async () => {
    const named = (triggerName: string, eventName: "CdnDomainAdded" | "CdnDomainDeleted" = "CdnDomainAdded") =>
      createTriggerConfig({ eventName, domains: "example.com", triggerName });
    expect(
      thrownIssues(() => renderTriggerConfig([named("a-b"), named("a_b", "CdnDomainDeleted")], "terraform")),
    ).toEqual([
      {
        code: "resource_name_collision",
        path: ["config", 1, "triggerName"],
        message:
          '"a_b" and "a-b" both become the Terraform resource alicloud_fcv3_trigger.a_b; rename one of the triggers',
      },
    ]);
    // Other formats keep the two names apart.
    expect(() => renderTriggerConfig([named("a-b"), named("a_b", "CdnDomainDeleted")], "s-yaml")).not.toThrow();
    // HCL itself turns the decomposed é into the composed one, escaped or not: that is why Terraform refuses it.
    expect(await readHclString('"cafe\u0301"')).toBe("caf\u00e9");
    expect(await readHclString('"cafe\\u0301"')).toBe("caf\u00e9");
    const decomposed = createTriggerConfig({
      eventName: "LogFileCreated",
      domains: "example.com",
      notes: "cafe\u0301",
    });
    expect(thrownIssues(() => renderTriggerConfig(decomposed, "terraform"))).toEqual([
      expect.objectContaining({ code: "not_nfc", path: ["config", "triggerConfig", "notes"] }),
    ]);
  });

  it("aliyun-cli: commands whose --body is the API body, safe under sh", () => {
    const notes = hostile.triggerConfig.notes;
    const configs = createTriggerConfigs({
      eventNames: ["CdnDomainAdded", "CdnDomainDeleted"],
      domains: ["example.com"],
      notes,
    });
    const script = renderTriggerConfig(configs, "aliyun-cli", { functionName: "my-fn", region: "cn-shanghai" });
    const calls = runAliyunScript(script, { ACCOUNT_ID: ACCOUNT });
    expect(calls).toHaveLength(2);
    const bodies = JSON.parse(renderTriggerConfig(configs, "fc-api-json").replaceAll("<ACCOUNT_ID>", ACCOUNT));
    for (const [index, args] of calls.entries()) {
      expect(args.slice(0, 5)).toEqual([
        "fc",
        "POST",
        "/2023-03-30/functions/my-fn/triggers",
        "--region",
        "cn-shanghai",
      ]);
      const body = JSON.parse(args[args.indexOf("--body") + 1] as string);
      expect(body).toEqual(bodies[index]);
      expect(JSON.parse(body.triggerConfig).notes).toBe(notes);
    }
    // Without ACCOUNT_ID or FUNCTION_NAME the script stops with a message instead of creating a broken trigger.
    const failing = (() => {
      try {
        runAliyunScript(renderTriggerConfig(configs, "aliyun-cli"));
        return "";
      } catch (error) {
        return String((error as { stderr: string }).stderr);
      }
    })();
    expect(failing).toContain("set FUNCTION_NAME");
  });

  it("refuses an unknown format, duplicate trigger names and bad options, naming each", () => {
    expect(thrownIssues(() => renderTriggerConfig(one, "terrafrom" as never))).toEqual([
      {
        code: "unknown_format",
        path: ["format"],
        message: `"terrafrom" is not a format (did you mean terraform?); expected one of ${TRIGGER_CONFIG_FORMATS.join(", ")}`,
      },
    ]);
    expect(thrownIssues(() => renderTriggerConfig([one, one], "s-yaml"))).toEqual([
      expect.objectContaining({
        code: "duplicate",
        path: ["config", 1, "triggerName"],
        message: expect.stringMatching(/unique/),
      }),
    ]);
    expect(thrownIssues(() => renderTriggerConfig([], "s-yaml"))).toEqual([
      expect.objectContaining({ code: "required", path: ["config"] }),
    ]);
    expect(issuesOf(() => renderTriggerConfig(one, "terraform", { functionName: "1 bad" }))[0]).toMatch(
      /^functionName:/,
    );
    expect(thrownIssues(() => renderTriggerConfig(one, "aliyun-cli", { region: "Hangzhou" }))).toEqual([
      expect.objectContaining({ code: "invalid_region", path: ["region"] }),
    ]);
  });
});

describe("renderServerlessDevsYaml", () => {
  it("writes a whole fc3 s.yaml that Serverless Devs' parser reads back", async () => {
    const triggers = createTriggerConfigs({
      eventNames: ["CdnDomainAdded", "CdnDomainDeleted"],
      domains: ["example.com"],
    });
    const text = renderServerlessDevsYaml({
      name: "domain-lifecycle",
      code: "./code.zip",
      comment: "Generated.\nDo not edit.\rnot: yaml",
      triggers,
    });
    expect(text.startsWith('# Generated.\n# Do not edit.\n# not: yaml\nedition: "3.0.0"\n')).toBe(true);
    const doc = parseYaml(text);
    expect(doc).toMatchObject({ edition: "3.0.0", name: "domain-lifecycle", access: "default" });
    expect(Object.keys(doc)).not.toContain("not");
    expect(doc.resources["domain-lifecycle"].component).toBe("fc3");
    const props = (await readServerlessDevsYaml(text))["domain-lifecycle"];
    expect(props).toEqual({
      region: "cn-hangzhou",
      functionName: "domain-lifecycle",
      runtime: "nodejs20",
      handler: "index.handler",
      code: "./code.zip",
      memorySize: 512,
      timeout: 60,
      triggers: triggers.map(sYamlOf),
    });
  });

  it("writes the function's role and environment variables, as s deploy reads them", async () => {
    const triggers = createTriggerConfigs({ eventNames: ["LogFileCreated"], domains: ["example.com"] });
    const text = renderServerlessDevsYaml({
      name: "log-file-handler",
      code: "./code.zip",
      role: "fc-cdn-log-summaries",
      environmentVariables: { SUMMARY_BUCKET: "my-bucket", SUMMARY_PREFIX: "a: b # c" },
      triggers,
    });
    const props = (await readServerlessDevsYaml(text))["log-file-handler"];
    expect(props).toMatchObject({
      // Serverless Devs fills in the deployer's account, as in the triggers' invocationRole.
      role: "acs:ram::${config('AccountID')}:role/fc-cdn-log-summaries",
      environmentVariables: { SUMMARY_BUCKET: "my-bucket", SUMMARY_PREFIX: "a: b # c" },
    });
  });

  it("refuses a bad role or environment variable, naming each", () => {
    const triggers = createTriggerConfigs({ eventNames: ["LogFileCreated"], domains: ["example.com"] });
    const issues = thrownIssues(() =>
      renderServerlessDevsYaml({
        name: "x",
        code: ".",
        role: "acs:ram::1:role/x",
        environmentVariables: { "1ST": "a", OK: "${config('x')}" },
        triggers,
      }),
    );
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "invalid_name", path: ["role"] },
      { code: "invalid_name", path: ["environmentVariables", "1ST"] },
      { code: "template_syntax", path: ["environmentVariables", "OK"] },
    ]);
  });

  it("refuses what s deploy could not use, naming each field", () => {
    const triggers = createTriggerConfigs({ eventNames: ["CdnDomainAdded"], domains: ["example.com"], notes: "${x}" });
    const issues = thrownIssues(() =>
      renderServerlessDevsYaml({ name: "1x", code: "./${dir}", region: "Hangzhou", triggers }),
    );
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "invalid_name", path: ["name"] },
      { code: "invalid_name", path: ["functionName"] },
      { code: "invalid_region", path: ["region"] },
      { code: "template_syntax", path: ["code"] },
      { code: "template_syntax", path: ["triggers", 0, "triggerConfig", "notes"] },
    ]);
    expect(issuesOf(() => renderServerlessDevsYaml({ name: "x", code: ".", triggers: [] }))).toEqual([
      "triggers: give at least one trigger",
    ]);
  });
});

// The complement of YAML 1.2's c-printable set (tab, LF, CR, x20-x7E, NEL, xA0-xD7FF, xE000-xFFFD, astral).
const NOT_YAML_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

describe("the YAML emitter", () => {
  it("round-trips any strings, numbers, booleans and nesting through a real YAML parser", () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      // Any code point: control characters, DEL, C1, line separators, BOM, U+FFFE/U+FFFF, lone surrogates.
      fc.string({ unit: "binary" }),
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
        const text = toYaml(doc as never);
        expect(parseYaml(text)).toEqual(doc);
        // Only what YAML 1.2 allows raw (c-printable): stricter readers such as PyYAML refuse the rest.
        expect(text).not.toMatch(NOT_YAML_PRINTABLE);
      }),
      { numRuns: 500 },
    );
  });
});
