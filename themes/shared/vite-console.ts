import { fileURLToPath } from "node:url";
import type { UserConfig } from "vite";

type ThemeType = "account" | "admin";

/**
 * What both consoles build alike. Keycloak's index.ftl finds the entry chunk through
 * .vite/manifest.json and supplies React through an import map (18.3.1), so React stays external
 * and the output goes straight into the theme's resources.
 *
 * The shared module (`@pt/shared`, this folder) has no node_modules of its own: `dedupe` makes its
 * bare imports resolve from the host console, so the shared components use the same PatternFly and
 * react-i18next copies as the console's own pages.
 */
export function consoleViteConfig(themeType: ThemeType, hostRoot: string): UserConfig {
  const host = (path: string) => fileURLToPath(new URL(path, hostRoot));
  return {
    base: "",
    esbuild: { jsx: "automatic" },
    resolve: {
      alias: {
        "@pt/shared": fileURLToPath(new URL("./index.ts", import.meta.url)),
        // The import map only knows "react-dom", which exports createRoot itself.
        "react-dom/client": "react-dom",
        // The package's exports map hides its stylesheet; the console's look depends on it.
        [`${themeType}-ui.css`]: host(`node_modules/@keycloak/keycloak-${themeType}-ui/lib/keycloak-${themeType}-ui.css`),
      },
      dedupe: ["react", "react-dom", "@patternfly/react-core", "@patternfly/react-icons", "i18next", "react-i18next"],
    },
    build: {
      outDir: host(`target/theme/personal-tokens/${themeType}/resources`),
      emptyOutDir: true,
      manifest: true,
      modulePreload: false,
      target: "esnext",
      sourcemap: false,
      // One bundle holding the whole console (PatternFly included) is expected here.
      chunkSizeWarningLimit: 20000,
      rollupOptions: {
        input: host("src/main.tsx"),
        external: ["react", "react/jsx-runtime", "react-dom"],
        // Tree-shaking drops PatternFly's side-effect CSS imports.
        treeshake: false,
      },
    },
  };
}
