import { Injectable } from '@nestjs/common';
import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, resources, type Language } from '@craftmatch/shared';

/** Server-side translations from the same resources the web app uses. */
@Injectable()
export class I18nService {
  private readonly instance: I18n;

  constructor() {
    this.instance = i18next.createInstance();
    void this.instance.init({
      resources,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      lng: DEFAULT_LANGUAGE,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  t(lng: Language, key: string, options: TOptions = {}): string {
    return this.instance.t(key, { ...options, lng }) as string;
  }

  exists(key: string): boolean {
    return this.instance.exists(key);
  }
}
