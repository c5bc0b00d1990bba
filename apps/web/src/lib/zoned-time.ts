import type { Language } from '@craftmatch/shared';
import { intlLocale } from './format';

/** The viewer's own IANA time zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Europe/Berlin" → "Berlin", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** Minutes east of UTC of a zone at an instant. */
export function zoneOffsetMinutes(zone: string, at: Date | string): number {
  const date = new Date(at);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

/** Whether two zones show a different wall-clock time at that instant. */
export function zonesDiffer(a: string, b: string, at: Date | string): boolean {
  return a !== b && zoneOffsetMinutes(a, at) !== zoneOffsetMinutes(b, at);
}

/** "09:30" in a zone. */
export function formatClock(at: Date | string, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateIn(at: Date | string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/** "Fri 27 Nov" / "Th 6, 27 thg 11" for a local date (YYYY-MM-DD). */
export function formatLocalDay(date: string, language: Language, long = false): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'UTC',
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "Fri 27 Nov" for an instant, in a zone. */
export function formatDayIn(at: Date | string, zone: string, language: Language): string {
  return formatLocalDay(localDateIn(at, zone), language);
}
