import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  NAMESPACES,
  resources,
  type Language,
} from '@craftmatch/shared';

export const LANGUAGE_STORAGE_KEY = 'craftmatch.language';

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: DEFAULT_LANGUAGE,
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

/** The supported language in use (i18n may report `vi-VN` before resolving). */
export function currentLanguage(lng: string | undefined = i18n.resolvedLanguage ?? i18n.language): Language {
  const base = (lng ?? '').split('-')[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

export { i18n };
