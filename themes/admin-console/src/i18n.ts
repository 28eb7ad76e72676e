import type { AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";

// The stock console initialises its own i18next instance in its (unexported) entry point; we load
// the same server-merged messages, which now include this theme's, into the shared instance.
export async function initI18n(environment: AdminEnvironment) {
  const locale = navigator.language?.split("-")[0] || "en";
  const load = async (lng: string) => {
    const url = `${environment.serverBaseUrl}/resources/${encodeURIComponent(environment.realm)}/admin/${lng}`;
    const entries: { key: string; value: string }[] = await (await fetch(url)).json();
    return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
  };
  const resources: Record<string, { translation: Record<string, string> }> = { en: { translation: await load("en") } };
  if (locale !== "en") {
    try {
      resources[locale] = { translation: await load(locale) };
    } catch {
      // English it is
    }
  }
  await i18n.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "en",
    resources,
    // The console switches the default namespace to the realm's name (for realm overrides);
    // the server's messages live in "translation", so fall back to it.
    fallbackNS: "translation",
    keySeparator: ".",
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
}
