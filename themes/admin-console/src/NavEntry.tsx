import { useEnvironment, type AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router-dom";
import { useInjectedSlot } from "./useInjectedSlot";

/** "Personal API tokens" beside the stock "Users" entry of the navigation. */
export const NavEntry = () => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { environment } = useEnvironment<AdminEnvironment>();
  // Before the first navigation the console shows the realm the admin signed in to.
  const realm = pathname.split("/")[1] || environment.realm;
  const slot = useInjectedSlot("#nav-item-users", "nav");

  if (!slot || !realm) {
    return null;
  }
  return createPortal(
    <NavLink id="nav-item-personal-tokens" data-testid="nav-personal-tokens" to={`/${realm}/personal-tokens`}
      className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`}>
      {t("personalTokens")}
    </NavLink>,
    slot,
  );
};
