import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLanguage, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingAwaitingInterpreter } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { languageLabel } from '../../../lib/reference';
import { useAssignInterpreter } from '../api/assign-interpreter';
import { useWaitingMeetings } from '../api/list-waiting-meetings';
import { MeetingTime } from './MeetingTime';

function WaitingRow({
  meeting,
  fairId,
  fairZone,
  canAssign,
}: {
  meeting: MeetingAwaitingInterpreter;
  fairId: string;
  fairZone: string;
  canAssign: boolean;
}) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const assign = useAssignInterpreter(fairId);
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const noCandidates = meeting.candidates.length === 0;

  return (
    <Table.Tr data-testid={`waiting-row-${meeting.meetingId}`}>
      <Table.Td>
        <MeetingTime start={meeting.start} end={meeting.end} fairZone={fairZone} />
      </Table.Td>
      <Table.Td>
        <Text fz="sm" fw={600}>
          {meeting.buyer.companyName}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('waiting.with', { exhibitor: meeting.exhibitor.companyName })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <IconLanguage size={16} />
          <Text fz="sm">{languageLabel(meeting.language, language)}</Text>
        </Group>
      </Table.Td>
      <Table.Td miw={300}>
        {canAssign ? (
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Select
                aria-label={t('waiting.choose')}
                placeholder={noCandidates ? t('waiting.noCandidates') : t('waiting.choose')}
                data={meeting.candidates.map((c) => ({ value: c.userId, label: c.fullName }))}
                value={userId}
                onChange={(v) => {
                  setUserId(v);
                  setError(null);
                }}
                disabled={noCandidates}
                style={{ flex: 1 }}
                size="xs"
              />
              <Button
                size="xs"
                leftSection={<IconUserCheck size={14} />}
                disabled={!userId}
                loading={assign.isPending}
                onClick={() => {
                  if (!userId) return;
                  setError(null);
                  const name = meeting.candidates.find((c) => c.userId === userId)?.fullName ?? '';
                  assign.mutate(
                    { meetingId: meeting.meetingId, userId },
                    {
                      onSuccess: () =>
                        notifications.show({ color: 'celadon', message: t('waiting.assigned', { name }) }),
                      onError: (e) => setError(errorMessageOf(e, t)),
                    },
                  );
                }}
              >
                {t('waiting.assign')}
              </Button>
            </Group>
            {error && (
              <Alert color="lacquer" variant="light" p="xs" icon={<IconAlertCircle size={16} />} role="alert">
                {error}
              </Alert>
            )}
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('waiting.candidates', { count: meeting.candidates.length })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Accepted meetings still waiting for their interpreter, each with the interpreters free for it. */
export function WaitingList({
  fairId,
  fairZone,
  canAssign,
}: {
  fairId: string;
  fairZone: string;
  canAssign: boolean;
}) {
  const { t } = useTranslation('meetingAdmin');
  const waiting = useWaitingMeetings(fairId);
  if (waiting.isPending) return <ListSkeleton rows={2} />;
  if (waiting.isError) return <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />;
  if (waiting.data.length === 0)
    return (
      <EmptyState
        icon={<IconUserCheck size={28} />}
        title={t('waiting.emptyTitle')}
        body={t('waiting.emptyBody')}
      />
    );
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" data-testid="waiting-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.when')}</Table.Th>
              <Table.Th>{t('waiting.meeting')}</Table.Th>
              <Table.Th>{t('waiting.language')}</Table.Th>
              <Table.Th>{t('waiting.interpreter')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.data.map((m) => (
              <WaitingRow
                key={m.meetingId}
                meeting={m}
                fairId={fairId}
                fairZone={fairZone}
                canAssign={canAssign}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
