import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FairPage, FairSummary, MeetingDetail } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { MeetingsInboxPage } from '../pages/MeetingsInboxPage';
import { me } from './inbox-fixtures';

// The signed-in exhibitor, without going through a sign-in.
jest.mock('../../../lib/session', () => ({
  useMe: () => ({ data: jest.requireActual('./inbox-fixtures').me, isPending: false }),
}));

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
});
beforeEach(() => fetchMock.mockReset());

const fair: FairSummary = {
  id: 'f1',
  slug: 'hanoi-gift-show-2030',
  nameVi: 'Hội chợ Quà tặng Hà Nội 2030',
  nameEn: 'Hanoi Gift Show 2030',
  venue: 'I.C.E Hà Nội',
  address: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'live',
  startDate: '2030-03-10',
  endDate: '2030-03-13',
  hallCount: 4,
  boothCount: 120,
};

// 10 Mar 2030, 09:00 and 10:00 in Hanoi
const slotA = { start: '2030-03-10T02:00:00.000Z', end: '2030-03-10T02:30:00.000Z' };
const slotB = { start: '2030-03-10T03:00:00.000Z', end: '2030-03-10T03:30:00.000Z' };

const request: MeetingDetail = {
  id: 'm1',
  fairId: 'f1',
  status: 'requested',
  buyer: {
    companyId: 'c-buy',
    companyName: 'Nordhaus Interiors GmbH',
    userId: 'u-anna',
    fullName: 'Anna Schneider',
  },
  exhibitor: { companyId: 'c-ex', companyName: me.company!.name, userId: 'u-ex', fullName: me.fullName },
  requestedBy: 'buyer',
  start: null,
  end: null,
  place: 'booth',
  tableId: null,
  videoUrl: null,
  interpreterLanguage: 'de',
  interpreterUserId: null,
  message: 'Celadon vases for our spring line',
  declineReason: null,
  cancelReason: null,
  expiresAt: '2030-03-10T02:00:00.000Z',
  sequence: 1,
  proposals: [slotA, slotB],
  awaiting: 'exhibitor',
  reschedule: null,
  boothCode: 'A-12',
  hallName: 'Hall A',
  tableCode: null,
  interpreterName: null,
  checkedInAt: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  fairName: { vi: fair.nameVi, en: fair.nameEn },
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
};

type Init = { method?: string; body?: string };

/** A tiny in-memory server: the list answers with whatever the last action left. */
function serve(initial: MeetingDetail[], actions: Record<string, (body: unknown) => MeetingDetail>) {
  let meetings = initial;
  const calls: { method: string; url: string; body: unknown }[] = [];
  fetchMock.mockImplementation(async (url: string, init?: Init) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(init.body) : undefined;
    if (method !== 'GET') calls.push({ method, url, body });
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (url.startsWith('/api/fairs?'))
      return jsonResponse(200, { items: [fair], total: 1, page: 1, pageSize: 100 } satisfies FairPage);
    if (url === '/api/fairs/f1/meetings/mine') return jsonResponse(200, meetings);
    const action = actions[`${method} ${url}`];
    if (action) {
      const next = action(body);
      meetings = meetings.map((m) => (m.id === next.id ? next : m));
      return jsonResponse(200, next);
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
  });
  return calls;
}

async function openCard() {
  renderWithProviders(<MeetingsInboxPage />, { route: '/meetings?fair=f1' });
  const card = await screen.findByTestId('meeting-card');
  return card;
}

