import { useState } from 'react';
import { FormError } from '../../../components/StateViews';
import {
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAPACITY_UNITS,
  PROFILE_LIMITS,
  validateTaxCode,
  type ExhibitorProfile,
  type SpokenLanguage,
  type UpdateExhibitorProfileRequest,
} from '@craftmatch/shared';
import { applyServerErrors } from '../../../lib/forms';
import { foldedFilter, useReference, villageProvince } from '../../../lib/reference';
import { useUpdateProfile } from '../api/update-profile';

/** The village select's value for "not in the list". */
export const OTHER_VILLAGE = '__other';

export interface ProfileValues {
  legalName: string;
  taxCode: string;
  website: string;
  phone: string;
  address: string;
  villageCode: string | null;
  villageOther: string;
  provinceCode: string | null;
  yearFounded: number | string;
  employees: number | string;
  monthlyCapacity: number | string;
  capacityUnit: string | null;
  exportMarkets: string[];
  languages: string[];
  descriptionVi: string;
  descriptionEn: string;
}

export function toValues(p: ExhibitorProfile): ProfileValues {
  return {
    legalName: p.legalName ?? '',
    taxCode: p.taxCode ?? '',
    website: p.website ?? '',
    phone: p.phone ?? '',
    address: p.address ?? '',
    villageCode: p.villageCode ?? (p.villageOther ? OTHER_VILLAGE : null),
    villageOther: p.villageOther ?? '',
    provinceCode: p.provinceCode,
    yearFounded: p.yearFounded ?? '',
    employees: p.employees ?? '',
    monthlyCapacity: p.monthlyCapacity ?? '',
    capacityUnit: p.capacityUnit,
    exportMarkets: p.exportMarkets,
    languages: p.languages,
    descriptionVi: p.descriptionVi ?? '',
    descriptionEn: p.descriptionEn ?? '',
  };
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());
const int = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function toRequest(v: ProfileValues): UpdateExhibitorProfileRequest {
  const other = v.villageCode === OTHER_VILLAGE;
  return {
    legalName: text(v.legalName),
    taxCode: text(v.taxCode),
    website: text(v.website),
    phone: text(v.phone),
    address: text(v.address),
    villageCode: other ? null : v.villageCode,
    villageOther: other ? text(v.villageOther) : null,
    provinceCode: v.provinceCode,
    yearFounded: int(v.yearFounded),
    employees: int(v.employees),
    monthlyCapacity: int(v.monthlyCapacity),
    capacityUnit: (v.capacityUnit as UpdateExhibitorProfileRequest['capacityUnit']) ?? null,
    exportMarkets: v.exportMarkets,
    languages: v.languages as SpokenLanguage[],
    descriptionVi: text(v.descriptionVi),
    descriptionEn: text(v.descriptionEn),
  };
}

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

