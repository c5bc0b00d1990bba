import { act, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import type { AppNotification, AuthSession } from '@craftmatch/shared';
import { endSession, startSession } from '../../lib/session';
import { renderWithProviders } from '../../test/render';
import { RealtimeBridge } from '../RealtimeBridge';

type Handler = (payload: unknown) => void;
const handlers = new Map<string, Handler>();
jest.mock('../../lib/socket', () => ({
  connectSocket: () => ({
    connected: true,
    on: (event: string, handler: Handler) => handlers.set(event, handler),
    off: (event: string) => handlers.delete(event),
  }),
  disconnectSocket: () => undefined,
}));

let inboxFetches = 0;
function Inbox() {
  useQuery({ queryKey: ['inquiries', 'list', {}], queryFn: async () => ++inboxFetches });
  return null;
}

const notification = (type: AppNotification['type']): AppNotification => ({
  id: `n-${type}`,
  type,
  data: { inquirerName: 'Anna', country: 'DE', productName: 'Vase' },
  readAt: null,
  createdAt: new Date().toISOString(),
});

describe('RealtimeBridge', () => {
  beforeAll(() => {
    startSession({
      accessToken: 'token',
      expiresIn: 0,
      user: { id: 'u1', email: 'a@b.c', fullName: 'A', role: 'exhibitor', locale: 'en', company: null },
    } as unknown as AuthSession);
  });
  afterAll(() => endSession());

  it('refreshes an open inquiry inbox when a new inquiry arrives, and not for other notifications', async () => {
    renderWithProviders(
      <>
        <RealtimeBridge />
        <Inbox />
      </>,
    );
    await waitFor(() => expect(inboxFetches).toBe(1));
    await waitFor(() => expect(handlers.has('notification:new')).toBe(true));

    act(() => handlers.get('notification:new')?.(notification('meeting.requested')));
    act(() => handlers.get('notification:new')?.(notification('inquiry.received')));
    await waitFor(() => expect(inboxFetches).toBe(2));
  });
});
