import { clockTime, dualTime, formatLocalDate, zoneLabel, zonesDiffer } from '../components/fair-time';

describe('fair times', () => {
  const opens = '2026-12-01T02:30:00Z'; // 09:30 in Vietnam, 03:30 in Berlin

  it('shows the fair time first and the viewer time when it differs', () => {
    expect(dualTime(opens, 'Asia/Ho_Chi_Minh', 'Europe/Berlin', 'en')).toEqual({
      fair: '09:30 Vietnam',
      viewer: '03:30 Berlin',
    });
    expect(dualTime(opens, 'Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'vi')).toEqual({
      fair: '09:30 Việt Nam',
      viewer: null,
    });
  });

  it('labels zones by city', () => {
    expect(zoneLabel('America/New_York', 'en')).toBe('New York');
    expect(zoneLabel('Asia/Ho_Chi_Minh', 'vi')).toBe('Việt Nam');
  });

  it('compares wall clocks, not offsets names', () => {
    expect(zonesDiffer(opens, 'Asia/Ho_Chi_Minh', 'Asia/Jakarta')).toBe(false);
    expect(zonesDiffer(opens, 'Asia/Ho_Chi_Minh', 'Asia/Tokyo')).toBe(true);
    expect(clockTime(opens, 'Asia/Tokyo', 'en')).toBe('11:30');
  });

  it('never shifts a local date by the viewer zone', () => {
    expect(formatLocalDate('2026-12-01', 'en')).toContain('1 Dec 2026');
  });
});
