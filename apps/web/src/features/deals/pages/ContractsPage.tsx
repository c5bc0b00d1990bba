import { Button, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CONTRACT_STATUSES, type ContractStatus } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useContracts } from '../api/contracts';
import { DealFilters } from '../components/DealFairSelect';
import { DealsNav } from '../components/DealsNav';
import { formatMoney, formatUsd } from '../components/money';
import { ContractStatusBadge } from '../components/StatusBadge';
import { useDealContext } from '../components/use-deal-context';

const PAGE_SIZE = 20;

/** /deals/contracts: the company's contracts and LOIs at a fair, filtered by status, paged. */
export function ContractsPage() {
  const { t, i18n } = useTranslation('deals');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const navigate = useNavigate();
  const { side, companyId, fairs, fairId, params, setParam } = useDealContext();
  const status = (params.get('status') as ContractStatus | null) ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const contracts = useContracts(
    { fairId: fairId ?? undefined, status, page, pageSize: PAGE_SIZE },
    Boolean(fairId),
  );

  const newLink = `/deals/contracts/new${fairId ? `?fair=${fairId}` : ''}`;
  const header = (
    <>
      <PageHeader
        title={t('contracts.title')}
        subtitle={t('contracts.subtitle')}
        actions={
          side && (
            <Button
              component={Link}
              to={newLink}
              color="cham"
              leftSection={<IconPlus size={16} />}
              data-testid="new-contract"
            >
              {t('contracts.new')}
            </Button>
          )
        }
      />
      <DealsNav />
    </>
  );

  if (fairs.isPending)
    return (
      <>
        {header}
        <ListSkeleton rows={4} />
      </>
    );
  if (fairs.isError)
    return (
      <>
        {header}
        <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
      </>
    );

  const list = contracts.data;
  return (
    <>
      {header}
      <Stack gap="md">
        <DealFilters
          fairs={fairs.data}
          fairId={fairId}
          status={status}
          statuses={CONTRACT_STATUSES}
          statusLabel={(s) => t(`contractStatus.${s}`)}
          onChange={setParam}
          statusTestId="contract-status-filter"
        />
        {contracts.isPending ? (
          <ListSkeleton rows={5} height={44} />
        ) : contracts.isError ? (
          <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
        ) : !list || list.items.length === 0 ? (
          <EmptyState
            icon={<IconFileCertificate size={28} />}
            title={t('contracts.emptyTitle')}
            body={t('contracts.emptyBody')}
            action={
              side && (
                <Button component={Link} to={newLink} color="cham">
                  {t('contracts.new')}
                </Button>
              )
            }
          />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={820}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="contracts-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.number')}</Table.Th>
                    <Table.Th>{t('contracts.counterpart')}</Table.Th>
                    <Table.Th>{t('fields.signedOn')}</Table.Th>
                    <Table.Th>{t('fields.kind')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th ta="right">{t('fields.total')}</Table.Th>
                    <Table.Th ta="right">{t('fields.totalUsd')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((c) => (
                    <Table.Tr
                      key={c.id}
                      style={{ cursor: 'pointer' }}
                      onClick={() => void navigate(`/deals/contracts/${c.id}`)}
                      data-testid="contract-row"
                    >
                      <Table.Td>
                        <Text component={Link} to={`/deals/contracts/${c.id}`} fw={600} c="cham.7">
                          {c.number}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {c.exhibitorCompanyId === companyId ? c.buyerName : c.exhibitorName}
                      </Table.Td>
                      <Table.Td>{formatDate(c.signedOn, lng)}</Table.Td>
                      <Table.Td>{t(`kind.${c.kind}`)}</Table.Td>
                      <Table.Td>
                        <ContractStatusBadge status={c.status} />
                      </Table.Td>
                      <Table.Td ta="right" className="tabular">
                        {formatMoney(c.total, c.currency, lng)}
                      </Table.Td>
                      <Table.Td ta="right" className="tabular">
                        {formatUsd(c.totalUsd, lng)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        {list && list.total > list.pageSize && (
          <Group justify="center">
            <Pagination
              total={Math.ceil(list.total / list.pageSize)}
              value={page}
              onChange={(p) => setParam('page', String(p))}
            />
          </Group>
        )}
      </Stack>
    </>
  );
}
