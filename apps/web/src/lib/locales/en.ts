// The English texts of the signed-in app and the other pages, one chunk fetched with the first
// page that needs them (lib/i18n.ts). `satisfies` fails the build when a namespace added to
// libs/shared is missing here.
import type { Namespace } from '@craftmatch/shared';
import type { PublicTextNamespace } from '../i18n';
import auth from '../../../../../libs/shared/src/i18n/locales/en/auth.json';
import companies from '../../../../../libs/shared/src/i18n/locales/en/companies.json';
import notifications from '../../../../../libs/shared/src/i18n/locales/en/notifications.json';
import organizer from '../../../../../libs/shared/src/i18n/locales/en/organizer.json';
import mail from '../../../../../libs/shared/src/i18n/locales/en/mail.json';
import exhibitors from '../../../../../libs/shared/src/i18n/locales/en/exhibitors.json';
import products from '../../../../../libs/shared/src/i18n/locales/en/products.json';
import fairs from '../../../../../libs/shared/src/i18n/locales/en/fairs.json';
import booths from '../../../../../libs/shared/src/i18n/locales/en/booths.json';
import buyers from '../../../../../libs/shared/src/i18n/locales/en/buyers.json';
import meetingAdmin from '../../../../../libs/shared/src/i18n/locales/en/meetingAdmin.json';
import meetings from '../../../../../libs/shared/src/i18n/locales/en/meetings.json';
import calendar from '../../../../../libs/shared/src/i18n/locales/en/calendar.json';
import deals from '../../../../../libs/shared/src/i18n/locales/en/deals.json';
import exchange from '../../../../../libs/shared/src/i18n/locales/en/exchange.json';
import dashboard from '../../../../../libs/shared/src/i18n/locales/en/dashboard.json';
import dataExchange from '../../../../../libs/shared/src/i18n/locales/en/dataExchange.json';
import matchmaking from '../../../../../libs/shared/src/i18n/locales/en/matchmaking.json';
import schedulingWeb from '../../../../../libs/shared/src/i18n/locales/en/schedulingWeb.json';
import privacy from '../../../../../libs/shared/src/i18n/locales/en/privacy.json';

export default {
  auth,
  companies,
  notifications,
  organizer,
  mail,
  exhibitors,
  products,
  fairs,
  booths,
  buyers,
  meetingAdmin,
  meetings,
  calendar,
  deals,
  exchange,
  dashboard,
  dataExchange,
  matchmaking,
  schedulingWeb,
  privacy,
} satisfies Record<Exclude<Namespace, PublicTextNamespace>, object>;
