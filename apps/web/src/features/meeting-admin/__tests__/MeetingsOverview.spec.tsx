import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import {
  ErrorCode,
  type B2bTable,
  type Fair,
  type FairMeetingPage,
  type FairMeetingRow,
  type FairMeetingStats,
  type MeetingAwaitingInterpreter,
} from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PlaceModal } from '../components/PlaceModal';
import { StatCards } from '../components/StatCards';
import { MeetingsOverviewPage } from '../pages/MeetingsOverviewPage';

// The viewer sits in Berlin; the fair is in Hà Nội (UTC+7, Berlin is UTC+1 in December).
jest.mock('../components/zone', () => ({
  ...jest.requireActual('../components/zone'),
  viewerTimeZone: () => 'Europe/Berlin',
}));
jest.setTimeout(30_000);

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const FAIR_ID = '3b7f6c1e-2a4d-4e8f-9b1c-5d6e7f8a9b0c';

const stats: FairMeetingStats = {
  fairId: FAIR_ID,
  total: 57,
  byStatus: { requested: 12, accepted: 20, declined: 4, cancelled: 3, expired: 2, held: 12, no_show: 4 },
  noShowRate: '0.2500',
  waitingForInterpreter: 3,
};

const fair: Fair = {
  id: FAIR_ID,
  slug: 'vietcraft-2026',
  nameVi: 'Hội chợ Thủ công Mỹ nghệ Việt Nam 2026',
  nameEn: 'Vietnam Handicraft Fair 2026',
  venue: 'I.C.E. Hà Nội',
  address: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'live',
  startDate: '2026-12-01',
  endDate: '2026-12-03',
  hallCount: 1,
  boothCount: 40,
  slotMinutes: 30,
  bufferMinutes: 0,
  contractTargetUsd: null,
  days: [],
  halls: [],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
};

const row: FairMeetingRow = {
  id: 'm1',
  status: 'accepted',
  buyer: {
    companyId: 'b1',
    companyName: 'Nordhaus Interiors GmbH',
    countryCode: 'DE',
    userId: 'u1',
    fullName: 'Anna Schmidt',
  },
  exhibitor: {
    companyId: 'e1',
    companyName: 'Gốm sứ Bát Tràng Minh Phúc',
    countryCode: 'VN',
    userId: 'u2',
    fullName: 'Nguyễn Văn Phúc',
  },
  requestedBy: 'buyer',
  start: '2026-12-01T02:30:00.000Z',
  end: '2026-12-01T03:00:00.000Z',
  place: 'booth',
  boothCode: 'A-01',
  tableCode: null,
  videoUrl: null,
  interpreterLanguage: 'de',
  interpreterUserId: null,
  interpreterName: null,
  checkedInAt: null,
  sequence: 2,
  createdAt: '2026-11-20T08:00:00.000Z',
};

const waiting: MeetingAwaitingInterpreter[] = [
  {
    meetingId: 'm1',
    fairId: FAIR_ID,
    status: 'accepted',
    start: row.start!,
    end: row.end!,
    language: 'de',
    buyer: {
      companyId: 'b1',
      companyName: 'Nordhaus Interiors GmbH',
      userId: 'u1',
      fullName: 'Anna Schmidt',
    },
    exhibitor: { companyId: 'e1', companyName: 'Gốm sứ Bát Tràng Minh Phúc', userId: 'u2', fullName: 'Phúc' },
    candidates: [],
  },
];

function route(url: string) {
  const path = url.split('?')[0];
  if (path === `/api/organizer/fairs/${FAIR_ID}`) return jsonResponse(200, fair);
  if (path === `/api/fairs/${FAIR_ID}/meeting-stats`) return jsonResponse(200, stats);
  if (path === `/api/fairs/${FAIR_ID}/interpreters/waiting-meetings`) return jsonResponse(200, waiting);
  if (path === `/api/fairs/${FAIR_ID}/meetings`) {
    const page: FairMeetingPage = { items: [row], total: 1, page: 1, pageSize: 20 };
    return jsonResponse(200, page);
  }
  if (path === '/api/companies') return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 20 });
  return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
}

