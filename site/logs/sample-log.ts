// "Use a sample log": a day of traffic from the SDK's deterministic generator, gzipped in the browser
// (CompressionStream) so the sample goes through the same path as a downloaded CDN log file.
import { type GenerateCdnLogOptions, generateCdnLogLines } from "fc-cdn-trigger/logs";

/** The sample's generator options: a day (so the hourly charts have a shape), a few malformed lines to report. */
export const SAMPLE_LOG_OPTIONS = {
  lines: 60_000,
  seed: 20240601,
  domain: "cdn.example.com",
  start: new Date("2024-06-01T00:00:00+08:00"),
  durationSeconds: 24 * 3600,
  malformedRate: 0.0005,
} satisfies GenerateCdnLogOptions;

/** Named as CDN names its daily files, so it reads like one. */
export const SAMPLE_LOG_NAME = "cdn.example.com_2024_06_01_000000_235959.gz";

/** Lines per string handed to the Blob: large enough to be cheap, small enough to keep memory low. */
const BATCH = 2000;

/**
 * The sample log as a gzip File.
 *
 * @example
 * ```ts
 * const file = await makeSampleLog(); // cdn.example.com_2024_06_01_000000_235959.gz
 * ```
 */
export async function makeSampleLog(): Promise<File> {
  const parts: string[] = [];
  let batch: string[] = [];
  for (const line of generateCdnLogLines(SAMPLE_LOG_OPTIONS)) {
    batch.push(line);
    if (batch.length === BATCH) {
      parts.push(`${batch.join("\n")}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) parts.push(`${batch.join("\n")}\n`);
  const gzipped = new Blob(parts).stream().pipeThrough(new CompressionStream("gzip"));
  const blob = await new Response(gzipped).blob();
  return new File([blob], SAMPLE_LOG_NAME, { type: "application/gzip" });
}
