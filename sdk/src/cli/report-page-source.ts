// The report page's script (report-page.ts with the renderer and uPlot) as one string, for `logs report` to write
// inline. In the source tree this is a placeholder: the SDK build and the SDK's tests replace this module with
// the bundle (sdk/scripts/report-page-bundle.mjs), so the script exists only in what is built.

/** The page script, or undefined when this module was not replaced by the bundle. */
export const REPORT_PAGE_SCRIPT: string | undefined = undefined;
