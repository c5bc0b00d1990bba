import { useState } from 'react';
import { Button, Group, Modal, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackages, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SAMPLE_STATUSES, type SampleStatus } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useCounterparts, useHeldMeetings } from '../api/counterparts';
import { useCreateSample, useSamples } from '../api/samples';
import { DealFilters } from '../components/DealFairSelect';
import { DealsNav } from '../components/DealsNav';
import { formatMoney } from '../components/money';
import { SampleDrawer } from '../components/SampleDrawer';
import { SampleRequestForm } from '../components/SampleRequestForm';
import { SampleStatusBadge } from '../components/StatusBadge';
import { useDealContext } from '../components/use-deal-context';

const PAGE_SIZE = 20;

/** /deals/samples: sample requests of the company at a fair, both directions, live. */
export function SamplesPage() {
  const { t, i18n } = useTranslation('deals');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const { side, companyId, fairs, fairId, params, setParam } = useDealContext();
  const status = (params.get('status') as SampleStatus | null) ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const samples = useSamples(
    { fairId: fairId ?? undefined, status, page, pageSize: PAGE_SIZE },
    Boolean(fairId),
  );
  const [creating, setCreating] = useState(false);
  const held = useHeldMeetings(creating && side ? fairId : null);
  const counterparts = useCounterparts(creating && side ? fairId : null);
  const create = useCreateSample();
  const openId = params.get('sample');

  const header = (
    <>
      <PageHeader
        title={t('samples.title')}
        subtitle={t('samples.subtitle')}
        actions={
          side &&
          fairId && (
            <Button
              color="cham"
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="new-sample"
            >
              {side === 'buyer' ? t('samples.newRequest') : t('samples.newOffer')}
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
  const list = samples.data;

  return (
    <>
      {header}
      <Stack gap="md">
        <DealFilters
          fairs={fairs.data}
          fairId={fairId}
          status={status}
          statuses={SAMPLE_STATUSES}
          statusLabel={(s) => t(`sampleStatus.${s}`)}
          onChange={setParam}
        />
        {samples.isPending ? (
          <ListSkeleton rows={5} height={44} />
        ) : samples.isError ? (
          <ErrorState error={samples.error} onRetry={() => void samples.refetch()} />
        ) : !list || list.items.length === 0 ? (
          <EmptyState
            icon={<IconPackages size={28} />}
            title={t('samples.emptyTitle')}
            body={t('samples.emptyBody')}
          />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={720}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="samples-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contracts.counterpart')}</Table.Th>
                    <Table.Th>{t('samples.items')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th ta="right">{t('samples.cost')}</Table.Th>
                    <Table.Th>{t('samples.updatedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((s) => (
                    <Table.Tr
                      key={s.id}
                      style={{ cursor: 'pointer' }}
                      onClick={() => setParam('sample', s.id)}
                      data-testid="sample-row"
                    >
                      <Table.Td fw={600}>
                        {s.exhibitorCompanyId === companyId ? s.buyerName : s.exhibitorName}
                      </Table.Td>
                      <Table.Td>{t('samples.itemCount', { count: s.itemCount })}</Table.Td>
                      <Table.Td>
                        <SampleStatusBadge status={s.status} />
                      </Table.Td>
                      <Table.Td ta="right" className="tabular">
                        {s.cost && s.currency ? formatMoney(s.cost, s.currency, lng) : t('samples.free')}
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{formatDate(s.updatedAt, lng)}</Text>
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

      <SampleDrawer id={openId} companyId={companyId} onClose={() => setParam('sample', null)} />
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={side === 'buyer' ? t('samples.newRequest') : t('samples.newOffer')}
        size="xl"
      >
        {side && fairId && companyId && (held.isPending || counterparts.isPending) ? (
          <ListSkeleton rows={3} />
        ) : side && fairId && companyId ? (
          <SampleRequestForm
            side={side}
            ownCompanyId={companyId}
            counterparts={counterparts.data ?? []}
            heldMeetings={held.data ?? []}
            submitting={create.isPending}
            onSubmit={(body, form) =>
              create.mutate(
                { fairId, body },
                {
                  onSuccess: (sample) => {
                    notifications.show({ color: 'celadon', message: t('samples.created') });
                    setCreating(false);
                    setParam('sample', sample.id);
                  },
                  onError: (e) => form.setServerError(e),
                },
              )
            }
          />
        ) : null}
      </Modal>
    </>
  );
}