describe('MeetingsInboxPage', () => {
  it('lists a request awaiting my answer; accepting one proposed slot moves it to Upcoming', async () => {
    const calls = serve([request], {
      'POST /api/meetings/m1/accept': () => ({
        ...request,
        status: 'accepted',
        awaiting: null,
        start: slotB.start,
        end: slotB.end,
        sequence: 2,
      }),
    });
    const card = await openCard();
    expect(screen.getByRole('tab', { name: /Awaiting my answer/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(within(card).getByText('Nordhaus Interiors GmbH')).toBeTruthy();
    expect(within(card).getByText('2 proposed times')).toBeTruthy();
    expect(within(card).getByText('Interpreter requested: German')).toBeTruthy();

    fireEvent.click(within(card).getByTestId('accept-meeting'));
    const dialog = await screen.findByRole('dialog');
    const radios = within(dialog).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    fireEvent.click(radios[1]);
    fireEvent.click(within(dialog).getByTestId('confirm-accept'));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      method: 'POST',
      url: '/api/meetings/m1/accept',
      body: { slotStart: slotB.start },
    });
    // gone from "awaiting", listed under "Upcoming" with its place
    await waitFor(() => expect(screen.queryByTestId('meeting-card')).toBeNull());
    fireEvent.click(screen.getByRole('tab', { name: /Upcoming/ }));
    const upcoming = await screen.findByTestId('meeting-card');
    expect(within(upcoming).getByTestId('meeting-status').textContent).toBe('Confirmed');
    expect(within(upcoming).getByText('Booth A-12, Hall A')).toBeTruthy();
  });

  it('declines with a reason code', async () => {
    const calls = serve([request], {
      'POST /api/meetings/m1/decline': (body) => ({
        ...request,
        status: 'declined',
        awaiting: null,
        declineReason: (body as { reasonCode: MeetingDetail['declineReason'] }).reasonCode,
      }),
    });
    const card = await openCard();
    fireEvent.click(within(card).getByTestId('decline-meeting'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('combobox', { name: 'Reason' }));
    fireEvent.click(await screen.findByRole('option', { name: 'No time available' }));
    fireEvent.click(within(dialog).getByTestId('confirm-decline'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      method: 'POST',
      url: '/api/meetings/m1/decline',
      body: { reasonCode: 'no_availability' },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Past/ }));
    const past = await screen.findByTestId('meeting-card');
    expect(within(past).getByText('Declined: No time available')).toBeTruthy();
  });

  it('cancels an accepted meeting only after a reason, and shows the server refusal', async () => {
    const accepted: MeetingDetail = {
      ...request,
      status: 'accepted',
      awaiting: null,
      start: slotA.start,
      end: slotA.end,
    };
    let refuse = true;
    const calls = serve([accepted], {
      'POST /api/meetings/m1/cancel': (body) => {
        if (refuse) {
          refuse = false;
          throw Object.assign(new Error('refused'), { refused: true });
        }
        return { ...accepted, status: 'cancelled', cancelReason: (body as { reason: string }).reason };
      },
    });
    // the first cancel answers 409 as the server would
    const base = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (url: string, init?: Init) => {
      try {
        return await base(url, init);
      } catch {
        return jsonResponse(409, {
          code: 'INVALID_MEETING_TRANSITION',
          message: 'This meeting cannot change this way now.',
        });
      }
    });

    const card = await openCard();
    expect(screen.getByRole('tab', { name: /Upcoming/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(card).getByTestId('cancel-meeting'));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByTestId('confirm-cancel');
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dialog).getByTestId('cancel-reason'), { target: { value: 'Flight delayed' } });
    fireEvent.click(confirm);
    expect(await within(dialog).findByText('This meeting cannot change this way now.')).toBeTruthy();

    fireEvent.click(confirm);
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].body).toEqual({ reason: 'Flight delayed' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByRole('tab', { name: /Past/ }));
    expect(await screen.findByText('Cancelled: Flight delayed')).toBeTruthy();
  });

  it('answers a proposed new time of an accepted meeting', async () => {
    const moving: MeetingDetail = {
      ...request,
      status: 'accepted',
      awaiting: 'exhibitor',
      start: slotA.start,
      end: slotA.end,
      reschedule: { proposals: [slotB], proposedBy: 'buyer', expiresAt: slotA.start },
    };
    const calls = serve([moving], {
      'POST /api/meetings/m1/reschedule/accept': () => ({
        ...moving,
        awaiting: null,
        reschedule: null,
        start: slotB.start,
        end: slotB.end,
      }),
    });
    const card = await openCard();
    expect(within(card).getByText('New time proposed')).toBeTruthy();
    expect(within(card).getByText('They propose new times')).toBeTruthy();
    fireEvent.click(within(card).getByTestId('accept-new-time'));
    const dialog = await screen.findByRole('dialog');
    // a single proposal is preselected
    fireEvent.click(within(dialog).getByTestId('confirm-accept'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      method: 'POST',
      url: '/api/meetings/m1/reschedule/accept',
      body: { slotStart: slotB.start },
    });
  });
});
