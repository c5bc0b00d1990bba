import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FairSummary } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';

/** Choose among the fairs where meetings can be arranged. */
export function FairSelect({
  fairs,
  value,
  onChange,
  label,
}: {
  fairs: FairSummary[];
  value: string | null;
  onChange: (fairId: string) => void;
  label?: string;
}) {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  return (
    <Select
      label={label ?? t('fair.label')}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      data={fairs.map((f) => ({
        value: f.id,
        label: `${lng === 'vi' ? f.nameVi : f.nameEn}${f.status === 'live' ? ` · ${t('fair.live')}` : ''}`,
      }))}
      data-testid="fair-select"
      maw={480}
    />
  );
}
