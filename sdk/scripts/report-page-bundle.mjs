// The CLI's HTML report page script: src/cli/report-page.ts with the renderer (src/logs/report) and uPlot,
// bundled into one classic script that `logs report` writes inline, so the file opens offline from file://.
// It replaces the placeholder src/cli/report-page-source.ts in the SDK build (build.mjs) and in its tests
// (vitest.config.ts), as the summary worker does (inline-bundle.mjs).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { inlineBundleEsbuildPlugin, inlineBundleVitePlugin } from "./inline-bundle.mjs";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "cli");
export const REPORT_PAGE_ENTRY = join(cli, "report-page.ts");
export const REPORT_PAGE_PLACEHOLDER = join(cli, "report-page-source.ts");

/**
 * Bundles the page script: an IIFE for a classic inline <script>, minified; `</script` and `<!--` are escaped so
 * the HTML parser cannot end or comment out the element early.
 * @returns {Promise<{ script: string, inputs: string[] }>} the script, and the files it was made from
 */
export async function bundleReportPage() {
  const result = await esbuild.build({
    entryPoints: [REPORT_PAGE_ENTRY],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "none",
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const root = process.cwd();
  return {
    script: result.outputFiles[0].text.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--"),
    inputs: Object.keys(result.metafile.inputs).map((input) => resolve(root, input)),
  };
}

const spec = {
  name: "report-page-script",
  placeholder: REPORT_PAGE_PLACEHOLDER,
  exportName: "REPORT_PAGE_SCRIPT",
  bundle: bundleReportPage,
};

/** For esbuild builds of the SDK (build.mjs). */
export const reportPageEsbuildPlugin = () => inlineBundleEsbuildPlugin(spec);
/** For vitest, which runs the sources (vitest.config.ts). */
export const reportPageVitePlugin = () => inlineBundleVitePlugin(spec);