export function ProfileForm({ profile }: { profile: ExhibitorProfile }) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const ref = useReference();
  const save = useUpdateProfile(profile.companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProfileValues>({
    initialValues: toValues(profile),
    validateInputOnBlur: ['taxCode'],
    validate: {
      taxCode: (v) => (v.trim() && !validateTaxCode(v).valid ? t('errors:field.INVALID_TAX_CODE') : null),
      villageOther: (v, values) =>
        values.villageCode === OTHER_VILLAGE && !v.trim() ? t('errors:field.REQUIRED') : null,
    },
  });

  const values = form.getValues();
  const taxCheck = values.taxCode.trim() ? validateTaxCode(values.taxCode) : null;
  const fromVillage =
    values.villageCode && values.villageCode !== OTHER_VILLAGE ? villageProvince(values.villageCode) : null;
  const villageData = [
    ...ref.villages,
    {
      group: t('fields.villageOtherGroup'),
      items: [{ value: OTHER_VILLAGE, label: t('fields.villageOtherOption') }],
    },
  ];

  return (
    <form
      noValidate
      data-testid="profile-form"
      onSubmit={form.onSubmit((v) => {
        setFormError(null);
        save.mutate(toRequest(v), {
          onSuccess: (saved) => {
            const next = toValues(saved);
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
        <Section title={t('sections.identity')} hint={t('sections.identityHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('fields.legalName')}
              placeholder={t('fields.legalNamePlaceholder')}
              maxLength={PROFILE_LIMITS.legalName}
              {...form.getInputProps('legalName')}
            />
            <TextInput
              label={t('fields.taxCode')}
              description={
                taxCheck?.valid && taxCheck.kind ? (
                  <Group gap={4} c="celadon.9" component="span">
                    <IconCircleCheck size={14} />
                    {t(`fields.taxCodeKind.${taxCheck.kind}`)}
                  </Group>
                ) : (
                  t('fields.taxCodeHint')
                )
              }
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              inputMode="numeric"
              className="tabular"
              maxLength={20}
              {...form.getInputProps('taxCode')}
            />
            <TextInput
              label={t('fields.website')}
              placeholder={t('fields.websitePlaceholder')}
              maxLength={PROFILE_LIMITS.website}
              {...form.getInputProps('website')}
            />
            <TextInput
              label={t('fields.phone')}
              placeholder={t('fields.phonePlaceholder')}
              type="tel"
              maxLength={PROFILE_LIMITS.phone}
              {...form.getInputProps('phone')}
            />
          </SimpleGrid>
          <Textarea
            label={t('fields.address')}
            autosize
            minRows={2}
            maxLength={PROFILE_LIMITS.address}
            {...form.getInputProps('address')}
          />
        </Section>

        <Section title={t('sections.place')} hint={t('sections.placeHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('fields.village')}
              placeholder={t('fields.villagePlaceholder')}
              data={villageData}
              searchable
              clearable
              filter={foldedFilter}
              {...form.getInputProps('villageCode')}
              onChange={(code) => {
                form.setFieldValue('villageCode', code);
                const province = code && code !== OTHER_VILLAGE ? villageProvince(code) : null;
                if (province) form.setFieldValue('provinceCode', province);
              }}
            />
            <Select
              label={t('fields.province')}
              placeholder={t('fields.provincePlaceholder')}
              description={fromVillage ? t('fields.provinceFromVillage') : undefined}
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              data={ref.provinces}
              searchable
              clearable
              filter={foldedFilter}
              disabled={Boolean(fromVillage)}
              {...form.getInputProps('provinceCode')}
            />
          </SimpleGrid>
          {values.villageCode === OTHER_VILLAGE && (
            <TextInput
              label={t('fields.villageOther')}
              placeholder={t('fields.villageOtherPlaceholder')}
              required
              maxLength={PROFILE_LIMITS.villageOther}
              {...form.getInputProps('villageOther')}
            />
          )}
        </Section>

        <Section title={t('sections.capacity')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <NumberInput
              label={t('fields.yearFounded')}
              min={1000}
              max={new Date().getFullYear()}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              hideControls
              className="tabular"
              {...form.getInputProps('yearFounded')}
            />
            <NumberInput
              label={t('fields.employees')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              className="tabular"
              {...form.getInputProps('employees')}
            />
            <NumberInput
              label={t('fields.monthlyCapacity')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={ref.language === 'vi' ? '.' : ','}
              decimalSeparator={ref.language === 'vi' ? ',' : '.'}
              hideControls
              className="tabular"
              {...form.getInputProps('monthlyCapacity')}
            />
            <Select
              label={t('fields.capacityUnit')}
              data={CAPACITY_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))}
              clearable
              {...form.getInputProps('capacityUnit')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('sections.markets')}>
          <MultiSelect
            label={t('fields.exportMarkets')}
            description={t('fields.exportMarketsHint')}
            placeholder={t('fields.exportMarketsPlaceholder')}
            data={ref.countries}
            searchable
            clearable
            filter={foldedFilter}
            limit={60}
            maxValues={PROFILE_LIMITS.exportMarkets}
            {...form.getInputProps('exportMarkets')}
          />
          <MultiSelect
            label={t('fields.languages')}
            placeholder={t('fields.languagesPlaceholder')}
            data={ref.languages}
            searchable
            filter={foldedFilter}
            {...form.getInputProps('languages')}
          />
        </Section>

        <Section title={t('sections.descriptions')} hint={t('sections.descriptionsHint')}>
          <Tabs defaultValue={ref.language === 'vi' ? 'vi' : 'en'} keepMounted>
            <Tabs.List>
              <Tabs.Tab value="vi">{t('fields.descriptionVi')}</Tabs.Tab>
              <Tabs.Tab value="en">{t('fields.descriptionEn')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="vi" pt="sm">
              <Textarea
                aria-label={t('fields.descriptionVi')}
                placeholder={t('fields.descriptionPlaceholder')}
                autosize
                minRows={5}
                maxLength={PROFILE_LIMITS.description}
                lang="vi"
                {...form.getInputProps('descriptionVi')}
              />
            </Tabs.Panel>
            <Tabs.Panel value="en" pt="sm">
              <Textarea
                aria-label={t('fields.descriptionEn')}
                placeholder={t('fields.descriptionPlaceholder')}
                autosize
                minRows={5}
                maxLength={PROFILE_LIMITS.description}
                lang="en"
                {...form.getInputProps('descriptionEn')}
              />
            </Tabs.Panel>
          </Tabs>
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
