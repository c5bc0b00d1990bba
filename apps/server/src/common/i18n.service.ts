import { Injectable } from '@nestjs/common';
import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, resources, type Language } from '@craftmatch/shared';

const DEFAULT_NS = 'common';
const FALLBACK_LANGUAGE: Language = 'en';

/** i18next's own options: a call that passes any of them is i18next's to answer. */
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'nest',
  'ns',
  'lng',
  'lngs',
  'fallbackLng',
  'keySeparator',
  'nsSeparator',
]);
/** A placeholder as this app writes them: \{\{name}}, a plain name (no path, format or unescape mark). */
const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;

/**
 * The text of `namespace:path` (or `path` in the default namespace) in `lng` or, missing there, in
 * the fallback language, when it is a plain string: no nesting ($t), no other kind of placeholder,
 * no plural or context forms beside it. Null otherwise, or when there is no such text.
 */
function plainText(instance: I18n, lng: Language, key: string): string | null {
  const colon = key.indexOf(':');
  const ns = colon >= 0 ? key.slice(0, colon) : DEFAULT_NS;
  const path = colon >= 0 ? key.slice(colon + 1) : key;
  if (!(NAMESPACES as readonly string[]).includes(ns) || path.includes(':')) return null;
  for (const language of new Set([lng, FALLBACK_LANGUAGE])) {
    const text: unknown = instance.getResource(language, ns, path);
    if (text === undefined) continue;
    if (typeof text !== 'string') return null;
    const unusual = text.includes('$t(') || text.replace(PLACEHOLDER, '').includes('{{');
    const dot = path.lastIndexOf('.');
    const siblings: unknown =
      dot >= 0
        ? instance.getResource(language, ns, path.slice(0, dot))
        : instance.getResourceBundle(language, ns);
    const hasForms = Object.keys(siblings ?? {}).some((k) => k.startsWith(`${path.slice(dot + 1)}_`));
    return unusual || hasForms ? null : text;
  }
  return null;
}

/** Server-side translations from the same resources the web app uses. */
@Injectable()
export class I18nService {
  private readonly instance: I18n;
  private readonly plainTexts = new Map<string, string | null>();

  constructor() {
    this.instance = i18next.createInstance();
    void this.instance.init({
      resources,
      ns: [...NAMESPACES],
      defaultNS: DEFAULT_NS,
      supportedLngs: [...LANGUAGES],
      fallbackLng: FALLBACK_LANGUAGE,
      lng: DEFAULT_LANGUAGE,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  /**
   * `key` in `lng` with `options`' values in its \{\{placeholders}}, as i18next gives it. A plain text
   * (no plural, context, nesting or formatting asked for or written in it) is looked up once and then
   * filled in here: i18next resolves the key anew on every call, some 20 µs, and an e-mail takes a
   * dozen texts. Anything else goes to i18next.
   */
  t(lng: Language, key: string, options: TOptions = {}): string {
    const text = this.plain(lng, key);
    if (text === null || Object.keys(options).some((o) => I18NEXT_OPTIONS.has(o)))
      return this.instance.t(key, { ...options, lng }) as string;
    // like i18next: a value given is written as a string (null or undefined as ''), one not given
    // leaves its placeholder as it is, and a value is never searched for placeholders itself
    return text.replace(PLACEHOLDER, (placeholder, name: string) =>
      Object.prototype.hasOwnProperty.call(options, name)
        ? String((options as Record<string, unknown>)[name] ?? '')
        : placeholder,
    );
  }

  /** The text of `key` in `lng` (or in the fallback language) when it is plain, else null; remembered. */
  private plain(lng: Language, key: string): string | null {
    const id = `${lng}\u0000${key}`;
    let text = this.plainTexts.get(id);
    if (text === undefined) {
      text = plainText(this.instance, lng, key);
      this.plainTexts.set(id, text);
    }
    return text;
  }

  exists(key: string): boolean {
    return this.instance.exists(key);
  }
}
