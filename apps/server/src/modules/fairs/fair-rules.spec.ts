import { canMove, dayErrors, isValidTimeZone, slugify } from './fair-rules';

describe('fair rules', () => {
  it('slugifies Vietnamese names to ASCII', () => {
    expect(slugify('Hội chợ Quà tặng Hà Nội 2026')).toBe('hoi-cho-qua-tang-ha-noi-2026');
    expect(slugify('  Đồng Kỵ — Furniture!! ')).toBe('dong-ky-furniture');
    expect(slugify('***')).toBe('fair');
  });

  it('accepts IANA zones and refuses the rest', () => {
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('+07:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('moves only forward, one step at a time', () => {
    expect(canMove('draft', 'registration')).toBe(true);
    expect(canMove('registration', 'live')).toBe(true);
    expect(canMove('live', 'closed')).toBe(true);
    expect(canMove('draft', 'live')).toBe(false);
    expect(canMove('closed', 'draft')).toBe(false);
    expect(canMove('live', 'registration')).toBe(false);
  });

  it('finds bad, duplicate and inverted days', () => {
    expect(dayErrors([{ date: '2026-12-01', opensAt: '08:30', closesAt: '17:30' }])).toEqual({});
    expect(
      dayErrors([
        { date: '2026-02-30', opensAt: '08:30', closesAt: '17:30' },
        { date: '2026-12-01', opensAt: '08:30', closesAt: '17:30' },
        { date: '2026-12-01', opensAt: '18:00', closesAt: '09:00' },
      ]),
    ).toEqual({
      'days.0.date': 'INVALID_VALUE',
      'days.2.date': 'INVALID_VALUE',
      'days.2.closesAt': 'INVALID_VALUE',
    });
  });
});
