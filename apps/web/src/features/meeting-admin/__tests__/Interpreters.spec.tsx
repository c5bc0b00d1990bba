import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  ErrorCode,
  type Fair,
  type FairInterpreter,
  type FairSlot,
  type MeetingAwaitingInterpreter,
} from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { InterpreterEditor } from '../components/InterpreterEditor';
import { shiftProblems, shiftsByDay, slotDays, toShifts } from '../components/shifts';
import { WaitingList } from '../components/WaitingList';

jest.mock('../components/zone', () => ({
  ...jest.requireActual('../components/zone'),
  viewerTimeZone: () => 'Asia/Ho_Chi_Minh',
}));
jest.setTimeout(30_000);

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const FAIR_ID = '3b7f6c1e-2a4d-4e8f-9b1c-5d6e7f8a9b0c';
const ZONE = 'Asia/Ho_Chi_Minh';

/** 09:00–11:00 local (02:00–04:00Z) on two days, 30-minute slots. */
const slots: FairSlot[] = ['2026-12-01', '2026-12-02'].flatMap((day) =>
  ['02:00', '02:30', '03:00', '03:30'].map((hm) => {
    const start = new Date(`${day}T${hm}:00.000Z`);
    return { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60_000).toISOString() };
  }),
);

const fair = {
  id: FAIR_ID,
  nameVi: 'Hội chợ',
  nameEn: 'Fair',
  timeZone: ZONE,
  days: [],
  halls: [],
} as unknown as Fair;

const interpreter: FairInterpreter = {
  userId: '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  fullName: 'Trần Thu Hà',
  email: 'ha@interpreters.example',
  languages: ['de'],
  shifts: [{ start: '2026-12-02T02:30:00.000Z', end: '2026-12-02T03:30:00.000Z' }],
  assignedMeetings: 0,
};

describe('shifts', () => {
  it('groups slots and shifts by the fair’s local day and finds bad ranges', () => {
    const days = slotDays(slots, ZONE);
    expect(days.map((d) => [d.date, d.slots.length])).toEqual([
      ['2026-12-01', 4],
      ['2026-12-02', 4],
    ]);
    expect(Object.keys(shiftsByDay(interpreter.shifts, ZONE))).toEqual(['2026-12-02']);
    const day = [
      { start: '2026-12-01T02:00:00.000Z', end: '2026-12-01T03:00:00.000Z' },
      { start: '2026-12-01T02:30:00.000Z', end: '2026-12-01T04:00:00.000Z' },
      { start: '2026-12-01T03:30:00.000Z', end: '2026-12-01T03:00:00.000Z' },
      { start: null, end: '2026-12-01T03:00:00.000Z' },
    ];
    expect(shiftProblems(day)).toEqual({ 1: 'overlap', 2: 'order', 3: 'incomplete' });
    expect(toShifts({ a: day.slice(0, 1), b: [{ start: null, end: null }] })).toEqual([day[0]]);
  });
});

describe('InterpreterEditor', () => {
  it('sends languages and shifts as instants, a whole day from its first slot to its last', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockImplementation(async (url: string, init?: { method?: string; body?: string }) => {
      if (url === `/api/fairs/${FAIR_ID}/meeting-slots`) return jsonResponse(200, slots);
      if (url === `/api/fairs/${FAIR_ID}/interpreters/${interpreter.userId}` && init?.method === 'PUT')
        return jsonResponse(200, { ...interpreter, ...JSON.parse(init.body!) });
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
    });
    const onDone = jest.fn();
    renderWithProviders(<InterpreterEditor fair={fair} interpreter={interpreter} onDone={onDone} />);

    const day1 = await screen.findByTestId('shift-day-2026-12-01');
    expect(within(day1).getByText('Tue 1 Dec · 09:00–11:00')).toBeTruthy();
    expect(within(day1).getByText('Not working this day.')).toBeTruthy();
    const day2 = screen.getByTestId('shift-day-2026-12-02');
    expect((within(day2).getByRole('combobox', { name: 'From' }) as HTMLInputElement).value).toBe('09:30');

    fireEvent.click(within(day1).getByRole('button', { name: 'Whole day' }));
    fireEvent.click(screen.getByTestId('save-interpreter'));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(put[1].body)).toEqual({
      languages: ['de'],
      shifts: [
        { start: '2026-12-01T02:00:00.000Z', end: '2026-12-01T04:00:00.000Z' },
        { start: '2026-12-02T02:30:00.000Z', end: '2026-12-02T03:30:00.000Z' },
      ],
    });
  });
});

describe('WaitingList', () => {
  const meeting: MeetingAwaitingInterpreter = {
    meetingId: 'm1',
    fairId: FAIR_ID,
    status: 'accepted',
    start: '2026-12-01T02:30:00.000Z',
    end: '2026-12-01T03:00:00.000Z',
    language: 'de',
    buyer: { companyId: 'b1', companyName: 'Nordhaus Interiors GmbH', userId: 'u1', fullName: 'Anna' },
    exhibitor: { companyId: 'e1', companyName: 'Gốm Minh Phúc', userId: 'u2', fullName: 'Phúc' },
    candidates: [{ userId: interpreter.userId, fullName: interpreter.fullName }],
  };

  it('assigns by hand and shows a lost race (SLOT_TAKEN) in the user’s language', async () => {
    await i18n.changeLanguage('vi');
    fetchMock.mockImplementation(
      async (url: string, init?: { method?: string; headers?: Record<string, string> }) => {
        if (url === `/api/fairs/${FAIR_ID}/interpreters/waiting-meetings`)
          return jsonResponse(200, [meeting]);
        if (url === '/api/meetings/m1/interpreter' && init?.method === 'POST')
          return jsonResponse(409, { code: ErrorCode.SLOT_TAKEN, message: 'Khung giờ này đã có người đặt.' });
        return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
      },
    );
    renderWithProviders(<WaitingList fairId={FAIR_ID} fairZone={ZONE} canAssign />);

    const row = await screen.findByTestId('waiting-row-m1');
    expect(within(row).getByTestId('fair-time').textContent).toBe(
      'Thứ 3, 1 thg 12 · 09:30–10:00 giờ Việt Nam',
    );
    expect(within(row).queryByTestId('viewer-time')).toBeNull();
    expect(within(row).getByText('Tiếng Đức')).toBeTruthy();

    fireEvent.click(within(row).getByRole('combobox', { name: 'Chọn phiên dịch viên' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Trần Thu Hà' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Phân công' }));

    await waitFor(() =>
      expect(within(row).getByRole('alert').textContent).toBe('Khung giờ này đã có người đặt.'),
    );
    const post = fetchMock.mock.calls.find(([url]) => url === '/api/meetings/m1/interpreter')!;
    expect(JSON.parse(post[1].body)).toEqual({ userId: interpreter.userId });
    expect(post[1].headers['Accept-Language']).toBe('vi');
  });
});
