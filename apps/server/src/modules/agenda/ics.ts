/**
 * RFC 5545 calendars built by hand: the `ics` package writes no VTIMEZONE, and calendar apps need one
 * to place a TZID'd time correctly. The VTIMEZONE is derived from the platform's time-zone data
 * (Intl), one observance per offset change around the events.
 */
import { icsLocal, icsOffset, icsUtc, offsetMinutes, wallClock } from './zoned';

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsEvent {
  uid: string;
  sequence: number;
  status: IcsStatus;
  start: Date;
  end: Date;
  timeZone: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  created: Date;
  lastModified: Date;
}

export interface IcsCalendar {
  /** X-WR-CALNAME of a subscribed feed */
  name?: string;
  events: IcsEvent[];
}

const DAY = 86_400_000;

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets are folded, never inside a UTF-8 sequence (RFC 5545 §3.1). */
export function fold(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // continuation lines begin with a space, which counts toward their 75 octets
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Offset changes of the zone between two instants, to the minute. */
function transitions(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let previous = offsetMinutes(new Date(from), timeZone);
  for (let t = from + DAY; t <= to; t += DAY) {
    const current = offsetMinutes(new Date(t), timeZone);
    if (current === previous) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetMinutes(new Date(mid), timeZone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: current });
    previous = current;
  }
  return found;
}

/** An abbreviation such as CEST or EDT when the platform knows one (English locales differ per zone). */
const tzName = (instant: Date, timeZone: string): string | null => {
  for (const locale of ['en-US', 'en-GB']) {
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (part && /^[A-Z]{2,5}$/.test(part)) return part;
  }
  return null;
};

/**
 * VTIMEZONE for the zone, covering the years of the events and one either side: an observance for the
 * offset in force at the start, and one per change after it.
 */
export function vtimezone(timeZone: string, first: Date, last: Date): string[] {
  const from = Date.UTC(first.getUTCFullYear() - 1, 0, 1);
  const to = Date.UTC(last.getUTCFullYear() + 2, 0, 1);
  const initial = offsetMinutes(new Date(from), timeZone);
  const changes = transitions(timeZone, from, to);
  const standard = Math.min(initial, ...changes.map((c) => c.to));
  const observance = (at: number, offsetFrom: number, offsetTo: number): string[] => {
    const kind = offsetTo > standard ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the onset in the local time in force before it
    const local = wallClock(new Date(at + offsetFrom * 60_000), 'UTC');
    const name = tzName(new Date(at), timeZone);
    return [
      `BEGIN:${kind}`,
      `DTSTART:${icsLocal(local)}`,
      `TZOFFSETFROM:${icsOffset(offsetFrom)}`,
      `TZOFFSETTO:${icsOffset(offsetTo)}`,
      ...(name ? [`TZNAME:${name}`] : []),
      `END:${kind}`,
    ];
  };
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(from, initial, initial),
    ...changes.flatMap((c) => observance(c.at, c.from, c.to)),
    'END:VTIMEZONE',
  ];
}

function vevent(e: IcsEvent, stamp: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `CREATED:${icsUtc(e.created)}`,
    `LAST-MODIFIED:${icsUtc(e.lastModified)}`,
    `DTSTART;TZID=${e.timeZone}:${icsLocal(wallClock(e.start, e.timeZone))}`,
    `DTEND;TZID=${e.timeZone}:${icsLocal(wallClock(e.end, e.timeZone))}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `STATUS:${e.status}`,
    `TRANSP:${e.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
  ];
}

/** The whole calendar as CRLF-separated, folded lines. */
export function buildCalendar(calendar: IcsCalendar): string {
  const zones = new Map<string, { first: Date; last: Date }>();
  for (const e of calendar.events) {
    const span = zones.get(e.timeZone);
    if (!span) zones.set(e.timeZone, { first: e.start, last: e.end });
    else {
      if (e.start < span.first) span.first = e.start;
      if (e.end > span.last) span.last = e.end;
    }
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CraftMatch//Meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(calendar.name
      ? [
          `X-WR-CALNAME:${escapeText(calendar.name)}`,
          'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
          'X-PUBLISHED-TTL:PT15M',
        ]
      : []),
    ...[...zones].flatMap(([zone, span]) => vtimezone(zone, span.first, span.last)),
    // DTSTAMP: the last revision of each event, so an unchanged event stays byte-identical
    ...calendar.events.flatMap((e) => vevent(e, e.lastModified)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
