// Shaped like EditUser in @keycloak/keycloak-admin-ui 26.7.3's lib/index-*.js: minified names,
// jsx()/jsxs() calls, a RoutableTabs props object whose default tab is "settings". Stubs make it runnable.
const r = (type, props) => ({ type, props });
const C = r;
const ua = "RoutableTabs";
const Fe = "Tab";
const $e = "PageSection";

// Another page's tab list with the same default tab, which the patch must leave alone.
function ClientDetails() {
  const B = (tab) => ({ pathname: `/master/clients/c1/${tab}` });
  return /* @__PURE__ */ C(ua, {
    defaultLocation: B("settings"),
    children: [/* @__PURE__ */ r(Fe, { "data-testid": "clientSettingsTab", title: "Settings" })]
  });
}

function EditUser() {
  const A = (tab) => ({ pathname: `/master/users/u1/${tab}` });
  const h = true;
  return /* @__PURE__ */ r($e, { variant: "light", className: "pf-v5-u-p-0", children: /* @__PURE__ */ C(
    ua,
    {
      isBox: !0,
      mountOnEnter: !0,
      defaultLocation: A("settings"),
      children: [
        /* @__PURE__ */ r(
          Fe,
          {
            "data-testid": "user-details-tab",
            title: "Details",
            children: /* @__PURE__ */ r($e, { variant: "light" })
          }
        ),
        h && /* @__PURE__ */ r(Fe, { "data-testid": "attributesTab", title: "Attributes" }),
        /* @__PURE__ */ r(Fe, { "data-testid": "credentials", isHidden: !1, title: "Credentials" })
      ]
    }
  ) });
}
