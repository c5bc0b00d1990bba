import { act, screen, waitFor, within } from '@testing-library/react';
import type { AuthSession, DashboardResponse, MeetingChangedEvent } from '@craftmatch/shared';
import { RealtimeBridge } from '../../../app/RealtimeBridge';
import { i18n } from '../../../lib/i18n';
import { endSession, startSession } from '../../../lib/session';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { OrganizerDashboardPage } from '../pages/OrganizerDashboardPage';

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

function dashboard(confirmedUsd: string, count: number): DashboardResponse {
  return {
    scope: { kind: 'all', fairId: null, from: null, to: null },
    fairs: [
      {
        fairId: FAIR_ID,
        slug: 'vietcraft-2026',
        nameVi: 'Hội chợ 2026',
        nameEn: 'Vietcraft 2026',
        status: 'live',
        firstDay: '2026-11-26',
        lastDay: '2026-11-29',
        year: 2026,
        exhibitors: 1250,
        buyers: 3200,
        countries: 40,
        contracts: count,
        declaredUsd: '20412337.49',
        confirmedUsd,
        targetUsd: '25000000.00',
      },
    ],
    exhibitors: {
      participations: 1250,
      firms: 612,
      provinces: 28,
      legacyProvinces: 41,
      villages: 37,
      categories: 16,
    },
    buyers: { participations: 3200, firms: 1877, countries: 40 },
    meetings: {
      requested: 5400,
      accepted: 4100,
      held: 3800,
      noShow: 200,
      noShowRate: '0.0500',
      answered: 5000,
      answeredWithin24h: 4500,
    },
    samples: { total: 900, requested: 100, sent: 200, received: 300, approved: 250, rejected: 50 },
    contracts: {
      count,
      confirmedCount: count - 1,
      declaredUsd: '20412337.49',
      confirmedUsd,
      disputedUsd: '0.00',
      averagePerExhibitorUsd: '16329.87',
      targetUsd: '25000000.00',
      progress: '0.4213',
    },
    top: {
      countries: [{ code: 'DE', contracts: 120, declaredUsd: '5000000.00', confirmedUsd: '4500000.00' }],
      categories: [{ code: 'CER', contracts: 90, declaredUsd: '3000000.00', confirmedUsd: '2900000.00' }],
      provinces: [{ code: 'ha-noi', contracts: 80, declaredUsd: '2500000.00', confirmedUsd: '2400000.00' }],
      villages: [{ code: 'bat-trang', contracts: 60, declaredUsd: '1500000.00', confirmedUsd: '1400000.00' }],
    },
    byDay: [{ date: '2026-11-26', contracts: count, declaredUsd: '20412337.49', confirmedUsd }],
  };
}

const fetchMock = jest.fn();
let current = dashboard('10532100.51', 412);
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
  startSession({
    accessToken: 'token',
    expiresIn: 0,
    user: { id: 'u-org', email: 'o@b.c', fullName: 'O', role: 'organizer', locale: 'en', company: null },
  } as unknown as AuthSession);
});
afterAll(async () => {
  endSession();
  await i18n.changeLanguage('en');
});
beforeEach(() => {
  handlers.clear();
  fetchMock.mockReset();
  current = dashboard('10532100.51', 412);
  fetchMock.mockImplementation(async (url: string) => {
    const path = url.split('?')[0];
    if (path === '/api/dashboard') return jsonResponse(200, current);
    if (path === '/api/organizer/fairs')
      return jsonResponse(200, {
        items: [{ id: FAIR_ID, nameVi: 'Hội chợ 2026', nameEn: 'Vietcraft 2026' }],
        total: 1,
        page: 1,
        pageSize: 100,
      });
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found' });
  });
});

const dashboardCalls = () =>
  fetchMock.mock.calls.filter(([u]) => (u as string).split('?')[0] === '/api/dashboard').length;
const figure = (testId: string) => screen.getByTestId(`${testId}-value`).textContent;

