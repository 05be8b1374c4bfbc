import type { Page } from "playwright-core";

/**
 * Bytes of JS heap in use in each of the page's dedicated workers right now (an empty array when it has none).
 *
 * @example
 * ```ts
 * const [analyzerHeap] = await workerHeapsUsed(page);
 * ```
 */
export function workerHeapsUsed(page: Page): Promise<number[]>;
