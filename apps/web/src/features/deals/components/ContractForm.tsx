import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_MAX_LINES,
  CONTRACT_NUMBER_MAX,
  CONTRACT_PAYMENT_TERMS,
  CONTRACT_TEXT_MAX,
  INCOTERMS,
  MONEY_LIMITS,
  PRODUCT_UNITS,
  compareDecimals,
  contractTotal,
  isDecimalString,
  lineTotal,
  type ContractKind,
  type ContractPaymentTerm,
  type CreateContractRequest,
  type Incoterm,
  type MeetingDetail,
} from '@craftmatch/shared';
import { FormError } from '../../../components/StateViews';
import { applyServerErrors } from '../../../lib/forms';
import { useReference } from '../../../lib/reference';
import { useExhibitorProducts, type Counterpart } from '../api/counterparts';
import { formatMoney } from './money';

export interface LineValues {
  productId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}

export interface ContractFormValues {
  counterpartCompanyId: string | null;
  meetingId: string | null;
  number: string;
  signedOn: string;
  kind: ContractKind;
  currency: string;
  incoterm: Incoterm;
  incotermPlace: string;
  paymentTerms: ContractPaymentTerm;
  depositPercent: string;
  notes: string;
  lines: LineValues[];
}

const emptyLine = (): LineValues => ({
  productId: null,
  description: '',
  quantity: '',
  unit: 'pcs',
  unitPrice: '',
});

const { quantity: Q, unitPrice: P, depositPercent: DP } = MONEY_LIMITS;
const validQuantity = (v: string) => isDecimalString(v, Q.precision, Q.scale) && !/^0(\.0+)?$/.test(v);
const validPrice = (v: string) => isDecimalString(v, P.precision, P.scale);

/** A line's total while typing, by the same rules as the server (display only; the server is authoritative). */
export function liveLineTotal(line: LineValues, currency: string): string | null {
  return validQuantity(line.quantity) && validPrice(line.unitPrice)
    ? lineTotal(line.quantity, line.unitPrice, currency)
    : null;
}

/** The contract total when every line is complete, else null. */
export function liveContractTotal(lines: LineValues[], currency: string): string | null {
  if (lines.length === 0 || lines.some((l) => liveLineTotal(l, currency) === null)) return null;
  return contractTotal(lines, currency);
}

export function toRequest(values: ContractFormValues): CreateContractRequest {
  return {
    counterpartCompanyId: values.counterpartCompanyId ?? '',
    meetingId: values.meetingId,
    number: values.number.trim(),
    signedOn: values.signedOn,
    kind: values.kind,
    currency: values.currency,
    incoterm: values.incoterm,
    incotermPlace: values.incotermPlace.trim(),
    paymentTerms: values.paymentTerms,
    depositPercent:
      values.paymentTerms === 'tt' && values.depositPercent.trim() ? values.depositPercent.trim() : null,
    notes: values.notes.trim() || null,
    lines: values.lines.map((l) => ({
      productId: l.productId,
      description: l.description.trim(),
      quantity: l.quantity.trim(),
      unit: l.unit,
      unitPrice: l.unitPrice.trim(),
    })),
  };
}

interface ContractFormProps {
  side: 'buyer' | 'exhibitor';
  /** the caller's own company (the exhibitor when side is 'exhibitor') */
  ownCompanyId: string;
  counterparts: Counterpart[];
  heldMeetings: MeetingDetail[];
  initial?: Partial<ContractFormValues>;
  submitting: boolean;
  /** editing an existing contract: the partner cannot change */
  editing?: boolean;
  onSubmit: (body: CreateContractRequest, form: { setServerError: (error: unknown) => void }) => void;
}

