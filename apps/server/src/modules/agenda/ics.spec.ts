import { buildCalendar, escapeText, fold, vtimezone } from './ics';
import { localDate, offsetMinutes } from './zoned';

describe('ics', () => {
  it('escapes text and folds long lines without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const line = `SUMMARY:${'Gặp Làng gốm Bát Tràng '.repeat(6)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('describes a zone without daylight saving by its one offset', () => {
    const lines = vtimezone(
      'Asia/Ho_Chi_Minh',
      new Date('2026-12-03T01:00:00Z'),
      new Date('2026-12-03T01:30:00Z'),
    );
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Ho_Chi_Minh',
      'BEGIN:STANDARD',
      'DTSTART:20250101T070000',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('lists the daylight-saving changes of Europe/Berlin at their local onsets', () => {
    const text = vtimezone(
      'Europe/Berlin',
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-11-01T00:00:00Z'),
    ).join('\n');
    // 29 Mar 2026 01:00 UTC: 02:00 CET becomes 03:00 CEST; 25 Oct 2026 01:00 UTC: 03:00 CEST becomes 02:00 CET
    expect(text).toContain(
      'BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nEND:DAYLIGHT',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\nDTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nEND:STANDARD',
    );
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(new Date('2026-12-01T12:00:00Z'), 'America/St_Johns')).toBe(-210);
    expect(localDate(new Date('2026-12-03T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-12-04');
  });

  it('writes events with TZID times, CRLF lines and one VTIMEZONE per zone', () => {
    const created = new Date('2026-11-27T02:00:00Z');
    const ics = buildCalendar({
      events: [
        {
          uid: 'm1@craftmatch',
          sequence: 2,
          status: 'CONFIRMED',
          start: new Date('2026-12-03T01:00:00Z'),
          end: new Date('2026-12-03T01:30:00Z'),
          timeZone: 'Asia/Ho_Chi_Minh',
          summary: 'Meeting with Gốm Chu Đậu',
          description: 'Fair: Craft Fair\nBooth A-01',
          location: 'Booth A-01, Hall A, SECC',
          url: 'https://craftmatch.example/meetings/m1',
          created,
          lastModified: created,
        },
      ],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261203T080000\r\n');
    expect(ics).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20261203T083000\r\n');
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(ics).toContain('LOCATION:Booth A-01\\, Hall A\\, SECC');
  });
});
