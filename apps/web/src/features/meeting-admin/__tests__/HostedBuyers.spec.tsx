import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { Fair, FairParticipant, Page } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { HostedBuyersPage } from '../pages/HostedBuyersPage';

jest.setTimeout(30_000);

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const FAIR_ID = '3b7f6c1e-2a4d-4e8f-9b1c-5d6e7f8a9b0c';
const fair = {
  id: FAIR_ID,
  nameVi: 'Hội chợ',
  nameEn: 'Fair',
  timeZone: 'Asia/Ho_Chi_Minh',
  days: [],
  halls: [],
};
const person = (userId: string, fullName: string, over: Partial<FairParticipant> = {}): FairParticipant => ({
  fairId: FAIR_ID,
  companyId: 'c0ffee00-0000-4000-8000-000000000001',
  companyName: 'Nordhaus Interiors GmbH',
  countryCode: 'DE',
  userId,
  fullName,
  hostedBuyer: false,
  ...over,
});
const pageOf = (items: FairParticipant[], total = items.length): Page<FairParticipant> => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

const participantsPath = `/api/fairs/${FAIR_ID}/participants`;
type Init = { method?: string; body?: string };
type Handler = (url: URL, init?: Init) => unknown;

/**
 * Serves the fair and the participants list from `store`; `patch` answers the hosted toggles. While
 * `lists.hold` is set, list requests never answer (so only the client can change what is shown).
 */
function serve(store: FairParticipant[], patch?: Handler, lists = { hold: false }) {
  fetchMock.mockImplementation(async (raw: string, init?: Init) => {
    const url = new URL(raw, 'http://localhost');
    if (url.pathname === `/api/organizer/fairs/${FAIR_ID}`) return jsonResponse(200, fair as unknown as Fair);
    if (url.pathname === participantsPath && (init?.method ?? 'GET') === 'GET') {
      if (lists.hold) return new Promise(() => {});
      const q = url.searchParams.get('q')?.toLowerCase();
      const hosted = url.searchParams.get('hosted');
      const items = store.filter(
        (p) =>
          (!q || `${p.fullName} ${p.companyName}`.toLowerCase().includes(q)) &&
          (hosted === null || String(p.hostedBuyer) === hosted),
      );
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
      return jsonResponse(200, {
        items: items.slice((page - 1) * pageSize, page * pageSize),
        total: items.length,
        page,
        pageSize,
      });
    }
    if (url.pathname.startsWith(`${participantsPath}/`) && init?.method === 'PATCH' && patch)
      return patch(url, init);
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found.' });
  });
}

const listCalls = () =>
  fetchMock.mock.calls
    .map(([u]) => new URL(u as string, 'http://localhost'))
    .filter((u) => u.pathname === participantsPath);

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/organizer/fairs/:id/buyers" element={<HostedBuyersPage />} />
    </Routes>,
    { route: `/organizer/fairs/${FAIR_ID}/buyers` },
  );

const switchOf = (name: string) =>
  screen.getByRole('switch', { name: `Hosted buyer: ${name}` }) as HTMLInputElement;

