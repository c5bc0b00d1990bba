import { act, screen, waitFor, within } from '@testing-library/react';
import type { AuthSession, FairPage, MeetingChangedEvent, MeetingDetail } from '@craftmatch/shared';
import { RealtimeBridge } from '../../../app/RealtimeBridge';
import { i18n } from '../../../lib/i18n';
import { endSession, startSession } from '../../../lib/session';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { MeetingsInboxPage } from '../pages/MeetingsInboxPage';
import { me } from './inbox-fixtures';

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

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
  startSession({ accessToken: 'token', expiresIn: 0, user: me } as unknown as AuthSession);
});
afterAll(() => endSession());

const request = {
  id: 'm9',
  fairId: 'f1',
  status: 'requested',
  buyer: {
    companyId: 'c-buy',
    companyName: 'Sakura Living Co., Ltd.',
    userId: 'u-kenji',
    fullName: 'Kenji Sato',
  },
  exhibitor: { companyId: 'c-ex', companyName: me.company!.name, userId: me.id, fullName: me.fullName },
  requestedBy: 'buyer',
  start: null,
  end: null,
  place: 'booth',
  tableId: null,
  videoUrl: null,
  interpreterLanguage: null,
  interpreterUserId: null,
  message: null,
  declineReason: null,
  cancelReason: null,
  expiresAt: '2030-03-10T02:00:00.000Z',
  sequence: 1,
  proposals: [{ start: '2030-03-10T02:00:00.000Z', end: '2030-03-10T02:30:00.000Z' }],
  awaiting: 'exhibitor',
  reschedule: null,
  boothCode: 'A-12',
  hallName: null,
  tableCode: null,
  interpreterName: null,
  checkedInAt: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  fairName: { vi: 'Hội chợ', en: 'Fair' },
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
} satisfies MeetingDetail;

describe('meetings inbox, live', () => {
  it('shows a new request as soon as meeting:changed arrives, without a reload', async () => {
    let meetings: MeetingDetail[] = [];
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/auth/me') return jsonResponse(200, me);
      if (url.startsWith('/api/fairs?'))
        return jsonResponse(200, {
          items: [
            {
              id: 'f1',
              slug: 'f',
              nameVi: 'Hội chợ',
              nameEn: 'Fair',
              venue: 'Hà Nội',
              address: null,
              timeZone: 'Asia/Ho_Chi_Minh',
              status: 'live',
              startDate: null,
              endDate: null,
              hallCount: 1,
              boothCount: 1,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 100,
        } satisfies FairPage);
      if (url === '/api/fairs/f1/meetings/mine') return jsonResponse(200, meetings);
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
    });
    renderWithProviders(
      <>
        <RealtimeBridge />
        <MeetingsInboxPage />
      </>,
      { route: '/meetings' },
    );
    expect(await screen.findByText('Nothing to answer')).toBeTruthy();
    await waitFor(() => expect(handlers.has('meeting:changed')).toBe(true));

    meetings = [request];
    const event: MeetingChangedEvent = { meetingId: 'm9', fairId: 'f1', status: 'requested', sequence: 1 };
    act(() => handlers.get('meeting:changed')?.(event));
    const card = await screen.findByTestId('meeting-card');
    expect(within(card).getByText('Sakura Living Co., Ltd.')).toBeTruthy();
    expect(within(screen.getByTestId('tab-awaiting')).getByText('1')).toBeTruthy();
  });
});
