// The "Summarise the log file" Python template's result (LOGS_PY in site/playground/python/python-templates.ts),
// checked against summarizeCdnLog on the same log: shared by the python3 and Pyodide tests of the template.
import type { CdnLogSummary } from "fc-cdn-trigger/logs";
import { expect } from "vitest";

/** What the template returns for each LogFileCreated event. */
export interface TemplateSummary {
  domain: string;
  requests: number;
  bytes: number;
  cacheHitRatio: number;
  statusClasses: Record<string, number>;
  topUrls: { url: string; count: number }[];
}

/**
 * The template's summary of one log (`python`) is summarizeCdnLog's (`expected`, made with `top` ≥ 5), field by
 * field; `where` labels failures.
 */
export function expectSameSummary(python: TemplateSummary, expected: CdnLogSummary, where: string): void {
  expect(python.requests, where).toBe(expected.requests);
  expect(python.bytes, where).toBe(expected.bytes);
  expect(python.cacheHitRatio, where).toBe(expected.cacheHitRatio.byRequests);
  const classes = Object.fromEntries(Object.entries(expected.statusClasses).filter(([, n]) => n > 0));
  expect(python.statusClasses, where).toEqual(classes);
  // Equal counts may be listed in either order: the counts match in order, each URL's count matches exactly.
  expect(
    python.topUrls.map((u) => u.count),
    where,
  ).toEqual(expected.top.urls.slice(0, 5).map((u) => u.count));
  const exact = new Map(expected.top.urls.filter((u) => u.maxOverestimate === 0).map((u) => [u.value, u.count]));
  for (const { url, count } of python.topUrls) expect(exact.get(url), `${where}: ${url}`).toBe(count);
}
