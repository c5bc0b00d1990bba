import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuthSession, FxRate } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { endSession, startSession } from '../../../lib/session';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { isValidRate } from '../components/FxRateModal';
import { FxRatesPage } from '../pages/FxRatesPage';

const rate: FxRate = {
  currency: 'VND',
  effectiveDate: '2026-11-01',
  rateToUsd: '0.00003937',
  setBy: 'u-org',
  setByName: 'Nguyễn Lan',
  updatedAt: '2026-11-01T02:00:00.000Z',
};

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
  startSession({
    accessToken: 'token',
    expiresIn: 0,
    user: { id: 'u-org', email: 'o@b.c', fullName: 'O', role: 'organizer', locale: 'en', company: null },
  } as unknown as AuthSession);
});
afterAll(() => endSession());

describe('FX rates admin', () => {
  it('accepts positive decimals with at most 12 + 8 digits, as typed', () => {
    expect(isValidRate('0.00003937')).toBe(true);
    expect(isValidRate('123456789012.12345678')).toBe(true);
    expect(isValidRate('0.000000001')).toBe(false);
    expect(isValidRate('0')).toBe(false);
    expect(isValidRate('-1')).toBe(false);
    expect(isValidRate('1e-5')).toBe(false);
    expect(isValidRate('1234567890123')).toBe(false);
  });

  it('lists rates and saves an edit as the exact string typed', async () => {
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/auth/me'))
        return jsonResponse(200, { id: 'u-org', role: 'organizer', fullName: 'O', company: null });
      if (url.startsWith('/api/fx-rates') && init?.method === 'PUT')
        return jsonResponse(200, { ...rate, ...JSON.parse(String(init.body)) });
      if (url.startsWith('/api/fx-rates')) return jsonResponse(200, [rate]);
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found' });
    });
    renderWithProviders(<FxRatesPage />, { route: '/organizer/fx-rates' });
    const table = await screen.findByTestId('fx-table', undefined, { timeout: 10_000 });
    expect(within(table).getByText('0.00003937')).toBeTruthy();
    expect(within(table).getByText('1 USD = 25400.1 VND')).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const input = (await screen.findByTestId('fx-rate')) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '0.0000393712345' } });
    fireEvent.click(screen.getByTestId('fx-save'));
    expect(await screen.findByText(/at most 12 digits before and 8 after/)).toBeTruthy();

    fireEvent.change(input, { target: { value: '0.00003940' } });
    fireEvent.click(screen.getByTestId('fx-save'));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([, init]) => (init as RequestInit | undefined)?.method === 'PUT'),
      ).toBe(true),
    );
    const put = fetchMock.mock.calls.find(([, init]) => (init as RequestInit | undefined)?.method === 'PUT');
    expect(JSON.parse(String((put?.[1] as RequestInit).body))).toEqual({
      currency: 'VND',
      effectiveDate: '2026-11-01',
      rateToUsd: '0.00003940',
    });
  });
});
