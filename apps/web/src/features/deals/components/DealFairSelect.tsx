import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FairSummary } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';

/** Choose the fair whose deals to show. */
export function DealFairSelect({
  fairs,
  value,
  onChange,
}: {
  fairs: FairSummary[];
  value: string | null;
  onChange: (fairId: string) => void;
}) {
  const { t, i18n } = useTranslation('deals');
  const lng = currentLanguage(i18n.resolvedLanguage);
  return (
    <Select
      label={t('fair.label')}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      data={fairs.map((f) => ({
        value: f.id,
        label: `${lng === 'vi' ? f.nameVi : f.nameEn}${f.status === 'live' ? ` · ${t('fair.live')}` : ''}`,
      }))}
      data-testid="deal-fair-select"
      maw={480}
    />
  );
}
