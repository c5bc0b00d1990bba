import i18next, { type TOptions } from 'i18next';
import { LANGUAGES, NAMESPACES, resources, type Language } from '@craftmatch/shared';
import { I18nService } from './i18n.service';

/** Every text of every namespace: [key as the app asks for it, its text], plural forms by their base key. */
function allKeys(): [string, string][] {
  const keys = new Map<string, string>();
  const walk = (ns: string, node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      const last = path[path.length - 1].replace(/_(zero|one|two|few|many|other)$/, '');
      keys.set(`${ns}:${[...path.slice(0, -1), last].join('.')}`, node);
    } else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(ns, v, [...path, k]);
  };
  for (const ns of NAMESPACES) walk(ns, (resources.en as Record<string, unknown>)[ns], []);
  return [...keys];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]);

describe('I18nService', () => {
  const service = new I18nService();
  // the reference: i18next itself, set up as the service sets it up
  const reference = i18next.createInstance();
  void reference.init({
    resources,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    lng: 'vi',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const expected = (lng: Language, key: string, options: TOptions) =>
    reference.t(key, { ...options, lng }) as string;
  const keys = allKeys();

  it('gives every text in both languages exactly as i18next does, with values, without, and odd ones', () => {
    expect(keys.length).toBeGreaterThan(300);
    let compared = 0;
    for (const lng of LANGUAGES)
      for (const [key, text] of keys) {
        const names = placeholders(text);
        const cases: TOptions[] = [
          {},
          Object.fromEntries(names.map((n, i) => [n, `Bát Tràng & Co. ${i} <b>`])),
          // a value that looks like a placeholder or a nesting is written as it is, never expanded
          Object.fromEntries(names.map((n) => [n, '{{name}} $t(common:appName)'])),
          Object.fromEntries(names.map((n, i) => [n, [null, undefined, 0, 12.5][i % 4]])),
          // one value missing: its placeholder stays
          Object.fromEntries(names.slice(1).map((n) => [n, 'x'])),
          { count: 2, ...Object.fromEntries(names.map((n) => [n, 'y'])) },
        ];
        for (const options of cases) {
          expect([lng, key, service.t(lng, key, options)]).toEqual([lng, key, expected(lng, key, options)]);
          compared++;
        }
      }
    expect(compared).toBe(LANGUAGES.length * keys.length * 6);
  });

  it('answers plain texts itself, and leaves plurals, unknown keys and namespaces to i18next', () => {
    const plain = (lng: Language, key: string) => service['plain'](lng, key);
    const plainKeys = keys.filter(([key]) => plain('en', key) !== null);
    // nearly every text is plain: the fast path is the one taken
    expect(plainKeys.length / keys.length).toBeGreaterThan(0.8);
    expect(plain('en', 'mail:meetingEvent.greeting')).toBe(resources.en.mail.meetingEvent.greeting);
    expect(plain('vi', 'mail:meetingEvent.greeting')).toBe(resources.vi.mail.meetingEvent.greeting);
    // keys with plural forms (x_one, x_other): asked for as x
    const plurals = keys.filter(([key]) => {
      const [ns, path] = key.split(':');
      return service.exists(`${ns}:${path}_one`);
    });
    expect(plurals.length).toBeGreaterThan(5);
    for (const [key] of plurals) expect(plain('en', key)).toBeNull();
    expect(plain('en', 'mail:no.such.key')).toBeNull();
    expect(service.t('en', 'mail:no.such.key')).toBe(expected('en', 'mail:no.such.key', {}));
    expect(plain('en', 'nosuchnamespace:x')).toBeNull();
  });
});
