#!/usr/bin/env node
// Committed launcher, so npm links the bin even in a fresh clone before the first build.
import("../dist/cli.js").then(
  async ({ runCli }) => {
    process.exitCode = await runCli();
  },
  (error) => {
    if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("cli.js")) {
      console.error("fc-cdn-trigger: the CLI is not built yet; run `npm run build` first.");
      process.exit(1);
    }
    throw error;
  },
);
