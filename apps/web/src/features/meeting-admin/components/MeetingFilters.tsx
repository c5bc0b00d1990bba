import { useEffect, useState } from 'react';
import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MEETING_STATUSES, type MeetingStatus } from '@craftmatch/shared';
import { useCompanySearch } from '../api/search-companies';

export interface MeetingFilterValues {
  status?: MeetingStatus;
  companyId?: string;
  companyName?: string;
  needsInterpreter: boolean;
  q: string;
}

interface MeetingFiltersProps {
  value: MeetingFilterValues;
  onChange: (next: Partial<MeetingFilterValues>) => void;
}

/** Status, company, "needs an interpreter" and a name search; the page keeps them in the address. */
export function MeetingFilters({ value, onChange }: MeetingFiltersProps) {
  const { t } = useTranslation('meetingAdmin');
  const [q, setQ] = useState(value.q);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [companySearch, setCompanySearch] = useState('');
  const [debouncedCompany] = useDebouncedValue(companySearch, 300);
  const companies = useCompanySearch(debouncedCompany.trim());

  useEffect(() => {
    if (debouncedQ.trim() !== value.q) onChange({ q: debouncedQ.trim() });
    // Only the typed text drives this; the callback changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);

  const companyOptions = (companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value.companyId && !companyOptions.some((o) => o.value === value.companyId))
    companyOptions.unshift({ value: value.companyId, label: value.companyName ?? value.companyId });

  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        aria-label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        style={{ flex: '1 1 220px' }}
      />
      <Select
        aria-label={t('filters.status')}
        value={value.status ?? 'all'}
        allowDeselect={false}
        data={[
          { value: 'all', label: t('filters.allStatuses') },
          ...MEETING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
        onChange={(s) => onChange({ status: s && s !== 'all' ? (s as MeetingStatus) : undefined })}
        w={190}
      />
      <Select
        aria-label={t('filters.company')}
        placeholder={t('filters.companyPlaceholder')}
        searchable
        clearable
        value={value.companyId ?? null}
        data={companyOptions}
        onSearchChange={setCompanySearch}
        filter={({ options }) => options}
        nothingFoundMessage={companies.isFetching ? t('filters.searching') : t('filters.noCompany')}
        onChange={(id, option) =>
          onChange({ companyId: id ?? undefined, companyName: id ? option?.label : undefined })
        }
        w={240}
      />
      <Switch
        label={t('filters.needsInterpreter')}
        checked={value.needsInterpreter}
        onChange={(e) => onChange({ needsInterpreter: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
