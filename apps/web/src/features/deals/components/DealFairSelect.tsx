import { Group, Select } from '@mantine/core';
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

/** The filter row of a deals list: the fair, then an optional status. */
export function DealFilters<S extends string>({
  fairs,
  fairId,
  status,
  statuses,
  statusLabel,
  onChange,
  statusTestId,
}: {
  fairs: FairSummary[];
  fairId: string | null;
  status: S | null | undefined;
  statuses: readonly S[];
  statusLabel: (status: S) => string;
  onChange: (param: 'fair' | 'status', value: string | null) => void;
  statusTestId?: string;
}) {
  const { t } = useTranslation('deals');
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <DealFairSelect fairs={fairs} value={fairId} onChange={(id) => onChange('fair', id)} />
      <Select
        label={t('contracts.statusFilter')}
        placeholder={t('contracts.allStatuses')}
        clearable
        value={status ?? null}
        onChange={(v) => onChange('status', v)}
        data={statuses.map((s) => ({ value: s, label: statusLabel(s) }))}
        data-testid={statusTestId}
        w={220}
      />
    </Group>
  );
}
