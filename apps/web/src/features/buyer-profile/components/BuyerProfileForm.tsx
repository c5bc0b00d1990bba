import { useState, type FocusEvent, type ReactNode } from 'react';
import {
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  BUYER_AMOUNT_PATTERN,
  BUYER_PROFILE_LIMITS,
  INCOTERMS,
  type BuyerProfile,
  type CategoryCode,
  type CertificationType,
  type Incoterm,
  type Language,
  type SpokenLanguage,
  type UpdateBuyerProfileRequest,
} from '@craftmatch/shared';
import { FormError } from '../../../components/StateViews';
import { applyServerErrors } from '../../../lib/forms';
import { foldedFilter, useReference } from '../../../lib/reference';
import { useUpdateBuyerProfile } from '../api/update-buyer-profile';
import { compareAmounts, formatAmount, parseAmount } from './decimal';

/** Form values carry the request's field names, so the server's field errors land on their inputs. */
export interface BuyerProfileValues {
  country: string | null;
  website: string;
  /** as typed, in the UI language's notation */
  annualImportUsd: string;
  categories: string[];
  targetPriceMin: string;
  targetPriceMax: string;
  targetPriceCurrency: string | null;
  incoterms: string[];
  certifications: string[];
  languages: string[];
}

export function toValues(p: BuyerProfile, language: Language): BuyerProfileValues {
  return {
    country: p.country,
    website: p.website ?? '',
    annualImportUsd: formatAmount(p.annualImportUsd, language),
    categories: p.categories,
    targetPriceMin: formatAmount(p.targetPriceMin, language),
    targetPriceMax: formatAmount(p.targetPriceMax, language),
    targetPriceCurrency: p.targetPriceCurrency,
    incoterms: p.incoterms,
    certifications: p.certifications,
    languages: p.languages,
  };
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());
/** Only called on validated values, where every amount parses. */
const amount = (v: string, language: Language) => parseAmount(v, language) || null;

export function toRequest(v: BuyerProfileValues, language: Language): UpdateBuyerProfileRequest {
  const min = amount(v.targetPriceMin, language);
  const max = amount(v.targetPriceMax, language);
  return {
    country: v.country,
    website: text(v.website),
    annualImportUsd: amount(v.annualImportUsd, language),
    categories: v.categories as CategoryCode[],
    targetPriceMin: min,
    targetPriceMax: max,
    targetPriceCurrency: min || max ? v.targetPriceCurrency : null,
    incoterms: v.incoterms as Incoterm[],
    certifications: v.certifications as CertificationType[],
    languages: v.languages as SpokenLanguage[],
  };
}

