import { expiryStatus } from '../components/expiry';

describe('expiryStatus', () => {
  const today = new Date(2026, 10, 27, 15, 30);

  it('flags expired, expiring within 90 days, valid and open-ended certifications', () => {
    expect(expiryStatus('2026-11-26', today)).toBe('expired');
    expect(expiryStatus('2026-11-27', today)).toBe('soon');
    expect(expiryStatus('2027-02-25', today)).toBe('soon');
    expect(expiryStatus('2027-02-26', today)).toBe('valid');
    expect(expiryStatus(null, today)).toBe('none');
  });
});
