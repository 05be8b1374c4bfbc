// Driving the playground from tests: open it, wait for the editor, run, and read the output as text.
import type { Page } from "playwright-core";
import { launchBrowser, type SiteBrowser } from "./browser.js";

/** What a finished run shows. */
export interface RunOutcome {
  /** `data-run-state` of the output panel: done, error, timeout, stopped or blocked. */
  state: string;
  /** The output panel's visible text. */
  text: string;
}

const ROOT = "[data-fc-playground]";

/**
 * Moves the pointer, as a reader arriving at the page does: /playground/ loads its editor on the reader's first
 * input (or at once when it has shared or saved work to show).
 */
export async function wakePlayground(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.mouse.move(2, 2);
}

/** Opens the playground page, wakes it, and waits until its editors are mounted. */
export async function openPlayground(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}/playground/`);
  await wakePlayground(page);
  await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 60_000 });
}

/** Launches a browser with the playground page open (1400×1000) and its editors mounted. */
export async function launchPlayground(siteUrl: string): Promise<{ browser: SiteBrowser; page: Page }> {
  const browser = await launchBrowser();
  const page = await browser.newPage({ width: 1400, height: 1000 });
  await openPlayground(page, siteUrl);
  return { browser, page };
}

/** Replaces the handler source (and optionally its language) through the playground's handle. */
export async function setCode(page: Page, code: string, language?: "typescript" | "javascript"): Promise<void> {
  await page.evaluate(
    ([source, lang]) => {
      const root = document.querySelector("[data-fc-playground]") as HTMLElement & {
        playground: { setCode(code: string, language?: string): void };
      };
      root.playground.setCode(source as string, lang ?? undefined);
    },
    [code, language ?? null] as const,
  );
}

/** Clicks Run (the real button) and waits until the run has finished, however it ended. */
export async function clickRun(page: Page, timeout = 30_000): Promise<RunOutcome> {
  await page.waitForSelector(`${ROOT}[data-running="false"] [data-role="run"]:not([disabled])`);
  await page.click(`${ROOT} [data-role="run"]`);
  return waitForRunEnd(page, timeout);
}

/** Waits until the current run has finished and returns its outcome. */
export async function waitForRunEnd(page: Page, timeout = 30_000): Promise<RunOutcome> {
  await page.waitForFunction(
    () => {
      const output = document.querySelector<HTMLElement>('[data-fc-playground] [data-role="output"]');
      const state = output?.dataset.runState;
      return state !== undefined && state !== "idle" && state !== "running";
    },
    null,
    { timeout },
  );
  return readOutcome(page);
}

export async function readOutcome(page: Page): Promise<RunOutcome> {
  const output = page.locator(`${ROOT} [data-role="output"]`);
  return { state: (await output.getAttribute("data-run-state")) ?? "", text: await output.innerText() };
}

/** A finished run's output, piece by piece. */
export interface RunDetails extends RunOutcome {
  /** The return value as shown (JSON pretty-printed, or the text), when the run succeeded with one. */
  result?: string;
  /** The error box: its title ("TypeError at handler.js line 2, column 9"), message and mapped stack. */
  error?: { title: string; message: string; stack: string };
  /** The text of each console line printed at warn level, in order. */
  warnings: string[];
}

/** Reads the output panel of the run that just ended (after {@link clickRun}) into its parts. */
export async function readRunDetails(page: Page): Promise<RunDetails> {
  const outcome = await readOutcome(page);
  const parts = await page.evaluate(() => {
    const output = document.querySelector('[data-fc-playground] [data-role="output"]') as HTMLElement;
    const text = (selector: string) => output.querySelector<HTMLElement>(selector)?.textContent ?? undefined;
    const errorBox = output.querySelector(".fcpg-error");
    return {
      result: text(".fcpg-result-value"),
      error: errorBox
        ? {
            title: text(".fcpg-error .fcpg-block-title") ?? "",
            message: text(".fcpg-error-message") ?? "",
            stack: text(".fcpg-error-stack") ?? "",
          }
        : undefined,
      warnings: Array.from(output.querySelectorAll<HTMLElement>('[data-level="warn"]'), (row) => row.textContent ?? ""),
    };
  });
  return {
    ...outcome,
    warnings: parts.warnings,
    ...(parts.result !== undefined ? { result: parts.result } : {}),
    ...(parts.error ? { error: parts.error } : {}),
  };
}
