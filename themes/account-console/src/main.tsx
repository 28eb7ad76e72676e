import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
import "account-ui.css";

import { KeycloakProvider, routes, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { initI18n } from "@pt/shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { ErrorPage } from "./ErrorPage";
import { PersonalTokens } from "./PersonalTokens";
import { Root } from "./Root";

const environment = getInjectedEnvironment<AccountEnvironment>();

// The stock console's pages plus ours, under the console's own base path.
const router = createBrowserRouter([
  {
    path: decodeURIComponent(new URL(environment.baseUrl).pathname),
    element: <Root />,
    errorElement: <ErrorPage />,
    children: [...routes, { path: "personal-tokens", element: <PersonalTokens /> }],
  },
]);

const messages = { serverBaseUrl: environment.serverBaseUrl, realm: environment.realm, themeType: "account" } as const;
// Keycloak's message keys are flat: a dot in one is part of the key, not a path.
initI18n(messages, environment.locale || "en", { keySeparator: false }).then(() => {
  createRoot(document.getElementById("app")!).render(
    <StrictMode>
      <KeycloakProvider environment={environment}>
        <RouterProvider router={router} />
      </KeycloakProvider>
    </StrictMode>,
  );
});
