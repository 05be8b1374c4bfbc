import { formatIssuePath } from "./errors.js";
import type { Plan } from "./events/explain.js";
import { isRecord } from "./events/fast-path-runtime.js";

/**
 * One way an input differs from the documented format although it parsed.
 *
 * @example
 * ```ts
 * import type { CdnDrift } from "fc-cdn-trigger";
 * const log = (drift: CdnDrift) => console.warn(`${drift.kind}: ${drift.message}`);
 * ```
 */
export interface CdnDrift {
  readonly path: readonly (string | number)[];
  readonly kind: "unknown-field" | "string-number" | "single-object-path";
  readonly message: string;
}

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
      out.push({
        path: at,
        kind: "unknown-field",
        message: `${formatIssuePath(at)} is not in the documented format; it is kept as it is`,
      });
      continue;
    }
    if (field.d === "number" && typeof value === "string") {
      out.push({
        path: at,
        kind: "string-number",
        message: `${formatIssuePath(at)} was sent as a string ("${value}"); it is converted to a number`,
      });
    } else if (field.d === "path-list" && typeof value === "string") {
      out.push({
        path: at,
        kind: "single-object-path",
        message: `${formatIssuePath(at)} was sent as one string; it is wrapped in an array`,
      });
    } else {
      collectDrift(value, field, at, out);
    }
  }
}
