import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
import "admin-ui.css";

import { AdminUi, KeycloakProvider, routes, type AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { initI18n } from "./i18n";
import { NavEntry } from "./NavEntry";
import { PersonalTokensPage } from "./PersonalTokensPage";
import { userDetailsTab } from "./UserDetailsTab";

const environment = getInjectedEnvironment<AdminEnvironment>();

// Our page joins the stock route list (before its catch-all "not found" route).
routes.splice(routes.length - 1, 0, {
  path: "/:realm/personal-tokens",
  element: <PersonalTokensPage />,
  handle: { access: "query-users" },
});

// Read by the stock EditUser page, which the build patches to append this tab to its own.
globalThis.__personalTokensUserDetailsTabs = userDetailsTab;

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

initI18n(environment).then(() => {
  createRoot(document.getElementById("app")!).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
});
