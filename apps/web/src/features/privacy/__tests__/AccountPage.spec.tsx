import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SessionInfo } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { deviceName } from '../components/SessionsCard';
import { AccountPage } from '../pages/AccountPage';

const mockEndSession = jest.fn();
jest.mock('../../../lib/session', () => ({ endSession: () => mockEndSession() }));
jest.mock('../../../lib/socket', () => ({ disconnectSocket: jest.fn() }));

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
});
beforeEach(() => {
  fetchMock.mockReset();
  mockEndSession.mockReset();
});

const now = new Date().toISOString();
const sessions: SessionInfo[] = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0',
    ip: '203.0.113.7',
    createdAt: now,
    lastUsedAt: now,
    expiresAt: now,
    current: true,
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile Safari/604.1',
    ip: '198.51.100.4',
    createdAt: now,
    lastUsedAt: now,
    expiresAt: now,
    current: false,
  },
];

type Init = { method?: string; body?: string };
function serve() {
  const calls: { method: string; url: string; body?: string }[] = [];
  let list = sessions;
  fetchMock.mockImplementation(async (url: string, init: Init = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body });
    if (method === 'GET' && url === '/api/auth/sessions') return jsonResponse(200, list);
    if (method === 'DELETE' && url.startsWith('/api/auth/sessions/')) {
      list = list.filter((s) => !url.endsWith(s.id));
      return jsonResponse(204);
    }
    if (method === 'DELETE' && url === '/api/privacy/me') {
      const { password } = JSON.parse(init.body ?? '{}') as { password: string };
      return password === 'Gom-BatTrang-2026'
        ? jsonResponse(204)
        : jsonResponse(403, { code: 'PASSWORD_INCORRECT', message: 'Mật khẩu không đúng.' });
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found' });
  });
  return calls;
}

describe('AccountPage', () => {
  it('lists the sessions, this device flagged, and signs another one out', async () => {
    await i18n.changeLanguage('en');
    const calls = serve();
    renderWithProviders(<AccountPage />, { route: '/account' });

    const rows = await screen.findAllByTestId('session-row', {}, { timeout: 5000 });
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Firefox · Linux')).toBeTruthy();
    expect(within(rows[0]).getByText('This device')).toBeTruthy();
    expect(within(rows[0]).queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(within(rows[1]).getByText('Safari · iOS')).toBeTruthy();
    expect(within(rows[1]).getByText(/198\.51\.100\.4/)).toBeTruthy();

    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(1));
    expect(calls).toContainEqual(
      expect.objectContaining({ method: 'DELETE', url: `/api/auth/sessions/${sessions[1].id}` }),
    );
  });

  it('deletes the account only with the password, in Vietnamese, then ends the session', async () => {
    await i18n.changeLanguage('vi');
    const calls = serve();
    renderWithProviders(<AccountPage />, { route: '/account' });

    fireEvent.click(await screen.findByRole('button', { name: 'Xoá tài khoản…' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Xoá tài khoản' });
    expect(confirm.hasAttribute('disabled')).toBe(true);

    fireEvent.change(within(dialog).getByLabelText(/Mật khẩu của bạn/), {
      target: { value: 'sai-mat-khau-1' },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(within(dialog).getByText('Mật khẩu không đúng.')).toBeTruthy());
    expect(mockEndSession).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText(/Mật khẩu của bạn/), {
      target: { value: 'Gom-BatTrang-2026' },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(mockEndSession).toHaveBeenCalled());
    const deletes = calls.filter((c) => c.method === 'DELETE' && c.url === '/api/privacy/me');
    expect(deletes.map((c) => JSON.parse(c.body!))).toEqual([
      { password: 'sai-mat-khau-1' },
      { password: 'Gom-BatTrang-2026' },
    ]);
  });

  it('names devices from their user agent', () => {
    expect(deviceName(null)).toBeNull();
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0) Chrome/140.0 Safari/537.36 Edg/140.0')).toBe(
      'Edge · Windows',
    );
    expect(deviceName('curl/8.0')).toBe('curl/8.0');
  });
});
