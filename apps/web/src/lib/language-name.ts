import type { Language } from '@craftmatch/shared';
import { intlLocale } from './format';

/** "Japanese" / "tiếng Nhật" for an ISO 639-1 code, in the reader's language. */
export function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
