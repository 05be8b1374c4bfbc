import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "sdk",
          include: ["sdk/test/**/*.test.ts"],
          typecheck: { enabled: true, include: ["sdk/test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      { test: { name: "examples", include: ["examples/*/test/**/*.test.ts"] } },
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
