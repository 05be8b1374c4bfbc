import { CDN_EVENT_NAMES, isCdnEventName } from "../../index.js";
import { cdnJsonSchema } from "../../tooling/index.js";
import { CliUsageError, defineCommand, EXIT, json, unknownName } from "../command.js";

const help = `Usage: fc-cdn-trigger schema [<name>|envelope] [--draft-07]

Prints the JSON Schema of one event, or of the whole envelope (the default), describing the wire
format CDN sends. The same schemas ship in the package as fc-cdn-trigger/schemas/*.schema.json.

Options:
  --draft-07  Draft-07 instead of draft 2020-12 (for older validators).
  -h, --help  Show this help.

Names: envelope, ${CDN_EVENT_NAMES.join(", ")}

Examples:
  fc-cdn-trigger schema LogFileCreated > LogFileCreated.schema.json
  fc-cdn-trigger schema --draft-07
`;

export const schemaCommand = defineCommand({
  name: "schema",
  summary: "print the JSON Schema of an event or of the envelope",
  help,
  options: { "draft-07": { type: "boolean" } },
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new CliUsageError("give at most one event name");
    const name = positionals[0] ?? "envelope";
    if (name !== "envelope" && !isCdnEventName(name)) {
      throw new CliUsageError(unknownName("a CDN event", name, ["envelope", ...CDN_EVENT_NAMES]));
    }
    const target = values["draft-07"] ? "draft-07" : "draft-2020-12";
    io.stdout(json(cdnJsonSchema(name === "envelope" ? undefined : name, { target })));
    return EXIT.ok;
  },
});
