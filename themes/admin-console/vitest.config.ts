import { defineConfig } from "vitest/config";

// Not vite.config.ts: the patch plugin's buildEnd would fail a test run that never sees the package.
export default defineConfig({
  test: {
    // The shared module has no package of its own; its tests run here, where vitest is installed.
    dir: "..",
    include: ["admin-console/*.test.ts", "shared/*.test.ts"],
    environment: "node",
  },
  resolve: { dedupe: ["vitest"] },
});
