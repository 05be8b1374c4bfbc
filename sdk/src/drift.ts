import { type CdnIssue, formatIssuePath } from "./errors.js";
import type { Plan } from "./events/explain.js";
import { isRecord } from "./events/fast-path-runtime.js";

/**
 * What each {@link CdnDrift} `kind` (also its `code`) means. Drift is never an error: the event parsed, and the SDK
 * says what it tolerated.
 *
 * @example
 * ```ts
 * import { CDN_DRIFT_KINDS, parseCdnEvents } from "fc-cdn-trigger";
 * parseCdnEvents(body, { onDrift: ({ drifts }) => drifts.forEach((d) => console.warn(CDN_DRIFT_KINDS[d.kind])) });
 * ```
 */
export const CDN_DRIFT_KINDS = {
  "unknown-field": "a field the documentation does not list; it is kept as it is",
  "unknown-value": "an enum-like field holds a string outside its documented values; it is kept as it is",
  "string-number": "a number sent as a numeric string; it is converted to a number",
  "single-object-path": "objectPath sent as one string; it is wrapped in an array",
} as const;

/**
 * The kind of a {@link CdnDrift}; {@link CDN_DRIFT_KINDS} says what each means.
 *
 * @example
 * ```ts
 * import type { CdnDriftKind } from "fc-cdn-trigger";
 * const serious = (kind: CdnDriftKind) => kind === "unknown-value";
 * ```
 */
export type CdnDriftKind = keyof typeof CDN_DRIFT_KINDS;

/**
 * One way an input differs from the documented format although it parsed, in the SDK's shared issue shape
 * (`code`, `path`, `message`); `kind` is the same as `code`.
 *
 * @example
 * ```ts
 * import type { CdnDrift } from "fc-cdn-trigger";
 * const log = (drift: CdnDrift) => console.warn(`${drift.kind}: ${drift.message}`);
 * ```
 */
export interface CdnDrift extends CdnIssue<CdnDriftKind> {
  readonly kind: CdnDriftKind;
}

/** A drift of `kind` at `path`, code and kind alike. */
const drift = (kind: CdnDriftKind, path: (string | number)[], message: string): CdnDrift => ({
  code: kind,
  path,
  kind,
  message,
});

/**
 * What `onDrift` receives: every difference found in one input.
 *
 * @example
 * ```ts
 * import { parseCdnEvents, type CdnDriftReport } from "fc-cdn-trigger";
 * const onDrift = (report: CdnDriftReport) => report.drifts.forEach((d) => console.warn(d.message));
 * parseCdnEvents(body, { onDrift });
 * ```
 */
export interface CdnDriftReport {
  readonly drifts: readonly CdnDrift[];
}

/** Compares a raw object with the plan of the schema it parsed against, descending only into known object fields. */
export function collectDrift(raw: unknown, plan: Plan | undefined, path: (string | number)[], out: CdnDrift[]): void {
  const shape = plan?.t === "object" ? plan.s : undefined;
  if (!shape || !isRecord(raw)) return;
  for (const key of Object.keys(raw)) {
    const at = [...path, key];
    // Own keys only: `shape.constructor` or `shape.__proto__` would otherwise look like known fields.
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const value = raw[key];
    if (field === undefined) {
      out.push(
        drift("unknown-field", at, `${formatIssuePath(at)} is not in the documented format; it is kept as it is`),
      );
      continue;
    }
    if (field.d === "number" && typeof value === "string") {
      out.push(
        drift(
          "string-number",
          at,
          `${formatIssuePath(at)} was sent as a string ("${value}"); it is converted to a number`,
        ),
      );
    } else if (Array.isArray(field.d) && typeof value === "string" && !field.d.includes(value)) {
      out.push(
        drift(
          "unknown-value",
          at,
          `${formatIssuePath(at)} is ${JSON.stringify(value)}, not one of the documented values (${field.d.join(", ")}); it is kept as it is`,
        ),
      );
    } else if (field.d === "path-list" && typeof value === "string") {
      out.push(
        drift("single-object-path", at, `${formatIssuePath(at)} was sent as one string; it is wrapped in an array`),
      );
    } else {
      collectDrift(value, field, at, out);
    }
  }
}
