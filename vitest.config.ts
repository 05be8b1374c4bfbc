import { defineConfig } from "vitest/config";
import { reportPageVitePlugin } from "./sdk/scripts/report-page-bundle.mjs";
import { summaryWorkerVitePlugin } from "./sdk/scripts/summary-worker-bundle.mjs";

// Tests assert behaviour, not speed: property tests and builds take seconds on a loaded 2-core CI machine, so no
// test fails for being slow unless it hangs.
const SLOW_MACHINE = { testTimeout: 60_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    projects: [
      {
        // The sources' placeholder for the logs summary worker gets the bundled worker, as in the built SDK.
        // So does the CLI's HTML report page script (renderer + uPlot).
        plugins: [summaryWorkerVitePlugin(), reportPageVitePlugin()],
        test: {
          name: "sdk",
          include: ["sdk/test/**/*.test.ts"],
          ...SLOW_MACHINE,
          typecheck: { enabled: true, include: ["sdk/test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      { test: { name: "examples", include: ["examples/*/test/**/*.test.ts"], ...SLOW_MACHINE } },
      // Repository-wide guards (generated files, CI scripts) that need neither a browser nor the site.
      { test: { name: "repo", include: ["test/repo/**/*.test.ts"], ...SLOW_MACHINE } },
      {
        test: {
          name: "site",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
