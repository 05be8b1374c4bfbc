import { CDN_EVENT_NAMES, type CdnEventName, formatIssuePath, isCdnEventName } from "../../index.js";
import {
  createTriggerConfig,
  createTriggerConfigs,
  renderTriggerConfig,
  TRIGGER_CONFIG_FORMATS,
  TriggerConfigError,
  type TriggerConfigFormat,
} from "../../tooling/index.js";
import { CliUsageError, defineCommand, EXIT, listOf, unknownName } from "../command.js";

const help = `Usage: fc-cdn-trigger trigger --event <name>... --domain <domain>... [--format <format>] [options]

Prints the configuration of a CDN trigger for the tool you deploy with. FC takes one event per
trigger, so several --event values give several triggers.

Options:
  --event <name>          Event name; repeat it or separate names with commas.
  --domain <domain>       Accelerated domain name (e.g. example.com or *.example.com); repeatable.
  --format <format>       ${TRIGGER_CONFIG_FORMATS.join(" | ")} (default: fc-api-json).
  --account-id <id>       Your Alibaba Cloud account ID; without it each format uses a placeholder.
  --qualifier <q>         Function version or alias (default: LATEST).
  --notes <text>          The trigger's notes.
  --trigger-name <name>   Trigger name (one event only; default: cdn-<event-name>).
  --function-name <name>  Function name, for terraform and aliyun-cli.
  --region <region>       Region, for aliyun-cli (e.g. cn-hangzhou).
  -h, --help              Show this help.

Examples:
  fc-cdn-trigger trigger --event LogFileCreated --domain example.com --format s-yaml
  fc-cdn-trigger trigger --event CdnDomainStarted,CdnDomainStopped --domain example.com --format terraform
`;

// Input fields as the user typed them on the command line.
const FLAGS: Record<string, string> = {
  eventName: "--event",
  eventNames: "--event",
  domains: "--domain",
  accountId: "--account-id",
  qualifier: "--qualifier",
  notes: "--notes",
  triggerName: "--trigger-name",
  functionName: "--function-name",
  region: "--region",
};

// An issue's path as the flag that set it: ["domains", 1] → "--domain #2", ["config", 0, "triggerConfig", "notes"] →
// "--notes"; a path no flag sets is shown as the SDK writes it.
const flagOf = (path: readonly (string | number)[]) => {
  const at = path.findIndex((key) => typeof key === "string" && Object.hasOwn(FLAGS, key));
  if (at < 0) return formatIssuePath(path);
  const flag = FLAGS[path[at] as string] as string;
  const index = path[at + 1];
  return typeof index === "number" ? `${flag} #${index + 1}` : flag;
};

export const triggerCommand = defineCommand({
  name: "trigger",
  summary: "print trigger config: fc-api-json, s-yaml, terraform or aliyun-cli",
  help,
  options: {
    event: { type: "string", multiple: true },
    domain: { type: "string", multiple: true },
    format: { type: "string" },
    "account-id": { type: "string" },
    qualifier: { type: "string" },
    notes: { type: "string" },
    "trigger-name": { type: "string" },
    "function-name": { type: "string" },
    region: { type: "string" },
  },
  allowPositionals: false,
  async run({ values }, io) {
    const names = listOf(values.event);
    if (names.length === 0) throw new CliUsageError("--event is required");
    for (const name of names) {
      if (!isCdnEventName(name))
        throw new CliUsageError(`--event: ${unknownName("a CDN event", name, CDN_EVENT_NAMES)}`);
    }
    const domains = listOf(values.domain);
    if (domains.length === 0)
      throw new CliUsageError("--domain is required: give one or more accelerated domain names");
    const format = values.format ?? "fc-api-json";
    if (!(TRIGGER_CONFIG_FORMATS as readonly string[]).includes(format)) {
      throw new CliUsageError(`--format: ${unknownName("a format", format, TRIGGER_CONFIG_FORMATS)}`);
    }
    if (values["trigger-name"] !== undefined && names.length > 1) {
      throw new CliUsageError("--trigger-name works with one --event only; several events get cdn-<event-name> each");
    }
    try {
      const shared = {
        domains,
        ...(values["account-id"] !== undefined ? { accountId: values["account-id"] } : {}),
        ...(values.qualifier !== undefined ? { qualifier: values.qualifier } : {}),
        ...(values.notes !== undefined ? { notes: values.notes } : {}),
      };
      const config =
        names.length === 1
          ? createTriggerConfig({
              ...shared,
              eventName: names[0] as CdnEventName,
              ...(values["trigger-name"] !== undefined ? { triggerName: values["trigger-name"] } : {}),
            })
          : createTriggerConfigs({ ...shared, eventNames: names as CdnEventName[] });
      const options = {
        ...(values["function-name"] !== undefined ? { functionName: values["function-name"] } : {}),
        ...(values.region !== undefined ? { region: values.region } : {}),
      };
      io.stdout(renderTriggerConfig(config, format as TriggerConfigFormat, options));
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof TriggerConfigError)) throw error;
      // Several triggers share the flags: a bad --notes is reported once, not once per event.
      const lines = [...new Set(error.issues.map((issue) => `${flagOf(issue.path)}: ${issue.message}`))];
      throw new CliUsageError(
        lines.length === 1 ? (lines[0] as string) : `invalid options:\n${lines.map((l) => `  ${l}`).join("\n")}`,
      );
    }
  },
});