describe('StatCards', () => {
  it('shows counts by status, the no-show rate with its basis, and the meetings waiting for an interpreter', async () => {
    await i18n.changeLanguage('en');
    const onStatus = jest.fn();
    const onWaiting = jest.fn();
    renderWithProviders(<StatCards stats={stats} onStatus={onStatus} onWaiting={onWaiting} />);
    expect(screen.getByTestId('stat-total-value').textContent).toBe('57');
    expect(screen.getByTestId('stat-requested-value').textContent).toBe('12');
    expect(screen.getByTestId('stat-accepted-value').textContent).toBe('20');
    expect(screen.getByTestId('stat-held-value').textContent).toBe('12');
    expect(screen.getByTestId('stat-no-show-value').textContent).toBe('25%');
    expect(screen.getByText('4 of 16 finished meetings')).toBeTruthy();
    expect(screen.getByTestId('stat-waiting-value').textContent).toBe('3');
    expect(screen.getByText('4 declined · 3 cancelled · 2 expired')).toBeTruthy();

    fireEvent.click(screen.getByTestId('stat-accepted'));
    expect(onStatus).toHaveBeenCalledWith('accepted');
    fireEvent.click(screen.getByTestId('stat-waiting'));
    expect(onWaiting).toHaveBeenCalled();
  });

  it('says so when no meeting has finished yet, in Vietnamese', async () => {
    await i18n.changeLanguage('vi');
    renderWithProviders(
      <StatCards
        stats={{
          ...stats,
          total: 1234,
          byStatus: { ...stats.byStatus, held: 0, no_show: 0 },
          noShowRate: null,
          waitingForInterpreter: 0,
        }}
      />,
    );
    expect(screen.getByTestId('stat-total-value').textContent).toBe('1.234');
    expect(screen.getByTestId('stat-no-show-value').textContent).toBe('—');
    expect(screen.getByText('Chưa có cuộc gặp nào kết thúc')).toBeTruthy();
    expect(screen.getByText('Mọi cuộc gặp đều đã có phiên dịch')).toBeTruthy();
  });
});

describe('MeetingsOverviewPage', () => {
  it('loads stats, waiting meetings and the list, with the fair’s time first and the viewer’s beside it', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockImplementation(async (url: string) => route(url));
    renderWithProviders(
      <Routes>
        <Route path="/organizer/fairs/:id/meetings" element={<MeetingsOverviewPage />} />
      </Routes>,
      { route: `/organizer/fairs/${FAIR_ID}/meetings?status=accepted` },
    );

    await waitFor(() => expect(screen.getByTestId('stat-no-show-value').textContent).toBe('25%'));
    expect(screen.getByTestId('stat-accepted').closest('button')?.getAttribute('aria-pressed')).toBe('true');
    const table = await screen.findByTestId('meeting-table');
    const meeting = within(table).getByTestId('meeting-row-m1');
    expect(within(meeting).getByTestId('fair-time').textContent).toBe('Tue 1 Dec · 09:30–10:00 Vietnam');
    expect(within(meeting).getByTestId('viewer-time').textContent).toBe('03:30–04:00 Berlin (your time)');
    expect(within(meeting).getByText('Booth A-01')).toBeTruthy();
    expect(within(meeting).getByText('Waiting')).toBeTruthy();

    const waitingRow = await screen.findByTestId('waiting-row-m1');
    expect(within(waitingRow).getByText('German')).toBeTruthy();

    const listCall = fetchMock.mock.calls
      .map(([url]) => url as string)
      .find((url) => url.startsWith(`/api/fairs/${FAIR_ID}/meetings?`));
    expect(listCall).toContain('status=accepted');
    expect(listCall).toContain('pageSize=20');
  });
});

describe('PlaceModal', () => {
  it('seats a meeting at a hall’s table and shows a taken table in the user’s language', async () => {
    await i18n.changeLanguage('en');
    const table: B2bTable = {
      id: 't1',
      fairId: FAIR_ID,
      hallId: 'h1',
      hallCode: 'A',
      hallName: 'Hall A',
      code: 'A-T01',
      seats: 4,
    };
    fetchMock.mockImplementation(async (url: string, init?: { method?: string }) => {
      if (url === `/api/fairs/${FAIR_ID}/b2b-tables`) return jsonResponse(200, [table]);
      if (url === '/api/meetings/m1/place' && init?.method === 'PATCH')
        return jsonResponse(409, { code: ErrorCode.SLOT_TAKEN, message: 'This time slot is already taken.' });
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
    });
    const onClose = jest.fn();
    renderWithProviders(<PlaceModal fairId={FAIR_ID} meeting={row} onClose={onClose} />);

    fireEvent.click(await screen.findByText('B2B table'));
    fireEvent.click(await screen.findByRole('combobox', { name: 'Table' }));
    fireEvent.click(await screen.findByRole('option', { name: 'A-T01 · 4 seats' }));
    fireEvent.click(screen.getByTestId('save-place'));

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('This time slot is already taken.'),
    );
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(JSON.parse(patch[1].body)).toEqual({ kind: 'table', tableId: 't1' });
    expect(onClose).not.toHaveBeenCalled();
  });
});
