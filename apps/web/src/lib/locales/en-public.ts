// The English texts the catalogue and product pages need: the first route downloads only these.
import type { PublicTextNamespace } from '../i18n';
import common from '../../../../../libs/shared/src/i18n/locales/en/common.json';
import catalogue from '../../../../../libs/shared/src/i18n/locales/en/catalogue.json';
import errors from '../../../../../libs/shared/src/i18n/locales/en/errors.json';

export default {
  common,
  catalogue,
  errors,
} satisfies Record<PublicTextNamespace, object>;
