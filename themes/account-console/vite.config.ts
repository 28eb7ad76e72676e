import { defineConfig } from "vite";
import { consoleViteConfig } from "../shared/vite-console";

export default defineConfig(consoleViteConfig("account", import.meta.url));
