import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";

// One copy serves both consoles only while it depends on neither: each host package is a whole
// console app, and the other console does not even install it.
it("the shared module imports nothing from either host console package", () => {
  const dir = new URL(".", import.meta.url);
  const sources = readdirSync(dir).filter((name) => /\.tsx?$/.test(name));
  expect(sources.length).toBeGreaterThan(5);
  for (const name of sources) {
    expect(readFileSync(new URL(name, dir), "utf8"), name).not.toMatch(/(from|import)\s*\(?\s*["']@keycloak\/keycloak-(account|admin)-ui/);
  }
});
