// The `fc-cdn-trigger` command. Each subcommand is a module in commands/; add one to COMMANDS below.
import { readFileSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { closestMatch } from "../index.js";
import { type CliCommand, CliFailure, type CliIo, CliUsageError, EXIT } from "./command.js";
import { codegenCommand } from "./commands/codegen.js";
import { eventCommand } from "./commands/event.js";
import { invokeCommand } from "./commands/invoke.js";
import { logsCommand } from "./commands/logs.js";
import { schemaCommand } from "./commands/schema.js";
import { triggerCommand } from "./commands/trigger.js";
import { validateCommand } from "./commands/validate.js";

/** The dispatch table. The log toolkit adds `logs` here (commands/logs.ts). */
export const COMMANDS: readonly CliCommand[] = [
  eventCommand,
  validateCommand,
  invokeCommand,
  triggerCommand,
  codegenCommand,
  schemaCommand,
  logsCommand,
];

const version = (): string => {
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
      .version;
  } catch {
    return "unknown";
  }
};

const usage = () => `Usage: fc-cdn-trigger <command> [options]

Work with Alibaba Cloud Function Compute CDN trigger events offline.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run fc-cdn-trigger <command> --help for a command's options.
Exit codes: 0 success; 1 unreadable or invalid input (a missing file too) or a failed handler; 2 wrong command line;
3 a log read only in part (a truncated gzip file, a broken download): \`logs\` prints or writes what it read, marked partial.
`;

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    if (topic) io.stdout(topic.help);
    else io.stdout(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const hint = closestMatch(
      name,
      COMMANDS.map((c) => c.name),
    );
    io.stderr(
      `fc-cdn-trigger: unknown command ${JSON.stringify(name)}${hint ? ` (did you mean ${hint}?)` : ""}\n\n${usage()}`,
    );
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(
        `fc-cdn-trigger ${command.name}: ${error.message}\nRun fc-cdn-trigger ${command.name} --help for usage.\n`,
      );
      return EXIT.usage;
    }
    if (error instanceof CliFailure) {
      io.stderr(`fc-cdn-trigger ${command.name}: ${error.message}\n`);
      return EXIT.failed;
    }
    io.stderr(
      `fc-cdn-trigger ${command.name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.failed;
  }
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  readStdin: async () => {
    if (process.stdin.isTTY) throw new CliUsageError("- reads standard input, but nothing is piped in");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

/** Runs the CLI on this process's arguments; the committed bin launcher calls it. */
export const runCli = async (): Promise<number> => main(process.argv.slice(2), processIo);

// Only run when executed as the CLI (dist/cli.js, maybe through a node_modules/.bin symlink), not when imported.
const invokedAs = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : undefined;
if (invokedAs === import.meta.url) {
  process.exitCode = await runCli();
}
