import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Modal,
  Pagination,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCalendarCheck, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SCHEDULE_WEIGHTS, type PublishScheduleResult, type ScheduleDraftSummary } from '@craftmatch/shared';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { TimeInZones } from '../../../components/TimeInZones';
import { errorMessageOf } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { SCHEDULE_PAGE_SIZE, useDraftMeetings, usePublishDraft } from '../api/drafts';
import { formatCount, formatPercent } from './format';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xl" fw={700} className="tabular" data-testid={testId}>
        {value}
      </Text>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** The entries that clashed with a meeting booked meanwhile, paginated. */
function ConflictList({ draftId, fairZone }: { draftId: string; fairZone: string }) {
  const { t } = useTranslation('schedulingWeb');
  const [page, setPage] = useState(1);
  const conflicts = useDraftMeetings(draftId, { status: 'conflict', page, pageSize: SCHEDULE_PAGE_SIZE });
  if (conflicts.isPending) return <ListSkeleton rows={2} height={40} />;
  if (conflicts.isError)
    return <ErrorState error={conflicts.error} onRetry={() => void conflicts.refetch()} />;
  const totalPages = Math.max(1, Math.ceil(conflicts.data.total / conflicts.data.pageSize));
  return (
    <Stack gap="xs" data-testid="conflict-list">
      <Text fz="sm">{t('publish.conflictsIntro')}</Text>
      {conflicts.data.items.map((m) => (
        <Stack key={m.id} gap={0} data-testid="conflict-entry">
          <Text fz="sm" fw={600}>
            {t('publish.conflictPair', {
              buyer: `${m.buyer.fullName} (${m.buyer.companyName})`,
              exhibitor: `${m.exhibitor.fullName} (${m.exhibitor.companyName})`,
            })}
          </Text>
          <TimeInZones start={m.start} end={m.end} fairZone={fairZone} withDay fz="xs" />
        </Stack>
      ))}
      {totalPages > 1 && (
        <Center>
          <Pagination size="sm" total={totalPages} value={page} onChange={setPage} />
        </Center>
      )}
    </Stack>
  );
}

/** What publishing did: this call's figures right after it, the stored ones on a later visit. */
function PublishOutcome({
  draft,
  result,
  fairZone,
}: {
  draft: ScheduleDraftSummary;
  result: PublishScheduleResult | null;
  fairZone: string;
}) {
  const { t, i18n } = useTranslation('schedulingWeb');
  const language = currentLanguage(i18n.language);
  const published = result ? result.published : draft.publishedCount;
  const conflicts = result ? result.conflicts : draft.conflictCount;
  return (
    <Alert
      color={conflicts > 0 ? 'rattan' : 'celadon'}
      variant="light"
      icon={<IconCalendarCheck size={18} />}
      title={t('publish.resultTitle')}
      data-testid="publish-result"
    >
      <Stack gap="xs">
        <Text fz="sm" data-testid="publish-counts">
          {t('publish.published', { count: published, value: formatCount(published, language) })}{' '}
          {conflicts > 0
            ? t('publish.conflicts', { count: conflicts, value: formatCount(conflicts, language) })
            : t('publish.noConflicts')}
        </Text>
        {draft.publishedAt && (
          <Text fz="xs" c="dimmed">
            {t('publish.publishedAt', { when: formatDateTime(draft.publishedAt, language) })}
          </Text>
        )}
        {draft.conflictCount > 0 && <ConflictList draftId={draft.id} fairZone={fairZone} />}
      </Stack>
    </Alert>
  );
}

