import type { Plugin } from "vite";
import { USER_DETAILS_TABS_HOOK } from "./src/userDetailsTabsHook";

const ADMIN_UI_CHUNK = /@keycloak[\\/]keycloak-admin-ui[\\/]lib[\\/]index-[^\\/]+\.js$/;
const ANCHOR_TEST_ID = "user-details-tab";

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/**
 * The stock console's user-details page (EditUser) hard-codes its tab list, so a tab of ours needs
 * a patch of the published package at build time. This plugin finds, in the parsed module, the one
 * RoutableTabs props object whose default location is the "settings" tab and whose children include
 * the element marked "user-details-tab", and appends one more child: whatever the global hook of
 * src/userDetailsTabsHook.ts returns for that page's tab-location function and Tab component. The
 * package bundles its own copy of PatternFly, and a Tab only joins Tabs of the same copy, so the hook
 * must build the new tab with the component the anchor tab uses. Every other tab keeps working.
 *
 * The build fails when the anchor is missing or ambiguous, so a Keycloak upgrade that reshapes
 * EditUser stops `mvn package` instead of silently dropping the tab; and the patched page throws
 * when the hook is not set, so a renamed or lost hook breaks the page visibly, not just the tab.
 */
export function userDetailsTabPlugin(): Plugin {
  let patched = false;
  return {
    name: "personal-tokens-user-details-tab",
    transform(code, id) {
      if (!ADMIN_UI_CHUNK.test(id) || !code.includes(`"${ANCHOR_TEST_ID}"`)) {
        return null;
      }
      const sites = findTabLists(this.parse(code) as unknown as Node);
      if (sites.length !== 1) {
        this.error(`personal-tokens: expected one EditUser tab list in ${id}, found ${sites.length}; `
          + "the admin console changed, update user-details-tab-plugin.ts");
      }
      const { insertAt, tabLocation, tabComponent } = sites[0];
      patched = true;
      return {
        code: `${code.slice(0, insertAt)}, ${hookCall(tabLocation, tabComponent)}${code.slice(insertAt)}`,
        map: null,
      };
    },
    buildEnd(error) {
      if (!error && !patched) {
        this.error("personal-tokens: the admin console's EditUser module was not found to patch");
      }
    },
  };
}

/** The expression appended to the tab list: the hook's tab, or an Error that names the missing hook. */
export function hookCall(tabLocation: string, tabComponent: string) {
  const missing = `personal-tokens: globalThis.${USER_DETAILS_TABS_HOOK} is not a function; `
    + "main.tsx must set it before the console renders (see user-details-tab-plugin.ts)";
  return `(typeof globalThis.${USER_DETAILS_TABS_HOOK} === "function" ? globalThis.${USER_DETAILS_TABS_HOOK}`
    + ` : () => { throw new Error(${JSON.stringify(missing)}); })(${tabLocation}, ${tabComponent})`;
}

/** RoutableTabs props objects: { defaultLocation: loc("settings"), children: [<Tab data-testid="user-details-tab">, ...] }. */
function findTabLists(root: Node) {
  const sites: { insertAt: number; tabLocation: string; tabComponent: string }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isNode(node)) {
      continue;
    }
    if (node.type === "ObjectExpression") {
      const site = asUserTabList(node);
      if (site) {
        sites.push(site);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== "type" && typeof value === "object" && value !== null) {
        stack.push(value);
      }
    }
  }
  return sites;
}

function asUserTabList(props: Node) {
  const defaultLocation = property(props, "defaultLocation");
  const children = property(props, "children");
  if (defaultLocation?.type !== "CallExpression" || children?.type !== "ArrayExpression") {
    return undefined;
  }
  const callee = defaultLocation.callee as Node & { name?: string };
  const args = defaultLocation.arguments as (Node & { value?: unknown })[];
  if (callee.type !== "Identifier" || args.length !== 1 || args[0].value !== "settings") {
    return undefined;
  }
  const tabs = (children.elements as (Node | null)[]).filter(isNode);
  const tabComponent = tabs.map(anchorTabComponent).find(Boolean);
  if (!tabComponent) {
    return undefined;
  }
  return { insertAt: tabs[tabs.length - 1].end, tabLocation: callee.name!, tabComponent };
}

/** For a jsx(Tab, { "data-testid": "user-details-tab", ... }) call, the name bound to Tab. */
function anchorTabComponent(element: Node) {
  if (element.type !== "CallExpression") {
    return undefined;
  }
  const [component, tabProps] = element.arguments as (Node & { name?: string })[];
  const testId = tabProps?.type === "ObjectExpression" ? property(tabProps, "data-testid") : undefined;
  return testId?.value === ANCHOR_TEST_ID && component.type === "Identifier" ? component.name : undefined;
}

function property(object: Node, name: string): Node | undefined {
  for (const prop of object.properties as Node[]) {
    const key = prop.key as (Node & { name?: string; value?: unknown }) | undefined;
    if (prop.type === "Property" && key && (key.name === name || key.value === name)) {
      return prop.value as Node;
    }
  }
  return undefined;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}
