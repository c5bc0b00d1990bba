// The Vietnamese texts of the signed-in app and the other pages, one chunk fetched with the first
// page that needs them (lib/i18n.ts). `satisfies` fails the build when a namespace added to
// libs/shared is missing here.
import type { Namespace } from '@craftmatch/shared';
import type { PublicTextNamespace } from '../i18n';
import auth from '../../../../../libs/shared/src/i18n/locales/vi/auth.json';
import companies from '../../../../../libs/shared/src/i18n/locales/vi/companies.json';
import notifications from '../../../../../libs/shared/src/i18n/locales/vi/notifications.json';
import organizer from '../../../../../libs/shared/src/i18n/locales/vi/organizer.json';
import mail from '../../../../../libs/shared/src/i18n/locales/vi/mail.json';
import exhibitors from '../../../../../libs/shared/src/i18n/locales/vi/exhibitors.json';
import products from '../../../../../libs/shared/src/i18n/locales/vi/products.json';
import fairs from '../../../../../libs/shared/src/i18n/locales/vi/fairs.json';
import booths from '../../../../../libs/shared/src/i18n/locales/vi/booths.json';
import buyers from '../../../../../libs/shared/src/i18n/locales/vi/buyers.json';
import meetingAdmin from '../../../../../libs/shared/src/i18n/locales/vi/meetingAdmin.json';
import meetings from '../../../../../libs/shared/src/i18n/locales/vi/meetings.json';
import calendar from '../../../../../libs/shared/src/i18n/locales/vi/calendar.json';
import deals from '../../../../../libs/shared/src/i18n/locales/vi/deals.json';
import exchange from '../../../../../libs/shared/src/i18n/locales/vi/exchange.json';
import dashboard from '../../../../../libs/shared/src/i18n/locales/vi/dashboard.json';
import dataExchange from '../../../../../libs/shared/src/i18n/locales/vi/dataExchange.json';
import matchmaking from '../../../../../libs/shared/src/i18n/locales/vi/matchmaking.json';
import schedulingWeb from '../../../../../libs/shared/src/i18n/locales/vi/schedulingWeb.json';
import privacy from '../../../../../libs/shared/src/i18n/locales/vi/privacy.json';

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
