import type { Language } from '@craftmatch/shared';
import { intlLocale } from '../../../lib/format';

/** Names for zones whose city is not the place people think of. */
const ZONE_NAMES: Record<string, Record<Language, string>> = {
  'Asia/Ho_Chi_Minh': { vi: 'Việt Nam', en: 'Vietnam' },
  'Asia/Saigon': { vi: 'Việt Nam', en: 'Vietnam' },
};

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Berlin", "Vietnam", "New York". */
export function zoneLabel(zone: string, language: Language): string {
  const known = ZONE_NAMES[zone]?.[language];
  if (known) return known;
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** 24-hour clock time of an instant in a zone: "09:30". */
export function clockTime(instant: string | Date, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(instant));
}

/** The local calendar day of an instant in a zone: "2026-12-01". */
export function localDay(instant: string | Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(instant));
}

/** "Tue 1 Dec", the day of an instant as seen in a zone. */
export function dayLabel(instant: string | Date, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  }).format(new Date(instant));
}

export interface ZonedTime {
  /** "09:30" in the fair's zone */
  fair: string;
  fairZone: string;
  /** the viewer's clock time, or null when it reads the same as the fair's */
  viewer: string | null;
  viewerZone: string;
  /** the viewer's day differs from the fair's day */
  viewerOtherDay: boolean;
}

/**
 * The fair's local time first, and the viewer's beside it when it differs
 * ("09:30 Vietnam · 03:30 Berlin"). Returns the pieces; the caller translates the sentence.
 */
export function zonedTime(
  instant: string,
  fairZone: string,
  viewerZone: string,
  language: Language,
): ZonedTime {
  const fair = clockTime(instant, fairZone, language);
  const viewer = clockTime(instant, viewerZone, language);
  const otherDay = localDay(instant, fairZone) !== localDay(instant, viewerZone);
  return {
    fair,
    fairZone: zoneLabel(fairZone, language),
    viewer: viewer === fair && !otherDay ? null : viewer,
    viewerZone: zoneLabel(viewerZone, language),
    viewerOtherDay: otherDay,
  };
}
