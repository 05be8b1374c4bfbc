/** Lets summarizeCdnLog drive a CdnLogReader line by line without records; not part of the public API. */
export const SCAN_EACH: unique symbol = Symbol("fc-cdn-trigger/logs scanEach");
