import { useEffect, useMemo, useState } from 'react';
import { FormError } from '../../../components/StateViews';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  AWARD_KINDS,
  MAX_PRODUCT_AWARDS,
  MAX_PRODUCT_MATERIALS,
  PRODUCT_UNITS,
  SIZE_PATTERN,
  WEIGHT_PATTERN,
  normalizeHsCode,
  type AwardKind,
  type CertificationType,
  type CreateProductRequest,
  type Product,
  type ProductUnit,
  type Workshop,
} from '@craftmatch/shared';
import { applyServerErrors } from '../../../lib/forms';
import { currentLanguage } from '../../../lib/i18n';
import { categoryOptions, certificationOptions, currencyOptions, foldedFilter } from '../../../lib/reference';
import { compareDecimals, parsePrice } from './money';

interface AwardValues {
  name: string;
  year: number | string;
  kind: AwardKind;
  rank: string;
}

export interface ProductFormValues {
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  categoryCode: string | null;
  materials: string[];
  materialOrigin: string;
  hsCode: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
  weightKg: string;
  unit: ProductUnit;
  moq: number | string;
  priceMin: string;
  priceMax: string;
  currency: string | null;
  leadTimeDays: number | string;
  monthlyCapacity: number | string;
  certifications: string[];
  awards: AwardValues[];
  workshopId: string | null;
  artisanId: string | null;
}

const text = (v: string | null | undefined) => v ?? '';
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);

export function initialValues(product?: Product): ProductFormValues {
  return {
    nameVi: text(product?.nameVi),
    nameEn: text(product?.nameEn),
    descriptionVi: text(product?.descriptionVi),
    descriptionEn: text(product?.descriptionEn),
    categoryCode: product?.categoryCode ?? null,
    materials: product?.materials ?? [],
    materialOrigin: text(product?.materialOrigin),
    hsCode: product?.hsCode ?? '',
    lengthCm: text(product?.lengthCm),
    widthCm: text(product?.widthCm),
    heightCm: text(product?.heightCm),
    weightKg: text(product?.weightKg),
    unit: product?.unit ?? 'pcs',
    moq: num(product?.moq),
    priceMin: text(product?.priceMin),
    priceMax: text(product?.priceMax),
    currency: product?.currency ?? 'USD',
    leadTimeDays: num(product?.leadTimeDays),
    monthlyCapacity: num(product?.monthlyCapacity),
    certifications: product?.certifications ?? [],
    awards: (product?.awards ?? []).map((a) => ({
      name: a.name,
      year: a.year,
      kind: a.kind,
      rank: a.rank ?? '',
    })),
    workshopId: product?.workshopId ?? null,
    artisanId: product?.artisanId ?? null,
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const intOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));
const decimalOrNull = (v: string) => (v.trim() === '' ? null : v.trim().replace(',', '.'));

/** What the API receives. Prices stay strings; a price without amounts sends no currency. */
export function toRequest(values: ProductFormValues): CreateProductRequest {
  const priceMin = parsePrice(values.priceMin);
  const priceMax = parsePrice(values.priceMax);
  return {
    nameVi: values.nameVi.trim(),
    nameEn: values.nameEn.trim(),
    descriptionVi: orNull(values.descriptionVi),
    descriptionEn: orNull(values.descriptionEn),
    categoryCode: values.categoryCode ?? '',
    materials: values.materials.map((m) => m.trim()).filter(Boolean),
    materialOrigin: orNull(values.materialOrigin),
    hsCode: orNull(values.hsCode),
    lengthCm: decimalOrNull(values.lengthCm),
    widthCm: decimalOrNull(values.widthCm),
    heightCm: decimalOrNull(values.heightCm),
    weightKg: decimalOrNull(values.weightKg),
    unit: values.unit,
    moq: intOrNull(values.moq),
    priceMin,
    priceMax,
    currency: priceMin !== null || priceMax !== null ? values.currency : null,
    leadTimeDays: intOrNull(values.leadTimeDays),
    monthlyCapacity: intOrNull(values.monthlyCapacity),
    certifications: values.certifications as CertificationType[],
    awards: values.awards.map((a) => ({
      name: a.name.trim(),
      year: Number(a.year),
      kind: a.kind,
      rank: orNull(a.rank),
    })),
    workshopId: values.workshopId,
    artisanId: values.artisanId,
  };
}

interface ProductFormProps {
  product?: Product;
  workshops: Workshop[];
  saving: boolean;
  onSubmit: (body: CreateProductRequest) => Promise<unknown>;
  onDirtyChange?: (dirty: boolean) => void;
}

