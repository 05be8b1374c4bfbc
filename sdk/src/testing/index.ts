// Helpers for tests: factories now; the FC context and local invoke live here too.
export { type CdnEventOverrides, createCdnEnvelope, createCdnEvent } from "./factories.js";
