import { useRef } from 'react';
import { Center, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { hasPermission, MEETING_STATUSES, type Fair, type MeetingStatus } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { useMeetingStats } from '../api/get-meeting-stats';
import { useFairMeetings } from '../api/list-fair-meetings';
import { FairAdminFrame } from '../components/FairAdminFrame';
import { MeetingFilters, type MeetingFilterValues } from '../components/MeetingFilters';
import { MeetingTable } from '../components/MeetingTable';
import { StatCards } from '../components/StatCards';
import { viewerTimeZone, zoneLabel } from '../components/zone';
import { WaitingList } from '../components/WaitingList';
import { currentLanguage } from '../../../lib/i18n';

const PAGE_SIZE = 20;

function Overview({ fair }: { fair: Fair }) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const me = useMe();
  const canAssign = hasPermission(me.data?.role, 'fairs.read');
  // Seating at a table is the organizer's own call (not organizer staff's).
  const canPlace = hasPermission(me.data?.role, 'fairs.manage');
  const waitingRef = useRef<HTMLDivElement>(null);
  const [params, setParams] = useSearchParams();
  const status = (MEETING_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as MeetingStatus)
    : undefined;
  const filters: MeetingFilterValues = {
    status,
    companyId: params.get('company') ?? undefined,
    companyName: params.get('companyName') ?? undefined,
    needsInterpreter: params.get('interpreter') === '1',
    q: params.get('q') ?? '',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const stats = useMeetingStats(fair.id);
  const meetings = useFairMeetings(fair.id, {
    status: filters.status,
    companyId: filters.companyId,
    needsInterpreter: filters.needsInterpreter || undefined,
    q: filters.q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const totalPages = meetings.data ? Math.max(1, Math.ceil(meetings.data.total / meetings.data.pageSize)) : 1;

  const update = (next: Partial<MeetingFilterValues> & { page?: number }) => {
    const merged = new URLSearchParams(params);
    const set = (key: string, value: string | undefined) =>
      value ? merged.set(key, value) : merged.delete(key);
    if ('status' in next) set('status', next.status);
    if ('companyId' in next) {
      set('company', next.companyId);
      set('companyName', next.companyName);
    }
    if ('needsInterpreter' in next) set('interpreter', next.needsInterpreter ? '1' : undefined);
    if ('q' in next) set('q', next.q);
    set('page', next.page && next.page > 1 ? String(next.page) : undefined);
    setParams(merged, { replace: true });
  };

  const viewerZone = viewerTimeZone();
  const filtered = Boolean(filters.status || filters.companyId || filters.needsInterpreter || filters.q);

  return (
    <Stack gap="xl">
      {stats.isPending ? (
        <ListSkeleton rows={1} height={110} />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <StatCards
          stats={stats.data}
          activeStatus={filters.status}
          onStatus={(s) => update({ status: s })}
          onWaiting={() => waitingRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
        />
      )}

      <Stack gap="sm" ref={waitingRef} id="waiting">
        <Title order={2} fz="lg">
          {t('waiting.title')}
        </Title>
        <WaitingList fairId={fair.id} fairZone={fair.timeZone} canAssign={canAssign} />
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} fz="lg">
            {t('list.title')}
          </Title>
          <Text fz="xs" c="dimmed">
            {viewerZone === fair.timeZone
              ? t('list.zoneNote', { zone: zoneLabel(fair.timeZone, language) })
              : t('list.zonesNote', {
                  zone: zoneLabel(fair.timeZone, language),
                  viewer: zoneLabel(viewerZone, language),
                })}
          </Text>
        </Group>
        <MeetingFilters value={filters} onChange={update} />
        {meetings.isPending ? (
          <ListSkeleton />
        ) : meetings.isError ? (
          <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : meetings.data.items.length === 0 ? (
          <EmptyState
            icon={<IconCalendarOff size={28} />}
            title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
            body={filtered ? t('list.noMatchBody') : t('list.emptyBody')}
          />
        ) : (
          <>
            <Text fz="sm" c="dimmed" className="tabular">
              {t('list.count', { count: meetings.data.total })}
            </Text>
            <MeetingTable
              fairId={fair.id}
              rows={meetings.data.items}
              fairZone={fair.timeZone}
              canPlace={canPlace}
              canAssign={canAssign}
            />
          </>
        )}
        {totalPages > 1 && (
          <Center>
            <Pagination total={totalPages} value={page} onChange={(p) => update({ page: p })} />
          </Center>
        )}
      </Stack>
    </Stack>
  );
}

/** /organizer/fairs/:id/meetings: the fair's meetings at a glance, who waits for an interpreter, and the list. */
export function MeetingsOverviewPage() {
  const { id = '' } = useParams();
  return (
    <FairAdminFrame fairId={id} tab="meetings">
      {(fair) => <Overview fair={fair} />}
    </FairAdminFrame>
  );
}
