import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
import "admin-ui.css";

import { AdminUi, KeycloakProvider, routes, type AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { initI18n } from "./i18n";
import { NavEntry, UserTab } from "./NavEntry";
import { PersonalTokensPage } from "./PersonalTokensPage";

const environment = getInjectedEnvironment<AdminEnvironment>();

// Our page joins the stock route list (before its catch-all "not found" route).
routes.splice(routes.length - 1, 0, {
  path: "/:realm/personal-tokens",
  element: <PersonalTokensPage />,
  handle: { access: "query-users" },
});

const router = createHashRouter([
  {
    path: "/",
    element: (
      <KeycloakProvider environment={environment}>
        <AdminUi />
        <NavEntry />
        <UserTab />
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
