// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Serverless Devs templates and escapes are written on purpose
// Property tests of the trigger-config renderers over arbitrary Unicode in notes, descriptions, trigger names and
// domains: every output is read back by the real tool and equals the input, or the input is refused with a
// TriggerConfigError whose issue names the field, and the real tool shows the refusal is needed (for s.yaml's
// template_syntax: neither the text nor Serverless Devs' own escape of it survives parse-spec plus s deploy's engine).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssuePath } from "../src/index.js";
import {
  type CdnTriggerConfig,
  createTriggerConfig,
  renderTriggerConfig,
  TRIGGER_CONFIG_FORMATS,
  TRIGGER_CONFIG_ISSUE_CODES,
  TriggerConfigError,
  type TriggerConfigFormat,
  type TriggerConfigIssue,
} from "../src/tooling/index.js";
import { toYaml } from "../src/tooling/yaml.js";
import {
  evaluateAsEngine,
  fcSdkRequest,
  readServerlessDevsYaml,
  readTerraform,
  runAliyunScript,
  sYamlAround,
  sYamlOf,
  terraformOf,
} from "./deploy-tools.js";

const ACCOUNT = "1234567890123456";
const RUNS = 100;

/** The issues of a refusal, after checking that it is one: a TriggerConfigError with documented codes and messages. */
function refusal(error: unknown): readonly TriggerConfigIssue[] {
  if (!(error instanceof TriggerConfigError)) throw error;
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(Object.keys(TRIGGER_CONFIG_ISSUE_CODES)).toContain(issue.code);
    expect(issue.message.length).toBeGreaterThan(10);
    expect(error.message).toContain(`${formatIssuePath(issue.path)}: ${issue.message}`);
  }
  return error.issues;
}

const wellFormed = (text: string) => Buffer.from(text, "utf8").toString("utf8") === text;

// Any UTF-16 text, lone surrogates included, and text made of the characters each format treats specially.
const special = fc
  .array(
    fc.constantFrom(
      ...["$", "{", "}", "${", "%{", "$${", "<%", "%>", "<%=", "=", "%", "\\", '"', "'", "`", "#", ": ", "- "],
      ...["${x}", "<% x %>", "${config('AccountID')}"],
      ...["\r", "\n", "\t", "\u0000", "\u007f", "\u0085", "\u2028", "\ufeff", "e", "\u0301", "\ud800", "日", "🚀"],
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  special,
);
const triggerName = fc.oneof(text, fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,20}$/));
const domain = fc.oneof(
  text,
  fc.domain(),
  fc.domain().map((name) => `*.${name}`),
  fc.domain().map((name) => ` ${name.toUpperCase()}\t`),
);

/** Reads a rendered text back with the format's real tool, as the trigger data it holds. */
async function readBack(format: TriggerConfigFormat, output: string) {
  switch (format) {
    case "fc-api-json": {
      const body = JSON.parse(output) as Record<string, string>;
      expect((await fcSdkRequest("fn", body)).body).toEqual(body);
      return { ...body, triggerConfig: JSON.parse(body.triggerConfig as string) };
    }
    case "s-yaml":
      return ((await readServerlessDevsYaml(sYamlAround(output))).fn?.triggers as unknown[] | undefined)?.[0];
    case "terraform":
      return Object.values((await readTerraform(output)).triggers)[0];
    default: {
      const [call = []] = runAliyunScript(output, { ACCOUNT_ID: ACCOUNT });
      const body = JSON.parse(call[call.indexOf("--body") + 1] as string);
      return { ...body, triggerConfig: JSON.parse(body.triggerConfig) };
    }
  }
}

/** What the tool must read back for `config`. */
function expected(config: CdnTriggerConfig, format: TriggerConfigFormat) {
  if (format === "s-yaml") return sYamlOf(config);
  if (format === "terraform") return terraformOf(config, "fn");
  const account = config.accountId ?? (format === "fc-api-json" ? "<ACCOUNT_ID>" : ACCOUNT);
  return {
    triggerName: config.triggerName,
    triggerType: "cdn_events",
    qualifier: config.qualifier,
    ...(config.description !== undefined ? { description: config.description } : {}),
    sourceArn: `acs:cdn:*:${account}`,
    invocationRole: `acs:ram::${account}:role/aliyuncdneventnotificationrole`,
    triggerConfig: config.triggerConfig,
  };
}

