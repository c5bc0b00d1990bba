import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  NAMESPACES,
  PUBLIC_LANGUAGES,
  resources,
  type Language,
  type PublicLanguage,
} from '@craftmatch/shared';

export const LANGUAGE_STORAGE_KEY = 'craftmatch.language';

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // vi and en are complete; ja, ko, zh and fr translate the public pages and read English elsewhere.
    supportedLngs: [...PUBLIC_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    detection: {
      order: ['localStorage', 'navigator', 'htmlTag'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    returnNull: false,
  });

function syncHtmlLang(lng: string | undefined) {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage(lng);
}
syncHtmlLang(i18n.resolvedLanguage);
i18n.on('languageChanged', syncHtmlLang);

/**
 * The app language in use (i18n may report `vi-VN` before resolving): vi or en. A visitor reading
 * the public pages in ja, ko, zh or fr gets English everywhere else (and from the API).
 */
export function currentLanguage(lng: string | undefined = i18n.resolvedLanguage ?? i18n.language): Language {
  const base = (lng ?? '').split('-')[0];
  if (isLanguage(base)) return base;
  return (PUBLIC_LANGUAGES as readonly string[]).includes(base) ? 'en' : DEFAULT_LANGUAGE;
}

/** The public pages' language: any of the six public languages. */
export function currentPublicLanguage(
  lng: string | undefined = i18n.resolvedLanguage ?? i18n.language,
): PublicLanguage {
  const base = (lng ?? '').split('-')[0];
  return (PUBLIC_LANGUAGES as readonly string[]).includes(base)
    ? (base as PublicLanguage)
    : currentLanguage(lng);
}

export { i18n };
