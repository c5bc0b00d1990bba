import enCommon from './locales/en/common.json';
import enAuth from './locales/en/auth.json';
import enCompanies from './locales/en/companies.json';
import enNotifications from './locales/en/notifications.json';
import enOrganizer from './locales/en/organizer.json';
import enErrors from './locales/en/errors.json';
import enMail from './locales/en/mail.json';
import enExhibitors from './locales/en/exhibitors.json';
import enProducts from './locales/en/products.json';
import enCatalogue from './locales/en/catalogue.json';
import enFairs from './locales/en/fairs.json';
import enBooths from './locales/en/booths.json';
import enBuyers from './locales/en/buyers.json';
import enMeetingAdmin from './locales/en/meetingAdmin.json';
import enMeetings from './locales/en/meetings.json';
import enCalendar from './locales/en/calendar.json';
import enDeals from './locales/en/deals.json';
import enExchange from './locales/en/exchange.json';
import enDashboard from './locales/en/dashboard.json';
import enDataExchange from './locales/en/dataExchange.json';
import enMatchmaking from './locales/en/matchmaking.json';
import enSchedulingWeb from './locales/en/schedulingWeb.json';
import enPrivacy from './locales/en/privacy.json';
import viCommon from './locales/vi/common.json';
import viAuth from './locales/vi/auth.json';
import viCompanies from './locales/vi/companies.json';
import viNotifications from './locales/vi/notifications.json';
import viOrganizer from './locales/vi/organizer.json';
import viErrors from './locales/vi/errors.json';
import viMail from './locales/vi/mail.json';
import viExhibitors from './locales/vi/exhibitors.json';
import viProducts from './locales/vi/products.json';
import viCatalogue from './locales/vi/catalogue.json';
import viFairs from './locales/vi/fairs.json';
import viBooths from './locales/vi/booths.json';
import viBuyers from './locales/vi/buyers.json';
import viMeetingAdmin from './locales/vi/meetingAdmin.json';
import viMeetings from './locales/vi/meetings.json';
import viCalendar from './locales/vi/calendar.json';
import viDeals from './locales/vi/deals.json';
import viExchange from './locales/vi/exchange.json';
import viDashboard from './locales/vi/dashboard.json';
import viDataExchange from './locales/vi/dataExchange.json';
import viMatchmaking from './locales/vi/matchmaking.json';
import viSchedulingWeb from './locales/vi/schedulingWeb.json';
import viPrivacy from './locales/vi/privacy.json';
import jaCatalogue from './locales/ja/catalogue.json';
import koCatalogue from './locales/ko/catalogue.json';
import zhCatalogue from './locales/zh/catalogue.json';
import frCatalogue from './locales/fr/catalogue.json';

export const NAMESPACES = [
  'common',
  'auth',
  'companies',
  'notifications',
  'organizer',
  'errors',
  'mail',
  'exhibitors',
  'products',
  'catalogue',
  'fairs',
  'booths',
  'buyers',
  'meetingAdmin',
  'meetings',
  'calendar',
  'deals',
  'exchange',
  'dashboard',
  'dataExchange',
  'matchmaking',
  'schedulingWeb',
  'privacy',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Languages of the public pages (catalogue, product and traceability pages, booth poster). */
export const PUBLIC_LANGUAGES = ['vi', 'en', 'ja', 'ko', 'zh', 'fr'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];
/** The namespaces translated into every public language; the rest fall back to English. */
export const PUBLIC_NAMESPACES = ['catalogue'] as const;

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
    exhibitors: enExhibitors,
    products: enProducts,
    catalogue: enCatalogue,
    fairs: enFairs,
    booths: enBooths,
    buyers: enBuyers,
    meetingAdmin: enMeetingAdmin,
    meetings: enMeetings,
    calendar: enCalendar,
    deals: enDeals,
    exchange: enExchange,
    dashboard: enDashboard,
    dataExchange: enDataExchange,
    matchmaking: enMatchmaking,
    schedulingWeb: enSchedulingWeb,
    privacy: enPrivacy,
  },
  vi: {
    common: viCommon,
    auth: viAuth,
    companies: viCompanies,
    notifications: viNotifications,
    organizer: viOrganizer,
    errors: viErrors,
    mail: viMail,
    exhibitors: viExhibitors,
    products: viProducts,
    catalogue: viCatalogue,
    fairs: viFairs,
    booths: viBooths,
    buyers: viBuyers,
    meetingAdmin: viMeetingAdmin,
    meetings: viMeetings,
    calendar: viCalendar,
    deals: viDeals,
    exchange: viExchange,
    dashboard: viDashboard,
    dataExchange: viDataExchange,
    matchmaking: viMatchmaking,
    schedulingWeb: viSchedulingWeb,
    privacy: viPrivacy,
  },
  ja: { catalogue: jaCatalogue },
  ko: { catalogue: koCatalogue },
  zh: { catalogue: zhCatalogue },
  fr: { catalogue: frCatalogue },
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
