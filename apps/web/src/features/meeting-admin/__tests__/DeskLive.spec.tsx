import { act, waitFor } from '@testing-library/react';
import type { AuthSession, MeetingChangedEvent } from '@craftmatch/shared';
import { RealtimeBridge } from '../../../app/RealtimeBridge';
import { endSession, startSession } from '../../../lib/session';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { useMeetingStats } from '../api/get-meeting-stats';
import { useWaitingMeetings } from '../api/list-waiting-meetings';

type Handler = (payload: unknown) => void;
const handlers = new Map<string, Handler>();
jest.mock('../../../lib/socket', () => ({
  connectSocket: () => ({
    connected: true,
    on: (event: string, handler: Handler) => handlers.set(event, handler),
    off: (event: string) => handlers.delete(event),
  }),
  disconnectSocket: () => undefined,
}));

const FAIR_ID = '3b7f6c1e-2a4d-4e8f-9b1c-5d6e7f8a9b0c';
const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
  startSession({
    accessToken: 'token',
    expiresIn: 0,
    user: { id: 'u-org', email: 'o@b.c', fullName: 'O', role: 'organizer', locale: 'en', company: null },
  } as unknown as AuthSession);
});
afterAll(() => endSession());

function Desk() {
  useMeetingStats(FAIR_ID);
  useWaitingMeetings(FAIR_ID);
  return null;
}

const calls = (suffix: string) =>
  fetchMock.mock.calls.filter(([u]) => (u as string).split('?')[0] === `/api/fairs/${FAIR_ID}/${suffix}`)
    .length;

describe('meeting desk, live', () => {
  it('refetches the open desk when the organizers hear meeting:changed, instead of polling', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url.includes('waiting-meetings') ? jsonResponse(200, []) : jsonResponse(200, {}),
    );
    renderWithProviders(
      <>
        <RealtimeBridge />
        <Desk />
      </>,
    );
    await waitFor(() => expect(calls('meeting-stats')).toBe(1));
    await waitFor(() => expect(calls('interpreters/waiting-meetings')).toBe(1));
    await waitFor(() => expect(handlers.has('meeting:changed')).toBe(true));

    const event: MeetingChangedEvent = { meetingId: 'm1', fairId: FAIR_ID, status: 'accepted', sequence: 2 };
    act(() => handlers.get('meeting:changed')?.(event));
    await waitFor(() => expect(calls('meeting-stats')).toBe(2));
    await waitFor(() => expect(calls('interpreters/waiting-meetings')).toBe(2));
  });
});
