import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
import "account-ui.css";

import { KeycloakProvider, routes, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { initI18n } from "./i18n";
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

initI18n(environment).then(() => {
  createRoot(document.getElementById("app")!).render(
    <StrictMode>
      <KeycloakProvider environment={environment}>
        <RouterProvider router={router} />
      </KeycloakProvider>
    </StrictMode>,
  );
});
