import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLanguage, IconPencil, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasPermission, type Fair, type FairInterpreter, type Language } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { languageLabel } from '../../../lib/reference';
import { useMe } from '../../../lib/session';
import { useInterpreters, useUnregisterInterpreter } from '../api/interpreters';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { FairAdminFrame } from '../components/FairAdminFrame';
import { InterpreterEditor } from '../components/InterpreterEditor';
import { InviteInterpreterModal } from '../components/InviteInterpreterModal';
import { shiftMinutes, shiftsByDay } from '../components/shifts';
import { clockTime, dayLabel } from '../components/zone';

function ShiftSummary({
  interpreter,
  fair,
  language,
}: {
  interpreter: FairInterpreter;
  fair: Fair;
  language: Language;
}) {
  const { t } = useTranslation('meetingAdmin');
  const days = shiftsByDay(interpreter.shifts, fair.timeZone);
  const time = (iso: string) => clockTime(iso, fair.timeZone, language);
  return (
    <Stack gap={2} className="tabular">
      {Object.entries(days).map(([date, shifts]) => (
        <Text key={date} fz="sm">
          {t('interpreters.summaryDay', {
            day: dayLabel(shifts[0].start!, fair.timeZone, language),
            ranges: shifts.map((s) => `${time(s.start!)}–${time(s.end!)}`).join(', '),
          })}
        </Text>
      ))}
    </Stack>
  );
}

function InterpreterCard({
  interpreter,
  fair,
  canManage,
  onEdit,
  onRemove,
}: {
  interpreter: FairInterpreter;
  fair: Fair;
  canManage: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const working = interpreter.shifts.length > 0;
  const hours = Math.round((shiftMinutes(interpreter.shifts) / 60) * 10) / 10;
  return (
    <Card data-testid={`interpreter-${interpreter.userId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {interpreter.fullName}
            </Text>
            <Text fz="xs" c="dimmed" truncate>
              {interpreter.email}
            </Text>
          </Stack>
          <Badge color={working ? 'celadon' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
            {working ? t('interpreters.working', { hours }) : t('interpreters.notWorking')}
          </Badge>
        </Group>
        <Group gap={6}>
          <IconLanguage size={16} />
          {interpreter.languages.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('interpreters.noLanguages')}
            </Text>
          ) : (
            interpreter.languages.map((l) => (
              <Badge key={l} variant="outline" color="cham" tt="none">
                {languageLabel(l, language)}
              </Badge>
            ))
          )}
        </Group>
        {working && <ShiftSummary interpreter={interpreter} fair={fair} language={language} />}
        <Text fz="sm" c="dimmed" className="tabular">
          {t('interpreters.assigned', { count: interpreter.assignedMeetings })}
        </Text>
        {canManage && (
          <Group gap="xs" justify="flex-end">
            {working && (
              <Button
                size="xs"
                variant="subtle"
                color="lacquer"
                leftSection={<IconUserMinus size={14} />}
                onClick={onRemove}
              >
                {t('interpreters.remove')}
              </Button>
            )}
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={onEdit}>
              {working ? t('interpreters.edit') : t('interpreters.register')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function Interpreters({
  fair,
  inviting,
  onInvite,
}: {
  fair: Fair;
  inviting: boolean;
  onInvite: (open: boolean) => void;
}) {
  const { t } = useTranslation('meetingAdmin');
  const me = useMe();
  const canManage = hasPermission(me.data?.role, 'fairs.manage');
  const canInvite = hasPermission(me.data?.role, 'staff.invite');
  const interpreters = useInterpreters(fair.id);
  const unregister = useUnregisterInterpreter(fair.id);
  const [editing, setEditing] = useState<FairInterpreter | null>(null);
  const [removing, setRemoving] = useState<FairInterpreter | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const closeRemove = () => {
    setRemoving(null);
    setRemoveError(null);
  };

  let body;
  if (interpreters.isPending) body = <ListSkeleton rows={3} height={140} />;
  else if (interpreters.isError)
    body = <ErrorState error={interpreters.error} onRetry={() => void interpreters.refetch()} />;
  else if (interpreters.data.length === 0)
    body = (
      <EmptyState
        icon={<IconLanguage size={28} />}
        title={t('interpreters.emptyTitle')}
        body={t('interpreters.emptyBody')}
        action={
          canInvite ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => onInvite(true)}>
              {t('interpreters.invite')}
            </Button>
          ) : undefined
        }
      />
    );
  else {
    const working = interpreters.data.filter((i) => i.shifts.length > 0);
    const others = interpreters.data.filter((i) => i.shifts.length === 0);
    const grid = (list: FairInterpreter[]) => (
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {list.map((interpreter) => (
          <InterpreterCard
            key={interpreter.userId}
            interpreter={interpreter}
            fair={fair}
            canManage={canManage}
            onEdit={() => setEditing(interpreter)}
            onRemove={() => setRemoving(interpreter)}
          />
        ))}
      </SimpleGrid>
    );
    body = (
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('interpreters.workingTitle', { count: working.length })}
          </Title>
          {working.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t('interpreters.workingEmpty')}
            </Text>
          ) : (
            grid(working)
          )}
        </Stack>
        {others.length > 0 && (
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('interpreters.othersTitle')}
            </Title>
            {grid(others)}
          </Stack>
        )}
      </Stack>
    );
  }

  return (
    <>
      {body}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('interpreters.editTitle', { name: editing.fullName }) : ''}
        size="lg"
      >
        {editing && <InterpreterEditor fair={fair} interpreter={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmDelete
        opened={removing !== null}
        title={t('interpreters.removeTitle', { name: removing?.fullName ?? '' })}
        body={t('interpreters.removeBody')}
        error={removeError}
        loading={unregister.isPending}
        onClose={closeRemove}
        onConfirm={() =>
          removing &&
          unregister.mutate(removing.userId, {
            onSuccess: () => {
              notifications.show({
                color: 'celadon',
                message: t('interpreters.removed', { name: removing.fullName }),
              });
              closeRemove();
            },
            onError: (error) => setRemoveError(errorMessageOf(error, t)),
          })
        }
      />
      <InviteInterpreterModal opened={inviting} onClose={() => onInvite(false)} />
    </>
  );
}

/** /organizer/fairs/:id/interpreters: who interprets at this fair, in which languages, and when. */
export function InterpretersPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetingAdmin');
  const me = useMe();
  const [inviting, setInviting] = useState(false);
  return (
    <FairAdminFrame
      fairId={id}
      tab="interpreters"
      actions={
        hasPermission(me.data?.role, 'staff.invite') ? (
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            {t('interpreters.invite')}
          </Button>
        ) : undefined
      }
    >
      {(fair) => <Interpreters fair={fair} inviting={inviting} onInvite={setInviting} />}
    </FairAdminFrame>
  );
}
