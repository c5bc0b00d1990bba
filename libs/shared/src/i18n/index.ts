import enAuth from './locales/en/auth.json';
import enCommon from './locales/en/common.json';
import enCompanies from './locales/en/companies.json';
import enErrors from './locales/en/errors.json';
import enMail from './locales/en/mail.json';
import enNotifications from './locales/en/notifications.json';
import enOrganizer from './locales/en/organizer.json';
import viAuth from './locales/vi/auth.json';
import viCommon from './locales/vi/common.json';
import viCompanies from './locales/vi/companies.json';
import viErrors from './locales/vi/errors.json';
import viMail from './locales/vi/mail.json';
import viNotifications from './locales/vi/notifications.json';
import viOrganizer from './locales/vi/organizer.json';

export const NAMESPACES = [
  'common',
  'auth',
  'companies',
  'notifications',
  'organizer',
  'errors',
  'mail',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The one set of translations, used by the web app, the server's errors and e-mails. */
export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    companies: enCompanies,
    notifications: enNotifications,
    organizer: enOrganizer,
    errors: enErrors,
    mail: enMail,
  },
  vi: {
    common: viCommon,
    auth: viAuth,
    companies: viCompanies,
    notifications: viNotifications,
    organizer: viOrganizer,
    errors: viErrors,
    mail: viMail,
  },
} as const;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens a resource tree into dotted base keys, with plural suffixes removed. */
export function baseKeys(tree: unknown, prefix = ''): Set<string> {
  const keys = new Set<string>();
  if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object') baseKeys(value, path).forEach((k) => keys.add(k));
      else keys.add(path.replace(PLURAL_SUFFIX, ''));
    }
  }
  return keys;
}
