import { useState } from 'react';
import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  MEETING_DECLINE_REASONS,
  MEETING_MESSAGE_MAX,
  MEETING_REASON_MAX,
  type FairSlot,
  type MeetingDeclineReason,
} from '@craftmatch/shared';
import { FormError } from '../../../components/StateViews';
import { TimeInZones } from '../../../components/TimeInZones';
import { errorMessageOf } from '../../../lib/api-client';
import { InterpreterLanguageSelect } from './InterpreterLanguageSelect';
import { ProposeSlots } from './ProposeSlots';

interface BaseModalProps {
  opened: boolean;
  onClose: () => void;
  loading: boolean;
  error: unknown;
}

function useFullScreen() {
  return useMediaQuery('(max-width: 36em)') ?? false;
}

/** Accept a request (or a new time) by picking one of the proposed slots. */
export function ChooseSlotModal({
  opened,
  onClose,
  loading,
  error,
  title,
  slots,
  fairZone,
  onConfirm,
  confirmLabel,
}: BaseModalProps & {
  title: string;
  slots: FairSlot[];
  fairZone: string;
  onConfirm: (slotStart: string) => void;
  confirmLabel: string;
}) {
  const { t } = useTranslation('meetings');
  const now = new Date();
  const open = slots.filter((s) => new Date(s.start) > now);
  const [choice, setChoice] = useState<string | null>(open.length === 1 ? open[0].start : null);
  return (
    <Modal opened={opened} onClose={onClose} title={title} fullScreen={useFullScreen()} centered>
      <Stack gap="md">
        <Radio.Group value={choice} onChange={setChoice} label={t('accept.pick')}>
          <Stack gap="xs" mt="xs">
            {slots.map((slot) => (
              <Radio
                key={slot.start}
                value={slot.start}
                disabled={new Date(slot.start) <= now}
                label={<TimeInZones start={slot.start} end={slot.end} fairZone={fairZone} withDay />}
                data-testid="accept-slot"
              />
            ))}
          </Stack>
        </Radio.Group>
        {open.length === 0 && <Text c="dimmed">{t('accept.allStarted')}</Text>}
        <FormError message={error ? errorMessageOf(error, t) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.close')}
          </Button>
          <Button
            color="celadon.8"
            disabled={!choice}
            loading={loading}
            onClick={() => choice && onConfirm(choice)}
            data-testid="confirm-accept"
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeclineModal({
  opened,
  onClose,
  loading,
  error,
  onConfirm,
}: BaseModalProps & { onConfirm: (reason: MeetingDeclineReason) => void }) {
  const { t } = useTranslation('meetings');
  const [reason, setReason] = useState<MeetingDeclineReason | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('decline.title')} fullScreen={useFullScreen()} centered>
      <Stack gap="md">
        <Select
          label={t('decline.reason')}
          placeholder={t('decline.reasonPlaceholder')}
          value={reason}
          onChange={(v) => setReason(v as MeetingDeclineReason | null)}
          data={MEETING_DECLINE_REASONS.map((r) => ({ value: r, label: t(`declineReasons.${r}`) }))}
          data-testid="decline-reason"
          comboboxProps={{ withinPortal: false }}
        />
        <FormError message={error ? errorMessageOf(error, t) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.close')}
          </Button>
          <Button
            color="lacquer"
            disabled={!reason}
            loading={loading}
            onClick={() => reason && onConfirm(reason)}
            data-testid="confirm-decline"
          >
            {t('decline.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Cancelling needs a reason the other side reads; the dialog itself is the confirmation. */
export function CancelModal({
  opened,
  onClose,
  loading,
  error,
  onConfirm,
  pending,
}: BaseModalProps & { onConfirm: (reason: string) => void; pending: boolean }) {
  const { t } = useTranslation('meetings');
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(pending ? 'cancel.titleRequest' : 'cancel.title')}
      fullScreen={useFullScreen()}
      centered
    >
      <Stack gap="md">
        <Text fz="sm">{t(pending ? 'cancel.warningRequest' : 'cancel.warning')}</Text>
        <Textarea
          label={t('cancel.reason')}
          required
          autosize
          minRows={2}
          maxLength={MEETING_REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="cancel-reason"
        />
        <FormError message={error ? errorMessageOf(error, t) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel.keep')}
          </Button>
          <Button
            color="lacquer"
            disabled={!reason.trim()}
            loading={loading}
            onClick={() => onConfirm(reason.trim())}
            data-testid="confirm-cancel"
          >
            {t(pending ? 'cancel.confirmRequest' : 'cancel.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export interface ProposalValues {
  slots: string[];
  message: string;
  interpreterLanguage: string | null;
}

/** New slots (counter-proposal, reschedule, edit of a pending request), with an optional message. */
export function ProposeSlotsModal({
  opened,
  onClose,
  loading,
  error,
  title,
  intro,
  fairId,
  fairZone,
  withUserId,
  selfUserId,
  initial,
  withInterpreter = false,
  confirmLabel,
  onConfirm,
}: BaseModalProps & {
  title: string;
  intro?: string;
  fairId: string;
  fairZone: string;
  withUserId: string;
  selfUserId?: string;
  initial?: Partial<ProposalValues>;
  withInterpreter?: boolean;
  confirmLabel: string;
  onConfirm: (values: ProposalValues) => void;
}) {
  const { t } = useTranslation('meetings');
  const [values, setValues] = useState<ProposalValues>({
    slots: initial?.slots ?? [],
    message: initial?.message ?? '',
    interpreterLanguage: initial?.interpreterLanguage ?? null,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl" fullScreen={useFullScreen()} centered>
      <Stack gap="md">
        {intro && <Text fz="sm">{intro}</Text>}
        <ProposeSlots
          fairId={fairId}
          fairZone={fairZone}
          withUserId={withUserId}
          selfUserId={selfUserId}
          value={values.slots}
          onChange={(slots) => setValues((v) => ({ ...v, slots }))}
        />
        <Textarea
          label={t('request.message')}
          autosize
          minRows={2}
          maxLength={MEETING_MESSAGE_MAX}
          value={values.message}
          onChange={(e) => {
            const message = e.currentTarget.value;
            setValues((v) => ({ ...v, message }));
          }}
        />
        {withInterpreter && (
          <InterpreterLanguageSelect
            value={values.interpreterLanguage}
            onChange={(interpreterLanguage) => setValues((v) => ({ ...v, interpreterLanguage }))}
          />
        )}
        <FormError message={error ? errorMessageOf(error, t) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.close')}
          </Button>
          <Button
            color="cham"
            disabled={values.slots.length === 0}
            loading={loading}
            onClick={() => onConfirm(values)}
            data-testid="confirm-propose"
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
