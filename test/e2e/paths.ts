import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where tests keep artefacts (screenshots, scratch builds): gitignored, kept by CI. */
export const RESULTS = fileURLToPath(new URL("../../test-results/site/", import.meta.url));
