import type { TFunction } from 'i18next';
import { CATEGORIES, CERTIFICATIONS, type Language, type MatchReason } from '@craftmatch/shared';
import { countryName, intlLocale } from '../../../lib/format';
import { languageName } from '../../../lib/language-name';

export type ViewerSide = 'buyer' | 'exhibitor';

const list = (items: string[], language: Language) =>
  new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);

const categoryName = (code: string, language: Language) => {
  const c = CATEGORIES.find((x) => x.code === code);
  return c ? (language === 'vi' ? c.nameVi : c.nameEn) : code;
};

const certificationName = (code: string) => CERTIFICATIONS.find((c) => c.code === code)?.name ?? code;

/**
 * One reason as a sentence in the viewer's language, from the viewer's side ("your volume" is the buyer's
 * for a buyer, "their volume" for an exhibitor). Codes in the params become names.
 */
export function reasonText(t: TFunction, reason: MatchReason, side: ViewerSide, language: Language): string {
  const number = (n: number) => new Intl.NumberFormat(intlLocale(language)).format(n);
  const unit = (u: string) => t(`products:units.${u}`, { defaultValue: u });
  const key = `matchmaking:reasons.${side}.${reason.code}`;
  switch (reason.code) {
    case 'sameCategories':
      return t(key, {
        categories: list(
          reason.params.categories.map((c) => categoryName(c, language)),
          language,
        ),
      });
    case 'priceInRange':
      return t(key, { ...reason.params });
    case 'moqWithinVolume':
      return t(key, {
        moq: number(reason.params.moq),
        volume: number(reason.params.volume),
        unit: unit(reason.params.unit),
      });
    case 'capacityCoversVolume':
      return t(key, {
        capacity: number(reason.params.capacity),
        volume: number(reason.params.volume),
        unit: unit(reason.params.unit),
      });
    case 'certified':
      return t(key, { certifications: list(reason.params.certifications.map(certificationName), language) });
    case 'speaksLanguage':
    case 'interpreterAvailable':
      return t(key, {
        languages: list(
          reason.params.languages.map((l) => languageName(l, language)),
          language,
        ),
      });
    case 'exportsToCountry':
      return t(key, { country: countryName(reason.params.country, language) ?? reason.params.country });
    case 'mutualWish':
      return t(key);
  }
}