describe('organizer dashboard', () => {
  it('formats money, counts and ratios for an English viewer', async () => {
    await i18n.changeLanguage('en');
    renderWithProviders(<OrganizerDashboardPage />, { route: '/organizer/dashboard' });
    await screen.findByTestId('card-confirmed-value', undefined, { timeout: 10_000 });
    expect(figure('card-confirmed')).toBe('US$10,532,101');
    expect(screen.getByTestId('card-confirmed-hint').textContent).toBe(
      'US$20,412,337 declared in 412 contracts',
    );
    expect(figure('card-progress')).toBe('42.1%');
    expect(figure('card-exhibitors')).toBe('1,250');
    expect(screen.getByTestId('card-buyers-hint').textContent).toContain('1,877 distinct importers from 40');
    expect(screen.getByTestId('contracts-average').textContent).toBe('US$16,329.87');
    expect(within(screen.getByTestId('top-countries')).getByText('Germany')).toBeTruthy();
    expect(within(screen.getByTestId('top-villages')).getByText('Bat Trang')).toBeTruthy();
    // the chart (and recharts) arrives by its own lazy chunk
    expect(
      await screen.findByText('Contract value by signing date', undefined, { timeout: 10_000 }),
    ).toBeTruthy();
    // the brief's programme targets, labelled as the client's
    const programme = screen.getByTestId('programme-targets');
    expect(within(programme).getByText("Client's figures")).toBeTruthy();
    expect(within(programme).getByText('US$550,000,000')).toBeTruthy();
    // exactly one request per query: the default scope is every fair
    expect(fetchMock.mock.calls.find(([u]) => (u as string).startsWith('/api/dashboard'))?.[0]).toBe(
      '/api/dashboard',
    );
  });

  it('formats the same figures for a Vietnamese viewer', async () => {
    await i18n.changeLanguage('vi');
    renderWithProviders(<OrganizerDashboardPage />, { route: '/organizer/dashboard' });
    await screen.findByTestId('card-confirmed-value', undefined, { timeout: 10_000 });
    expect(figure('card-confirmed')).toBe('10.532.101\u00a0US$');
    expect(figure('card-progress')).toBe('42,1%');
    expect(figure('card-exhibitors')).toBe('1.250');
    expect(screen.getByTestId('contracts-average').textContent).toBe('16.329,87\u00a0US$');
    expect(within(screen.getByTestId('top-countries')).getByText('Đức')).toBeTruthy();
    expect(within(screen.getByTestId('programme-targets')).getByText('Số liệu của khách hàng')).toBeTruthy();
    await i18n.changeLanguage('en');
  });

  it('asks for the brief years when the scope is 2016–2020 and shows the measured figures beside the brief', async () => {
    await i18n.changeLanguage('en');
    current = {
      ...dashboard('20087412.35', 380),
      scope: { kind: 'years', fairId: null, from: 2016, to: 2020 },
    };
    renderWithProviders(<OrganizerDashboardPage />, { route: '/organizer/dashboard?scope=brief' });
    await waitFor(() => expect(dashboardCalls()).toBe(1), { timeout: 10_000 });
    expect(fetchMock.mock.calls.find(([u]) => (u as string).startsWith('/api/dashboard'))?.[0]).toBe(
      '/api/dashboard?from=2016&to=2020',
    );
    const contracts = await screen.findByTestId('programme-contracts2016to2020');
    expect(within(contracts).getByText('US$20,000,000')).toBeTruthy();
    expect(screen.getByTestId('measured-contracts2016to2020').textContent).toBe(
      'Measured here: US$20,087,412',
    );
    expect(screen.getByTestId('measured-exhibitors2016to2020').textContent).toBe('Measured here: 1,250');
    expect(screen.getByTestId('measured-importers2016to2020').textContent).toBe('Measured here: 3,200');
    expect(screen.getByTestId('measured-countries2016to2020').textContent).toBe('Measured here: 40');
    expect(screen.queryByTestId('measured-exports2025')).toBeNull();
  });

  it('refetches live on dashboard:changed and meeting:changed, without a reload', async () => {
    await i18n.changeLanguage('en');
    renderWithProviders(
      <>
        <RealtimeBridge />
        <OrganizerDashboardPage />
      </>,
      { route: '/organizer/dashboard' },
    );
    await waitFor(() => expect(figure('card-confirmed')).toBe('US$10,532,101'), { timeout: 10_000 });
    await waitFor(() => expect(handlers.has('dashboard:changed')).toBe(true));
    expect(dashboardCalls()).toBe(1);

    // a contract is confirmed at the fair
    current = dashboard('10582100.51', 413);
    act(() => handlers.get('dashboard:changed')?.({ fairId: FAIR_ID }));
    await waitFor(() => expect(figure('card-confirmed')).toBe('US$10,582,101'));
    expect(screen.getByTestId('contracts-count').textContent).toBe('413');
    expect(dashboardCalls()).toBe(2);

    // a meeting is checked in
    current = { ...current, meetings: { ...current.meetings, held: 3801 } };
    const event: MeetingChangedEvent = { meetingId: 'm1', fairId: FAIR_ID, status: 'held', sequence: 3 };
    act(() => handlers.get('meeting:changed')?.(event));
    await waitFor(() => expect(screen.getByTestId('meetings-held').textContent).toBe('3,801'));
    expect(dashboardCalls()).toBe(3);
  });
});
