import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  MONEY_LIMITS,
  SAMPLE_MAX_ITEMS,
  SAMPLE_TEXT_MAX,
  isDecimalString,
  type CreateSampleRequest,
  type MeetingDetail,
} from '@craftmatch/shared';
import { FormError } from '../../../components/StateViews';
import { applyServerErrors } from '../../../lib/forms';
import { useReference } from '../../../lib/reference';
import { useExhibitorProducts, type Counterpart } from '../api/counterparts';

interface ItemValues {
  productId: string | null;
  description: string;
  quantity: number | string;
}

interface SampleFormValues {
  counterpartCompanyId: string | null;
  meetingId: string | null;
  items: ItemValues[];
  cost: string;
  currency: string;
  notes: string;
}

const emptyItem = (): ItemValues => ({ productId: null, description: '', quantity: 1 });

/** Ask for samples (a buyer) or offer them (an exhibitor): products, quantities and an optional cost. */
export function SampleRequestForm({
  side,
  ownCompanyId,
  counterparts,
  heldMeetings,
  submitting,
  onSubmit,
}: {
  side: 'buyer' | 'exhibitor';
  ownCompanyId: string;
  counterparts: Counterpart[];
  heldMeetings: MeetingDetail[];
  submitting: boolean;
  onSubmit: (body: CreateSampleRequest, form: { setServerError: (error: unknown) => void }) => void;
}) {
  const { t } = useTranslation(['deals', 'errors']);
  const ref = useReference();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SampleFormValues>({
    initialValues: {
      counterpartCompanyId: null,
      meetingId: null,
      items: [emptyItem()],
      cost: '',
      currency: 'USD',
      notes: '',
    },
    validate: {
      counterpartCompanyId: (v) => (v ? null : t('errors:field.REQUIRED')),
      cost: (v) =>
        !v.trim() || isDecimalString(v.trim(), MONEY_LIMITS.cost.precision, MONEY_LIMITS.cost.scale)
          ? null
          : t('deals:form.priceInvalid'),
      items: {
        description: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
        quantity: (v) => (Number.isInteger(v) && Number(v) >= 1 ? null : t('deals:form.quantityInvalid')),
      },
    },
  });
  const values = form.getValues();
  const counterpartOf = (m: MeetingDetail) => (side === 'buyer' ? m.exhibitor : m.buyer);
  const exhibitorId = side === 'exhibitor' ? ownCompanyId : values.counterpartCompanyId;
  const products = useExhibitorProducts(exhibitorId);
  const productOptions = (products.data?.items ?? []).map((p) => ({
    value: p.id,
    label: ref.language === 'vi' ? p.nameVi : p.nameEn,
  }));
  const counterpartOptions = counterparts.map((c) => ({ value: c.companyId, label: c.companyName }));
  for (const m of heldMeetings) {
    const c = counterpartOf(m);
    if (!counterpartOptions.some((o) => o.value === c.companyId))
      counterpartOptions.push({ value: c.companyId, label: c.companyName });
  }

  return (
    <form
      noValidate
      data-testid="sample-form"
      onSubmit={form.onSubmit((v) => {
        setFormError(null);
        const cost = v.cost.trim();
        onSubmit(
          {
            counterpartCompanyId: v.counterpartCompanyId ?? '',
            meetingId: v.meetingId,
            items: v.items.map((i) => ({
              productId: i.productId,
              description: i.description.trim(),
              quantity: Number(i.quantity),
            })),
            cost: cost || null,
            currency: cost ? v.currency : null,
            notes: v.notes.trim() || null,
          },
          { setServerError: (error) => setFormError(applyServerErrors(form, error, t)) },
        );
      })}
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('form.meeting')}
            data={heldMeetings.map((m) => ({ value: m.id, label: counterpartOf(m).companyName }))}
            clearable
            {...form.getInputProps('meetingId')}
            onChange={(id) => {
              form.setFieldValue('meetingId', id);
              const m = heldMeetings.find((x) => x.id === id);
              if (m) form.setFieldValue('counterpartCompanyId', counterpartOf(m).companyId);
            }}
          />
          <Select
            label={side === 'buyer' ? t('form.exhibitor') : t('form.buyer')}
            data={counterpartOptions}
            searchable
            required
            disabled={Boolean(values.meetingId)}
            data-testid="sample-counterpart"
            {...form.getInputProps('counterpartCompanyId')}
          />
        </SimpleGrid>
        {values.items.map((item, index) => (
          <Group
            key={form.key(`items.${index}`)}
            align="flex-end"
            gap="xs"
            wrap="nowrap"
            data-testid="sample-item"
          >
            <Select
              label={index === 0 ? t('fields.product') : undefined}
              aria-label={t('fields.product')}
              placeholder={t('form.freeText')}
              data={productOptions}
              searchable
              clearable
              value={item.productId}
              onChange={(id) => {
                form.setFieldValue(`items.${index}.productId`, id);
                const p = products.data?.items.find((x) => x.id === id);
                if (p)
                  form.setFieldValue(
                    `items.${index}.description`,
                    ref.language === 'vi' ? p.nameVi : p.nameEn,
                  );
              }}
              style={{ flex: 1 }}
            />
            <TextInput
              label={index === 0 ? t('fields.description') : undefined}
              aria-label={t('fields.description')}
              style={{ flex: 1 }}
              data-testid="sample-item-description"
              {...form.getInputProps(`items.${index}.description`)}
            />
            <NumberInput
              label={index === 0 ? t('fields.quantity') : undefined}
              aria-label={t('fields.quantity')}
              min={1}
              max={100000}
              allowDecimal={false}
              w={100}
              {...form.getInputProps(`items.${index}.quantity`)}
            />
            <ActionIcon
              variant="subtle"
              color="lacquer"
              mb={6}
              aria-label={t('form.removeLine')}
              disabled={values.items.length === 1}
              onClick={() => form.removeListItem('items', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            color="cham"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={values.items.length >= SAMPLE_MAX_ITEMS}
            onClick={() => form.insertListItem('items', emptyItem())}
          >
            {t('samples.addItem')}
          </Button>
        </Group>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('samples.cost')}
            inputMode="decimal"
            placeholder={t('samples.free')}
            {...form.getInputProps('cost')}
          />
          <Select
            label={t('fields.currency')}
            data={ref.currencies}
            searchable
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        <Textarea
          label={t('fields.notes')}
          autosize
          minRows={2}
          maxLength={SAMPLE_TEXT_MAX}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button type="submit" color="cham" loading={submitting} data-testid="sample-submit">
            {side === 'buyer' ? t('samples.submitRequest') : t('samples.submitOffer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
