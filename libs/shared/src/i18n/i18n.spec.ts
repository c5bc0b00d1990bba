import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseKeys, NAMESPACES, PUBLIC_LANGUAGES, PUBLIC_NAMESPACES, resources } from './index';
import { ErrorCode, FieldErrorCode } from '../error-codes';

const localesDir = join(__dirname, 'locales');
const languages = readdirSync(localesDir);

describe('locale resources', () => {
  it('has every namespace in Vietnamese and English, and the public ones in every public language', () => {
    expect(languages.sort()).toEqual([...PUBLIC_LANGUAGES].sort());
    for (const lng of languages) {
      const files = readdirSync(join(localesDir, lng)).map((f) => f.replace(/\.json$/, ''));
      const expected = lng === 'vi' || lng === 'en' ? [...NAMESPACES] : [...PUBLIC_NAMESPACES];
      expect({ lng, files: files.sort() }).toEqual({ lng, files: expected.sort() });
      expect(Object.keys(resources[lng as keyof typeof resources]).sort()).toEqual(expected.sort());
    }
  });

  it.each(NAMESPACES.map((ns) => [ns]))('namespace %s has the same base keys in every language', (ns) => {
    const byLanguage = languages
      .filter((lng) => existsSync(join(localesDir, lng, `${ns}.json`)))
      .map((lng) => {
        const tree = JSON.parse(readFileSync(join(localesDir, lng, `${ns}.json`), 'utf8'));
        return { lng, keys: baseKeys(tree) };
      });
    const all = new Set(byLanguage.flatMap(({ keys }) => [...keys]));
    for (const { lng, keys } of byLanguage) {
      const missing = [...all].filter((k) => !keys.has(k));
      expect({ lng, ns, missing }).toEqual({ lng, ns, missing: [] });
    }
  });

  it('has no empty strings', () => {
    const empty: string[] = [];
    const walk = (tree: unknown, path: string) => {
      for (const [k, v] of Object.entries(tree as Record<string, unknown>)) {
        if (v && typeof v === 'object') walk(v, `${path}.${k}`);
        else if (typeof v !== 'string' || v.trim() === '') empty.push(`${path}.${k}`);
      }
    };
    for (const [lng, namespaces] of Object.entries(resources)) walk(namespaces, lng);
    expect(empty).toEqual([]);
  });

  it('translates every error code and field error code in every language', () => {
    for (const lng of ['vi', 'en'] as const) {
      const errors = resources[lng].errors as Record<string, unknown> & { field: Record<string, string> };
      const missing = [
        ...Object.values(ErrorCode).filter((c) => typeof errors[c] !== 'string'),
        ...Object.values(FieldErrorCode)
          .filter((c) => typeof errors.field[c] !== 'string')
          .map((c) => `field.${c}`),
      ];
      expect({ lng, missing }).toEqual({ lng, missing: [] });
    }
  });

  it('treats plural forms as one base key', () => {
    expect([...baseKeys({ a: { item_one: 'x', item_other: 'y' } })]).toEqual(['a.item']);
  });
});
