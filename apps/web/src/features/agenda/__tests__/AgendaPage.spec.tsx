import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { Agenda, AgendaMeeting, CheckinCode, FairPage, FairSummary } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AgendaPage } from '../pages/AgendaPage';

jest.mock('../../../lib/session', () => ({
  useMe: () => ({ data: { id: 'u-anna', role: 'buyer' }, isPending: false }),
}));
// The viewer sits in Berlin, the fair in Hanoi.
jest.mock('../../../lib/zoned-time', () => ({
  ...jest.requireActual('../../../lib/zoned-time'),
  viewerTimeZone: () => 'Europe/Berlin',
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
  endDate: '2030-03-11',
  hallCount: 4,
  boothCount: 120,
};

const meeting: AgendaMeeting = {
  id: 'm1',
  status: 'accepted',
  // 10 Mar 2030 09:30–10:00 in Hanoi = 03:30–04:00 in Berlin
  start: '2030-03-10T02:30:00.000Z',
  end: '2030-03-10T03:00:00.000Z',
  sequence: 2,
  role: 'buyer',
  buyer: {
    companyId: 'c-b',
    companyName: 'Nordhaus Interiors GmbH',
    userId: 'u-anna',
    fullName: 'Anna Schneider',
  },
  exhibitor: {
    companyId: 'c-e',
    companyName: 'Gốm sứ Bát Tràng Minh Phúc',
    userId: 'u-ex',
    fullName: 'Lê Văn Minh',
  },
  otherParty: {
    companyId: 'c-e',
    companyName: 'Gốm sứ Bát Tràng Minh Phúc',
    userId: 'u-ex',
    fullName: 'Lê Văn Minh',
  },
  place: 'booth',
  booth: { code: 'A-12', hallName: 'Hall A' },
  table: null,
  videoUrl: null,
  interpreterLanguage: 'de',
  interpreter: null,
};

const agenda: Agenda = {
  fairId: 'f1',
  fairNameVi: fair.nameVi,
  fairNameEn: fair.nameEn,
  timeZone: 'Asia/Ho_Chi_Minh',
  person: { userId: 'u-anna', fullName: 'Anna Schneider', role: 'buyer', locale: 'en' },
  days: [
    { date: '2030-03-10', opensAt: '08:30', closesAt: '17:30', meetings: [meeting] },
    { date: '2030-03-11', opensAt: '08:30', closesAt: '17:30', meetings: [] },
  ],
  blocked: [{ start: '2030-03-11T03:00:00.000Z', end: '2030-03-11T03:30:00.000Z' }],
};

function serve() {
  const posts: string[] = [];
  let made = 0;
  fetchMock.mockImplementation(async (url: string, init?: { method?: string }) => {
    const method = init?.method ?? 'GET';
    if (method === 'POST' && url === '/api/calendar/feed-token') {
      posts.push(url);
      made += 1;
      return jsonResponse(201, {
        url: `https://craftmatch.example/api/calendar/feed/secret-${made}.ics`,
        webcalUrl: `webcal://craftmatch.example/api/calendar/feed/secret-${made}.ics`,
        createdAt: '2030-03-01T00:00:00.000Z',
      });
    }
    if (url === '/api/fairs/f1/agenda') return jsonResponse(200, agenda);
    if (url.startsWith('/api/fairs?'))
      return jsonResponse(200, { items: [fair], total: 1, page: 1, pageSize: 100 } satisfies FairPage);
    if (url === '/api/calendar/feed-token') return jsonResponse(200, { active: false, createdAt: null });
    if (url === '/api/meetings/m1/checkin-code')
      return jsonResponse(200, {
        meetingId: 'm1',
        side: 'buyer',
        code: 'CODE1234',
        url: 'https://craftmatch.example/checkin/CODE1234',
      } satisfies CheckinCode);
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
  });
  return posts;
}

const renderAgenda = () =>
  renderWithProviders(
    <Routes>
      <Route path="/agenda/:fairId" element={<AgendaPage />} />
    </Routes>,
    { route: '/agenda/f1' },
  );

describe('AgendaPage', () => {
  it("shows each fair day as a column, each meeting in the fair's time and the viewer's, with its QR", async () => {
    serve();
    renderAgenda();
    const days = await screen.findAllByTestId('agenda-day');
    expect(days.map((d) => d.dataset.date)).toEqual(['2030-03-10', '2030-03-11']);
    expect(within(days[1]).getByText('No meetings on this day.')).toBeTruthy();

    const card = within(days[0]).getByTestId('agenda-meeting');
    const time = within(card).getByTestId('agenda-time');
    expect(time.querySelector('[data-zone="fair"]')?.textContent).toBe('09:30–10:00 Vietnam');
    expect(time.querySelector('[data-zone="viewer"]')?.textContent).toBe('03:30–04:00 Berlin');
    expect(within(card).getByText('Gốm sứ Bát Tràng Minh Phúc')).toBeTruthy();
    expect(within(card).getByText('Booth A-12, Hall A')).toBeTruthy();
    expect(within(card).getByText('Waiting for an interpreter (German)')).toBeTruthy();
    expect(screen.getByTestId('agenda-zones').textContent).toBe('Fair time (Vietnam) · Your time (Berlin)');
    // the check-in QR of an accepted meeting, drawn from the server's check-in URL
    const qr = await within(card).findByRole('img', { name: /Check-in code for the meeting/ });
    await waitFor(() => expect(qr.querySelector('svg')).toBeTruthy());

    // blocked slots show on demand
    expect(screen.queryByTestId('agenda-blocked')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: 'Show my unavailable slots' }));
    expect(within(days[1]).getByTestId('agenda-blocked').textContent).toContain('10:00–10:30 Vietnam');
  });

  it('makes a calendar feed link, shows it once and regenerates it only after a warning', async () => {
    const posts = serve();
    renderAgenda();
    const panel = await screen.findByTestId('feed-panel');
    await within(panel).findByText('You have no calendar link yet.');
    fireEvent.click(within(panel).getByTestId('feed-create'));
    await waitFor(() =>
      expect((within(panel).getByTestId('feed-url') as HTMLInputElement).value).toBe(
        'https://craftmatch.example/api/calendar/feed/secret-1.ics',
      ),
    );
    fireEvent.click(within(panel).getByTestId('feed-regenerate'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('The old link will stop working in every calendar that uses it. Continue?'),
    ).toBeTruthy();
    expect(posts).toHaveLength(1);
    fireEvent.click(within(dialog).getByTestId('feed-regenerate-confirm'));
    await waitFor(() =>
      expect((within(panel).getByTestId('feed-url') as HTMLInputElement).value).toBe(
        'https://craftmatch.example/api/calendar/feed/secret-2.ics',
      ),
    );
    expect(posts).toHaveLength(2);
  });
});
