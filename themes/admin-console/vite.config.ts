import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { userDetailsTabPlugin } from "./user-details-tab-plugin";

// keycloak.v2's index.ftl finds the entry through .vite/manifest.json and supplies React through
// an import map; React stays external and the output goes into the theme's resources.
export default defineConfig({
  base: "",
  esbuild: { jsx: "automatic" },
  plugins: [userDetailsTabPlugin()],
  resolve: {
    alias: {
      "react-dom/client": "react-dom",
      // The package's exports map hides its stylesheet; the console's look depends on it.
      "admin-ui.css": fileURLToPath(new URL("node_modules/@keycloak/keycloak-admin-ui/lib/keycloak-admin-ui.css", import.meta.url)),
    },
  },
  build: {
    outDir: "target/theme/personal-tokens/admin/resources",
    emptyOutDir: true,
    manifest: true,
    modulePreload: false,
    target: "esnext",
    sourcemap: false,
    chunkSizeWarningLimit: 20000,
    rollupOptions: {
      input: "src/main.tsx",
      external: ["react", "react/jsx-runtime", "react-dom"],
      // Tree-shaking drops PatternFly's side-effect CSS imports.
      treeshake: false,
    },
  },
});
