import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Menu, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconLanguage, IconMapPin, IconUserX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FairMeetingParty, FairMeetingRow } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { countryLabel, languageLabel } from '../../../lib/reference';
import { useUnassignInterpreter } from '../api/meeting-place';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { PlaceModal } from './PlaceModal';
import { MeetingTime } from './MeetingTime';

function Party({ party, extra }: { party: FairMeetingParty; extra?: string | null }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const country = countryLabel(party.countryCode, language);
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text fz="sm" fw={600} lineClamp={2}>
        {party.companyName}
      </Text>
      <Text fz="xs" c="dimmed">
        {[party.fullName, country, extra].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

function Place({ row }: { row: FairMeetingRow }) {
  const { t } = useTranslation('meetingAdmin');
  if (row.place === 'online')
    return row.videoUrl ? (
      <Anchor href={row.videoUrl} target="_blank" rel="noreferrer" fz="sm">
        {t('place.online')}
      </Anchor>
    ) : (
      <Text fz="sm">{t('place.online')}</Text>
    );
  if (row.place === 'table') return <Text fz="sm">{t('place.table', { code: row.tableCode ?? '—' })}</Text>;
  return (
    <Text fz="sm">{row.boothCode ? t('place.booth', { code: row.boothCode }) : t('place.boothUnknown')}</Text>
  );
}

function Interpreter({ row }: { row: FairMeetingRow }) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  if (!row.interpreterLanguage) return <Text c="dimmed">—</Text>;
  const lang = languageLabel(row.interpreterLanguage, language);
  return (
    <Stack gap={2}>
      <Text fz="sm">{lang}</Text>
      {row.interpreterName ? (
        <Text fz="xs" c="dimmed">
          {row.interpreterName}
        </Text>
      ) : row.status === 'accepted' || row.status === 'held' ? (
        <Badge color="lacquer" variant="light" size="sm" leftSection={<IconLanguage size={12} />}>
          {t('list.waitingInterpreter')}
        </Badge>
      ) : null}
    </Stack>
  );
}

interface MeetingTableProps {
  fairId: string;
  rows: FairMeetingRow[];
  fairZone: string;
  /** the organizer may seat meetings at tables or move them */
  canPlace?: boolean;
  /** organizer staff may take an interpreter off a meeting */
  canAssign?: boolean;
}

const PLACE_OPEN = ['requested', 'accepted'];

/** The organizer's list of a fair's meetings, times in the fair's zone first. */
export function MeetingTable({
  fairId,
  rows,
  fairZone,
  canPlace = false,
  canAssign = false,
}: MeetingTableProps) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const [placing, setPlacing] = useState<FairMeetingRow | null>(null);
  const unassign = useUnassignInterpreter(fairId);
  const actionsFor = (row: FairMeetingRow) => ({
    place: canPlace && PLACE_OPEN.includes(row.status),
    unassign: canAssign && row.status === 'accepted' && Boolean(row.interpreterUserId),
  });
  const removeInterpreter = (row: FairMeetingRow) =>
    unassign.mutate(row.id, {
      onSuccess: () =>
        notifications.show({
          color: 'celadon',
          message: t('list.interpreterRemoved', { name: row.interpreterName ?? '' }),
        }),
      onError: (error) => notifications.show({ color: 'lacquer', message: errorMessageOf(error, t) }),
    });
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="meeting-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.when')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('list.buyer')}</Table.Th>
              <Table.Th>{t('list.exhibitor')}</Table.Th>
              <Table.Th>{t('list.place')}</Table.Th>
              <Table.Th>{t('list.interpreter')}</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid={`meeting-row-${row.id}`}>
                <Table.Td>
                  {row.start && row.end ? (
                    <MeetingTime start={row.start} end={row.end} fairZone={fairZone} />
                  ) : (
                    <Stack gap={0}>
                      <Text fz="sm">{t('list.notScheduled')}</Text>
                      <Text fz="xs" c="dimmed" className="tabular">
                        {t('list.requestedOn', { date: formatDateTime(row.createdAt, language) })}
                      </Text>
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td miw={170}>
                  <MeetingStatusBadge status={row.status} />
                  {row.checkedInAt && (
                    <Text fz="xs" c="dimmed" mt={4} className="tabular">
                      {t('list.checkedIn', { date: formatDateTime(row.checkedInAt, language) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={240}>
                  <Party party={row.buyer} />
                </Table.Td>
                <Table.Td maw={240}>
                  <Party party={row.exhibitor} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Place row={row} />
                </Table.Td>
                <Table.Td miw={130}>
                  <Interpreter row={row} />
                </Table.Td>
                <Table.Td>
                  {(actionsFor(row).place || actionsFor(row).unassign) && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('list.actions')}>
                          <IconDots size={18} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {actionsFor(row).place && (
                          <Menu.Item leftSection={<IconMapPin size={16} />} onClick={() => setPlacing(row)}>
                            {t('place.change')}
                          </Menu.Item>
                        )}
                        {actionsFor(row).unassign && (
                          <Menu.Item
                            color="lacquer"
                            leftSection={<IconUserX size={16} />}
                            onClick={() => removeInterpreter(row)}
                          >
                            {t('list.removeInterpreter')}
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PlaceModal fairId={fairId} meeting={placing} onClose={() => setPlacing(null)} />
    </Paper>
  );
}