/** Record a contract or LOI: line items with live totals in the contract's currency. */
export function ContractForm({
  side,
  ownCompanyId,
  counterparts,
  heldMeetings,
  initial,
  submitting,
  editing = false,
  onSubmit,
}: ContractFormProps) {
  const { t } = useTranslation(['deals', 'products', 'errors']);
  const ref = useReference();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ContractFormValues>({
    initialValues: {
      counterpartCompanyId: null,
      meetingId: null,
      number: '',
      signedOn: new Date().toISOString().slice(0, 10),
      kind: 'contract',
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: '',
      paymentTerms: 'tt',
      depositPercent: '30',
      notes: '',
      lines: [emptyLine()],
      ...initial,
    },
    validate: {
      counterpartCompanyId: (v) => (v ? null : t('errors:field.REQUIRED')),
      number: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
      signedOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('errors:field.REQUIRED')),
      incotermPlace: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
      depositPercent: (v, values) =>
        values.paymentTerms !== 'tt' ||
        !v.trim() ||
        (isDecimalString(v.trim(), DP.precision, DP.scale) && compareDecimals(v.trim(), '100') <= 0)
          ? null
          : t('deals:form.depositInvalid'),
      lines: {
        description: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
        quantity: (v) => (validQuantity(v.trim()) ? null : t('deals:form.quantityInvalid')),
        unitPrice: (v) => (validPrice(v.trim()) ? null : t('deals:form.priceInvalid')),
      },
    },
  });
  const values = form.getValues();
  const exhibitorId = side === 'exhibitor' ? ownCompanyId : values.counterpartCompanyId;
  const products = useExhibitorProducts(exhibitorId);
  const productOptions = (products.data?.items ?? []).map((p) => ({
    value: p.id,
    label: ref.language === 'vi' ? p.nameVi : p.nameEn,
  }));
  const total = liveContractTotal(values.lines, values.currency);

  const counterpartOf = (m: MeetingDetail) => (side === 'buyer' ? m.exhibitor : m.buyer);
  const meetingOptions = heldMeetings.map((m) => ({
    value: m.id,
    label: m.start
      ? t('form.meetingOption', { company: counterpartOf(m).companyName, date: m.start.slice(0, 10) })
      : counterpartOf(m).companyName,
  }));
  const counterpartOptions = counterparts.map((c) => ({ value: c.companyId, label: c.companyName }));
  for (const m of heldMeetings) {
    const c = counterpartOf(m);
    if (!counterpartOptions.some((o) => o.value === c.companyId))
      counterpartOptions.push({ value: c.companyId, label: c.companyName });
  }

  const pickProduct = (index: number, productId: string | null) => {
    form.setFieldValue(`lines.${index}.productId`, productId);
    const product = products.data?.items.find((p) => p.id === productId);
    if (product) {
      form.setFieldValue(
        `lines.${index}.description`,
        ref.language === 'vi' ? product.nameVi : product.nameEn,
      );
      if ((PRODUCT_UNITS as readonly string[]).includes(product.unit))
        form.setFieldValue(`lines.${index}.unit`, product.unit);
    }
  };

  return (
    <form
      noValidate
      data-testid="contract-form"
      onSubmit={form.onSubmit((v) => {
        setFormError(null);
        onSubmit(toRequest(v), {
          setServerError: (error) => setFormError(applyServerErrors(form, error, t)),
        });
      })}
    >
      <Stack gap="lg">
        <FormError message={formError} />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} fz="lg">
              {t('form.parties')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {!editing && (
                <Select
                  label={t('form.meeting')}
                  description={t('form.meetingHint')}
                  data={meetingOptions}
                  clearable
                  data-testid="contract-meeting"
                  {...form.getInputProps('meetingId')}
                  onChange={(id) => {
                    form.setFieldValue('meetingId', id);
                    const m = heldMeetings.find((x) => x.id === id);
                    if (m) form.setFieldValue('counterpartCompanyId', counterpartOf(m).companyId);
                  }}
                />
              )}
              <Select
                label={side === 'buyer' ? t('form.exhibitor') : t('form.buyer')}
                data={counterpartOptions}
                searchable
                required
                disabled={editing || Boolean(values.meetingId)}
                data-testid="contract-counterpart"
                {...form.getInputProps('counterpartCompanyId')}
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} fz="lg">
              {t('form.terms')}
            </Title>
            <SegmentedControl
              data={[
                { value: 'contract', label: t('kind.contract') },
                { value: 'loi', label: t('kind.loi') },
              ]}
              {...form.getInputProps('kind')}
              data-testid="contract-kind"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('fields.number')}
                required
                maxLength={CONTRACT_NUMBER_MAX}
                data-testid="contract-number"
                {...form.getInputProps('number')}
              />
              <TextInput
                label={t('fields.signedOn')}
                type="date"
                required
                data-testid="contract-signed-on"
                {...form.getInputProps('signedOn')}
              />
              <Select
                label={t('fields.currency')}
                data={ref.currencies}
                searchable
                allowDeselect={false}
                data-testid="contract-currency"
                {...form.getInputProps('currency')}
              />
              <Select
                label={t('fields.incoterm')}
                data={INCOTERMS.map((i) => ({ value: i, label: `${i} · ${t(`incoterms.${i}`)}` }))}
                allowDeselect={false}
                data-testid="contract-incoterm"
                {...form.getInputProps('incoterm')}
              />
              <TextInput
                label={t('fields.incotermPlace')}
                placeholder={t('form.placePlaceholder')}
                required
                data-testid="contract-place"
                {...form.getInputProps('incotermPlace')}
              />
              <Select
                label={t('fields.paymentTerms')}
                data={CONTRACT_PAYMENT_TERMS.map((p) => ({ value: p, label: t(`paymentTerms.${p}`) }))}
                allowDeselect={false}
                data-testid="contract-payment"
                {...form.getInputProps('paymentTerms')}
              />
              {values.paymentTerms === 'tt' && (
                <TextInput
                  label={t('fields.depositPercent')}
                  inputMode="decimal"
                  rightSection="%"
                  data-testid="contract-deposit"
                  {...form.getInputProps('depositPercent')}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} fz="lg">
              {t('form.lines')}
            </Title>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" data-testid="contract-lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="22%">{t('fields.product')}</Table.Th>
                    <Table.Th>{t('fields.description')}</Table.Th>
                    <Table.Th w={110}>{t('fields.quantity')}</Table.Th>
                    <Table.Th w={120}>{t('fields.unit')}</Table.Th>
                    <Table.Th w={130}>{t('fields.unitPrice')}</Table.Th>
                    <Table.Th w={150} ta="right">
                      {t('fields.lineTotal')}
                    </Table.Th>
                    <Table.Th w={40} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.lines.map((line, index) => {
                    const lt = liveLineTotal(line, values.currency);
                    return (
                      <Table.Tr key={form.key(`lines.${index}`)} data-testid="contract-line">
                        <Table.Td>
                          <Select
                            aria-label={t('fields.product')}
                            placeholder={t('form.freeText')}
                            data={productOptions}
                            searchable
                            clearable
                            value={line.productId}
                            onChange={(id) => pickProduct(index, id)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('fields.description')}
                            data-testid="line-description"
                            {...form.getInputProps(`lines.${index}.description`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('fields.quantity')}
                            inputMode="decimal"
                            data-testid="line-quantity"
                            {...form.getInputProps(`lines.${index}.quantity`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={t('fields.unit')}
                            data={PRODUCT_UNITS.map((u) => ({ value: u, label: t(`products:units.${u}`) }))}
                            allowDeselect={false}
                            {...form.getInputProps(`lines.${index}.unit`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('fields.unitPrice')}
                            inputMode="decimal"
                            data-testid="line-unit-price"
                            {...form.getInputProps(`lines.${index}.unitPrice`)}
                          />
                        </Table.Td>
                        <Table.Td ta="right" className="tabular" data-testid="line-total">
                          {lt === null ? '—' : formatMoney(lt, values.currency, ref.language)}
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="lacquer"
                            aria-label={t('form.removeLine')}
                            disabled={values.lines.length === 1}
                            onClick={() => form.removeListItem('lines', index)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between" align="center">
              <Button
                variant="light"
                color="cham"
                leftSection={<IconPlus size={16} />}
                disabled={values.lines.length >= CONTRACT_MAX_LINES}
                onClick={() => form.insertListItem('lines', emptyLine())}
                data-testid="add-line"
              >
                {t('form.addLine')}
              </Button>
              <Stack gap={0} align="flex-end">
                <Text fz="sm" c="dimmed">
                  {t('fields.total')}
                </Text>
                <Text fz="xl" fw={700} className="tabular" data-testid="contract-total">
                  {total === null ? '—' : formatMoney(total, values.currency, ref.language)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {t('form.totalHint')}
                </Text>
              </Stack>
            </Group>
          </Stack>
        </Paper>

        <Textarea
          label={t('fields.notes')}
          autosize
          minRows={2}
          maxLength={CONTRACT_TEXT_MAX}
          {...form.getInputProps('notes')}
        />

        <Group justify="flex-end">
          <Button type="submit" color="cham" loading={submitting} data-testid="contract-submit">
            {editing ? t('form.save') : t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
