import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import { clockTime, dayLabel, viewerTimeZone, zonedTime } from './zone';

interface MeetingTimeProps {
  start: string;
  end: string;
  fairZone: string;
  /** defaults to the browser's zone */
  viewerZone?: string;
}

/**
 * "Tue 1 Dec · 09:30–10:00 Vietnam", and below it the viewer's own "03:30–04:00 Berlin" when the
 * two clocks differ.
 */
export function MeetingTime({ start, end, fairZone, viewerZone = viewerTimeZone() }: MeetingTimeProps) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const from = zonedTime(start, fairZone, viewerZone, language);
  const range = (zone: string) => `${clockTime(start, zone, language)}–${clockTime(end, zone, language)}`;
  return (
    <Stack gap={0} className="tabular">
      <Text fz="sm" fw={500} data-testid="fair-time">
        {t('time.fair', {
          day: dayLabel(start, fairZone, language),
          time: range(fairZone),
          zone: from.fairZone,
        })}
      </Text>
      {from.viewer && (
        <Text fz="xs" c="dimmed" data-testid="viewer-time">
          {from.viewerOtherDay
            ? t('time.viewerOtherDay', {
                day: dayLabel(start, viewerZone, language),
                time: range(viewerZone),
                zone: from.viewerZone,
              })
            : t('time.viewer', { time: range(viewerZone), zone: from.viewerZone })}
        </Text>
      )}
    </Stack>
  );
}
