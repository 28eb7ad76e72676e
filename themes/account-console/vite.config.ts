import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Keycloak's keycloak.v3 index.ftl finds the entry chunk through .vite/manifest.json and supplies
// React through an import map, so React stays external and the output goes straight into the
// theme's resources.
export default defineConfig({
  base: "",
  esbuild: { jsx: "automatic" },
  resolve: {
    // The import map only knows "react-dom", which exports createRoot itself.
    alias: {
      "react-dom/client": "react-dom",
      // The package's exports map hides its stylesheet; the console's look depends on it.
      "account-ui.css": fileURLToPath(new URL("node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css", import.meta.url)),
    },
  },
  build: {
    outDir: "target/theme/personal-tokens/account/resources",
    emptyOutDir: true,
    manifest: true,
    modulePreload: false,
    target: "esnext",
    sourcemap: false,
    // One bundle holding the whole console (PatternFly included) is expected here.
    chunkSizeWarningLimit: 20000,
    rollupOptions: {
      input: "src/main.tsx",
      external: ["react", "react/jsx-runtime", "react-dom"],
      // Tree-shaking drops PatternFly's side-effect CSS imports.
      treeshake: false,
    },
  },
});
