import { useState } from 'react';
import { Alert, Button, Group, Paper, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  MEETING_INTEREST_LEVELS,
  MEETING_NEXT_STEPS,
  MEETING_OUTCOME_NOTES_MAX,
  type MeetingInterestLevel,
  type MeetingNextStep,
  type MeetingOutcome,
} from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, FormError, ListSkeleton } from '../../../components/StateViews';
import { TimeInZones } from '../../../components/TimeInZones';
import { errorMessageOf } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { useMeeting } from '../api/my-meetings';
import { useOutcome, useSaveOutcome } from '../api/outcome';
import { meetingZone, otherParty, sideOf } from '../components/meeting-view';

/** /meetings/:id/outcome — after a held meeting, each side notes interest and the next step, privately. */
export function MeetingOutcomePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const me = useMe();
  const side = sideOf(me.data);
  const meeting = useMeeting(id);
  const held = meeting.data?.status === 'held';
  const outcome = useOutcome(id, held);

  const header = <PageHeader title={t('outcome.title')} subtitle={t('outcome.subtitle')} />;
  if (meeting.isPending || me.isPending)
    return (
      <>
        {header}
        <ListSkeleton rows={3} />
      </>
    );
  if (meeting.isError)
    return (
      <>
        {header}
        <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />
      </>
    );
  const m = meeting.data;
  const other = side ? otherParty(m, side) : m.exhibitor;

  return (
    <>
      {header}
      <Stack gap="md" maw={640}>
        <Paper withBorder p="md">
          <Text fw={700}>{other.companyName}</Text>
          <Text fz="sm" c="dimmed">
            {other.fullName}
          </Text>
          {m.start && <TimeInZones start={m.start} end={m.end} fairZone={meetingZone(m)} withDay fz="sm" />}
        </Paper>
        {!held ? (
          <Alert color="rattan" variant="light">
            {t('outcome.notHeld')}
          </Alert>
        ) : outcome.isPending ? (
          <ListSkeleton rows={2} />
        ) : outcome.isError ? (
          <ErrorState error={outcome.error} onRetry={() => void outcome.refetch()} />
        ) : (
          <OutcomeForm meetingId={id} initial={outcome.data.outcome} />
        )}
        <Group>
          <Button component={Link} to={`/agenda/${m.fairId}`} variant="subtle" color="cham">
            {t('actions.openAgenda')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}

function OutcomeForm({ meetingId, initial }: { meetingId: string; initial: MeetingOutcome | null }) {
  const { t } = useTranslation('meetings');
  const save = useSaveOutcome(meetingId);
  const [interest, setInterest] = useState<MeetingInterestLevel>(initial?.interest ?? 'medium');
  const [nextStep, setNextStep] = useState<MeetingNextStep>(initial?.nextStep ?? 'none');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { interest, nextStep, notes: notes.trim() || null },
          { onSuccess: () => notifications.show({ color: 'celadon', message: t('outcome.saved') }) },
        );
      }}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Text fw={600} fz="sm" id="interest-label">
            {t('outcome.interest')}
          </Text>
          <SegmentedControl
            aria-labelledby="interest-label"
            value={interest}
            onChange={(v) => setInterest(v as MeetingInterestLevel)}
            data={MEETING_INTEREST_LEVELS.map((level) => ({
              value: level,
              label: t(`outcome.interests.${level}`),
            }))}
            color="cham"
          />
        </Stack>
        <Radio.Group
          label={t('outcome.nextStep')}
          value={nextStep}
          onChange={(v) => setNextStep(v as MeetingNextStep)}
        >
          <Stack gap={6} mt="xs">
            {MEETING_NEXT_STEPS.map((step) => (
              <Radio key={step} value={step} label={t(`outcome.nextSteps.${step}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('outcome.notes')}
          description={
            <Group gap={4} component="span">
              <IconLock size={12} />
              {t('outcome.notesPrivate')}
            </Group>
          }
          autosize
          minRows={3}
          maxLength={MEETING_OUTCOME_NOTES_MAX}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <FormError message={save.isError ? errorMessageOf(save.error, t) : null} />
        <Group justify="flex-end">
          <Button type="submit" color="cham" loading={save.isPending}>
            {t('outcome.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
