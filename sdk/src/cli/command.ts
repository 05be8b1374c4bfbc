// Shared plumbing of the CLI: the command shape, I/O, argument parsing and error reporting.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { closestMatch } from "../index.js";

/** Where a command reads and writes; tests and main.ts supply it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  cwd: string;
}

/** One subcommand: `fc-cdn-trigger <name> ...`. Each lives in commands/<name>.ts. */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command and returns the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/**
 * Exit codes: 0 success, 1 the input or handler failed, 2 the command line is wrong, 3 a log was read only in part
 * (truncated or cut off): the output covers what was read, and says so.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

/** A mistake on the command line: printed with a pointer to `--help`, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** A failure to report as a message (no stack trace), exit code 1. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `node:util` parseArgs in strict mode, with its errors turned into usage errors that name the flag. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({
      args: argv,
      options: { help: { type: "boolean", short: "h" }, ...options },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(
      message.replace(/\. To specify a positional argument.*$/s, "").replace(/^Unknown option/, "unknown option"),
    );
  }
}

/** What parseCommandArgs returns for the options `O`. */
export type CommandArgs<O extends Options> = ReturnType<typeof parseCommandArgs<O>>;

/** parseCommandArgs, except that `--help` prints `help` and gives undefined (the caller then exits with 0). */
export function parseOrHelp<O extends Options>(
  argv: string[],
  options: O,
  io: Pick<CliIo, "stdout">,
  help: string,
  allowPositionals = true,
): CommandArgs<O> | undefined {
  const args = parseCommandArgs(argv, options, allowPositionals);
  // Every command line has --help (parseCommandArgs adds it); the generic values type cannot show that.
  if (!(args.values as { help?: boolean }).help) return args;
  io.stdout(help);
  return undefined;
}

/** A command whose command line is `options` (and `--help`, which prints `help`), handed parsed to `run`. */
export function defineCommand<O extends Options>(command: {
  name: string;
  summary: string;
  help: string;
  options: O;
  /** Whether it takes positional arguments (default true). */
  allowPositionals?: boolean;
  run(args: CommandArgs<O>, io: CliIo): Promise<number>;
}): CliCommand {
  const { name, summary, help, options, allowPositionals = true } = command;
  return {
    name,
    summary,
    help,
    async run(argv, io) {
      const args = parseOrHelp(argv, options, io, help, allowPositionals);
      return args ? command.run(args, io) : EXIT.ok;
    },
  };
}

/**
 * Reads a file (relative to the working directory) or, for `-`, standard input. A file that cannot be read is bad
 * input (exit 1), as in every command; exit 2 is kept for a wrong command line.
 */
export async function readInput(path: string, io: CliIo): Promise<string> {
  if (path === "-") return io.readStdin();
  try {
    return readFileSync(resolve(io.cwd, path), "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") throw new CliFailure(`cannot read ${path}: no such file`);
    if (code === "EISDIR") throw new CliFailure(`cannot read ${path}: it is a directory`);
    throw new CliFailure(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Splits repeated and comma-separated values: `--event a,b --event c` → `["a", "b", "c"]`. */
export const listOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** `"x" is not a CDN event (did you mean y?); expected one of ...` */
export function unknownName(what: string, value: string, candidates: readonly string[]): string {
  const hint = closestMatch(value, candidates);
  return `${JSON.stringify(value)} is not ${what}${hint ? ` (did you mean ${hint}?)` : ""}; expected one of ${candidates.join(", ")}`;
}

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
