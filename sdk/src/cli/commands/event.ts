import {
  CDN_EVENT_CATALOG,
  CDN_EVENT_NAMES,
  closestMatch,
  formatIssuePath,
  isCdnEventName,
  safeParseCdnEvents,
} from "../../index.js";
import { CliFailure, CliUsageError, defineCommand, EXIT, json, unknownName } from "../command.js";

const help = `Usage: fc-cdn-trigger event <name>... [--set path=value]... [--compact]

Prints a sample envelope ({"events": [...]}) in the wire format CDN sends, one event per name.

Options:
  --set path=value  Change a field of every event. The path is relative to the event, e.g.
                    eventParameter.domain=cdn.example.com or eventParameter.objectPath[0]=/a.png.
                    A value that is valid JSON is used as JSON (numbers, arrays, true); otherwise
                    it is a string. The path must be a documented field and the result must
                    still be a valid event.
  --allow-unknown   Let --set add fields the format does not document (to test how a handler
                    copes with drift; the SDK keeps them and reports them to onDrift).
  --compact         One line of JSON instead of indented JSON.
  -h, --help        Show this help.

Events: ${CDN_EVENT_NAMES.join(", ")}

Examples:
  fc-cdn-trigger event LogFileCreated
  fc-cdn-trigger event CachedObjectsRefreshed --set 'eventParameter.objectPath=["/index.html"]'
  fc-cdn-trigger event CdnDomainAdded CdnDomainDeleted --set resource.domain=www.example.com
  fc-cdn-trigger event CdnDomainStarted --set eventParameter.reason=test --allow-unknown
`;

const UNSAFE = new Set(["__proto__", "prototype", "constructor"]);

/** Parses `a.b[0].c` into keys, refusing anything that is not a plain path. */
function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let consumed = "";
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) keys.push(match[1]);
    else keys.push(Number(match[2]));
    consumed += match[0];
  }
  if (keys.length === 0 || path.replace(/\./g, "") !== consumed.replace(/\./g, "")) {
    throw new CliUsageError(`--set ${path}: not a path like eventParameter.domain or eventParameter.objectPath[0]`);
  }
  for (const key of keys) {
    if (typeof key === "string" && UNSAFE.has(key))
      throw new CliUsageError(`--set ${path}: ${key} is not allowed in a path`);
  }
  return keys;
}

function setPath(
  target: Record<string, unknown>,
  keys: (string | number)[],
  value: unknown,
  raw: string,
  allowUnknown: boolean,
): void {
  let node: unknown = target;
  keys.forEach((key, index) => {
    const last = index === keys.length - 1;
    const container = node as Record<string | number, unknown>;
    if (typeof node !== "object" || node === null) {
      throw new CliUsageError(`--set ${raw}: ${formatIssuePath(keys.slice(0, index))} is not an object or array`);
    }
    // The sample holds every documented field, so a key it lacks is a typo (or, on purpose, drift).
    if (typeof key === "string" && !Array.isArray(node) && !Object.hasOwn(container, key) && !allowUnknown) {
      const known = Object.keys(container);
      const hint = closestMatch(key, known);
      throw new CliUsageError(
        `--set ${raw}: ${formatIssuePath(keys.slice(0, index + 1))} is not a field of the event${hint ? ` (did you mean ${formatIssuePath([...keys.slice(0, index), hint])}?)` : ""}; fields here: ${known.join(", ")}. Add --allow-unknown to add it on purpose.`,
      );
    }
    if (last) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined) container[key] = typeof keys[index + 1] === "number" ? [] : {};
    node = container[key];
  });
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const eventCommand = defineCommand({
  name: "event",
  summary: "print a sample event envelope, optionally changed with --set",
  help,
  options: {
    set: { type: "string", multiple: true },
    "allow-unknown": { type: "boolean" },
    compact: { type: "boolean" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new CliUsageError("give at least one event name");
    const sets = (values.set ?? []).map((assignment) => {
      const at = assignment.indexOf("=");
      if (at <= 0) throw new CliUsageError(`--set ${assignment}: expected path=value`);
      return { raw: assignment, keys: parsePath(assignment.slice(0, at)), value: parseValue(assignment.slice(at + 1)) };
    });
    const events = positionals.map((name) => {
      if (!isCdnEventName(name)) throw new CliUsageError(unknownName("a CDN event", name, CDN_EVENT_NAMES));
      const event = structuredClone(CDN_EVENT_CATALOG[name].sample.events[0]) as Record<string, unknown>;
      for (const { raw, keys, value } of sets) setPath(event, keys, value, raw, values["allow-unknown"] === true);
      return event;
    });
    const envelope = { events };
    const checked = safeParseCdnEvents(envelope);
    if (!checked.success) {
      throw new CliFailure(
        `the --set values make an invalid event:\n${checked.error.issues.map((i) => `  ${formatIssuePath(i.path)}: ${i.message}`).join("\n")}`,
      );
    }
    io.stdout(values.compact ? `${JSON.stringify(envelope)}\n` : json(envelope));
    return EXIT.ok;
  },
});
