import { defineConfig } from "vitest/config";

// Not vite.config.ts: the patch plugin's buildEnd would fail a test run that never sees the package.
export default defineConfig({
  test: {
    // The shared module has no package of its own, and the account console no vitest: their
    // tests (of code that imports neither host package) run here, where vitest is installed.
    dir: "..",
    include: ["admin-console/*.test.ts", "admin-console/src/*.test.ts", "shared/*.test.ts", "account-console/src/*.test.ts"],
    environment: "node",
  },
  resolve: { dedupe: ["vitest"] },
});
