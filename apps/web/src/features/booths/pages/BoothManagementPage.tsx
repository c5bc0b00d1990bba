import { useState } from 'react';
import {
  Anchor,
  Button,
  Center,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { IconArrowLeft, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { BOOTH_STATUSES, hasPermission, type Booth, type BoothStatus } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton, PageLoader } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useFloor } from '../api/get-floor';
import { useFairBooths, useManagedFairForBooths } from '../api/list-fair-booths';
import { BoothStatusBadge } from '../components/BoothStatusBadge';
import { FloorGrid } from '../components/FloorGrid';
import { ApproveBoothModal, RejectBoothModal } from '../components/ReviewBoothModals';

const PAGE_SIZE = 20;

/** Organizer: the applications of one fair, and its floor grid per hall. */
export function BoothManagementPage() {
  const { id: fairId = '' } = useParams();
  const { t, i18n } = useTranslation('booths');
  const lng = currentLanguage(i18n.language);
  const me = useMe();
  const canReview = hasPermission(me.data?.role, 'booths.review');
  const [params, setParams] = useSearchParams();
  const tab = params.get('view') === 'floor' ? 'floor' : 'applications';
  const status = (BOOTH_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as BoothStatus)
    : undefined;
  const hallId = params.get('hall') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const fair = useManagedFairForBooths(fairId);
  const booths = useFairBooths(fairId, { status, hallId, page, pageSize: PAGE_SIZE });
  const floor = useFloor(fairId);
  const [approving, setApproving] = useState<Booth | null>(null);
  const [rejecting, setRejecting] = useState<Booth | null>(null);

  const update = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  };

  if (fair.isPending) return <PageLoader />;
  if (fair.isError) return <ErrorState error={fair.error} onRetry={() => void fair.refetch()} />;
  const name = lng === 'vi' ? fair.data.nameVi : fair.data.nameEn;
  const totalPages = booths.data ? Math.max(1, Math.ceil(booths.data.total / booths.data.pageSize)) : 1;

  return (
    <>
      <Anchor component={Link} to={`/organizer/fairs/${fairId}`} fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('manage.backToFair')}
        </Group>
      </Anchor>
      <PageHeader title={t('manage.title', { name })} subtitle={t('manage.subtitle')} />
      <Tabs
        value={tab}
        onChange={(value) => update({ view: value === 'floor' ? 'floor' : null })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="applications">{t('manage.applications')}</Tabs.Tab>
          <Tabs.Tab value="floor">{t('manage.floor')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="applications">
          <Stack gap="md">
            <Group gap="sm" wrap="wrap">
              <Select
                aria-label={t('manage.all')}
                value={status ?? 'all'}
                allowDeselect={false}
                data={[
                  { value: 'all', label: t('manage.all') },
                  ...BOOTH_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
                ]}
                onChange={(value) => update({ status: value && value !== 'all' ? value : null, page: null })}
                w={200}
              />
              <Select
                aria-label={t('manage.allHalls')}
                value={hallId ?? 'all'}
                allowDeselect={false}
                data={[
                  { value: 'all', label: t('manage.allHalls') },
                  ...fair.data.halls.map((h) => ({ value: h.id, label: `${h.code} · ${h.name}` })),
                ]}
                onChange={(value) => update({ hall: value && value !== 'all' ? value : null, page: null })}
                w={200}
              />
            </Group>
            {booths.isPending ? (
              <ListSkeleton />
            ) : booths.isError ? (
              <ErrorState error={booths.error} onRetry={() => void booths.refetch()} />
            ) : booths.data.items.length === 0 ? (
              <EmptyState
                icon={<IconInbox size={28} />}
                title={t('manage.emptyTitle')}
                body={t('manage.emptyBody')}
              />
            ) : (
              <Paper withBorder>
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('manage.company')}</Table.Th>
                        <Table.Th>{t('manage.size')}</Table.Th>
                        <Table.Th>{t('manage.preferred')}</Table.Th>
                        <Table.Th>{t('manage.assigned')}</Table.Th>
                        <Table.Th>{t('manage.products')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {booths.data.items.map((b) => (
                        <Table.Tr key={b.id} data-testid={`booth-row-${b.id}`}>
                          <Table.Td>
                            <Text fw={600}>{b.companyName}</Text>
                            <BoothStatusBadge status={b.status} />
                            {b.note && (
                              <Text fz="xs" c="dimmed" mt={4} lineClamp={2}>
                                {b.note}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{t(`sizes.${b.size}`)}</Table.Td>
                          <Table.Td>{b.preferredHallCode ?? '—'}</Table.Td>
                          <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {b.code ? `${b.code}${b.gridRow ? ` (${b.gridRow}·${b.gridCol})` : ''}` : '—'}
                          </Table.Td>
                          <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {b.products.length}
                          </Table.Td>
                          <Table.Td>
                            {canReview && b.status === 'pending' && (
                              <Group gap="xs" justify="flex-end" wrap="nowrap">
                                <Button size="xs" color="celadon" onClick={() => setApproving(b)}>
                                  {t('manage.approve')}
                                </Button>
                                <Button
                                  size="xs"
                                  variant="light"
                                  color="lacquer"
                                  onClick={() => setRejecting(b)}
                                >
                                  {t('manage.reject')}
                                </Button>
                              </Group>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
            {totalPages > 1 && (
              <Center>
                <Pagination total={totalPages} value={page} onChange={(p) => update({ page: String(p) })} />
              </Center>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="floor">
          {floor.isPending ? (
            <ListSkeleton rows={2} height={200} />
          ) : floor.isError ? (
            <ErrorState error={floor.error} onRetry={() => void floor.refetch()} />
          ) : floor.data.halls.length === 0 ? (
            <Text c="dimmed">{t('floor.noHalls')}</Text>
          ) : (
            <Stack gap="lg">
              {floor.data.halls.map((h) => (
                <FloorGrid key={h.id} hall={h} />
              ))}
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
      <ApproveBoothModal booth={approving} halls={fair.data.halls} onClose={() => setApproving(null)} />
      <RejectBoothModal booth={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
