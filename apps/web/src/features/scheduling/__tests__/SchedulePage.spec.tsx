import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type {
  AuthSession,
  CurrentScheduleDraft,
  Page,
  PublishScheduleResult,
  ScheduleAgenda,
  ScheduleDraftMeeting,
  ScheduleDraftPerson,
  ScheduleDraftSummary,
  ScheduleProgressEvent,
  ScheduleSettings,
  ScheduleUnscheduledPair,
} from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { endSession, startSession } from '../../../lib/session';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { SchedulePage } from '../pages/SchedulePage';

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
// The organizer sits in Berlin, the fair in Hanoi.
jest.mock('../../../lib/zoned-time', () => ({
  ...jest.requireActual('../../../lib/zoned-time'),
  viewerTimeZone: () => 'Europe/Berlin',
}));

const FAIR_ID = '3b7f6c1e-2a4d-4e8f-9b1c-5d6e7f8a9b0c';
const DRAFT_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const fair = {
  id: FAIR_ID,
  nameVi: 'Hội chợ Quà tặng Hà Nội',
  nameEn: 'Hanoi Gift Show',
  timeZone: 'Asia/Ho_Chi_Minh',
  days: [],
  halls: [],
};
const settings: ScheduleSettings = {
  fairId: FAIR_ID,
  maxMeetingsPerDay: 8,
  lunchStart: '12:00',
  lunchEnd: '13:00',
  tablePolicy: 'auto',
  tableHallId: null,
  halls: [{ id: 'h-a', code: 'A', name: 'Hall A', tables: 12 }],
};
const summary = (patch: Partial<ScheduleDraftSummary> = {}): ScheduleDraftSummary => ({
  id: DRAFT_ID,
  fairId: FAIR_ID,
  mode: 'regenerate',
  status: 'ready',
  progress: 1,
  scheduledWeight: 42,
  bound: 48,
  ratio: 0.875,
  pairCount: 30,
  meetingCount: 3,
  keptCount: 0,
  unscheduledCount: 21,
  lockedCount: 4,
  publishedCount: 0,
  conflictCount: 0,
  createdBy: { userId: 'u-org', fullName: 'Trần Thu Hà' },
  createdAt: '2026-11-27T09:00:00.000Z',
  finishedAt: '2026-11-27T09:00:05.000Z',
  publishedAt: null,
  ...patch,
});
const party = (userId: string, fullName: string, companyName: string) => ({
  userId,
  fullName,
  companyId: `c-${userId}`,
  companyName,
});
const ANNA = party('u-anna', 'Anna Schmidt', 'Nordhaus Interiors GmbH');
const MINH = party('u-minh', 'Lê Văn Minh', 'Gốm sứ Bát Tràng Minh Phúc');
const annaPerson: ScheduleDraftPerson = { ...ANNA, side: 'buyer', meetingCount: 2, unscheduledCount: 1 };
const agenda: ScheduleAgenda = {
  draftId: DRAFT_ID,
  person: annaPerson,
  timeZone: 'Asia/Ho_Chi_Minh',
  items: [
    {
      source: 'draft',
      id: 'e1',
      // 09:30–10:00 in Hanoi, 03:30–04:00 in Berlin
      start: '2026-12-01T02:30:00.000Z',
      end: '2026-12-01T03:00:00.000Z',
      with: MINH,
      place: 'table',
      hallName: 'Hall A',
      tableCode: 'A-07',
      boothCode: null,
      interpreter: { userId: 'u-chau', fullName: 'Phạm Minh Châu' },
      status: 'planned',
      weight: 8,
    },
    {
      source: 'existing',
      id: 'm1',
      start: '2026-12-01T03:30:00.000Z',
      end: '2026-12-01T04:00:00.000Z',
      with: party('u-lan', 'Nguyễn Thị Lan', 'HTX Mây tre đan Phú Vinh'),
      place: 'booth',
      hallName: null,
      tableCode: null,
      boothCode: 'B-12',
      interpreter: null,
      status: null,
      weight: null,
    },
  ],
};
const unscheduled = (i: number): ScheduleUnscheduledPair => ({
  id: `p${i}`,
  buyer: party(`u-b${i}`, `Buyer ${String(i).padStart(2, '0')}`, 'Hearth & Loom LLC'),
  exhibitor: MINH,
  weight: i % 2 ? 4 : 1,
  reason: i === 0 ? 'no_interpreter' : 'no_common_slot',
});
const conflict: ScheduleDraftMeeting = {
  id: 'e3',
  buyer: ANNA,
  exhibitor: MINH,
  start: '2026-12-01T07:00:00.000Z',
  end: '2026-12-01T07:30:00.000Z',
  place: 'booth',
  hallName: null,
  tableCode: null,
  boothCode: 'B-03',
  interpreterLanguage: null,
  interpreter: null,
  weight: 2,
  status: 'conflict',
  kept: false,
  meetingId: null,
};
const pageOf = <T,>(all: T[], url: URL): Page<T> => {
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
};

