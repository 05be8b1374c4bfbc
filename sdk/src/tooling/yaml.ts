// A small YAML emitter for the documents this package writes (s.yaml): mappings, sequences,
// strings, numbers and booleans. Strings that could read as anything but themselves are quoted.

/** A value the emitter can write. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

// A plain scalar that YAML 1.1 and 1.2 both read back as this same string.
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

// Characters JSON.stringify leaves raw that YAML may not hold raw (DEL, C1, U+FEFF, U+FFFE, U+FFFF are outside its
// printable set) or that some YAML readers take for line breaks (NEL, LS, PS): written as \u escapes instead.
const NOT_PRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const escapeChar = (char: string) => `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, "0")}`;

/** A string as a YAML scalar: plain when unambiguous, otherwise double-quoted (JSON escapes are valid YAML). */
export function yamlScalar(value: string | number | boolean | null): string {
  if (value === null) return "null";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to YAML`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value).replace(NOT_PRINTABLE, escapeChar);
}

const isMapping = (value: YamlValue): value is { readonly [key: string]: YamlValue } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item: YamlValue) => {
      if (isMapping(item) || Array.isArray(item)) {
        const inner = lines(item, `${indent}  `);
        // The first line of the nested block moves up next to the dash.
        return [`${indent}- ${(inner[0] ?? "").trimStart()}`, ...inner.slice(1)];
      }
      return [`${indent}- ${yamlScalar(item as string | number | boolean | null)}`];
    });
  }
  if (isMapping(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}{}`];
    return entries.flatMap(([key, item]) => {
      const label = `${indent}${yamlScalar(key)}:`;
      if ((isMapping(item) && Object.keys(item).length > 0) || (Array.isArray(item) && item.length > 0)) {
        return [label, ...lines(item, `${indent}  `)];
      }
      if (isMapping(item)) return [`${label} {}`];
      if (Array.isArray(item)) return [`${label} []`];
      return [`${label} ${yamlScalar(item as string | number | boolean | null)}`];
    });
  }
  return [`${indent}${yamlScalar(value as string | number | boolean | null)}`];
}

/** Writes `value` as a block-style YAML document body, ending with a newline. */
export function toYaml(value: YamlValue, indent = ""): string {
  return `${lines(value, indent).join("\n")}\n`;
}
