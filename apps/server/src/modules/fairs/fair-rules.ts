import { FAIR_TRANSITIONS, type FairDayInput, type FairStatus } from '@craftmatch/shared';

/** URL-safe ASCII slug: "Hội chợ Quà tặng Hà Nội 2026" → "hoi-cho-qua-tang-ha-noi-2026". */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100)
      .replace(/-+$/g, '') || 'fair'
  );
}

/** An IANA zone the runtime knows ("Asia/Ho_Chi_Minh"); offsets and abbreviations are refused. */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function canMove(from: FairStatus, to: FairStatus): boolean {
  return FAIR_TRANSITIONS[from] === to;
}

/** A real calendar date (the DTO only checked its shape). */
export function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Field errors of a list of days: bad dates, duplicates, closing before opening. */
export function dayErrors(days: FairDayInput[]): Record<string, 'INVALID_VALUE'> {
  const errors: Record<string, 'INVALID_VALUE'> = {};
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!isCalendarDate(d.date) || seen.has(d.date)) errors[`days.${i}.date`] = 'INVALID_VALUE';
    seen.add(d.date);
    if (d.opensAt >= d.closesAt) errors[`days.${i}.closesAt`] = 'INVALID_VALUE';
  });
  return errors;
}