const WEBSITE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {hint && (
            <Text fz="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

export function BuyerProfileForm({ profile }: { profile: BuyerProfile }) {
  const { t } = useTranslation(['buyers', 'errors']);
  const ref = useReference();
  const language = ref.language;
  const save = useUpdateBuyerProfile();
  const [formError, setFormError] = useState<string | null>(null);

  const amountError = (v: string) => {
    const parsed = parseAmount(v, language);
    if (parsed === null) return t('validation.amount', { example: formatAmount('1250000.50', language) });
    if (parsed && !BUYER_AMOUNT_PATTERN.test(parsed)) return t('errors:field.TOO_LARGE');
    return null;
  };

  const form = useForm<BuyerProfileValues>({
    initialValues: toValues(profile, language),
    validateInputOnBlur: true,
    validate: {
      website: (v) => (v.trim() && !WEBSITE.test(v.trim()) ? t('validation.website') : null),
      annualImportUsd: amountError,
      targetPriceMin: amountError,
      targetPriceMax: (v, values) => {
        const own = amountError(v);
        if (own) return own;
        const min = parseAmount(values.targetPriceMin, language);
        const max = parseAmount(v, language);
        return min && max && compareAmounts(min, max) > 0 ? t('validation.priceOrder') : null;
      },
      targetPriceCurrency: (v, values) =>
        !v && (values.targetPriceMin.trim() || values.targetPriceMax.trim())
          ? t('validation.currencyRequired')
          : null,
    },
  });

  /** Rewrites a readable amount in the language's notation when the field is left. */
  const amountProps = (field: 'annualImportUsd' | 'targetPriceMin' | 'targetPriceMax') => {
    const props = form.getInputProps(field);
    return {
      ...props,
      inputMode: 'decimal' as const,
      className: 'tabular',
      onBlur: (event: FocusEvent<HTMLInputElement>) => {
        const parsed = parseAmount(form.getValues()[field], language);
        if (parsed) form.setFieldValue(field, formatAmount(parsed, language));
        props.onBlur?.(event);
      },
    };
  };

  const incotermOptions = INCOTERMS.map((code) => ({
    value: code,
    label: `${code} · ${t(`incoterms.${code}`)}`,
  }));

  return (
    <form
      noValidate
      data-testid="buyer-profile-form"
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(toRequest(values, language), {
          onSuccess: (saved) => {
            const next = toValues(saved, language);
            form.setInitialValues(next);
            form.setValues(next);
            form.resetDirty(next);
            notifications.show({ color: 'celadon', title: t('saved.title'), message: t('saved.body') });
          },
          onError: (error) => setFormError(applyServerErrors(form, error, t)),
        });
      })}
    >
      <Stack gap="lg">
        <Section title={t('sections.company')} hint={t('sections.companyHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('fields.country')}
              placeholder={t('fields.countryPlaceholder')}
              data={ref.countries}
              searchable
              clearable
              filter={foldedFilter}
              limit={60}
              {...form.getInputProps('country')}
            />
            <TextInput
              label={t('fields.website')}
              placeholder="https://www.example.com"
              type="url"
              maxLength={BUYER_PROFILE_LIMITS.website}
              {...form.getInputProps('website')}
            />
            <TextInput
              label={t('fields.annualImportUsd')}
              description={t('fields.annualImportUsdHint')}
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              leftSection={<Text fz="sm">US$</Text>}
              leftSectionWidth={44}
              {...amountProps('annualImportUsd')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('sections.sourcing')} hint={t('sections.sourcingHint')}>
          <MultiSelect
            label={t('fields.categories')}
            placeholder={t('fields.categoriesPlaceholder')}
            data={ref.categories}
            searchable
            clearable
            filter={foldedFilter}
            maxValues={BUYER_PROFILE_LIMITS.categories}
            {...form.getInputProps('categories')}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <TextInput label={t('fields.targetPriceMin')} {...amountProps('targetPriceMin')} />
            <TextInput label={t('fields.targetPriceMax')} {...amountProps('targetPriceMax')} />
            <Select
              label={t('fields.targetPriceCurrency')}
              placeholder={t('fields.currencyPlaceholder')}
              data={ref.currencies}
              searchable
              clearable
              filter={foldedFilter}
              limit={40}
              {...form.getInputProps('targetPriceCurrency')}
            />
          </SimpleGrid>
          <Text fz="xs" c="dimmed" mt={-8}>
            {t('fields.targetPriceHint')}
          </Text>
          <MultiSelect
            label={t('fields.incoterms')}
            description={t('fields.incotermsHint')}
            placeholder={t('fields.incotermsPlaceholder')}
            data={incotermOptions}
            searchable
            clearable
            {...form.getInputProps('incoterms')}
          />
          <MultiSelect
            label={t('fields.certifications')}
            placeholder={t('fields.certificationsPlaceholder')}
            data={ref.certifications}
            searchable
            clearable
            filter={foldedFilter}
            {...form.getInputProps('certifications')}
          />
        </Section>

        <Section title={t('sections.people')}>
          <MultiSelect
            label={t('fields.languages')}
            placeholder={t('fields.languagesPlaceholder')}
            data={ref.languages}
            searchable
            clearable
            filter={foldedFilter}
            {...form.getInputProps('languages')}
          />
        </Section>

        <FormError message={formError} />
        <Group justify="flex-end" gap="md" wrap="wrap">
          {form.isDirty() && (
            <Text fz="sm" c="dimmed">
              {t('unsaved')}
            </Text>
          )}
          <Button
            type="submit"
            size="md"
            leftSection={<IconDeviceFloppy size={18} />}
            loading={save.isPending}
          >
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
