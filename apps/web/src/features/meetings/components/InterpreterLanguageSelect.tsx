import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SPOKEN_LANGUAGES } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { languageName } from './meeting-view';

/** Optional: the language the requester needs an interpreter for (Vietnamese is the other side's). */
export function InterpreterLanguageSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  return (
    <Select
      label={t('request.interpreter')}
      description={t('request.interpreterHint')}
      placeholder={t('request.noInterpreter')}
      clearable
      searchable
      value={value}
      onChange={onChange}
      data={SPOKEN_LANGUAGES.filter((code) => code !== 'vi').map((code) => ({
        value: code,
        label: languageName(code, lng),
      }))}
      data-testid="interpreter-language"
    />
  );
}
