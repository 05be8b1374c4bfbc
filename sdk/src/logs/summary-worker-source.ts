// The summary worker's script: summary-worker.ts bundled with everything it imports, for Node's
// `new Worker(script, { eval: true })` and for a browser Worker started from a Blob URL (one script serves both).
// In the source tree this is a placeholder: the SDK build and the SDK's test setup replace this module with the
// bundle (sdk/scripts/summary-worker-bundle.mjs), so it exists only in what is built, never as a file to keep
// fresh. Where nothing replaced it (these TypeScript sources bundled by another tool, as the docs site does for
// browsers), it is undefined: summarizeCdnLog then counts in the calling thread, and in Node says so (in browsers,
// where bundling the sources is how the site's playground gets the SDK, only onThread reports it).

/** The worker's script, or undefined when this module was not replaced by the bundle. */
export const SUMMARY_WORKER_SCRIPT: string | undefined = undefined;
