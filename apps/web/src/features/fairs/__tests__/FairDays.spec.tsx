import { screen } from '@testing-library/react';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../test/render';
import { FairDays } from '../components/FairDays';

describe('FairDays', () => {
  beforeAll(() => i18n.changeLanguage('en'));
  const days = [
    {
      date: '2026-12-01',
      opensAt: '09:30',
      closesAt: '17:30',
      startsAt: '2026-12-01T02:30:00Z',
      endsAt: '2026-12-01T10:30:00Z',
    },
  ];

  it("shows the fair's local hours and the viewer's own when the zones differ", () => {
    renderWithProviders(<FairDays days={days} timeZone="Asia/Ho_Chi_Minh" viewerZone="Europe/Berlin" />);
    const row = screen.getByTestId('fair-day-2026-12-01');
    expect(row.textContent).toContain('09:30 Vietnam · 03:30 Berlin');
    expect(row.textContent).toContain('17:30 Vietnam · 11:30 Berlin');
  });

  it('shows only the fair time when the viewer is in the same zone', () => {
    renderWithProviders(<FairDays days={days} timeZone="Asia/Ho_Chi_Minh" viewerZone="Asia/Ho_Chi_Minh" />);
    expect(screen.getByTestId('fair-day-2026-12-01').textContent).not.toContain('·');
  });
});
