import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconLanguage, IconMapPin, IconNotes, IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaMeeting } from '@craftmatch/shared';
import { TimeInZones } from '../../../components/TimeInZones';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { languageName } from '../../../lib/language-name';
import { useDownloadIcs } from '../api/download-ics';
import { MeetingQr } from './MeetingQr';

const STATUS_COLORS: Record<AgendaMeeting['status'], string> = {
  requested: 'rattan',
  accepted: 'celadon',
  declined: 'lacquer',
  cancelled: 'lacquer',
  expired: 'gray',
  held: 'cham',
  no_show: 'gray',
};

/** One meeting in an agenda day column: when, with whom, where, the interpreter, its QR and calendar file. */
export function AgendaMeetingCard({ meeting: m, fairZone }: { meeting: AgendaMeeting; fairZone: string }) {
  const { t, i18n } = useTranslation(['meetings', 'calendar']);
  const lng = currentLanguage(i18n.resolvedLanguage);
  const ics = useDownloadIcs();
  const interpreting = m.role === 'interpreter';
  const who = m.otherParty
    ? { title: m.otherParty.companyName, subtitle: m.otherParty.fullName }
    : {
        title: t('agenda.between', { buyer: m.buyer.companyName, exhibitor: m.exhibitor.companyName }),
        subtitle: `${m.buyer.fullName} · ${m.exhibitor.fullName}`,
      };
  const place =
    m.place === 'table' && m.table
      ? t('place.table', { code: m.table.code })
      : m.booth
        ? m.booth.hallName
          ? t('place.boothHall', { code: m.booth.code, hall: m.booth.hallName })
          : t('place.booth', { code: m.booth.code })
        : null;
  const active = m.status === 'accepted';

  return (
    <Paper
      withBorder
      p="sm"
      className="agenda-meeting"
      data-testid="agenda-meeting"
      data-meeting-id={m.id}
      data-status={m.status}
      style={m.status === 'cancelled' ? { borderStyle: 'dashed' } : undefined}
    >
      <Stack gap={4} style={{ minWidth: 0 }}>
        <TimeInZones
          start={m.start}
          end={m.end}
          fairZone={fairZone}
          fw={700}
          fz="sm"
          data-testid="agenda-time"
        />
        <Text fw={600} lineClamp={2}>
          {who.title}
        </Text>
        <Text fz="sm" c="dimmed" lineClamp={2}>
          {who.subtitle}
        </Text>
        {(place || m.place === 'online') && (
          <Group gap={4} wrap="nowrap">
            {m.place === 'online' ? (
              <IconVideo size={14} aria-hidden />
            ) : (
              <IconMapPin size={14} aria-hidden />
            )}
            {m.place === 'online' && m.videoUrl ? (
              <Anchor href={m.videoUrl} target="_blank" rel="noopener noreferrer" fz="sm">
                {t('place.online')}
              </Anchor>
            ) : (
              <Text fz="sm">{m.place === 'online' ? t('place.online') : place}</Text>
            )}
          </Group>
        )}
        {m.interpreterLanguage && !interpreting && (
          <Group gap={4} wrap="nowrap">
            <IconLanguage size={14} aria-hidden />
            <Text fz="sm">
              {m.interpreter
                ? t('card.interpreter', {
                    language: languageName(m.interpreterLanguage, lng),
                    name: m.interpreter.fullName,
                  })
                : t('calendar:agenda.interpreterWaiting', {
                    language: languageName(m.interpreterLanguage, lng),
                  })}
            </Text>
          </Group>
        )}
        {interpreting && m.interpreterLanguage && (
          <Group gap={4} wrap="nowrap">
            <IconLanguage size={14} aria-hidden />
            <Text fz="sm">
              {t('agenda.youInterpret', { language: languageName(m.interpreterLanguage, lng) })}
            </Text>
          </Group>
        )}
        <Group gap={6} mt={2}>
          <Badge size="sm" variant="light" color={STATUS_COLORS[m.status]}>
            {t(`status.${m.status}`)}
          </Badge>
        </Group>
      </Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap-reverse" gap="xs" mt="xs">
        <Stack gap={2} align="flex-start" className="agenda-no-print">
          <Button
            size="compact-xs"
            variant="subtle"
            color="cham"
            leftSection={<IconDownload size={14} />}
            loading={ics.isPending}
            onClick={() =>
              ics.mutate({ meetingId: m.id, fileName: `craftmatch-meeting-${m.id.slice(0, 8)}.ics` })
            }
            data-testid="download-ics"
          >
            {t('calendar:download')}
          </Button>
          {m.status === 'held' && !interpreting && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="cham"
              leftSection={<IconNotes size={14} />}
              component={Link}
              to={`/meetings/${m.id}/outcome`}
            >
              {t('outcome.open')}
            </Button>
          )}
        </Stack>
        {active && !interpreting && (
          <MeetingQr meetingId={m.id} otherName={m.otherParty?.companyName ?? ''} />
        )}
      </Group>
      {ics.isError && (
        <Text fz="xs" c="lacquer.7" role="alert">
          {errorMessageOf(ics.error, t)}
        </Text>
      )}
    </Paper>
  );
}
