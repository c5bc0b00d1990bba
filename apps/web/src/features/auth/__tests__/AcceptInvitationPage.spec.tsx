import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { AcceptInvitationRequest, InvitationPreview } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AcceptInvitationPage } from '../pages/AcceptInvitationPage';

jest.mock('../../../lib/session', () => ({
  startSession: jest.fn(),
  useSessionStatus: () => 'anonymous',
}));

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});

const preview: InvitationPreview = {
  email: 'huong@non-la.example',
  companyName: 'Nón lá Huế',
  role: 'staff',
  inviterName: 'Trần Thị Lan',
  expiresAt: '2026-12-04T00:00:00.000Z',
};

describe('AcceptInvitationPage', () => {
  it('asks for consent to the privacy notice before creating the account, then sends it', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockImplementation(async (_url: string, init: { method?: string } = {}) =>
      (init.method ?? 'GET') === 'GET'
        ? jsonResponse(200, preview)
        : jsonResponse(409, { code: 'EMAIL_TAKEN', message: 'x' }),
    );
    renderWithProviders(
      <Routes>
        <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      </Routes>,
      { route: '/invite/tok' },
    );

    fireEvent.change(await screen.findByLabelText(/Full name/, {}, { timeout: 5000 }), {
      target: { value: 'Đỗ Thị Hương' },
    });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'Non-La-Hue-2026' } });
    expect(screen.getByRole('link', { name: 'privacy notice' }).getAttribute('href')).toBe('/privacy');
    fireEvent.click(screen.getByRole('button', { name: 'Accept and create my account' }));
    await waitFor(() => expect(screen.getByText(/Please read and accept the privacy notice/)).toBeTruthy());
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Accept and create my account' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1),
    );
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') as [
      string,
      { body: string },
    ];
    expect(url).toBe('/api/invitations/accept');
    expect(JSON.parse(init.body) as AcceptInvitationRequest).toMatchObject({
      token: 'tok',
      fullName: 'Đỗ Thị Hương',
      acceptPrivacy: true,
    });
  });
});
