import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../lib/i18n';
import {
  formatClock,
  formatDayIn,
  localDateIn,
  viewerTimeZone,
  zoneCity,
  zonesDiffer,
} from '../lib/zoned-time';

interface TimeInZonesProps extends TextProps {
  start: string;
  end?: string | null;
  /** the fair's IANA zone: shown first */
  fairZone: string;
  /** defaults to the browser's zone */
  viewerZone?: string;
  /** prefix the fair-local day ("Fri 27 Nov") */
  withDay?: boolean;
}

/** A zone's short name for people: translated when we have one, else the city of its IANA id. */
export function useZoneLabel() {
  const { t } = useTranslation('meetings');
  return (zone: string) => t(`zones.${zone.replace(/\//g, '_')}`, { defaultValue: zoneCity(zone) });
}

/**
 * The fair's local time first and the viewer's own beside it when they differ:
 * "09:30–10:00 Vietnam · 03:30–04:00 Berlin".
 */
export function TimeInZones({
  start,
  end,
  fairZone,
  viewerZone = viewerTimeZone(),
  withDay = false,
  ...textProps
}: TimeInZonesProps) {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const zoneLabel = useZoneLabel();
  const range = (zone: string) =>
    end ? `${formatClock(start, zone, lng)}–${formatClock(end, zone, lng)}` : formatClock(start, zone, lng);
  const fairText = withDay
    ? t('time.dayInZone', {
        day: formatDayIn(start, fairZone, lng),
        time: range(fairZone),
        zone: zoneLabel(fairZone),
      })
    : t('time.inZone', { time: range(fairZone), zone: zoneLabel(fairZone) });
  const differs = zonesDiffer(fairZone, viewerZone, start);
  const otherDay = differs && localDateIn(start, viewerZone) !== localDateIn(start, fairZone);
  const viewerText = !differs
    ? null
    : otherDay
      ? t('time.dayInZone', {
          day: formatDayIn(start, viewerZone, lng),
          time: range(viewerZone),
          zone: zoneLabel(viewerZone),
        })
      : t('time.inZone', { time: range(viewerZone), zone: zoneLabel(viewerZone) });
  return (
    <Text component="span" className="tabular" {...textProps}>
      <span data-zone="fair">{fairText}</span>
      {viewerText && (
        <>
          <span aria-hidden="true"> · </span>
          <Text component="span" c="dimmed" inherit data-zone="viewer">
            {viewerText}
          </Text>
        </>
      )}
    </Text>
  );
}