/** "Scheduled X of at most Y (Z %)", what the figures mean, and publication. */
export function DraftSummary({
  draft,
  fairId,
  fairZone,
  canManage,
  publishing = null,
}: {
  draft: ScheduleDraftSummary;
  fairId: string;
  fairZone: string;
  /** the organizer (not organizer staff): may publish */
  canManage: boolean;
  /** share of the entries published so far, while a publication runs (live pushes) */
  publishing?: number | null;
}) {
  const { t, i18n } = useTranslation('schedulingWeb');
  const language = currentLanguage(i18n.language);
  const publish = usePublishDraft(fairId);
  const [confirming, setConfirming] = useState(false);
  const n = (v: number) => formatCount(v, language);
  const bound = draft.bound ?? 0;
  const ratio = draft.ratio ?? (bound === 0 ? 1 : draft.scheduledWeight / bound);
  const result = publish.data && publish.data.draft.id === draft.id ? publish.data : null;

  return (
    <Card data-testid="draft-summary" data-draft-id={draft.id} data-status={draft.status}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Title order={2} fz="lg">
                {t('summary.title')}
              </Title>
              <Badge variant="light" color={draft.status === 'published' ? 'celadon' : 'cham'}>
                {t(`summary.status.${draft.status}`)}
              </Badge>
            </Group>
            <Text fz="xs" c="dimmed">
              {t(`summary.mode.${draft.mode}`)}
              {draft.createdBy &&
                ` · ${t('summary.createdBy', {
                  name: draft.createdBy.fullName,
                  when: formatDateTime(draft.createdAt, language),
                })}`}
            </Text>
          </Stack>
          {draft.status === 'ready' && canManage && (
            <Button
              color="cham"
              leftSection={<IconSend size={16} />}
              onClick={() => {
                publish.reset();
                setConfirming(true);
              }}
              disabled={draft.meetingCount === 0}
              data-testid="publish-draft"
            >
              {t('publish.button', { count: draft.meetingCount, value: n(draft.meetingCount) })}
            </Button>
          )}
        </Group>

        <Stack gap={4}>
          <Text
            fz={{ base: 'lg', sm: 'xl' }}
            fw={700}
            c="cham.7"
            className="tabular"
            data-testid="schedule-ratio"
            data-scheduled={draft.scheduledWeight}
            data-bound={bound}
            data-ratio={ratio}
          >
            {t('summary.ratio', {
              scheduled: n(draft.scheduledWeight),
              bound: n(bound),
              percent: formatPercent(ratio, language),
            })}
          </Text>
          <Text fz="sm" c="dimmed" maw={760}>
            {t('summary.weights', SCHEDULE_WEIGHTS)} {t('summary.bound')}
          </Text>
        </Stack>

        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Figure
            testId="figure-meetings"
            label={t('summary.meetings', { count: draft.meetingCount })}
            value={n(draft.meetingCount)}
          />
          <Figure
            testId="figure-unscheduled"
            label={t('summary.unscheduled', { count: draft.unscheduledCount })}
            value={n(draft.unscheduledCount)}
          />
          <Figure
            testId="figure-locked"
            label={t('summary.locked', { count: draft.lockedCount })}
            value={n(draft.lockedCount)}
          />
          <Figure
            testId="figure-pairs"
            label={t('summary.pairs', { count: draft.pairCount })}
            value={n(draft.pairCount)}
          />
        </SimpleGrid>
        {draft.keptCount > 0 && (
          <Text fz="sm" c="dimmed">
            {t('summary.kept', { count: draft.keptCount, value: n(draft.keptCount) })}
          </Text>
        )}

        {(draft.status === 'published' || result) && (
          <PublishOutcome draft={result?.draft ?? draft} result={result} fairZone={fairZone} />
        )}
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('publish.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text>{t('publish.confirmBody', { count: draft.meetingCount, value: n(draft.meetingCount) })}</Text>
          <Text fz="sm" c="dimmed">
            {t('publish.confirmConflicts')}
          </Text>
          {publish.isPending && publishing !== null && (
            <Progress
              value={Math.round(publishing * 100)}
              size="lg"
              color="cham"
              striped
              animated
              aria-label={t('generate.status.publishing')}
              aria-valuenow={Math.round(publishing * 100)}
              data-testid="publish-progress"
            />
          )}
          {publish.isError && (
            <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {errorMessageOf(publish.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('publish.cancel')}
            </Button>
            <Button
              color="cham"
              loading={publish.isPending}
              onClick={() => publish.mutate(draft.id, { onSuccess: () => setConfirming(false) })}
              data-testid="confirm-publish"
            >
              {t('publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
