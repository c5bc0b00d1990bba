import { Button, Center, Group, Pagination, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FAIR_STATUSES, hasPermission, type FairStatus } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useManagedFairs } from '../api/list-managed-fairs';
import { formatDateRange } from '../components/fair-time';
import { FairStatusBadge } from '../components/FairStatusBadge';

const PAGE_SIZE = 20;

/** Organizer: every fair, drafts included. */
export function OrganizerFairsPage() {
  const { t, i18n } = useTranslation('fairs');
  const lng = currentLanguage(i18n.language);
  const me = useMe();
  const canManage = hasPermission(me.data?.role, 'fairs.manage');
  const [params, setParams] = useSearchParams();
  const status = (FAIR_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as FairStatus)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const fairs = useManagedFairs({ status, page, pageSize: PAGE_SIZE });
  const totalPages = fairs.data ? Math.max(1, Math.ceil(fairs.data.total / fairs.data.pageSize)) : 1;
  const newButton = canManage ? (
    <Button
      component={Link}
      to="/organizer/fairs/new"
      leftSection={<IconCalendarPlus size={16} />}
      color="cham"
    >
      {t('manage.new')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('manage.title')} subtitle={t('manage.subtitle')} actions={newButton} />
      <Stack gap="md">
        <Group>
          <Select
            aria-label={t('manage.filterAll')}
            value={status ?? 'all'}
            allowDeselect={false}
            data={[
              { value: 'all', label: t('manage.filterAll') },
              ...FAIR_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
            onChange={(value) =>
              setParams(value && value !== 'all' ? { status: value } : {}, { replace: true })
            }
            w={220}
          />
        </Group>
        {fairs.isPending ? (
          <ListSkeleton />
        ) : fairs.isError ? (
          <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
        ) : fairs.data.items.length === 0 ? (
          <EmptyState
            icon={<IconCalendarEvent size={28} />}
            title={t('manage.emptyTitle')}
            body={t('manage.emptyBody')}
            action={newButton}
          />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Tbody>
                  {fairs.data.items.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Text fw={600}>{lng === 'vi' ? f.nameVi : f.nameEn}</Text>
                        <Text fz="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatDateRange(f.startDate, f.endDate, lng) ?? '—'} · {f.venue}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <FairStatusBadge status={f.status} />
                      </Table.Td>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {t('list.booths', { count: f.boothCount })}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button component={Link} to={`/organizer/fairs/${f.id}`} size="xs" variant="light">
                            {t('manage.edit')}
                          </Button>
                          <Button
                            component={Link}
                            to={`/organizer/fairs/${f.id}/booths`}
                            size="xs"
                            variant="light"
                            color="rattan"
                          >
                            {t('manage.booths')}
                          </Button>
                        </Group>
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
            <Pagination
              total={totalPages}
              value={page}
              onChange={(p) => setParams({ ...(status ? { status } : {}), page: String(p) })}
            />
          </Center>
        )}
      </Stack>
    </>
  );
}
