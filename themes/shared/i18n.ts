import i18n, { type InitOptions } from "i18next";
import { initReactI18next } from "react-i18next";

/** Where Keycloak serves a theme type's messages: this theme's, its imports' and its parents', merged. */
export type MessagesSource = { serverBaseUrl: string; realm: string; themeType: "account" | "admin" };

type Messages = Record<string, string>;

/**
 * Loads the messages for `locale` and for English once, before the console renders, into the
 * i18next instance that react-i18next (ours and the stock console's) reads. A locale that fails
 * to load falls back to English, and English to the keys themselves, rather than a blank console.
 */
export async function initI18n(source: MessagesSource, locale: string, options: InitOptions = {}) {
  const locales = [...new Set([locale, "en"])];
  const loaded = await Promise.all(locales.map((lng) => loadMessages(source, lng)));
  const resources = Object.fromEntries(locales.map((lng, i) => [lng, { translation: loaded[i] }]));
  await i18n.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "en",
    resources,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    ...options,
  });
}

async function loadMessages({ serverBaseUrl, realm, themeType }: MessagesSource, locale: string): Promise<Messages> {
  const url = `${serverBaseUrl}/resources/${encodeURIComponent(realm)}/${themeType}/${encodeURIComponent(locale)}`;
  try {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`${response.status} ${response.statusText}`);
    }
    const entries: { key: string; value: string }[] = await response.json();
    return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
  } catch (e) {
    console.error(`personal-tokens: could not load the ${locale} messages from ${url}:`, e);
    return {};
  }
}
