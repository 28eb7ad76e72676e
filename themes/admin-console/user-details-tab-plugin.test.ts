import { readFileSync } from "node:fs";
import { parseAst, type Plugin } from "vite";
import { afterEach, describe, expect, it } from "vitest";
import { USER_DETAILS_TABS_HOOK } from "./src/userDetailsTabsHook";
import { userDetailsTabPlugin } from "./user-details-tab-plugin";
import viteConfig from "./vite.config";

const CHUNK_ID = "/x/node_modules/@keycloak/keycloak-admin-ui/lib/index-Bxt0TvfU.js";
const upstreamShaped = readFileSync(new URL("test-fixtures/edit-user.js", import.meta.url), "utf8");

// The part of Rollup's plugin context the plugin uses; error() throws as Rollup's does.
const context = {
  parse: (code: string) => parseAst(code),
  error: (message: string): never => {
    throw new Error(message);
  },
};

type Transform = (this: typeof context, code: string, id: string) => { code: string } | null;
type BuildEnd = (this: typeof context, error?: Error) => void;

function hooks(plugin: Plugin) {
  return {
    transform: (code: string, id = CHUNK_ID) => (plugin.transform as unknown as Transform).call(context, code, id),
    buildEnd: () => (plugin.buildEnd as unknown as BuildEnd).call(context),
  };
}

type Element = { type: string; props: { children: unknown } };

/** Runs the (patched) fixture's EditUser and gives the tabs it renders. */
function editUserTabs(code: string) {
  const page = new Function(`${code}\nreturn EditUser();`)() as Element;
  return (page.props.children as Element).props.children as unknown[];
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[USER_DETAILS_TABS_HOOK];
});

describe("the user-details tab patch", () => {
  it("appends the hook's tab to EditUser's tab list, built with that page's own Tab", () => {
    const plugin = hooks(userDetailsTabPlugin());
    const patched = plugin.transform(upstreamShaped)!.code;
    expect(() => plugin.buildEnd()).not.toThrow();

    (globalThis as Record<string, unknown>)[USER_DETAILS_TABS_HOOK] =
      (tabLocation: (tab: string) => { pathname: string }, Tab: string) => ({ ours: Tab, at: tabLocation("personal-tokens").pathname });
    const tabs = editUserTabs(patched);
    expect(tabs).toHaveLength(4);
    expect(tabs[3]).toEqual({ ours: "Tab", at: "/master/users/u1/personal-tokens" });
  });

  it("makes the patched page throw, naming the hook, when the hook is not set", () => {
    const patched = hooks(userDetailsTabPlugin()).transform(upstreamShaped)!.code;
    expect(() => editUserTabs(patched)).toThrow(new RegExp(`globalThis\\.${USER_DETAILS_TABS_HOOK} is not a function`));
  });

  it("fails the build when the tab list changed shape", () => {
    const reshaped = upstreamShaped.replace('defaultLocation: A("settings")', 'defaultLocation: A("details")');
    expect(() => hooks(userDetailsTabPlugin()).transform(reshaped))
      .toThrow(/expected one EditUser tab list in .*, found 0; the admin console changed, update user-details-tab-plugin.ts/);
  });

  it("fails the build when more than one tab list matches", () => {
    const twice = `${upstreamShaped}\n${upstreamShaped.slice(upstreamShaped.indexOf("function EditUser")).replace("EditUser", "EditUser2")}`;
    expect(() => hooks(userDetailsTabPlugin()).transform(twice)).toThrow(/found 2/);
  });

  it("fails the build when no module of the package holds the anchor", () => {
    const plugin = hooks(userDetailsTabPlugin());
    expect(plugin.transform(upstreamShaped.replaceAll("user-details-tab", "user-settings-tab"))).toBeNull();
    expect(plugin.transform(upstreamShaped, "/x/node_modules/@keycloak/keycloak-admin-ui/lib/main.js")).toBeNull();
    expect(() => plugin.buildEnd()).toThrow(/EditUser module was not found to patch/);
  });

  it("is part of the console's Vite build", () => {
    const names = (viteConfig.plugins ?? []).map((p) => (p as Plugin).name);
    expect(names).toContain(userDetailsTabPlugin().name);
  });
});
