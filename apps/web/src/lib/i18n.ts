import i18n, { type BackendModule } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  NAMESPACES,
  PUBLIC_LANGUAGES,
  type Language,
  type Namespace,
  type PublicLanguage,
} from '@craftmatch/shared';

export const LANGUAGE_STORAGE_KEY = 'craftmatch.language';

type Bundle = Partial<Record<Namespace, object>>;
type Load = () => Promise<{ default: Bundle }>;

/** What the public catalogue and product pages use: the first route downloads only these texts. */
export const PUBLIC_TEXT_NAMESPACES = [
  'common',
  'catalogue',
  'errors',
] as const satisfies readonly Namespace[];
export type PublicTextNamespace = (typeof PUBLIC_TEXT_NAMESPACES)[number];
const isPublicText = (ns: string) => (PUBLIC_TEXT_NAMESPACES as readonly string[]).includes(ns);

/**
 * Each language's texts are chunks of their own, fetched when the language is first used: a visitor
 * downloads one language, not all six (ja, ko, zh and fr translate the catalogue and read English
 * elsewhere), and the first page only the public texts; the rest comes with the first page that
 * needs it (loadAllTexts, app/router.tsx).
 */
const bundles: Record<PublicLanguage, { public: Load; rest?: Load }> = {
  vi: { public: () => import('./locales/vi-public'), rest: () => import('./locales/vi') },
  en: { public: () => import('./locales/en-public'), rest: () => import('./locales/en') },
  ja: { public: () => import('./locales/ja') },
  ko: { public: () => import('./locales/ko') },
  zh: { public: () => import('./locales/zh') },
  fr: { public: () => import('./locales/fr') },
};

const lazyBundles: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const chunks = bundles[language as PublicLanguage] as (typeof bundles)[PublicLanguage] | undefined;
    const load = isPublicText(namespace) ? chunks?.public : chunks?.rest;
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle.default[namespace as Namespace] ?? {}),
      (error: Error) => callback(error, false),
    );
  },
};

/** Resolves once the language is known and its public texts are there. */
export const i18nReady = i18n
  .use(lazyBundles)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    ns: [...PUBLIC_TEXT_NAMESPACES],
    defaultNS: 'common',
    // vi and en are complete; ja, ko, zh and fr translate the public pages and read English elsewhere.
    supportedLngs: [...PUBLIC_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    // Vietnamese is complete: it needs no English underneath (one language downloaded, not two).
    fallbackLng: { vi: [], default: ['en'] },
    interpolation: { escapeValue: false }, // React escapes
    detection: {
      order: ['localStorage', 'navigator', 'htmlTag'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    returnNull: false,
  });

/** Every namespace in the current language (and in the languages switched to later). */
export const loadAllTexts = () => i18nReady.then(() => i18n.loadNamespaces([...NAMESPACES]));

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
