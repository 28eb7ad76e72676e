import { defineConfig } from "vite";
import { consoleViteConfig } from "../shared/vite-console";
import { userDetailsTabPlugin } from "./user-details-tab-plugin";

export default defineConfig({
  ...consoleViteConfig("admin", import.meta.url),
  plugins: [userDetailsTabPlugin()],
});