type Init = { method?: string; body?: string };
interface Server {
  current: CurrentScheduleDraft;
  /** the signed-in user's role (organizer when unset) */
  role?: 'organizer' | 'organizer_staff';
  discard?: () => ReturnType<typeof jsonResponse>;
  generate?: (init: Init) => ReturnType<typeof jsonResponse>;
  publish?: () => ReturnType<typeof jsonResponse>;
  unscheduled?: ScheduleUnscheduledPair[];
}

const fetchMock = jest.fn();
function serve(server: Server) {
  fetchMock.mockImplementation(async (raw: string, init?: Init) => {
    const url = new URL(raw, 'http://localhost');
    const path = url.pathname;
    const method = init?.method ?? 'GET';
    if (path === '/api/auth/me')
      return jsonResponse(200, {
        id: 'u-org',
        email: 'o@b.c',
        fullName: 'Trần Thu Hà',
        role: server.role ?? 'organizer',
        locale: 'en',
        company: null,
      });
    if (path === `/api/organizer/fairs/${FAIR_ID}`) return jsonResponse(200, fair);
    if (path === `/api/fairs/${FAIR_ID}/scheduling/settings`)
      return method === 'PUT'
        ? jsonResponse(200, { ...settings, ...JSON.parse(init!.body!) })
        : jsonResponse(200, settings);
    if (path === `/api/fairs/${FAIR_ID}/scheduling/drafts/current`) return jsonResponse(200, server.current);
    if (path === `/api/fairs/${FAIR_ID}/scheduling/drafts` && method === 'POST')
      return server.generate?.(init!) ?? jsonResponse(202, { draftId: DRAFT_ID });
    if (path === `/api/scheduling/drafts/${DRAFT_ID}/people`) {
      const side = url.searchParams.get('side');
      return jsonResponse(200, pageOf(side === 'buyer' ? [annaPerson] : [], url));
    }
    if (path === `/api/scheduling/drafts/${DRAFT_ID}/agenda/u-anna`) return jsonResponse(200, agenda);
    if (path === `/api/scheduling/drafts/${DRAFT_ID}/unscheduled`) {
      const reason = url.searchParams.get('reason');
      const all = (server.unscheduled ?? []).filter((p) => !reason || p.reason === reason);
      return jsonResponse(200, pageOf(all, url));
    }
    if (path === `/api/scheduling/drafts/${DRAFT_ID}/meetings`)
      return jsonResponse(200, pageOf(url.searchParams.get('status') === 'conflict' ? [conflict] : [], url));
    if (path === `/api/scheduling/drafts/${DRAFT_ID}/discard` && method === 'POST')
      return server.discard?.() ?? jsonResponse(409, { code: 'SCHEDULE_DRAFT_STATE', message: 'No.' });
    if (path === `/api/scheduling/drafts/${DRAFT_ID}/publish` && method === 'POST')
      return server.publish?.() ?? jsonResponse(409, { code: 'SCHEDULE_DRAFT_STATE', message: 'No.' });
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found.' });
  });
}

const callsTo = (suffix: string, method = 'GET') =>
  fetchMock.mock.calls.filter(
    ([u, init]) =>
      new URL(u as string, 'http://localhost').pathname === `/api${suffix}` &&
      (init?.method ?? 'GET') === method,
  );

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/organizer/fairs/:id/schedule" element={<SchedulePage />} />
    </Routes>,
    { route: `/organizer/fairs/${FAIR_ID}/schedule` },
  );

