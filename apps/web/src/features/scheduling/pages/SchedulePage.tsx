import { Card, Stack, Tabs } from '@mantine/core';
import { IconCalendarUser, IconListDetails, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasPermission, type Fair } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { useCurrentDraft, useScheduleProgress, withLiveProgress } from '../api/drafts';
import { DraftSummary } from '../components/DraftSummary';
import { GenerateCard } from '../components/GenerateCard';
import { PersonAgenda } from '../components/PersonAgenda';
import { ScheduleFrame } from '../components/ScheduleFrame';
import { SettingsCard } from '../components/SettingsCard';
import { UnscheduledPairs } from '../components/UnscheduledPairs';

function Schedule({ fair }: { fair: Fair }) {
  const { t } = useTranslation('schedulingWeb');
  const me = useMe();
  // The organizer's team reads; settings, generating, publishing and discarding are the organizer's own call.
  const canManage = hasPermission(me.data?.role, 'fairs.manage');
  const current = useCurrentDraft(fair.id);
  const draft = current.data?.draft ?? null;
  const { live, clear } = useScheduleProgress(fair.id, draft?.id ?? null);
  // A failed draft is no longer the current one: only its last push tells the organizer it failed.
  const failed = live?.status === 'failed' && live.draftId !== draft?.id ? live : null;
  const progress = failed
    ? { fraction: failed.fraction, status: failed.status }
    : draft
      ? withLiveProgress(draft, live)
      : null;
  const reviewable = draft && (draft.status === 'ready' || draft.status === 'published');

  return (
    <Stack gap="xl">
      <SettingsCard fairId={fair.id} fairZone={fair.timeZone} canManage={canManage} />
      {current.isPending ? (
        <ListSkeleton rows={2} height={120} />
      ) : current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <>
          <GenerateCard
            fairId={fair.id}
            draft={draft}
            progress={progress}
            canManage={canManage}
            onGenerated={clear}
          />
          {!draft ? (
            <EmptyState
              icon={<IconWand size={28} />}
              title={t('summary.noneTitle')}
              body={t('summary.noneBody')}
            />
          ) : reviewable ? (
            <>
              <DraftSummary
                draft={draft}
                fairId={fair.id}
                fairZone={fair.timeZone}
                canManage={canManage}
                publishing={progress?.status === 'publishing' ? progress.fraction : null}
              />
              <Card>
                <Tabs defaultValue="agenda">
                  <Tabs.List mb="md">
                    <Tabs.Tab
                      value="agenda"
                      leftSection={<IconCalendarUser size={16} />}
                      data-testid="tab-agenda"
                    >
                      {t('tabs.agenda')}
                    </Tabs.Tab>
                    <Tabs.Tab
                      value="unscheduled"
                      leftSection={<IconListDetails size={16} />}
                      data-testid="tab-unscheduled"
                    >
                      {t('tabs.unscheduled', { count: draft.unscheduledCount })}
                    </Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="agenda">
                    <PersonAgenda key={draft.id} draftId={draft.id} fairZone={fair.timeZone} />
                  </Tabs.Panel>
                  <Tabs.Panel value="unscheduled">
                    <UnscheduledPairs key={draft.id} draftId={draft.id} />
                  </Tabs.Panel>
                </Tabs>
              </Card>
            </>
          ) : null}
        </>
      )}
    </Stack>
  );
}

/** /organizer/fairs/:id/schedule: settings, a draft computed from the fair's wishes, its review and publication. */
export function SchedulePage() {
  const { id = '' } = useParams();
  return <ScheduleFrame fairId={id}>{(fair) => <Schedule fair={fair} />}</ScheduleFrame>;
}
