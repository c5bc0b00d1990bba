import { useMemo, useState } from 'react';
import { Badge, Button, Stack, Tabs } from '@mantine/core';
import { IconCalendarEvent, IconCalendarPlus, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MeetingDetail } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useMeetingFairs } from '../api/fairs';
import { useMyMeetings } from '../api/my-meetings';
import { useMyParticipation } from '../api/participation';
import { FairSelect } from '../components/FairSelect';
import { MeetingCard } from '../components/MeetingCard';
import { INBOX_TABS, sideOf, tabOf, type InboxTab } from '../components/meeting-view';
import { RegisterForFair } from '../components/RegisterForFair';

/** /meetings: the caller's meetings at a fair, by whose move it is. Live through `meeting:changed`. */
export function MeetingsInboxPage() {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const side = sideOf(me.data);
  const fairs = useMeetingFairs();
  const fairId = params.get('fair') ?? fairs.data?.[0]?.id ?? null;
  const fair = fairs.data?.find((f) => f.id === fairId) ?? null;
  const meetings = useMyMeetings(side ? fairId : null);
  const participation = useMyParticipation(fairId, side === 'buyer');
  const tabParam = params.get('tab') as InboxTab | null;

  const list = meetings.data;
  const byTab = useMemo(() => {
    const now = new Date();
    const groups: Record<InboxTab, MeetingDetail[]> = {
      awaiting: [],
      waiting: [],
      upcoming: [],
      past: [],
    };
    if (side) for (const m of list ?? []) groups[tabOf(m, side, now)].push(m);
    groups.past.reverse(); // most recent first
    return groups;
  }, [list, side]);

  // Opened without a tab: start where there is something to do, then stay put while live updates move cards.
  const [firstTab, setFirstTab] = useState<InboxTab | null>(null);
  if (list && firstTab === null) {
    setFirstTab(byTab.awaiting.length === 0 && byTab.upcoming.length > 0 ? 'upcoming' : 'awaiting');
  }
  const tab: InboxTab = tabParam && INBOX_TABS.includes(tabParam) ? tabParam : (firstTab ?? 'awaiting');

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key === 'fair') next.delete('tab');
    setParams(next, { replace: true });
  };

  const requestLink = `/meetings/new${fairId ? `?fair=${fairId}` : ''}`;
  const header = (
    <PageHeader
      title={t('inbox.title')}
      subtitle={t('inbox.subtitle')}
      actions={
        side && (
          <>
            {fairId && (
              <Button
                component={Link}
                to={`/agenda/${fairId}`}
                variant="light"
                color="cham"
                leftSection={<IconCalendarEvent size={16} />}
              >
                {t('actions.openAgenda')}
              </Button>
            )}
            <Button
              component={Link}
              to={requestLink}
              color="cham"
              leftSection={<IconCalendarPlus size={16} />}
              data-testid="new-request"
            >
              {t('inbox.newRequest')}
            </Button>
          </>
        )
      }
    />
  );

  if (me.data && !side) {
    return (
      <>
        {header}
        <EmptyState
          icon={<IconInbox size={28} />}
          title={t('request.companyOnlyTitle')}
          body={t('request.companyOnlyBody')}
        />
      </>
    );
  }
  if (fairs.isPending || me.isPending)
    return (
      <>
        {header}
        <ListSkeleton rows={4} height={96} />
      </>
    );
  if (fairs.isError)
    return (
      <>
        {header}
        <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
      </>
    );
  if (!fair) {
    return (
      <>
        {header}
        <EmptyState
          icon={<IconCalendarEvent size={28} />}
          title={t('fair.noneTitle')}
          body={t('fair.noneBody')}
          action={
            <Button component={Link} to="/fairs" variant="light">
              {t('fair.browse')}
            </Button>
          }
        />
      </>
    );
  }
  const notRegistered =
    side === 'buyer' && participation.data && !participation.data.some((p) => p.userId === me.data?.id);

  return (
    <>
      {header}
      <Stack gap="md">
        <FairSelect fairs={fairs.data} value={fairId} onChange={(id) => setParam('fair', id)} />
        {notRegistered && (
          <RegisterForFair fairId={fair.id} fairName={lng === 'vi' ? fair.nameVi : fair.nameEn} />
        )}
        <Tabs value={tab} onChange={(v) => v && setParam('tab', v)} color="cham" keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            {INBOX_TABS.map((key) => (
              <Tabs.Tab
                key={key}
                value={key}
                data-testid={`tab-${key}`}
                rightSection={
                  byTab[key].length > 0 && key !== 'past' ? (
                    <Badge
                      size="sm"
                      circle={byTab[key].length < 10}
                      color={key === 'awaiting' ? 'lacquer' : 'gray'}
                      variant={key === 'awaiting' ? 'filled' : 'light'}
                    >
                      {byTab[key].length}
                    </Badge>
                  ) : null
                }
              >
                {t(`inbox.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {INBOX_TABS.map((key) => (
            <Tabs.Panel key={key} value={key} pt="md">
              {meetings.isPending ? (
                <ListSkeleton rows={3} height={120} />
              ) : meetings.isError ? (
                <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
              ) : byTab[key].length === 0 ? (
                <EmptyState
                  icon={<IconInbox size={28} />}
                  title={t(`inbox.empty.${key}.title`)}
                  body={t(`inbox.empty.${key}.body`)}
                  action={
                    key === 'awaiting' || key === 'waiting' ? (
                      <Button component={Link} to={requestLink} variant="light" color="cham">
                        {t('inbox.newRequest')}
                      </Button>
                    ) : undefined
                  }
                />
              ) : (
                <Stack gap="sm" data-testid={`list-${key}`}>
                  {byTab[key].map((m) => (
                    <MeetingCard
                      key={m.id}
                      meeting={m}
                      side={side!}
                      selfUserId={me.data?.id}
                      fairZone={fair.timeZone}
                    />
                  ))}
                </Stack>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}
