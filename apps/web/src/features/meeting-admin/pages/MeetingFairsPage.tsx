import { Badge, Button, Center, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { IconCalendarEvent, IconCalendarStats } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FairStatus } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useAdminFairs } from '../api/list-fairs';
import { adminTabPath } from '../components/FairAdminFrame';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<FairStatus, string> = {
  draft: 'gray',
  registration: 'rattan',
  live: 'lacquer',
  closed: 'cham',
};

/** /organizer/meetings: pick a fair to open its B2B meeting desk. */
export function MeetingFairsPage() {
  const { t, i18n } = useTranslation(['meetingAdmin', 'fairs']);
  const language = currentLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const fairs = useAdminFairs({ page, pageSize: PAGE_SIZE });
  const totalPages = fairs.data ? Math.max(1, Math.ceil(fairs.data.total / fairs.data.pageSize)) : 1;

  return (
    <>
      <PageHeader title={t('fairs.title')} subtitle={t('fairs.subtitle')} />
      <Stack gap="md">
        {fairs.isPending ? (
          <ListSkeleton />
        ) : fairs.isError ? (
          <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
        ) : fairs.data.items.length === 0 ? (
          <EmptyState
            icon={<IconCalendarEvent size={28} />}
            title={t('fairs.emptyTitle')}
            body={t('fairs.emptyBody')}
            action={
              <Button component={Link} to="/organizer/fairs" color="cham">
                {t('fairs.emptyAction')}
              </Button>
            }
          />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Tbody>
                  {fairs.data.items.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Text fw={600}>{language === 'vi' ? f.nameVi : f.nameEn}</Text>
                        <Text fz="sm" c="dimmed" className="tabular">
                          {f.startDate ? formatDate(`${f.startDate}T12:00:00Z`, language) : '—'} · {f.venue}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[f.status]} variant="light">
                          {t(`fairs:status.${f.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button
                            component={Link}
                            to={adminTabPath(f.id, 'meetings')}
                            size="xs"
                            variant="light"
                            leftSection={<IconCalendarStats size={14} />}
                          >
                            {t('fairs.open')}
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
            <Pagination total={totalPages} value={page} onChange={(p) => setParams({ page: String(p) })} />
          </Center>
        )}
      </Stack>
    </>
  );
}
