import { useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import {
  IconCalendarTime,
  IconCheck,
  IconMapPin,
  IconPencil,
  IconVideo,
  IconLanguage,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDetail } from '@craftmatch/shared';
import { TimeInZones } from '../../../components/TimeInZones';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import {
  useAcceptMeeting,
  useAcceptReschedule,
  useCancelMeeting,
  useCounterMeeting,
  useDeclineMeeting,
  useDeclineReschedule,
  useRescheduleMeeting,
  useUpdateMeeting,
} from '../api/meeting-actions';
import { CancelModal, ChooseSlotModal, DeclineModal, ProposeSlotsModal } from './ActionModals';
import {
  awaitingSide,
  languageName,
  meetingZone,
  otherParty,
  STATUS_COLORS,
  tabOf,
  type Side,
} from './meeting-view';

type Dialog = 'accept' | 'decline' | 'counter' | 'edit' | 'cancel' | 'reschedule' | 'acceptNew' | null;

interface MeetingCardProps {
  meeting: MeetingDetail;
  side: Side;
  selfUserId?: string;
  /** fallback when the server does not send the meeting's zone */
  fairZone?: string;
  now?: Date;
}

/** One meeting in the inbox, with the actions that are the caller's to take. */
export function MeetingCard({ meeting: m, side, selfUserId, fairZone, now = new Date() }: MeetingCardProps) {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const zone = meetingZone(m, fairZone);
  const other = otherParty(m, side);
  const tab = tabOf(m, side, now);
  const myTurn = awaitingSide(m) === side;
  const iRequested = m.requestedBy === side;
  const [dialog, setDialog] = useState<Dialog>(null);
  // The dialogs unmount (and forget their state) on closing, so Mantine cannot hand the focus back to
  // the button that opened them: the card does, when that button is still there.
  const opener = useRef<HTMLElement | null>(null);
  const openDialog = (next: Exclude<Dialog, null>) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(next);
  };
  const close = () => {
    setDialog(null);
    const back = opener.current;
    opener.current = null;
    if (back) requestAnimationFrame(() => back.isConnected && back.focus());
  };

  const accept = useAcceptMeeting();
  const decline = useDeclineMeeting();
  const counter = useCounterMeeting();
  const update = useUpdateMeeting();
  const cancel = useCancelMeeting();
  const reschedule = useRescheduleMeeting();
  const acceptNew = useAcceptReschedule();
  const declineNew = useDeclineReschedule();
  const onDone = { onSuccess: close };

  const pendingReschedule = m.status === 'accepted' ? m.reschedule : null;
  const scheduled = m.start && m.end && ['accepted', 'held', 'no_show'].includes(m.status);
  const place =
    m.place === 'online'
      ? null
      : m.place === 'table' && m.tableCode
        ? t('place.table', { code: m.tableCode })
        : m.boothCode
          ? m.hallName
            ? t('place.boothHall', { code: m.boothCode, hall: m.hallName })
            : t('place.booth', { code: m.boothCode })
          : null;

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      data-testid="meeting-card"
      data-meeting-id={m.id}
      data-status={m.status}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={700} truncate>
              {other.companyName}
            </Text>
            <Text fz="sm" c="dimmed" truncate>
              {other.fullName}
            </Text>
          </Stack>
          <Group gap={4} wrap="wrap" justify="flex-end">
            {pendingReschedule && (
              <Badge color="rattan" variant="light">
                {t('status.reschedulePending')}
              </Badge>
            )}
            <Badge color={STATUS_COLORS[m.status]} variant="light" data-testid="meeting-status">
              {t(`status.${m.status}`)}
            </Badge>
          </Group>
        </Group>

        {scheduled ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconCalendarTime size={18} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
            <TimeInZones start={m.start!} end={m.end} fairZone={zone} withDay fz="sm" fw={600} />
          </Group>
        ) : (
          m.proposals.length > 0 &&
          ['requested'].includes(m.status) && (
            <Stack gap={2}>
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(myTurn ? 'card.proposedToYou' : 'card.youProposed', { count: m.proposals.length })}
              </Text>
              {m.proposals.map((p) => (
                <Group key={p.start} gap={6} wrap="nowrap" align="flex-start">
                  <IconCalendarTime size={16} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
                  <TimeInZones start={p.start} end={p.end} fairZone={zone} withDay fz="sm" />
                </Group>
              ))}
            </Stack>
          )
        )}

        {pendingReschedule && (
          <Stack gap={2}>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(pendingReschedule.proposedBy === side ? 'card.youProposedNew' : 'card.theyProposedNew')}
            </Text>
            {pendingReschedule.proposals.map((p) => (
              <TimeInZones key={p.start} start={p.start} end={p.end} fairZone={zone} withDay fz="sm" />
            ))}
          </Stack>
        )}

        {scheduled && (place || m.videoUrl) && (
          <Group gap={6} wrap="nowrap">
            {m.place === 'online' ? (
              <IconVideo size={16} aria-hidden />
            ) : (
              <IconMapPin size={16} aria-hidden />
            )}
            {m.place === 'online' && m.videoUrl ? (
              <Anchor href={m.videoUrl} target="_blank" rel="noopener noreferrer" fz="sm">
                {t('place.online')}
              </Anchor>
            ) : (
              <Text fz="sm">{place}</Text>
            )}
          </Group>
        )}

        {m.interpreterLanguage && (
          <Group gap={6} wrap="nowrap">
            <IconLanguage size={16} aria-hidden />
            <Text fz="sm">
              {m.interpreterName
                ? t('card.interpreter', {
                    language: languageName(m.interpreterLanguage, lng),
                    name: m.interpreterName,
                  })
                : t('card.interpreterWanted', { language: languageName(m.interpreterLanguage, lng) })}
            </Text>
          </Group>
        )}

        {m.message && (
          <Text fz="sm" fs="italic" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-line' }}>
            “{m.message}”
          </Text>
        )}
        {m.status === 'declined' && m.declineReason && (
          <Text fz="sm">{t('card.declinedBecause', { reason: t(`declineReasons.${m.declineReason}`) })}</Text>
        )}
        {m.status === 'cancelled' && m.cancelReason && (
          <Text fz="sm">{t('card.cancelledBecause', { reason: m.cancelReason })}</Text>
        )}
        {m.status === 'requested' && (
          <Text fz="xs" c="dimmed">
            {t('card.expires', {
              date: new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', {
                dateStyle: 'medium',
                timeStyle: 'short',
              }).format(new Date(m.expiresAt)),
            })}
          </Text>
        )}

        <Group gap="xs" mt={4} wrap="wrap">
          {tab === 'awaiting' && m.status === 'requested' && (
            <>
              <Button
                size="xs"
                color="celadon.8"
                leftSection={<IconCheck size={14} />}
                onClick={() => openDialog('accept')}
                data-testid="accept-meeting"
              >
                {t('actions.accept')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="cham"
                onClick={() => openDialog('counter')}
                data-testid="counter-meeting"
              >
                {t('actions.counter')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="lacquer"
                leftSection={<IconX size={14} />}
                onClick={() => openDialog('decline')}
                data-testid="decline-meeting"
              >
                {t('actions.decline')}
              </Button>
            </>
          )}
          {tab === 'awaiting' && pendingReschedule && (
            <>
              <Button
                size="xs"
                color="celadon.8"
                onClick={() => openDialog('acceptNew')}
                data-testid="accept-new-time"
              >
                {t('actions.acceptNewTime')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="lacquer"
                loading={declineNew.isPending}
                onClick={() => declineNew.mutate({ id: m.id })}
                data-testid="decline-new-time"
              >
                {t('actions.keepTime')}
              </Button>
            </>
          )}
          {tab === 'waiting' && iRequested && (
            <Button
              size="xs"
              variant="light"
              color="cham"
              leftSection={<IconPencil size={14} />}
              onClick={() => openDialog('edit')}
              data-testid="edit-meeting"
            >
              {t('actions.edit')}
            </Button>
          )}
          {tab === 'waiting' && iRequested && (
            <Button
              size="xs"
              variant="subtle"
              color="lacquer"
              onClick={() => openDialog('cancel')}
              data-testid="withdraw-meeting"
            >
              {t('actions.withdraw')}
            </Button>
          )}
          {m.status === 'accepted' && (tab === 'upcoming' || tab === 'awaiting') && (
            <>
              {!pendingReschedule && (
                <Button
                  size="xs"
                  variant="light"
                  color="cham"
                  onClick={() => openDialog('reschedule')}
                  data-testid="reschedule-meeting"
                >
                  {t('actions.reschedule')}
                </Button>
              )}
              <Button
                size="xs"
                variant="subtle"
                color="lacquer"
                onClick={() => openDialog('cancel')}
                data-testid="cancel-meeting"
              >
                {t('actions.cancel')}
              </Button>
              <Button size="xs" variant="subtle" color="cham" component={Link} to={`/agenda/${m.fairId}`}>
                {t('actions.openAgenda')}
              </Button>
            </>
          )}
        </Group>
        {declineNew.isError && (
          <Text fz="sm" c="lacquer.7" role="alert">
            {errorMessageOf(declineNew.error, t)}
          </Text>
        )}
      </Stack>

      {dialog === 'accept' && (
        <ChooseSlotModal
          opened
          onClose={close}
          title={t('accept.title', { company: other.companyName })}
          slots={m.proposals}
          fairZone={zone}
          loading={accept.isPending}
          error={accept.error}
          confirmLabel={t('accept.confirm')}
          onConfirm={(slotStart) => accept.mutate({ id: m.id, body: { slotStart } }, onDone)}
        />
      )}
      {dialog === 'acceptNew' && pendingReschedule && (
        <ChooseSlotModal
          opened
          onClose={close}
          title={t('reschedule.acceptTitle')}
          slots={pendingReschedule.proposals}
          fairZone={zone}
          loading={acceptNew.isPending}
          error={acceptNew.error}
          confirmLabel={t('reschedule.acceptConfirm')}
          onConfirm={(slotStart) => acceptNew.mutate({ id: m.id, body: { slotStart } }, onDone)}
        />
      )}
      {dialog === 'decline' && (
        <DeclineModal
          opened
          onClose={close}
          loading={decline.isPending}
          error={decline.error}
          onConfirm={(reasonCode) => decline.mutate({ id: m.id, body: { reasonCode } }, onDone)}
        />
      )}
      {dialog === 'cancel' && (
        <CancelModal
          opened
          onClose={close}
          pending={m.status === 'requested'}
          loading={cancel.isPending}
          error={cancel.error}
          onConfirm={(reason) => cancel.mutate({ id: m.id, body: { reason } }, onDone)}
        />
      )}
      {dialog === 'counter' && (
        <ProposeSlotsModal
          opened
          onClose={close}
          title={t('counter.title')}
          intro={t('counter.intro', { name: other.fullName })}
          fairId={m.fairId}
          fairZone={zone}
          withUserId={other.userId}
          selfUserId={selfUserId}
          loading={counter.isPending}
          error={counter.error}
          confirmLabel={t('counter.confirm')}
          onConfirm={({ slots, message }) =>
            counter.mutate({ id: m.id, body: { slots, message: message.trim() || undefined } }, onDone)
          }
        />
      )}
      {dialog === 'reschedule' && (
        <ProposeSlotsModal
          opened
          onClose={close}
          title={t('reschedule.title')}
          intro={t('reschedule.intro')}
          fairId={m.fairId}
          fairZone={zone}
          withUserId={other.userId}
          selfUserId={selfUserId}
          loading={reschedule.isPending}
          error={reschedule.error}
          confirmLabel={t('reschedule.confirm')}
          onConfirm={({ slots, message }) =>
            reschedule.mutate({ id: m.id, body: { slots, message: message.trim() || undefined } }, onDone)
          }
        />
      )}
      {dialog === 'edit' && (
        <ProposeSlotsModal
          opened
          onClose={close}
          title={t('edit.title')}
          fairId={m.fairId}
          fairZone={zone}
          withUserId={other.userId}
          selfUserId={selfUserId}
          withInterpreter
          initial={{
            slots: m.proposals.map((p) => p.start).filter((s) => new Date(s) > now),
            message: m.message ?? '',
            interpreterLanguage: m.interpreterLanguage,
          }}
          loading={update.isPending}
          error={update.error}
          confirmLabel={t('edit.confirm')}
          onConfirm={({ slots, message, interpreterLanguage }) =>
            update.mutate({ id: m.id, body: { slots, message: message.trim(), interpreterLanguage } }, onDone)
          }
        />
      )}
    </Paper>
  );
}
