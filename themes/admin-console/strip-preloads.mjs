// Keycloak turns the manifest's static "imports" of the entry into modulepreload links whose
// paths 404 for a theme; the module graph loads them anyway, so drop them from the manifest.
import { readFileSync, writeFileSync } from "node:fs";

const path = "target/theme/personal-tokens/admin/resources/.vite/manifest.json";
const manifest = JSON.parse(readFileSync(path, "utf8"));
const entries = Object.values(manifest).filter((chunk) => chunk.isEntry);
if (entries.length !== 1) {
  throw new Error(`expected one entry chunk in ${path}, found ${entries.length}`);
}
for (const chunk of Object.values(manifest)) {
  delete chunk.imports;
}
writeFileSync(path, JSON.stringify(manifest, null, 2));
