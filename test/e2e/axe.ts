// axe-core (from node_modules, never the network) run in a page: its serious and critical violations.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A violation as a test reports it: which rule, how bad, and the elements. */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  targets: unknown[];
}

/**
 * Injects axe-core into `page` (once) and returns its serious and critical violations, in the whole page or in the
 * elements `include` selects.
 *
 * @example
 * ```ts
 * expect(await runAxe(page, "main")).toEqual([]);
 * ```
 */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (include) => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: string | Document,
          options: { rules: Record<string, { enabled: boolean }> },
        ): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }>;
      };
    };
    // Label in Name (WCAG 2.5.3) is off by default in axe (tagged experimental); the site keeps it.
    const options = { rules: { "label-content-name-mismatch": { enabled: true } } };
    const result = await axe.run(include ?? document, options);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target) }));
  }, include);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
