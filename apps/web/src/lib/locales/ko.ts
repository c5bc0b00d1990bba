// The public pages' texts in this language (PUBLIC_NAMESPACES); everything else reads English.
import type { Namespace } from '@craftmatch/shared';
import catalogue from '../../../../../libs/shared/src/i18n/locales/ko/catalogue.json';

export default { catalogue } satisfies Partial<Record<Namespace, object>>;
