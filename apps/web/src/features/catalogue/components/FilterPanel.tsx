import { Button, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  CERTIFICATIONS,
  COMMON_CURRENCIES,
  PROVINCES,
  VILLAGES,
  type CatalogueFacets,
  type FacetCount,
} from '@craftmatch/shared';
import { currentPublicLanguage } from '../../../lib/i18n';
import { FILTER_NAMES, type CatalogueFilters } from './filters';

export { FILTER_NAMES, type CatalogueFilters } from './filters';

interface FilterPanelProps {
  value: CatalogueFilters;
  facets: CatalogueFacets | undefined;
  onChange: (name: keyof CatalogueFilters, value: string | null) => void;
  onClear: () => void;
}

const PRICE = /^\d{0,14}(\.\d{0,4})?$/;

function withCount(label: string, code: string, counts: FacetCount[] | undefined) {
  const n = counts?.find((c) => c.code === code)?.count;
  return n === undefined ? label : `${label} (${n})`;
}

/** Category, village, province, certification, MOQ and price, with the counts of the current search. */
export function FilterPanel({ value, facets, onChange, onClear }: FilterPanelProps) {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  const vi = lng === 'vi';
  const any = t('filters.any');
  const active = FILTER_NAMES.some((n) => value[n]);
  return (
    <Stack
      gap="sm"
      component="form"
      role="search"
      aria-label={t('filters.title')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Select
        label={t('filters.category')}
        placeholder={any}
        clearable
        searchable
        value={value.category}
        onChange={(v) => onChange('category', v)}
        data={CATEGORIES.map((c) => ({
          value: c.code,
          label: withCount(vi ? c.nameVi : c.nameEn, c.code, facets?.categories),
        }))}
        data-testid="filter-category"
      />
      <Select
        label={t('filters.village')}
        placeholder={any}
        clearable
        searchable
        value={value.village}
        onChange={(v) => onChange('village', v)}
        data={VILLAGES.map((v) => ({ value: v.code, label: vi ? v.nameVi : `${v.nameVi} (${v.nameAscii})` }))}
      />
      <Select
        label={t('filters.province')}
        placeholder={any}
        clearable
        searchable
        value={value.province}
        onChange={(v) => onChange('province', v)}
        data={PROVINCES.map((p) => ({
          value: p.code,
          label: withCount(vi ? p.nameVi : p.nameEn, p.code, facets?.provinces),
        }))}
      />
      <Select
        label={t('filters.certification')}
        placeholder={any}
        clearable
        searchable
        value={value.certification}
        onChange={(v) => onChange('certification', v)}
        data={CERTIFICATIONS.map((c) => ({
          value: c.code,
          label: withCount(c.name, c.code, facets?.certifications),
        }))}
      />
      <NumberInput
        label={t('filters.moqMax')}
        placeholder={any}
        min={1}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator
        value={value.moqMax ?? ''}
        onChange={(v) => onChange('moqMax', v === '' ? null : String(v))}
      />
      <Select
        label={t('filters.currency')}
        placeholder={any}
        clearable
        value={value.currency}
        onChange={(v) => onChange('currency', v)}
        data={COMMON_CURRENCIES}
      />
      <TextInput
        label={t('filters.priceMin')}
        inputMode="decimal"
        value={value.priceMin ?? ''}
        onChange={(e) =>
          PRICE.test(e.currentTarget.value) && onChange('priceMin', e.currentTarget.value || null)
        }
      />
      <TextInput
        label={t('filters.priceMax')}
        inputMode="decimal"
        value={value.priceMax ?? ''}
        onChange={(e) =>
          PRICE.test(e.currentTarget.value) && onChange('priceMax', e.currentTarget.value || null)
        }
      />
      <Text fz="xs" c="dimmed">
        {t('filters.priceNote')}
      </Text>
      {active && (
        <Button variant="subtle" color="lacquer" onClick={onClear}>
          {t('search.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
