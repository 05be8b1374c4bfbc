// Generates sdk/src/events/fast-path.generated.ts (written by `npm run generate`, checked by `npm test`): for each event of the catalog, a plain function
// that validates and normalises an event exactly as the event's zod schema would, by walking the schema's
// definition (loose objects, literals, string and number checks, unions, pipes into transforms, arrays).
// It reads the catalog and copies nothing from it: patterns and transforms are imported from the modules
// that define them (found by identity), so the fast path runs the very same code as zod does.
//
// A generated function returns the parsed event, or DECLINE when the input is invalid. Each event also gets a
// plan of its schema (events/explain.ts), from which the parser derives the very issues zod would report, and
// the drift report. A bundle that only parses therefore never loads zod. A schema feature this generator does
// not model makes that event's fast path always DECLINE and sends it to zod (the build lists it): never a guess.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { importSource } from "./import-source.mjs";

/** Where the build writes the module, relative to the package root. */
export const FAST_PATH_FILE = "src/events/fast-path.generated.ts";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const property = (object, key) => (IDENTIFIER.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`);
const objectKey = (key) => (IDENTIFIER.test(key) ? key : JSON.stringify(key));
const numberLiteral = (value) =>
  typeof value === "number" && Number.isFinite(value) ? (Object.is(value, -0) ? "-0" : String(value)) : undefined;
const literalCode = (value) =>
  typeof value === "string"
    ? JSON.stringify(value)
    : typeof value === "boolean" || value === null
      ? String(value)
      : numberLiteral(value);

/**
 * Generates the module's source.
 *
 * @param {Record<string, () => unknown>} schemaOf each event name → a function returning its zod schema
 * @param {Record<string, Record<string, unknown>>} modules module specifier (relative to the generated file)
 *   → its namespace: where patterns and transforms the schemas use can be imported from
 * @param {{ driftKind?: (schema: unknown) => string | undefined, defaultMinLengthWhen?: Function }} options
 *   `driftKind`: which wire forms onDrift reports; `defaultMinLengthWhen`: zod's own `when` of z.minLength
 * @returns {{ code: string, unsupported: string[] }}
 */
export function generateFastPath(schemaOf, modules, { driftKind = () => undefined, defaultMinLengthWhen } = {}) {
  const imports = new Map();
  const unsupported = [];

  /** The import name of `value` (a RegExp or a function), or undefined when no module exports it. */
  const reference = (value) => {
    for (const [specifier, namespace] of Object.entries(modules)) {
      for (const [name, exported] of Object.entries(namespace)) {
        if (exported !== value) continue;
        if (!imports.has(specifier)) imports.set(specifier, new Set());
        imports.get(specifier).add(name);
        return name;
      }
    }
    return undefined;
  };
  // Functions in the order they are defined (children before parents), each once per distinct code.
  const emitted = [];
  const names = new Map();
  // Object functions are templates: holes (HOLE + index) for their literal and child-function parts, so
  // objects that differ only there (the 8 events) share one function built by a factory.
  const HOLE = "@@hole";
  const templates = new Map();
  const fill = (body, args) => body.replace(/@@hole(\d+)/g, (_, index) => args[Number(index)]);
  /** Declares a function once per distinct code and returns its name. */
  const define = (params, body, args = []) => {
    const key = `${params}|${body}|${args.join()}`;
    if (!names.has(key)) {
      const name = `f${names.size}`;
      names.set(key, name);
      const template = `${params}|${body}`;
      if (!templates.has(template)) templates.set(template, { params, body, holes: args.length, instances: [] });
      templates.get(template).instances.push(name);
      emitted.push({ name, template: templates.get(template), args });
    }
    return names.get(key);
  };
  const render = () => {
    const factories = [];
    const lines = emitted.map(({ name, template, args, plan }) => {
      if (plan) return plan;
      const { params, body, holes, instances } = template;
      if (instances.length === 1 || holes === 0) return `function ${name}(${params}) {\n  ${fill(body, args)}\n}`;
      if (!template.factory) {
        template.factory = `t${factories.length}`;
        const holeParams = Array.from({ length: holes }, (_, index) => `p${index}: any`).join(", ");
        const holeNames = Array.from({ length: holes }, (_, index) => `p${index}`);
        factories.push(
          `function ${template.factory}(${holeParams}) {\n  return (${params}): unknown => {\n    ${fill(body, holeNames)}\n  };\n}`,
        );
      }
      return `const ${name} = ${template.factory}(${args.join(", ")});`;
    });
    return [...factories, ...lines];
  };
  const decline = (path, reason) => {
    unsupported.push(`${path || "(event)"}: ${reason}`);
    return { test: () => "false", plan: null };
  };
  // Plans: object literals, each distinct one declared once.
  const plans = new Map();
  const planOf = (fields) => {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (entries.some(([, value]) => value === null)) return null;
    const code = `{ ${entries.map(([key, value]) => `${key}: ${value}`).join(", ")} }`;
    if (!plans.has(code)) {
      const name = `p${plans.size}`;
      plans.set(code, name);
      emitted.push({ plan: `const ${name}: Plan = ${code};` });
    }
    return plans.get(code);
  };
  // The shape keys of each object, each distinct list declared once.
  const keyLists = (keys) => {
    const code = `[${keys.map((key) => JSON.stringify(key)).join(", ")}]`;
    if (!plans.has(code)) {
      plans.set(code, `k${plans.size}`);
      emitted.push({ plan: `const ${plans.get(code)} = ${code};` });
    }
    return plans.get(code);
  };
  const list = (items) => (items.includes(null) ? null : `[${items.join(", ")}]`);
  /** The custom message of a zod error option, JSON-quoted; null when it depends on the issue. */
  const messageOf = (error, path) => {
    if (error === undefined) return undefined;
    const message = typeof error === "function" && error.length === 0 ? error() : undefined;
    if (typeof message !== "string") {
      decline(path, "an error message that depends on the issue");
      return null;
    }
    return JSON.stringify(message);
  };
  // A compiled node is either a test (output === input, so a boolean expression of `v` is enough) or a call
  // to a function `(v, m) => output | DECLINE` (`m`: the input is ours, from JSON.parse, so it may be reused).
  const call = (node, v) => (node.test ? undefined : `${node.fn}(${v}, m)`);

  function checks(def, kind, path) {
    const parts = [];
    const planned = [];
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      const common = { e: messageOf(c.error, path), a: c.abort ? "true" : undefined };
      if (c.check === "min_length" && typeof c.minimum === "number" && c.when === defaultMinLengthWhen) {
        // zod counts a string's code points; 2n - 1 UTF-16 units always hold n of them (exact for n = 1).
        const minimum = kind === "string" ? 2 * c.minimum - 1 : c.minimum;
        if (minimum > 0) parts.push((v) => `${v}.length >= ${minimum}`);
        planned.push({ t: '"min"', n: String(c.minimum), ...common });
      } else if (c.check === "string_format" && c.format === "regex" && c.pattern instanceof RegExp && !c.when) {
        const pattern = reference(c.pattern) ?? c.pattern.toString();
        const reset = c.pattern.global || c.pattern.sticky;
        parts.push((v) => (reset ? `((${pattern}).lastIndex = 0, ${pattern}.test(${v}))` : `${pattern}.test(${v})`));
        planned.push({ t: '"regex"', r: pattern, ...common });
      } else if (c.check === "greater_than" && numberLiteral(c.value) !== undefined && !c.when) {
        parts.push((v) => `${v} ${c.inclusive ? ">=" : ">"} ${numberLiteral(c.value)}`);
        planned.push({ t: c.inclusive ? '"gte"' : '"gt"', n: numberLiteral(c.value), ...common });
      } else {
        return { parts: [decline(path, `check "${c.check}"`).test], plan: null };
      }
    }
    const plan = list(
      planned.map((fields) =>
        Object.values(fields).includes(null)
          ? null
          : `{ ${Object.entries(fields)
              .filter(([, value]) => value !== undefined)
              .map(([key, value]) => `${key}: ${value}`)
              .join(", ")} }`,
      ),
    );
    return { parts, plan: planned.length ? plan : undefined };
  }

  function compile(schema, path) {
    const def = schema?._zod?.def;
    if (!def) return decline(path, "not a zod schema");
    if (def.coerce) return decline(path, "coercion");
    // `e`: the custom message; `d`: the wire form onDrift reports (a number sent as a string, one path for a list,
    // or the list of known values of an open string field).
    const drift = driftKind(schema);
    const extra = { e: messageOf(def.error, path), d: drift ? JSON.stringify(drift) : undefined };
    switch (def.type) {
      case "string": {
        const { parts, plan } = checks(def, "string", path);
        const all = [(v) => `typeof ${v} == "string"`, ...parts];
        return {
          test: (v) => all.map((part) => part(v)).join(" && "),
          plan: planOf({ t: '"string"', ...extra, c: plan }),
        };
      }
      case "number": {
        let own;
        if (def.check === "number_format") {
          if (def.format !== "safeint") return decline(path, `number format "${def.format}"`);
          own = (v) => `Number.isSafeInteger(${v})`;
        } else if (def.check !== undefined) {
          return decline(path, `number check "${def.check}"`);
        } else {
          own = (v) => `Number.isFinite(${v})`;
        }
        const { parts, plan } = checks(def, "number", path);
        const all = [(v) => `typeof ${v} == "number"`, own, ...parts];
        const t = def.check === "number_format" ? '"int"' : '"number"';
        return { test: (v) => all.map((part) => part(v)).join(" && "), plan: planOf({ t, ...extra, c: plan }) };
      }
      case "literal": {
        const values = def.values.map(literalCode);
        if (values.length === 0 || values.includes(undefined)) return decline(path, "literal that is not JSON");
        if (def.checks?.length) return decline(path, "checks on a literal");
        return {
          test: (v) => values.map((value) => `${v} === ${value}`).join(" || "),
          plan: planOf({ t: '"literal"', ...extra, v: `[${values.join(", ")}]` }),
        };
      }
      case "union": {
        if (def.discriminator !== undefined || def.inclusive === false || def.checks?.length) {
          return decline(path, "discriminated or exclusive union");
        }
        // zod runs a one-option union as that option.
        if (def.options.length === 1) return compile(def.options[0], path);
        const options = def.options.map((option, index) => compile(option, `${path}|${index}`));
        const plan = planOf({ t: '"union"', ...extra, o: list(options.map((option) => option.plan)) });
        if (options.every((option) => option.test)) {
          return { test: (v) => options.map((option) => `(${option.test(v)})`).join(" || "), plan };
        }
        // zod returns the first option that succeeds.
        const tries = options.map((option) =>
          option.test ? `if (${option.test("v")}) return v;` : `if ((r = ${call(option, "v")}) !== DECLINE) return r;`,
        );
        return { fn: define("v: any, m: boolean", `let r: any; ${tries.join(" ")} return DECLINE;`), plan };
      }
      case "pipe": {
        const input = compile(def.in, path);
        const out = def.out._zod.def;
        if (out.type !== "transform") return decline(path, "a pipe into a schema");
        const transform = reference(out.transform);
        if (!transform || out.transform.length > 1) {
          return decline(path, "a transform that events/*.ts does not export, or that reads zod's context");
        }
        return {
          fn: define(
            "v: any, m: boolean",
            input.test
              ? `return ${input.test("v")} ? ${transform}(v) : DECLINE;`
              : `return (v = ${call(input, "v")}) === DECLINE ? DECLINE : ${transform}(v);`,
          ),
          plan: planOf({ t: '"pipe"', ...extra, i: input.plan }),
        };
      }
      case "array": {
        const element = compile(def.element, `${path}[]`);
        // Objects inside arrays would need the parser's __proto__ rule to stop at arrays: not modelled.
        if (!element.test) return decline(`${path}[]`, "an array of objects or of transformed values");
        if (def.checks?.length) return decline(path, "checks on an array");
        return {
          fn: define(
            "v: any, m: boolean",
            `if (!Array.isArray(v)) return DECLINE; for (let i = 0; i < v.length; i++) { const e = v[i]; if (!(${element.test("e")})) return DECLINE; } return m ? v : copyArray(v);`,
          ),
          plan: planOf({ t: '"array"', ...extra, i: element.plan }),
        };
      }
      case "object": {
        const shape = def.shape;
        const keys = Object.keys(shape);
        if (Object.getOwnPropertySymbols(shape).length) return decline(path, "symbol keys");
        // Loose objects only (catchall unknown): stripped or strict objects treat unknown keys otherwise.
        if (def.catchall?._zod.def.type !== "unknown") return decline(path, "an object that is not loose");
        if (def.checks?.length) return decline(path, "checks on an object");
        const args = [];
        const hole = (code) => `${HOLE}${args.push(code) - 1}`;
        const fieldPlans = [];
        // The fields whose output may differ from their input (transformed, or rebuilt objects).
        const changes = new Set();
        const steps = keys.map((key, index) => {
          const field = shape[key];
          const at = path ? `${path}.${key}` : key;
          if (key === "__proto__" || key.includes(HOLE)) return decline(at, `a field named ${key}`).test("a");
          // Every field must reject undefined, as each node here does (optional ones are not modelled).
          if (field._zod.optin !== undefined || field._zod.optout !== undefined) {
            return decline(at, "an optional or defaulted field").test("a");
          }
          const node = compile(field, at);
          fieldPlans.push(node.plan === null ? null : `${objectKey(key)}: ${node.plan}`);
          const value = property("x", key);
          const { type, values, checks: fieldChecks } = field._zod.def;
          if (type === "literal" && values.length === 1 && !fieldChecks?.length && node.test("v") !== "false") {
            return `(a${index} = ${value}) === ${hole(literalCode(values[0]))}`;
          }
          if (node.test) return `(a${index} = ${value}, ${node.test(`a${index}`)})`;
          changes.add(index);
          return `(a${index} = ${hole(node.fn)}(${value}, m)) !== DECLINE`;
        });
        const locals = keys.map((_, index) => `a${index}: any`).join(", ");
        const out = keys.map((key, index) => `${objectKey(key)}: a${index}`).join(", ");
        // An input we parsed whose keys already come in shape order is zod's output once the normalised
        // values are written back (the other fields are unchanged): no copy.
        const writes = keys
          .map((key, index) => (changes.has(index) ? `${property("x", key)} = a${index}, ` : ""))
          .join("");
        const order = keyLists(keys);
        return {
          fn: define(
            "x: any, m: boolean",
            `${locals ? `let ${locals}; ` : ""}return isRecord(x) && ${[...steps, "true"].join(" && ")} ? (m && inOrder(x, ${order}) ? (${writes}x) : keepUnknownKeys(x, { ${out} }, m)) : DECLINE;`,
            args,
          ),
          plan: planOf({
            t: '"object"',
            ...extra,
            s: fieldPlans.length === keys.length && !fieldPlans.includes(null) ? `{ ${fieldPlans.join(", ")} }` : null,
          }),
        };
      }
      default:
        return decline(path, `type "${def.type}"`);
    }
  }

  const events = Object.entries(schemaOf).map(([name, build]) => {
    const before = unsupported.length;
    const node = compile(build(), "");
    if (node.test) decline(name, "not an object");
    // With a feature left to zod, the fast path of this event always declines and zod decides.
    const exact = unsupported.length === before;
    return {
      name,
      fn: exact ? node.fn : define("x: any, m: boolean", "return DECLINE;"),
      plan: exact ? node.plan : undefined,
    };
  });
  const fallback = events.filter((event) => !event.plan);
  const runtime = [
    "copyArray",
    "DECLINE",
    "type FastPath",
    "inOrder",
    "isRecord",
    "keepUnknownKeys",
    "type ZodFallback",
  ];
  if (fallback.length) {
    if (!imports.has("./catalog.js")) imports.set("./catalog.js", new Set());
    imports.get("./catalog.js").add("cdnEventSchemaOf");
  }

  const lines = [
    "// Generated by sdk/scripts/build.mjs (scripts/fast-path-codegen.mjs) from the zod schemas of the event",
    "// catalog. Committed so a fresh clone type-checks; `npm run build` rewrites it and a test checks it is fresh.",
    'import type { Plan } from "./explain.js";',
    `import { ${runtime.join(", ")} } from "./fast-path-runtime.js";`,
    ...[...imports].map(([specifier, names]) => `import { ${[...names].sort().join(", ")} } from "${specifier}";`),
    "",
    ...render(),
    "",
    "/** @internal Each event's fast path, by name. */",
    "export const FAST_PATHS: Record<string, FastPath> = {",
    ...events.map((event) => `  ${objectKey(event.name)}: ${event.fn},`),
    "};",
    "",
    "/** @internal Each event's plan (issues and drift), by name; missing where zod must decide. */",
    "export const PLANS: Record<string, Plan | undefined> = {",
    ...events.filter((event) => event.plan).map((event) => `  ${objectKey(event.name)}: ${event.plan},`),
    "};",
    "",
    "/** @internal The zod schemas of the events the generated code leaves to zod (none, usually). */",
    fallback.length
      ? `export const ZOD_FALLBACK: ZodFallback | undefined = { ${fallback.map((event) => `${objectKey(event.name)}: cdnEventSchemaOf.${event.name}`).join(", ")} };`
      : "export const ZOD_FALLBACK: ZodFallback | undefined = undefined;",
    "",
  ];
  return { code: lines.join("\n"), unsupported };
}

/**
 * The modules (file names in src/events) whose exports the generated code may import: patterns, transforms.
 *
 * @param {string} root the package root (sdk/)
 */
export const fastPathSources = (root) =>
  readdirSync(join(root, "src", "events"))
    .filter((file) => file.endsWith(".ts") && !file.startsWith("fast-path") && !file.endsWith(".d.ts"))
    .sort();

/**
 * Loads the catalog from source and generates the fast path: the module's text, and the schema features it had
 * to leave to zod. Writing (or checking) the file is scripts/generate.mjs's job.
 *
 * @param {string} root the package root (sdk/)
 * @returns {Promise<{ code: string, unsupported: string[] }>}
 */
export async function renderFastPath(root) {
  const moduleFiles = fastPathSources(root);
  const entry = [
    `export { cdnEventSchemaOf } from "./catalog.ts";`,
    `export { isDriftSensitive } from "./wire.ts";`,
    `export { minLength } from "zod/mini";`,
    ...moduleFiles.map((file, index) => `export * as m${index} from "./${file}";`),
  ].join("\n");
  const loaded = await importSource(entry, join(root, "src", "events"));
  const modules = Object.fromEntries(
    moduleFiles.map((file, index) => [`./${file.replace(/\.ts$/, ".js")}`, loaded[`m${index}`]]),
  );
  return generateFastPath(loaded.cdnEventSchemaOf, modules, {
    driftKind: loaded.isDriftSensitive,
    defaultMinLengthWhen: loaded.minLength(1)._zod.def.when,
  });
}
