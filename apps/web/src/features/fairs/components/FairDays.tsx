import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FairDay } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { dualTime, formatLocalDate, viewerTimeZone, zoneLabel } from './fair-time';

interface FairDaysProps {
  days: FairDay[];
  timeZone: string;
  /** for tests; defaults to the browser's zone */
  viewerZone?: string;
}

/** Each day with its hours in the fair's zone, and the viewer's own time beside them when it differs. */
export function FairDays({ days, timeZone, viewerZone = viewerTimeZone() }: FairDaysProps) {
  const { t, i18n } = useTranslation('fairs');
  const lng = currentLanguage(i18n.language);
  if (days.length === 0) return <Text c="dimmed">{t('page.noDays')}</Text>;
  const show = (instant: string) => {
    const { fair, viewer } = dualTime(instant, timeZone, viewerZone, lng);
    return viewer ? t('time.pair', { fair, viewer }) : fair;
  };
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        {t('page.zoneNote', { zone: `${zoneLabel(timeZone, lng)}, ${timeZone}` })}
      </Text>
      <Table
        striped
        withTableBorder
        verticalSpacing="sm"
        ff="text"
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        <Table.Tbody>
          {days.map((d) => (
            <Table.Tr key={d.date} data-testid={`fair-day-${d.date}`}>
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatLocalDate(d.date, lng)}
              </Table.Td>
              <Table.Td>{t('page.hours', { opens: show(d.startsAt), closes: show(d.endsAt) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