const progressEvent = (fraction: number, status: ScheduleProgressEvent['status'] = 'running') =>
  act(() =>
    handlers.get('schedule:progress')?.({
      draftId: DRAFT_ID,
      fairId: FAIR_ID,
      fraction,
      status,
    } satisfies ScheduleProgressEvent),
  );

beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
  startSession({
    accessToken: 'token',
    expiresIn: 0,
    user: { id: 'u-org', email: 'o@b.c', fullName: 'O', role: 'organizer', locale: 'en', company: null },
  } as unknown as AuthSession);
});
afterAll(() => endSession());
beforeEach(async () => {
  fetchMock.mockReset();
  await i18n.changeLanguage('en');
});

describe('SchedulePage', () => {
  it('generates a draft from scratch, moves the bar on schedule:progress and shows the bound ratio when done', async () => {
    const server: Server = { current: { draft: null } };
    serve(server);
    renderPage();

    expect(await screen.findByText('No draft yet')).toBeTruthy();
    expect(screen.getByText('Hanoi Gift Show')).toBeTruthy();
    // without a draft to keep, only "from scratch" can be chosen
    const fill = screen.getByRole('radio', { name: 'Fill free slots only' }) as HTMLInputElement;
    expect(fill.disabled).toBe(true);
    expect(screen.getByText(/Needs a computed draft that is not published yet/)).toBeTruthy();

    server.current = { draft: summary({ status: 'running', progress: 0.1, bound: null, ratio: null }) };
    fireEvent.click(screen.getByTestId('generate-draft'));
    await waitFor(() => expect(callsTo(`/fairs/${FAIR_ID}/scheduling/drafts`, 'POST')).toHaveLength(1));
    expect(JSON.parse(callsTo(`/fairs/${FAIR_ID}/scheduling/drafts`, 'POST')[0][1].body)).toEqual({
      mode: 'regenerate',
    });
    const bar = await screen.findByTestId('schedule-progress-bar');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('10'));
    expect(screen.getByText('Computing the draft…')).toBeTruthy();
    expect((screen.getByTestId('generate-draft') as HTMLButtonElement).disabled).toBe(true);

    await waitFor(() => expect(handlers.has('schedule:progress')).toBe(true));
    progressEvent(0.55);
    await waitFor(() =>
      expect(screen.getByTestId('schedule-progress-bar').getAttribute('aria-valuenow')).toBe('55'),
    );
    // a late push never moves the bar back
    progressEvent(0.4);
    expect(screen.getByTestId('schedule-progress-bar').getAttribute('aria-valuenow')).toBe('55');
    // another fair's draft is not ours
    act(() =>
      handlers.get('schedule:progress')?.({
        draftId: 'other',
        fairId: 'other-fair',
        fraction: 0.9,
        status: 'running',
      }),
    );
    expect(screen.getByTestId('schedule-progress-bar').getAttribute('aria-valuenow')).toBe('55');

    const before = callsTo(`/fairs/${FAIR_ID}/scheduling/drafts/current`).length;
    server.current = { draft: summary() };
    progressEvent(1, 'ready');
    await waitFor(() =>
      expect(callsTo(`/fairs/${FAIR_ID}/scheduling/drafts/current`).length).toBeGreaterThan(before),
    );
    expect((await screen.findByTestId('schedule-ratio')).textContent).toBe(
      'Scheduled 42 of at most 48 (87.5%)',
    );
    expect(screen.getByTestId('schedule-progress-bar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByText('Draft ready')).toBeTruthy();
    expect(screen.getByText(/must-meet on both sides 8, must-meet and would-meet 4/)).toBeTruthy();
    expect(screen.getByTestId('figure-meetings').textContent).toBe('3');
    expect(screen.getByTestId('figure-unscheduled').textContent).toBe('21');
    // now a draft can be filled
    expect((screen.getByRole('radio', { name: 'Fill free slots only' }) as HTMLInputElement).disabled).toBe(
      false,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Fill free slots only' }));
    server.current = { draft: summary({ id: DRAFT_ID, status: 'running', mode: 'fill', progress: 0 }) };
    fireEvent.click(screen.getByTestId('generate-draft'));
    await waitFor(() => expect(callsTo(`/fairs/${FAIR_ID}/scheduling/drafts`, 'POST')).toHaveLength(2));
    expect(JSON.parse(callsTo(`/fairs/${FAIR_ID}/scheduling/drafts`, 'POST')[1][1].body)).toEqual({
      mode: 'fill',
    });
  });

  it("shows a person's agenda in the fair's time and the viewer's own, and the unscheduled pairs with their reason in the viewer's language", async () => {
    serve({
      current: { draft: summary() },
      unscheduled: Array.from({ length: 23 }, (_, i) => unscheduled(i)),
    });
    renderPage();
    await screen.findByTestId('schedule-ratio');
    expect(screen.getByText('Pick a person')).toBeTruthy();

    const select = screen.getByRole('combobox', { name: 'Person' });
    fireEvent.click(select);
    fireEvent.click(await screen.findByRole('option', { name: /Anna Schmidt · Nordhaus Interiors GmbH/ }));
    const personAgenda = await screen.findByTestId('person-agenda');
    const items = within(personAgenda).getAllByTestId('agenda-item');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('[data-zone="fair"]')?.textContent).toBe('09:30–10:00 Vietnam');
    expect(items[0].querySelector('[data-zone="viewer"]')?.textContent).toBe('03:30–04:00 Berlin');
    expect(within(items[0]).getByText('Table A-07 · Hall A')).toBeTruthy();
    expect(within(items[0]).getByText('Interpreter: Phạm Minh Châu')).toBeTruthy();
    expect(within(items[0]).getByText('Planned')).toBeTruthy();
    expect(within(items[1]).getByText('Already booked')).toBeTruthy();
    expect(within(items[1]).getByText('Booth B-12')).toBeTruthy();
    expect(within(personAgenda).getByText('Tuesday 1 December')).toBeTruthy();
    expect(screen.getByText('Fair time (Vietnam) first, your time (Berlin) beside it.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('tab-unscheduled'));
    expect(await screen.findByText('23 pairs not scheduled')).toBeTruthy();
    expect(screen.getAllByTestId('unscheduled-pair')).toHaveLength(20);
    const first = screen.getAllByTestId('unscheduled-pair')[0];
    expect(within(first).getByText('No interpreter for their language at a time both are free')).toBeTruthy();
    expect(within(first).getByText('one-sided must')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(screen.getAllByTestId('unscheduled-pair')).toHaveLength(3));
    expect(screen.getByText('Buyer 22')).toBeTruthy();

    await act(() => i18n.changeLanguage('vi'));
    expect(
      within(screen.getByTestId('unscheduled-table')).getAllByText(
        'Không có khung giờ nào cả hai người cùng rảnh',
      ),
    ).toHaveLength(3);
    expect(screen.getByText('23 cặp chưa xếp được')).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));
  });

  it('lists the unscheduled pairs as cards on a phone', async () => {
    const wide = window.matchMedia;
    window.matchMedia = ((query: string) => ({ ...wide(query), matches: true })) as typeof window.matchMedia;
    try {
      serve({ current: { draft: summary() }, unscheduled: [unscheduled(0), unscheduled(1)] });
      renderPage();
      fireEvent.click(await screen.findByTestId('tab-unscheduled'));
      const cards = await screen.findByTestId('unscheduled-cards');
      expect(screen.queryByTestId('unscheduled-table')).toBeNull();
      const first = within(cards).getAllByTestId('unscheduled-pair')[0];
      expect(
        within(first).getByText('No interpreter for their language at a time both are free'),
      ).toBeTruthy();
      expect(within(first).getByText('Buyer')).toBeTruthy();
      expect(within(first).getByText('Buyer 00')).toBeTruthy();
      expect(within(first).getByText('Exhibitor')).toBeTruthy();
    } finally {
      window.matchMedia = wide;
    }
  });

  it('publishes after a confirmation and lists the conflicts', async () => {
    const server: Server = { current: { draft: summary() } };
    const published = summary({
      status: 'published',
      publishedCount: 2,
      conflictCount: 1,
      publishedAt: '2026-11-27T09:10:00.000Z',
    });
    server.publish = () =>
      jsonResponse(200, { draft: published, published: 2, conflicts: 1 } satisfies PublishScheduleResult);
    serve(server);
    renderPage();

    fireEvent.click(await screen.findByTestId('publish-draft'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/3 meetings become accepted meetings/)).toBeTruthy();
    // nothing published until confirmed
    expect(callsTo(`/scheduling/drafts/${DRAFT_ID}/publish`, 'POST')).toHaveLength(0);
    fireEvent.click(within(dialog).getByTestId('confirm-publish'));
    const result = await screen.findByTestId('publish-result');
    expect(callsTo(`/scheduling/drafts/${DRAFT_ID}/publish`, 'POST')).toHaveLength(1);
    expect(within(result).getByTestId('publish-counts').textContent).toBe(
      '2 meetings published. 1 conflict.',
    );
    const entry = await within(result).findByTestId('conflict-entry');
    expect(entry.textContent).toContain(
      'Anna Schmidt (Nordhaus Interiors GmbH) with Lê Văn Minh (Gốm sứ Bát Tràng Minh Phúc)',
    );
    expect(screen.queryByTestId('publish-draft')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('follows a long publication chunk by chunk in the dialog and on the bar', async () => {
    const server: Server = { current: { draft: summary() } };
    let release: (() => void) | undefined;
    const published = summary({
      status: 'published',
      publishedCount: 3,
      publishedAt: '2026-11-27T09:10:00.000Z',
    });
    server.publish = () =>
      new Promise((resolve) => {
        release = () => resolve(jsonResponse(200, { draft: published, published: 3, conflicts: 0 }));
      }) as unknown as ReturnType<typeof jsonResponse>;
    serve(server);
    renderPage();
    fireEvent.click(await screen.findByTestId('publish-draft'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('confirm-publish'));
    await waitFor(() => expect(release).toBeDefined());
    await waitFor(() => expect(handlers.has('schedule:progress')).toBe(true));

    // the first chunk is in: the draft is published in part
    server.current = { draft: summary({ status: 'published', publishedCount: 1 }) };
    progressEvent(0.4, 'published');
    const inDialog = await within(dialog).findByTestId('publish-progress');
    expect(inDialog.getAttribute('aria-valuenow')).toBe('40');
    await waitFor(() =>
      expect(screen.getByTestId('schedule-progress').getAttribute('data-status')).toBe('publishing'),
    );
    expect(screen.getByText('Publishing the meetings…')).toBeTruthy();
    expect((screen.getByTestId('generate-draft') as HTMLButtonElement).disabled).toBe(true);
    // a late push of the computation changes nothing
    progressEvent(1, 'ready');
    expect(within(dialog).getByTestId('publish-progress').getAttribute('aria-valuenow')).toBe('40');

    server.current = { draft: published };
    progressEvent(1, 'published');
    act(() => release!());
    const result = await screen.findByTestId('publish-result');
    expect(within(result).getByTestId('publish-counts').textContent).toBe(
      '3 meetings published. No conflicts.',
    );
    await waitFor(() =>
      expect(screen.getByTestId('schedule-progress').getAttribute('data-status')).toBe('published'),
    );
    expect(screen.getByTestId('schedule-progress-bar').getAttribute('aria-valuenow')).toBe('100');
  });

  it('keeps the refusal in the dialog when publishing fails, and says why a generate is refused', async () => {
    const server: Server = {
      current: { draft: summary() },
      generate: () =>
        jsonResponse(409, {
          code: 'SCHEDULE_RUNNING',
          message: 'A schedule is already being computed for this fair. Wait until it finishes.',
        }),
      publish: () =>
        jsonResponse(409, {
          code: 'SCHEDULE_DRAFT_STATE',
          message: 'This schedule draft can no longer be changed in this way.',
        }),
    };
    serve(server);
    renderPage();

    fireEvent.click(await screen.findByTestId('publish-draft'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('confirm-publish'));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This schedule draft can no longer be changed in this way.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByTestId('generate-draft'));
    expect(
      await screen.findByText('A schedule is already being computed for this fair. Wait until it finishes.'),
    ).toBeTruthy();
  });

  it('says so when the draft fails, although a failed draft is no longer the current one', async () => {
    const server: Server = { current: { draft: null } };
    serve(server);
    renderPage();
    expect(await screen.findByText('No draft yet')).toBeTruthy();
    server.current = { draft: summary({ status: 'running', progress: 0, bound: null, ratio: null }) };
    fireEvent.click(screen.getByTestId('generate-draft'));
    await screen.findByText('Computing the draft…');
    await waitFor(() => expect(handlers.has('schedule:progress')).toBe(true));
    server.current = { draft: null };
    progressEvent(0.3, 'failed');
    expect(await screen.findByText('The computation failed')).toBeTruthy();
    expect(screen.getByText(/Nothing was changed\. Try again/)).toBeTruthy();
    expect(screen.getByTestId('schedule-progress').getAttribute('data-status')).toBe('failed');
    expect((screen.getByTestId('generate-draft') as HTMLButtonElement).disabled).toBe(false);
  });

  it('discards a ready draft after asking', async () => {
    const server: Server = { current: { draft: summary() } };
    server.discard = () => {
      server.current = { draft: null };
      return jsonResponse(200, summary({ status: 'discarded' }));
    };
    serve(server);
    renderPage();
    fireEvent.click(await screen.findByTestId('discard-draft'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Discard this draft?')).toBeTruthy();
    expect(callsTo(`/scheduling/drafts/${DRAFT_ID}/discard`, 'POST')).toHaveLength(0);
    fireEvent.click(within(dialog).getByTestId('confirm-discard'));
    expect(await screen.findByText('No draft yet')).toBeTruthy();
    expect(callsTo(`/scheduling/drafts/${DRAFT_ID}/discard`, 'POST')).toHaveLength(1);
    expect(screen.queryByTestId('draft-summary')).toBeNull();
  });

  it('lets organizer staff follow and review a draft but not change anything', async () => {
    serve({ current: { draft: summary() }, role: 'organizer_staff' });
    renderPage();
    expect(await screen.findByTestId('schedule-ratio')).toBeTruthy();
    await screen.findByText('Only the organizer can change these settings.');
    expect(
      screen.getByText(
        'Only the organizer can generate, discard or publish a draft; you can follow and review it here.',
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId('generate-draft')).toBeNull();
    expect(screen.queryByTestId('discard-draft')).toBeNull();
    expect(screen.queryByTestId('publish-draft')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(
      (screen.getByRole('textbox', { name: /Most meetings per person per day/ }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
    // the review stays open to them
    expect(screen.getByTestId('tab-unscheduled')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Person' })).toBeTruthy();
  });

  it('saves the settings with the lunch break in the fair’s time, and offers a retry when the draft fails to load', async () => {
    let fail = true;
    serve({ current: { draft: null } });
    const base = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (raw: string, init?: Init) =>
      fail && raw.endsWith('/drafts/current')
        ? jsonResponse(500, { code: 'INTERNAL_ERROR', message: 'Something went wrong.' })
        : base(raw, init),
    );
    renderPage();

    const retry = await screen.findByRole('button', { name: /try again|retry/i });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByText('No draft yet')).toBeTruthy();

    const max = screen.getByRole('textbox', { name: /Most meetings per person per day/ });
    fireEvent.change(max, { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '11:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('The lunch break must end after it starts.')).toBeTruthy();
    expect(callsTo(`/fairs/${FAIR_ID}/scheduling/settings`, 'PUT')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '13:30' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Every meeting' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(callsTo(`/fairs/${FAIR_ID}/scheduling/settings`, 'PUT')).toHaveLength(1));
    expect(JSON.parse(callsTo(`/fairs/${FAIR_ID}/scheduling/settings`, 'PUT')[0][1].body)).toEqual({
      maxMeetingsPerDay: 6,
      lunchStart: '12:00',
      lunchEnd: '13:30',
      tablePolicy: 'all',
      tableHallId: null,
    });
  });
});
