import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconCurrencyDollar, IconEdit, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, hasPermission, parseDecimal, type FxRate } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate, formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useFxRates } from '../api/fx-rates';
import { FxRateModal, type FxRateDraft } from '../components/FxRateModal';

/** "1 USD = 25,400.00 VND", from the exact rate string (decimal.js, 6 significant digits for reading only). */
function inverse(rate: string): string | null {
  try {
    const d = parseDecimal(rate);
    return d.isZero() ? null : parseDecimal('1').div(d).toSignificantDigits(6).toFixed();
  } catch {
    return null;
  }
}

/** /organizer/fx-rates: the organizer's FX rates to USD per currency and effective date. */
export function FxRatesPage() {
  const { t, i18n } = useTranslation('dashboard');
  const language = currentLanguage(i18n.language);
  const me = useMe();
  const canEdit = hasPermission(me.data?.role, 'fairs.manage');
  const [currency, setCurrency] = useState<string | null>(null);
  const rates = useFxRates(currency);
  const [modal, setModal] = useState<{ initial: FxRateDraft | null; editing: boolean } | null>(null);

  const edit = (rate: FxRate) =>
    setModal({
      initial: { currency: rate.currency, effectiveDate: rate.effectiveDate, rateToUsd: rate.rateToUsd },
      editing: true,
    });

  return (
    <>
      <PageHeader
        title={t('fx.title')}
        subtitle={t('fx.subtitle')}
        actions={
          canEdit && (
            <Button
              color="cham"
              leftSection={<IconPlus size={16} />}
              onClick={() => setModal({ initial: null, editing: false })}
              data-testid="fx-add"
            >
              {t('fx.add')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {!canEdit && me.data && <Alert color="gray">{t('fx.readOnly')}</Alert>}
        <Select
          label={t('fx.filterCurrency')}
          placeholder={t('fx.allCurrencies')}
          data={CURRENCIES.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
          searchable
          clearable
          value={currency}
          onChange={setCurrency}
          maw={320}
        />
        {rates.isPending ? (
          <ListSkeleton />
        ) : rates.isError ? (
          <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />
        ) : rates.data.length === 0 ? (
          <EmptyState
            icon={<IconCurrencyDollar size={28} />}
            title={t('fx.emptyTitle')}
            body={t('fx.emptyBody')}
            action={
              canEdit && (
                <Button color="cham" onClick={() => setModal({ initial: null, editing: false })}>
                  {t('fx.add')}
                </Button>
              )
            }
          />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover data-testid="fx-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fx.currency')}</Table.Th>
                    <Table.Th>{t('fx.effectiveDate')}</Table.Th>
                    <Table.Th ta="right">{t('fx.rate')}</Table.Th>
                    <Table.Th>{t('fx.setBy')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rates.data.map((rate) => {
                    const per = inverse(rate.rateToUsd);
                    return (
                      <Table.Tr key={`${rate.currency}-${rate.effectiveDate}`}>
                        <Table.Td fw={600}>{rate.currency}</Table.Td>
                        <Table.Td className="tabular">
                          {formatDate(`${rate.effectiveDate}T12:00:00Z`, language)}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text className="tabular" ff="monospace">
                            {rate.rateToUsd}
                          </Text>
                          {per && rate.currency !== 'USD' && (
                            <Text fz="xs" c="dimmed" className="tabular">
                              {t('fx.perUsd', { value: per, currency: rate.currency })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm">{rate.setByName ?? '—'}</Text>
                          <Text fz="xs" c="dimmed">
                            {t('fx.updatedAt')} {formatDateTime(rate.updatedAt, language)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {canEdit && (
                            <Group justify="flex-end">
                              <Button
                                size="xs"
                                variant="light"
                                leftSection={<IconEdit size={14} />}
                                onClick={() => edit(rate)}
                              >
                                {t('fx.edit')}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
      {modal && (
        <FxRateModal initial={modal.initial} editing={modal.editing} onClose={() => setModal(null)} />
      )}
    </>
  );
}
