import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";

// The server merges the messages of this theme and its parents; load them once at start-up.
export async function initI18n(environment: AccountEnvironment) {
  const locale = environment.locale || "en";
  const url = `${environment.serverBaseUrl}/resources/${encodeURIComponent(environment.realm)}/account/${encodeURIComponent(locale)}`;
  let messages: Record<string, string> = {};
  try {
    const entries: { key: string; value: string }[] = await (await fetch(url)).json();
    messages = Object.fromEntries(entries.map(({ key, value }) => [key, value]));
  } catch {
    // Fall back to the keys themselves rather than leaving the console blank.
  }
  await i18n.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "en",
    resources: { [locale]: { translation: messages } },
    nsSeparator: false,
    keySeparator: false,
    interpolation: { escapeValue: false },
  });
}
