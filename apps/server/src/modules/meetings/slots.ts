import type { FairSlot } from '@craftmatch/shared';

/** One opening day of a fair, in the fair's local wall time. */
export interface FairDayHours {
  /** local date, YYYY-MM-DD */
  day: string;
  /** local time, HH:MM or HH:MM:SS */
  opensAt: string;
  closesAt: string;
}

export interface SlotSettings {
  slotMinutes: number;
  bufferMinutes: number;
  /** IANA time zone of the fair, e.g. Asia/Ho_Chi_Minh */
  timeZone: string;
}

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in minutes (UTC+7 → 420). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / MINUTE);
}

function parseDate(day: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`invalid date ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function parseTime(time: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m) throw new Error(`invalid time ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The UTC instant of a local wall time in a zone. A wall time that does not exist (the hour
 * skipped when clocks go forward) maps to the instant the same number of minutes after midnight
 * under the earlier offset, i.e. it moves forward with the clocks.
 */
export function localToUtc(day: string, time: string, timeZone: string): Date {
  const [y, mo, d] = parseDate(day);
  const naive = Date.UTC(y, mo - 1, d) + parseTime(time) * MINUTE;
  const first = naive - zoneOffsetMinutes(naive, timeZone) * MINUTE;
  const second = naive - zoneOffsetMinutes(first, timeZone) * MINUTE;
  return new Date(
    zoneOffsetMinutes(second, timeZone) === zoneOffsetMinutes(first, timeZone) ? second : first,
  );
}

/**
 * A fair's bookable slots: each day from opening to closing, slots of `slotMinutes` separated by
 * `bufferMinutes`, all of them ending by closing time. Durations are real elapsed time, so a day
 * on which clocks change still holds slots of the right length. Returned in time order, in UTC.
 */
export function fairSlots(days: FairDayHours[], settings: SlotSettings): FairSlot[] {
  const { slotMinutes, bufferMinutes, timeZone } = settings;
  if (slotMinutes <= 0 || bufferMinutes < 0) throw new Error('invalid slot settings');
  const slots: FairSlot[] = [];
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  for (const day of sorted) {
    const opens = localToUtc(day.day, day.opensAt, timeZone).getTime();
    const closes = localToUtc(day.day, day.closesAt, timeZone).getTime();
    for (
      let start = opens;
      start + slotMinutes * MINUTE <= closes;
      start += (slotMinutes + bufferMinutes) * MINUTE
    ) {
      slots.push({
        start: new Date(start).toISOString(),
        end: new Date(start + slotMinutes * MINUTE).toISOString(),
      });
    }
  }
  return slots;
}
