import type { Language } from '@craftmatch/shared';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

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
  const city = zone.split('/').pop() ?? zone;
  return city.replace(/_/g, ' ');
}

/** 24-hour clock time of an instant in a zone: "09:30". */
export function clockTime(instant: string | Date, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(instant));
}

/** Do the two zones show different wall-clock times at this instant? */
export function zonesDiffer(instant: string | Date, a: string, b: string): boolean {
  return (
    clockTime(instant, a, 'en') !== clockTime(instant, b, 'en') || dayOf(instant, a) !== dayOf(instant, b)
  );
}

function dayOf(instant: string | Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(instant));
}

/**
 * The fair's local time first, and the viewer's beside it when it differs:
 * "09:30 Vietnam · 03:30 Berlin". Returns the pieces so the caller translates the joiner.
 */
export function dualTime(
  instant: string,
  fairZone: string,
  viewerZone: string,
  language: Language,
): { fair: string; viewer: string | null } {
  const fair = `${clockTime(instant, fairZone, language)} ${zoneLabel(fairZone, language)}`;
  if (!zonesDiffer(instant, fairZone, viewerZone)) return { fair, viewer: null };
  return { fair, viewer: `${clockTime(instant, viewerZone, language)} ${zoneLabel(viewerZone, language)}` };
}

/** A local calendar date ("2026-12-01") as "Tue 1 Dec 2026", never shifted by the viewer's zone. */
export function formatLocalDate(date: string, language: Language, withWeekday = true): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: withWeekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatDateRange(start: string | null, end: string | null, language: Language): string | null {
  if (!start) return null;
  if (!end || end === start) return formatLocalDate(start, language, false);
  return `${formatLocalDate(start, language, false)} – ${formatLocalDate(end, language, false)}`;
}

/** US$5,000,000 / 5.000.000 US$ */
export function formatUsd(amount: string, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(Number(amount));
}
