import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
import "admin-ui.css";

import { AdminUi, KeycloakProvider, routes, type AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { initI18n } from "@pt/shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { NavEntry } from "./NavEntry";
import { PersonalTokensPage } from "./PersonalTokensPage";
import { userDetailsTab } from "./UserDetailsTab";
import { USER_DETAILS_TABS_HOOK } from "./userDetailsTabsHook";

const environment = getInjectedEnvironment<AdminEnvironment>();

// Our page joins the stock route list (before its catch-all "not found" route).
routes.splice(routes.length - 1, 0, {
  path: "/:realm/personal-tokens",
  element: <PersonalTokensPage />,
  handle: { access: "query-users" },
});

// Read by the stock EditUser page, which the build patches to append this tab to its own.
Object.assign(globalThis, { [USER_DETAILS_TABS_HOOK]: userDetailsTab });

const router = createHashRouter([
  {
    path: "/",
    element: (
      <KeycloakProvider environment={environment}>
        <AdminUi />
        <NavEntry />
      </KeycloakProvider>
    ),
    children: routes,
  },
]);

// The stock console initialises its own i18next instance in its (unexported) entry point; we load
// the same server-merged messages, which include this theme's, into the instance both read.
const messages = { serverBaseUrl: environment.serverBaseUrl, realm: environment.realm, themeType: "admin" } as const;
initI18n(messages, navigator.language?.split("-")[0] || "en", {
  // The console switches the default namespace to the realm's name (for realm overrides);
  // the server's messages live in "translation", so fall back to it.
  fallbackNS: "translation",
  keySeparator: ".",
}).then(() => {
  createRoot(document.getElementById("app")!).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
});
