import { fairSlots, localToUtc, zoneOffsetMinutes } from './slots';

describe('fair slots', () => {
  it('turns Ho Chi Minh City wall time into UTC (08:30 local = 01:30Z)', () => {
    expect(localToUtc('2026-12-03', '08:30', 'Asia/Ho_Chi_Minh').toISOString()).toBe(
      '2026-12-03T01:30:00.000Z',
    );
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 3), 'Asia/Ho_Chi_Minh')).toBe(420);
  });

  it('lays out slots with buffers, all ending by closing time', () => {
    const slots = fairSlots([{ day: '2026-12-03', opensAt: '08:30', closesAt: '10:10:00' }], {
      slotMinutes: 30,
      bufferMinutes: 5,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(slots).toEqual([
      { start: '2026-12-03T01:30:00.000Z', end: '2026-12-03T02:00:00.000Z' },
      { start: '2026-12-03T02:05:00.000Z', end: '2026-12-03T02:35:00.000Z' },
      { start: '2026-12-03T02:40:00.000Z', end: '2026-12-03T03:10:00.000Z' },
    ]);
  });

  it('orders several days and allows a zero buffer', () => {
    const slots = fairSlots(
      [
        { day: '2026-12-04', opensAt: '09:00', closesAt: '10:00' },
        { day: '2026-12-03', opensAt: '09:00', closesAt: '10:00' },
      ],
      { slotMinutes: 30, bufferMinutes: 0, timeZone: 'Asia/Ho_Chi_Minh' },
    );
    expect(slots.map((s) => s.start)).toEqual([
      '2026-12-03T02:00:00.000Z',
      '2026-12-03T02:30:00.000Z',
      '2026-12-04T02:00:00.000Z',
      '2026-12-04T02:30:00.000Z',
    ]);
  });

  it('follows Berlin across the last Sunday of March (CET → CEST)', () => {
    const days = ['2027-03-27', '2027-03-28', '2027-03-29'].map((day) => ({
      day,
      opensAt: '09:00',
      closesAt: '10:00',
    }));
    const slots = fairSlots(days, { slotMinutes: 60, bufferMinutes: 0, timeZone: 'Europe/Berlin' });
    expect(slots).toEqual([
      { start: '2027-03-27T08:00:00.000Z', end: '2027-03-27T09:00:00.000Z' },
      { start: '2027-03-28T07:00:00.000Z', end: '2027-03-28T08:00:00.000Z' },
      { start: '2027-03-29T07:00:00.000Z', end: '2027-03-29T08:00:00.000Z' },
    ]);
  });

  it('counts real hours on the night the clocks go forward', () => {
    // 01:00 CET = 00:00Z; 04:00 CEST = 02:00Z: two real hours, not three
    const slots = fairSlots([{ day: '2027-03-28', opensAt: '01:00', closesAt: '04:00' }], {
      slotMinutes: 60,
      bufferMinutes: 0,
      timeZone: 'Europe/Berlin',
    });
    expect(slots).toEqual([
      { start: '2027-03-28T00:00:00.000Z', end: '2027-03-28T01:00:00.000Z' },
      { start: '2027-03-28T01:00:00.000Z', end: '2027-03-28T02:00:00.000Z' },
    ]);
    expect(localToUtc('2027-03-28', '03:00', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('follows Berlin back to CET in October', () => {
    expect(localToUtc('2027-10-30', '09:00', 'Europe/Berlin').toISOString()).toBe('2027-10-30T07:00:00.000Z');
    expect(localToUtc('2027-11-01', '09:00', 'Europe/Berlin').toISOString()).toBe('2027-11-01T08:00:00.000Z');
  });

  it('rejects malformed input', () => {
    expect(() => localToUtc('2026-1-3', '08:00', 'Asia/Ho_Chi_Minh')).toThrow();
    expect(() => fairSlots([], { slotMinutes: 0, bufferMinutes: 0, timeZone: 'UTC' })).toThrow();
  });
});
