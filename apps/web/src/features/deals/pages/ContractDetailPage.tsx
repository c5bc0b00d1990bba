import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ContractDetail } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useContract, useContractAudit } from '../api/contracts';
import { AuditTrail } from '../components/AuditTrail';
import { ContractActions } from '../components/ContractActions';
import { ContractAttachment } from '../components/ContractAttachment';
import { formatDecimal, formatMoney, formatUsd } from '../components/money';
import { ContractStatusBadge } from '../components/StatusBadge';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm">{children}</Text>
    </Stack>
  );
}

/** /deals/contracts/:id: the contract, its USD value at the stored rate, actions and audit trail. Live. */
export function ContractDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation(['deals', 'products']);
  const lng = currentLanguage(i18n.resolvedLanguage);
  const me = useMe();
  const contract = useContract(id);
  const audit = useContractAudit(id);

  if (contract.isPending) return <ListSkeleton rows={6} height={64} />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  const c: ContractDetail = contract.data;
  const companyId = me.data?.company?.id ?? null;
  const awaitingMe = c.status === 'declared' && companyId !== null && c.declaredByCompanyId !== companyId;

  return (
    <>
      <PageHeader
        title={t('detail.title', { number: c.number })}
        subtitle={
          <Group gap="xs" component="span">
            <ContractStatusBadge status={c.status} />
            <Badge component="span" variant="outline" color="cham">
              {t(`kind.${c.kind}`)}
            </Badge>
          </Group>
        }
        actions={<ContractActions contract={c} companyId={companyId} />}
      />
      <Stack gap="md">
        {awaitingMe && (
          <Alert color="rattan" variant="light" data-testid="awaiting-me">
            {t('detail.awaitingYou')}
          </Alert>
        )}
        {c.status === 'disputed' && c.disputeReason && (
          <Alert
            color="lacquer"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('detail.disputedTitle')}
          >
            {c.disputeReason}
          </Alert>
        )}
        {c.status === 'cancelled' && c.cancelReason && (
          <Alert color="gray" variant="light" title={t('detail.cancelledTitle')}>
            {c.cancelReason}
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Paper withBorder p="md">
            <Text fz="xs" c="dimmed">
              {t('fields.total')}
            </Text>
            <Text fz={26} fw={700} className="tabular" data-testid="detail-total">
              {formatMoney(c.total, c.currency, lng)}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Text fz="xs" c="dimmed">
              {t('fields.totalUsd')}
            </Text>
            <Text fz={26} fw={700} className="tabular" data-testid="detail-total-usd">
              {formatUsd(c.totalUsd, lng)}
            </Text>
            <Text fz="xs" c="dimmed" data-testid="detail-rate">
              {t('detail.rateUsed', {
                currency: c.currency,
                rate: formatDecimal(c.fxRate, lng),
                date: formatDate(c.fxDate, lng),
              })}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Fact label={t('fields.exhibitor')}>{c.exhibitorName}</Fact>
              <Fact label={t('fields.buyer')}>{c.buyerName}</Fact>
            </Stack>
          </Paper>
        </SimpleGrid>

        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Fact label={t('fields.signedOn')}>{formatDate(c.signedOn, lng)}</Fact>
            <Fact label={t('fields.currency')}>{c.currency}</Fact>
            <Fact label={t('fields.incoterm')}>
              {c.incoterm} {c.incotermPlace}
            </Fact>
            <Fact label={t('fields.paymentTerms')}>
              {c.paymentTerms === 'tt' && c.depositPercent
                ? t('detail.ttDeposit', { percent: formatDecimal(c.depositPercent, lng, 2) })
                : t(`paymentTerms.${c.paymentTerms}`)}
            </Fact>
            {c.meetingId && <Fact label={t('fields.meetingId')}>{t('detail.fromMeeting')}</Fact>}
            {c.confirmedAt && <Fact label={t('fields.confirmedAt')}>{formatDate(c.confirmedAt, lng)}</Fact>}
          </SimpleGrid>
          {c.notes && (
            <Text fz="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes}
            </Text>
          )}
        </Paper>

        <ContractAttachment contract={c} companyId={companyId} />

        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" data-testid="detail-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t('fields.description')}</Table.Th>
                  <Table.Th ta="right">{t('fields.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('fields.unitPrice')}</Table.Th>
                  <Table.Th ta="right">{t('fields.lineTotal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.lines.map((l) => (
                  <Table.Tr key={l.position}>
                    <Table.Td>{l.position}</Table.Td>
                    <Table.Td>{l.description}</Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatDecimal(l.quantity, lng, 4)}{' '}
                      {t(`products:units.${l.unit}`, { defaultValue: l.unit })}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatMoney(l.unitPrice, c.currency, lng)}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatMoney(l.lineTotal, c.currency, lng)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>

        <Paper withBorder p="md">
          <Title order={3} fz="lg" mb="sm">
            {t('audit.title')}
          </Title>
          {audit.isPending ? (
            <ListSkeleton rows={2} height={40} />
          ) : audit.isError ? (
            <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
          ) : (
            <AuditTrail entries={audit.data} currency={c.currency} />
          )}
        </Paper>
        <Anchor component={Link} to={`/deals/contracts?fair=${c.fairId}`} fz="sm">
          {t('contracts.back')}
        </Anchor>
      </Stack>
    </>
  );
}
