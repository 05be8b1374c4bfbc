import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CDN_EVENT_NAMES, CdnEventParseError, CdnHandlerError, formatIssuePath, isCdnEventName } from "../../index.js";
import { createCdnEnvelope, createFcContext, type FcHandler, invokeHandler } from "../../testing/index.js";
import {
  type CliCommand,
  CliFailure,
  CliUsageError,
  defineCommand,
  EXIT,
  json,
  listOf,
  readInput,
} from "../command.js";

const help = `Usage: fc-cdn-trigger invoke <handler-file> --event <name|file> [--export <name>] [--timeout <seconds>] [--json]

Runs a handler locally the way Function Compute's Node.js runtime does: the event arrives as a
Buffer, the context is realistic, console and context.logger output is captured, and the timeout
is enforced. Prints the logs, the result and the duration.

Options:
  --event <name|file>  An event name (or several, comma-separated) for the catalog's sample, a JSON
                       file holding an envelope, or - for standard input.
  --export <name>      The exported function to call (default: handler). CommonJS exports.handler
                       and ESM export const handler both work.
  --timeout <seconds>  The function timeout (default: 60).
  --json               Print {result, error, timedOut, logs, durationMs} as JSON.
  -h, --help           Show this help.

The handler file is loaded with Node's import(): .js, .cjs and .mjs work, and .ts where Node can
strip its types (Node 22.18+); otherwise compile TypeScript first (or run this CLI under tsx).

Exit code: 0 when the handler succeeded, 1 when it failed or timed out or a file is missing or unreadable,
2 when the command line is wrong.

Examples:
  fc-cdn-trigger invoke dist/index.js --event LogFileCreated
  fc-cdn-trigger event CdnDomainAdded --set resource.domain=a.example.com > e.json
  fc-cdn-trigger invoke dist/index.js --event e.json --timeout 3
`;

// A CommonJS handler gets the CommonJS build of the SDK, whose classes differ from this ESM CLI's:
// recognise the SDK's errors by shape, not by instanceof.
const isParseError = (error: unknown): error is CdnEventParseError =>
  error instanceof CdnEventParseError ||
  (error instanceof Error &&
    error.name === "CdnEventParseError" &&
    Array.isArray((error as CdnEventParseError).issues));
const isHandlerError = (error: unknown): error is CdnHandlerError =>
  error instanceof CdnHandlerError ||
  (error instanceof Error && error.name === "CdnHandlerError" && Array.isArray((error as CdnHandlerError).failures));

function describeError(error: unknown): string {
  if (isParseError(error)) return error.message;
  if (isHandlerError(error)) {
    return [
      error.message.split(":")[0] as string,
      ...error.failures.map(
        (f) =>
          `  events[${f.index}] (${f.eventName}): ${f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error)}`,
      ),
    ].join("\n");
  }
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return `the handler failed with a non-Error value: ${JSON.stringify(error) ?? String(error)}`;
}

async function loadHandler(file: string, exportName: string, cwd: string): Promise<FcHandler> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new CliFailure(`cannot load ${file}: no such file`);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Node 22.18+ runs erasable TypeScript itself; older Nodes, or TS it cannot strip, need a build first.
    if (code === "ERR_UNKNOWN_FILE_EXTENSION" || (code ?? "").includes("TYPE_STRIPPING")) {
      throw new CliFailure(
        `cannot load ${file}: this Node cannot run it as TypeScript; build it to JavaScript first (or run this CLI under tsx)`,
      );
    }
    throw new CliFailure(
      `cannot load ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const fromDefault = module.default as Record<string, unknown> | undefined;
  const handler =
    module[exportName] ??
    (typeof fromDefault === "object" || typeof fromDefault === "function" ? fromDefault?.[exportName] : undefined);
  if (typeof handler !== "function") {
    const exported = Object.keys(module).filter((key) => key !== "default" && typeof module[key] === "function");
    throw new CliUsageError(
      `${file} has no exported function ${JSON.stringify(exportName)}${exported.length > 0 ? `; it exports ${exported.join(", ")} (use --export)` : ""}`,
    );
  }
  return handler as FcHandler;
}

async function loadEvent(spec: string, io: Parameters<CliCommand["run"]>[1]): Promise<string> {
  const names = listOf(spec);
  if (names.length > 0 && names.every(isCdnEventName)) return JSON.stringify(createCdnEnvelope(...names));
  if (spec !== "-" && !existsSync(resolve(io.cwd, spec)) && /^[A-Za-z,\s]+$/.test(spec)) {
    const unknown = names.find((name) => !isCdnEventName(name)) ?? spec;
    throw new CliUsageError(
      `--event: ${JSON.stringify(unknown)} is neither a CDN event nor a file; events: ${CDN_EVENT_NAMES.join(", ")}`,
    );
  }
  // The file is passed as it is, even when invalid: testing a handler against bad input is legitimate.
  return readInput(spec, io);
}

export const invokeCommand = defineCommand({
  name: "invoke",
  summary: "run a handler locally the way FC does, with logs and duration",
  help,
  options: {
    event: { type: "string" },
    export: { type: "string" },
    timeout: { type: "string" },
    json: { type: "boolean" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new CliUsageError(
        positionals.length === 0 ? "give the handler file to run" : `unexpected argument ${positionals[1]}`,
      );
    }
    if (values.event === undefined) throw new CliUsageError("--event is required: an event name, a JSON file, or -");
    const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
    if (!(Number.isFinite(timeout) && timeout > 0)) {
      throw new CliUsageError(`--timeout: ${JSON.stringify(values.timeout)} is not a positive number of seconds`);
    }
    const handler = await loadHandler(positionals[0] as string, values.export ?? "handler", io.cwd);
    const event = await loadEvent(values.event, io);
    const context = createFcContext({ function: { timeout } });
    const outcome = await invokeHandler(handler, event, { context, timeoutMs: timeout * 1000 });
    // `ok`, not `error !== undefined`: a handler may reject with no reason at all.
    const failed = !outcome.ok;
    if (values.json) {
      io.stdout(
        json({
          result: outcome.result ?? null,
          error: failed ? describeError(outcome.error) : undefined,
          issues: isParseError(outcome.error)
            ? outcome.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }))
            : undefined,
          timedOut: outcome.timedOut,
          logs: outcome.logs,
          durationMs: outcome.durationMs,
          requestId: context.requestId,
        }),
      );
      return failed ? EXIT.failed : EXIT.ok;
    }
    if (outcome.logs.length > 0) {
      io.stdout("Logs:\n");
      for (const line of outcome.logs) {
        io.stdout(
          `  ${line.time} ${context.requestId} [${line.level.toUpperCase()}] ${line.message.replace(/\n/g, "\n  ")}\n`,
        );
      }
    }
    if (failed) {
      io.stderr(`${outcome.timedOut ? "Timed out" : "Error"}: ${describeError(outcome.error)}\n`);
    } else {
      io.stdout(
        `Result:\n${outcome.response === undefined ? "(undefined)" : outcome.response.startsWith("{") || outcome.response.startsWith("[") ? JSON.stringify(outcome.result, null, 2) : outcome.response}\n`,
      );
    }
    io.stdout(`Duration: ${outcome.durationMs.toFixed(1)} ms\n`);
    return failed ? EXIT.failed : EXIT.ok;
  },
});