/** Shows with the real tool that a renderer's refusal is needed: the text would not survive. */
async function confirmRefusal(issue: TriggerConfigIssue, format: TriggerConfigFormat, config: CdnTriggerConfig) {
  const field = issue.path[issue.path.length - 1];
  const value = field === "notes" ? config.triggerConfig.notes : config.description;
  if (issue.code === "template_syntax") {
    expect(format).toBe("s-yaml");
    // Serverless Devs, given the text as plain YAML, fails or reads something else; and as s deploy evaluates the
    // props again after parse-spec, writing its escape (${"<"}% for <%) cannot keep the text either.
    const read = async (yamlText: string) =>
      readServerlessDevsYaml(sYamlAround(toYaml({ text: yamlText })))
        .then((props) => evaluateAsEngine(props.fn ?? {}).text)
        .catch(() => "(failed)");
    expect(await read(value ?? "")).not.toBe(value);
    expect(await read((value ?? "").replaceAll("<%", '${"<"}%'))).not.toBe(value);
  } else if (issue.code === "not_nfc") {
    expect(format).toBe("terraform");
    expect(value?.normalize("NFC")).not.toBe(value);
  } else throw new Error(`unexpected refusal by ${format}: ${issue.code} ${issue.message}`);
}

describe("every renderer, over arbitrary Unicode", () => {
  it("reads back exactly what was given, or refuses it with a clear, justified error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            notes: text,
            description: text,
            triggerName,
            domains: fc.array(domain, { minLength: 1, maxLength: 3 }),
            accountId: fc.constantFrom(ACCOUNT, undefined),
          },
          { requiredKeys: ["domains"] },
        ),
        async (input) => {
          let config: CdnTriggerConfig;
          try {
            config = createTriggerConfig({ eventName: "LogFileCreated", ...input } as never);
          } catch (error) {
            for (const issue of refusal(error)) {
              expect(["notes", "description", "triggerName", "domains"]).toContain(issue.path[0]);
              if (issue.code === "invalid_text") expect(wellFormed(input[issue.path[0] as "notes"] ?? "")).toBe(false);
            }
            return;
          }
          for (const key of ["notes", "description"] as const) expect(wellFormed(input[key] ?? "")).toBe(true);
          expect(config.triggerConfig.filter.domain).toEqual(input.domains.map((name) => name.trim().toLowerCase()));
          if (input.notes !== undefined) expect(config.triggerConfig.notes).toBe(input.notes);
          for (const format of TRIGGER_CONFIG_FORMATS) {
            let output: string;
            try {
              output = renderTriggerConfig(config, format, { functionName: "fn" });
            } catch (error) {
              for (const issue of refusal(error)) await confirmRefusal(issue, format, config);
              continue;
            }
            expect(await readBack(format, output), format).toEqual(expected(config, format));
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("terraform gives each trigger its own resource, or names both triggers whose names collide", async () => {
    const name = fc.stringMatching(/^t[ab_-]{0,3}$/);
    await fc.assert(
      fc.asyncProperty(name, name, async (first, second) => {
        const configs = [
          createTriggerConfig({ eventName: "CdnDomainAdded", domains: "example.com", triggerName: first }),
          createTriggerConfig({ eventName: "CdnDomainDeleted", domains: "example.com", triggerName: second }),
        ];
        let output: string;
        try {
          output = renderTriggerConfig(configs, "terraform");
        } catch (error) {
          const [issue, ...rest] = refusal(error);
          expect(rest).toEqual([]);
          if (issue?.code === "duplicate") expect(first).toBe(second);
          else {
            expect(issue?.code).toBe("resource_name_collision");
            expect(issue?.message).toContain(JSON.stringify(first));
            expect(issue?.message).toContain(JSON.stringify(second));
          }
          return;
        }
        const triggers = Object.values((await readTerraform(output)).triggers);
        // HCL's parser returns resources by name, not in file order.
        expect(triggers.map((trigger) => trigger.trigger_name).sort()).toEqual([first, second].sort());
      }),
      { numRuns: RUNS },
    );
  });
});