describe('HostedBuyersPage', () => {
  it('lists registered buyer people with their country named in the UI language, searches and filters', async () => {
    await i18n.changeLanguage('en');
    serve([
      person('u-anna', 'Anna Schmidt', { hostedBuyer: true }),
      person('u-jonas', 'Jonas Weber'),
      person('u-sato', 'Sato Yuki', { companyName: 'Kyoto Living', countryCode: 'JP' }),
    ]);
    renderPage();

    const row = await screen.findByTestId('participant-u-sato');
    expect(within(row).getByText('Japan')).toBeTruthy();
    expect(within(row).getByText('Kyoto Living')).toBeTruthy();
    expect(screen.getByText('3 registered buyers')).toBeTruthy();
    expect(switchOf('Anna Schmidt').checked).toBe(true);
    expect(switchOf('Jonas Weber').checked).toBe(false);
    expect(listCalls()[0].searchParams.get('pageSize')).toBe('20');
    expect(listCalls()[0].searchParams.has('hosted')).toBe(false);

    fireEvent.change(screen.getByRole('textbox', { name: 'Search registered buyers' }), {
      target: { value: 'kyoto' },
    });
    await waitFor(() => expect(screen.queryByTestId('participant-u-anna')).toBeNull());
    expect(screen.getByTestId('participant-u-sato')).toBeTruthy();
    expect(listCalls().at(-1)!.searchParams.get('q')).toBe('kyoto');

    fireEvent.click(screen.getByRole('radio', { name: 'Hosted' }));
    await waitFor(() => expect(listCalls().at(-1)!.searchParams.get('hosted')).toBe('true'));
    expect(await screen.findByText('No registered buyer matches')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all registered buyers' }));
    expect(await screen.findByTestId('participant-u-anna')).toBeTruthy();
    expect(listCalls().at(-1)!.searchParams.has('q')).toBe(false);

    await act(() => i18n.changeLanguage('vi'));
    expect(within(screen.getByTestId('participant-u-anna')).getByText('Đức')).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));
  });

  it('flips the switch before the server answers, and puts it back with the error when the server refuses', async () => {
    await i18n.changeLanguage('en');
    const store = [person('u-anna', 'Anna Schmidt'), person('u-jonas', 'Jonas Weber')];
    let release: (() => void) | undefined;
    const lists = { hold: false };
    serve(
      store,
      async (url, init) => {
        const userId = url.pathname.split('/').at(-2)!;
        if (userId === 'u-jonas')
          return jsonResponse(409, { code: 'CONFLICT', message: 'Registration was withdrawn.' });
        await new Promise<void>((resolve) => (release = resolve));
        const p = store.find((x) => x.userId === userId)!;
        p.hostedBuyer = JSON.parse(init!.body!).hostedBuyer;
        return jsonResponse(200, p);
      },
      lists,
    );
    renderPage();
    await screen.findByTestId('participant-u-anna');

    fireEvent.click(switchOf('Anna Schmidt'));
    await waitFor(() => expect(release).toBeDefined());
    // the PATCH is still waiting for its answer: the switch moved on its own
    expect(switchOf('Anna Schmidt').checked).toBe(true);
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(patch[0]).toBe(`${participantsPath}/u-anna/hosted`);
    expect(JSON.parse(patch[1].body)).toEqual({ hostedBuyer: true });
    const listsBefore = listCalls().length;
    act(() => release!());
    await waitFor(() => expect(listCalls().length).toBeGreaterThan(listsBefore)); // refetched after saving
    expect(switchOf('Anna Schmidt').checked).toBe(true);
    expect(within(screen.getByTestId('participant-u-anna')).getByText('Hosted')).toBeTruthy();

    // The refetch after the failure never answers: only the rollback can put Jonas back.
    lists.hold = true;
    fireEvent.click(switchOf('Jonas Weber'));
    const jonas = screen.getByTestId('participant-u-jonas');
    await waitFor(() =>
      expect(within(jonas).getByRole('alert').textContent).toBe('Not saved: Registration was withdrawn.'),
    );
    expect(switchOf('Jonas Weber').checked).toBe(false);
    expect(switchOf('Anna Schmidt').checked).toBe(true); // the rollback touched only Jonas
  });

  it('steps back a page when un-hosting empties the last page of hosted buyers', async () => {
    await i18n.changeLanguage('en');
    const store = Array.from({ length: 21 }, (_, i) =>
      person(`u-${String(i).padStart(2, '0')}`, `Buyer ${String(i).padStart(2, '0')}`, { hostedBuyer: true }),
    );
    serve(store, async (url, init) => {
      const p = store.find((x) => x.userId === url.pathname.split('/').at(-2))!;
      p.hostedBuyer = JSON.parse(init!.body!).hostedBuyer;
      return jsonResponse(200, p);
    });
    renderPage();
    await screen.findByTestId('participant-u-00');
    fireEvent.click(screen.getByRole('radio', { name: 'Hosted' }));
    fireEvent.click(await screen.findByRole('button', { name: '2' }));
    await screen.findByTestId('participant-u-20');

    fireEvent.click(switchOf('Buyer 20'));
    await waitFor(() => expect(screen.getAllByTestId(/^participant-u-/)).toHaveLength(20));
    expect(screen.getByText('20 registered buyers')).toBeTruthy();
    const last = listCalls().at(-1)!.searchParams;
    expect([last.get('page'), last.get('hosted')]).toEqual(['1', 'true']);
  });

  it('says so when no buyer is registered yet, and offers a retry when the list fails', async () => {
    await i18n.changeLanguage('en');
    serve([]);
    const { unmount } = renderPage();
    expect(await screen.findByText('No buyers registered for this fair yet')).toBeTruthy();
    unmount();

    let fail = true;
    fetchMock.mockImplementation(async (raw: string) => {
      const url = new URL(raw, 'http://localhost');
      if (url.pathname === `/api/organizer/fairs/${FAIR_ID}`) return jsonResponse(200, fair);
      if (url.pathname === participantsPath)
        return fail
          ? jsonResponse(500, { code: 'INTERNAL_ERROR', message: 'Something went wrong.' })
          : jsonResponse(200, pageOf([person('u-anna', 'Anna Schmidt')]));
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found.' });
    });
    renderPage();
    const retry = await screen.findByRole('button', { name: /try again|retry/i });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByTestId('participant-u-anna')).toBeTruthy();
  });
});
