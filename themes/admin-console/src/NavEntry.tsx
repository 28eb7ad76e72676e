import { useEnvironment, type AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router-dom";

// The stock navigation is hard-coded, so our entry is placed beside its "Users" entry. If a
// Keycloak upgrade moves that anchor, say so loudly: the browser test looks for our entry.
const ANCHOR_ID = "nav-item-users";

export const NavEntry = () => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { environment } = useEnvironment<AdminEnvironment>();
  // Before the first navigation the console shows the realm the admin signed in to.
  const realm = pathname.split("/")[1] || environment.realm;
  const [slot, setSlot] = useState<HTMLLIElement>();

  useEffect(() => {
    let item: HTMLLIElement | undefined;
    const place = () => {
      const anchor = document.getElementById(ANCHOR_ID)?.closest("li");
      if (!anchor || anchor.nextElementSibling?.getAttribute("data-personal-tokens") === "true") {
        return;
      }
      item = document.createElement("li");
      item.setAttribute("data-personal-tokens", "true");
      anchor.after(item);
      setSlot(item);
    };
    const observer = new MutationObserver(place);
    observer.observe(document.body, { childList: true, subtree: true });
    place();
    const warn = window.setTimeout(() => {
      if (!document.getElementById(ANCHOR_ID)) {
        console.error(`personal-tokens: nav anchor #${ANCHOR_ID} not found; the console layout changed`);
      }
    }, 10000);
    return () => {
      observer.disconnect();
      window.clearTimeout(warn);
      item?.remove();
    };
  }, []);

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
