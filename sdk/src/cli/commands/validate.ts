import { type CdnDrift, formatIssuePath, safeParseCdnEvents } from "../../index.js";
import { CliUsageError, defineCommand, EXIT, json, readInput } from "../command.js";

const help = `Usage: fc-cdn-trigger validate <file|-> [--json]

Checks that a file (or standard input, with -) is a valid CDN trigger payload: {"events": [...]}.
Prints every problem with its path, e.g. events[0].eventParameter.filePath: required, and every
difference from the documented format (drift) that the SDK tolerates.

Options:
  --json      Print the result as JSON: {"valid": true, "events": [...], "drift": [...]} or
              {"valid": false, "issues": [...]}.
  -h, --help  Show this help.

Exit code: 0 when valid, 1 when invalid or unreadable (a missing file too), 2 when the command line is wrong.

Examples:
  fc-cdn-trigger validate event.json
  fc-cdn-trigger event LogFileCreated | fc-cdn-trigger validate -
`;

export const validateCommand = defineCommand({
  name: "validate",
  summary: "check a payload file (or stdin) and print path errors",
  help,
  options: { json: { type: "boolean" } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new CliUsageError(
        positionals.length === 0 ? "give the file to validate, or - for standard input" : "give one file",
      );
    }
    const file = positionals[0] as string;
    const text = await readInput(file, io);
    let drift: readonly CdnDrift[] = [];
    const result = safeParseCdnEvents(text, { onDrift: (report) => (drift = report.drifts) });
    const where = file === "-" ? "(stdin)" : file;
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: formatIssuePath(issue.path),
        message: issue.message,
      }));
      if (values.json) io.stdout(json({ valid: false, issues }));
      else {
        io.stderr(
          `✗ ${where} is not a valid CDN event payload (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n`,
        );
        for (const issue of issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
      }
      return EXIT.failed;
    }
    const names = result.data.map((event) => event.eventName);
    if (values.json) {
      io.stdout(
        json({
          valid: true,
          events: names,
          drift: drift.map((d) => ({ path: formatIssuePath(d.path), kind: d.kind, message: d.message })),
        }),
      );
    } else {
      io.stdout(`✓ ${where} is valid: ${names.length} event${names.length === 1 ? "" : "s"} (${names.join(", ")})\n`);
      for (const d of drift) io.stderr(`  drift: ${d.message}\n`);
    }
    return EXIT.ok;
  },
});