export function ProductForm({ product, workshops, saving, onSubmit, onDirtyChange }: ProductFormProps) {
  const { t, i18n } = useTranslation(['products', 'errors', 'common']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const [formError, setFormError] = useState<string | null>(null);

  const decimal = (pattern: RegExp) => (v: string) =>
    v.trim() === '' || pattern.test(v.trim().replace(',', '.')) ? null : t('fields.decimalInvalid');
  const form = useForm<ProductFormValues>({
    initialValues: initialValues(product),
    validate: {
      nameVi: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
      nameEn: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
      categoryCode: (v) => (v ? null : t('errors:field.REQUIRED')),
      hsCode: (v) => (v.trim() === '' || normalizeHsCode(v) ? null : t('errors:field.INVALID_HS_CODE')),
      lengthCm: decimal(SIZE_PATTERN),
      widthCm: decimal(SIZE_PATTERN),
      heightCm: decimal(SIZE_PATTERN),
      weightKg: decimal(WEIGHT_PATTERN),
      priceMin: (v) => (v.trim() === '' || parsePrice(v) ? null : t('fields.decimalInvalid')),
      priceMax: (v, values) => {
        if (v.trim() === '') return null;
        const max = parsePrice(v);
        if (!max) return t('fields.decimalInvalid');
        const min = parsePrice(values.priceMin);
        return min && compareDecimals(min, max) > 0 ? t('fields.rangeInvalid') : null;
      },
      currency: (v, values) =>
        (values.priceMin.trim() || values.priceMax.trim()) && !v ? t('fields.currencyRequired') : null,
      awards: {
        name: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
        year: (v) => (v === '' ? t('errors:field.REQUIRED') : null),
      },
    },
  });

  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const categories = useMemo(() => categoryOptions(language), [language]);
  const certifications = useMemo(() => certificationOptions(), []);
  const currencies = useMemo(() => currencyOptions(language), [language]);
  const units = PRODUCT_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }));
  const awardKinds = AWARD_KINDS.map((k) => ({ value: k, label: t(`awardKinds.${k}`) }));
  const workshopOptions = workshops.map((w) => ({ value: w.id, label: w.name }));
  const chosenWorkshop = workshops.find((w) => w.id === form.values.workshopId);
  const artisanOptions = (chosenWorkshop ? [chosenWorkshop] : workshops).flatMap((w) =>
    w.artisans.map((a) => ({ value: a.id, label: a.title ? `${a.name} · ${a.title}` : a.name })),
  );

  return (
    <form
      noValidate
      data-testid="product-form"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(null);
        try {
          await onSubmit(toRequest(values));
          form.resetDirty();
        } catch (error) {
          setFormError(applyServerErrors(form, error, t));
        }
      })}
    >
      <Stack gap="lg">
        <FormError message={formError} />

        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('sections.identity')}
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.nameVi')}
                required
                maxLength={200}
                data-testid="product-name-vi"
                {...form.getInputProps('nameVi')}
              />
              <TextInput
                label={t('fields.nameEn')}
                required
                maxLength={200}
                data-testid="product-name-en"
                {...form.getInputProps('nameEn')}
              />
            </SimpleGrid>
            <Select
              label={t('fields.category')}
              placeholder={t('fields.categoryPlaceholder')}
              required
              searchable
              filter={foldedFilter}
              data={categories}
              data-testid="product-category"
              {...form.getInputProps('categoryCode')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea
                label={t('fields.descriptionVi')}
                autosize
                minRows={3}
                maxRows={10}
                maxLength={5000}
                data-testid="product-description-vi"
                {...form.getInputProps('descriptionVi')}
              />
              <Textarea
                label={t('fields.descriptionEn')}
                autosize
                minRows={3}
                maxRows={10}
                maxLength={5000}
                data-testid="product-description-en"
                {...form.getInputProps('descriptionEn')}
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('sections.trade')}
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <TextInput
                label={t('fields.priceMin')}
                inputMode="decimal"
                placeholder="12.50"
                className="tabular"
                data-testid="product-price-min"
                {...form.getInputProps('priceMin')}
              />
              <TextInput
                label={t('fields.priceMax')}
                inputMode="decimal"
                placeholder="18.00"
                className="tabular"
                data-testid="product-price-max"
                {...form.getInputProps('priceMax')}
              />
              <Select
                label={t('fields.currency')}
                searchable
                filter={foldedFilter}
                data={currencies}
                data-testid="product-currency"
                {...form.getInputProps('currency')}
              />
            </SimpleGrid>
            <Text fz="xs" c="dimmed">
              {t('fields.priceHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <NumberInput
                label={t('fields.moq')}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=" "
                data-testid="product-moq"
                {...form.getInputProps('moq')}
              />
              <Select
                label={t('fields.unit')}
                data={units}
                allowDeselect={false}
                data-testid="product-unit"
                {...form.getInputProps('unit')}
              />
              <NumberInput
                label={t('fields.leadTimeDays')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                data-testid="product-lead-time"
                {...form.getInputProps('leadTimeDays')}
              />
              <NumberInput
                label={t('fields.monthlyCapacity')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=" "
                data-testid="product-capacity"
                {...form.getInputProps('monthlyCapacity')}
              />
            </SimpleGrid>
            <TextInput
              label={t('fields.hsCode')}
              description={t('fields.hsCodeHint')}
              placeholder="6913.90"
              maxLength={16}
              className="tabular"
              data-testid="product-hs-code"
              {...form.getInputProps('hsCode')}
            />
          </Stack>
        </Card>

        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('sections.physical')}
          </Title>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {(['lengthCm', 'widthCm', 'heightCm', 'weightKg'] as const).map((field) => (
              <TextInput
                key={field}
                label={t(`fields.${field}`)}
                inputMode="decimal"
                className="tabular"
                data-testid={`product-${field}`}
                {...form.getInputProps(field)}
              />
            ))}
          </SimpleGrid>
        </Card>

        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('sections.origin')}
          </Title>
          <Stack gap="sm">
            <TagsInput
              label={t('fields.materials')}
              placeholder={t('fields.materialsPlaceholder')}
              maxTags={MAX_PRODUCT_MATERIALS}
              clearable
              data-testid="product-materials"
              {...form.getInputProps('materials')}
            />
            <TextInput
              label={t('fields.materialOrigin')}
              placeholder={t('fields.materialOriginPlaceholder')}
              maxLength={500}
              data-testid="product-material-origin"
              {...form.getInputProps('materialOrigin')}
            />
            {workshops.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('fields.noWorkshops')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('fields.workshop')}
                  placeholder={t('fields.workshopPlaceholder')}
                  data={workshopOptions}
                  clearable
                  data-testid="product-workshop"
                  {...form.getInputProps('workshopId')}
                  onChange={(value) => {
                    form.setFieldValue('workshopId', value);
                    const artisan = form.values.artisanId;
                    const keeps = workshops
                      .find((w) => w.id === value)
                      ?.artisans.some((a) => a.id === artisan);
                    if (!keeps) form.setFieldValue('artisanId', null);
                  }}
                />
                <Select
                  label={t('fields.artisan')}
                  placeholder={t('fields.artisanPlaceholder')}
                  data={artisanOptions}
                  clearable
                  disabled={artisanOptions.length === 0}
                  data-testid="product-artisan"
                  {...form.getInputProps('artisanId')}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Card>

        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('sections.quality')}
          </Title>
          <Stack gap="sm">
            <MultiSelect
              label={t('fields.certifications')}
              placeholder={t('fields.certificationsPlaceholder')}
              data={certifications}
              searchable
              clearable
              data-testid="product-certifications"
              {...form.getInputProps('certifications')}
            />
            <Text fw={600} fz="sm">
              {t('fields.awards')}
            </Text>
            {form.values.awards.length === 0 && (
              <Text fz="sm" c="dimmed">
                {t('fields.noAwards')}
              </Text>
            )}
            {form.values.awards.map((_, index) => (
              <Group key={index} align="flex-end" gap="xs" wrap="wrap" data-testid="product-award">
                <TextInput
                  label={t('fields.awardName')}
                  style={{ flex: '2 1 220px' }}
                  maxLength={200}
                  {...form.getInputProps(`awards.${index}.name`)}
                />
                <NumberInput
                  label={t('fields.awardYear')}
                  w={100}
                  min={1900}
                  max={2100}
                  allowDecimal={false}
                  {...form.getInputProps(`awards.${index}.year`)}
                />
                <Select
                  label={t('fields.awardKind')}
                  data={awardKinds}
                  allowDeselect={false}
                  style={{ flex: '1 1 170px' }}
                  {...form.getInputProps(`awards.${index}.kind`)}
                />
                <TextInput
                  label={t('fields.awardRank')}
                  placeholder={t('fields.awardRankPlaceholder')}
                  maxLength={80}
                  style={{ flex: '1 1 120px' }}
                  {...form.getInputProps(`awards.${index}.rank`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="lacquer"
                  size="lg"
                  mb={2}
                  aria-label={t('fields.removeAward')}
                  onClick={() => form.removeListItem('awards', index)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                disabled={form.values.awards.length >= MAX_PRODUCT_AWARDS}
                onClick={() =>
                  form.insertListItem('awards', {
                    name: '',
                    year: new Date().getFullYear(),
                    kind: 'product_contest',
                    rank: '',
                  } satisfies AwardValues)
                }
              >
                {t('fields.addAward')}
              </Button>
            </Group>
          </Stack>
        </Card>

        <Group justify="flex-end">
          <Button
            type="submit"
            size="md"
            loading={saving}
            leftSection={<IconDeviceFloppy size={18} />}
            data-testid="product-save"
          >
            {product ? t('editor.save') : t('editor.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
