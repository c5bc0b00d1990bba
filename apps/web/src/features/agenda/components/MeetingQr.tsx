import { useState } from 'react';
import { Modal, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCheckinCode } from '../api/checkin-code';
import { QrSvg } from './QrSvg';

/** The caller's check-in QR for an accepted meeting; the other party scans it at the meeting. */
export function MeetingQr({ meetingId, otherName }: { meetingId: string; otherName: string }) {
  const { t } = useTranslation('meetings');
  const code = useCheckinCode(meetingId, true);
  const [large, setLarge] = useState(false);
  if (code.isPending) return <Skeleton w={88} h={88} />;
  if (code.isError) return null;
  const label = t('agenda.qrLabel', { name: otherName });
  return (
    <>
      <UnstyledButton
        onClick={() => setLarge(true)}
        aria-label={t('agenda.qrEnlarge')}
        data-testid="meeting-qr"
      >
        <QrSvg value={code.data.url} size={88} label={label} />
      </UnstyledButton>
      <Modal opened={large} onClose={() => setLarge(false)} title={t('agenda.qrTitle')} centered>
        <Stack align="center" gap="sm">
          <QrSvg value={code.data.url} size={280} label={label} />
          <Text ta="center" fz="sm">
            {t('agenda.qrHelp', { name: otherName })}
          </Text>
          <Text ta="center" fz="xs" c="dimmed" ff="monospace">
            {code.data.code}
          </Text>
        </Stack>
      </Modal>
    </>
  );
}
