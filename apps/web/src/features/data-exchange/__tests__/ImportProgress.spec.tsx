import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuthSession, ImportRowView, ImportView, Page } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { endSession, startSession } from '../../../lib/session';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { DataExchangePage } from '../pages/DataExchangePage';

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

const IMPORT_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const view = (patch: Partial<ImportView>): ImportView => ({
  id: IMPORT_ID,
  kind: 'exhibitor',
  status: 'queued',
  filename: 'lang-nghe.xlsx',
  total: 200,
  done: 0,
  created: 0,
  updated: 0,
  rejected: 0,
  createdAt: '2026-11-27T09:00:00.000Z',
  finishedAt: null,
  ...patch,
});

const ROWS: ImportRowView[] = [
  {
    rowNumber: 2,
    outcome: 'created',
    reasonCode: null,
    reasonColumn: null,
    reason: null,
    data: { companyName: 'Gốm Bát Tràng, Co.', taxCode: '0100109106' },
  },
  {
    rowNumber: 3,
    outcome: 'rejected',
    reasonCode: 'invalidTaxCode',
    reasonColumn: 'taxCode',
    reason: '“123” is not a valid tax code (MST): check the digits and the check digit.',
    data: { companyName: 'Mây tre Phú Vinh', taxCode: '123' },
  },
  ...Array.from({ length: 60 }, (_, i): ImportRowView => ({
    rowNumber: 4 + i,
    outcome: 'updated',
    reasonCode: null,
    reasonColumn: null,
    reason: null,
    data: { companyName: `Làng nghề ${4 + i}`, taxCode: '0100109106' },
  })),
];

/** GET /imports/:id/rows as the server answers it: filtered by outcome, then paginated */
function rowsPage(url: string): Page<ImportRowView> {
  const query = new URL(url, 'http://x').searchParams;
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const outcome = query.get('outcome');
  const kept = ROWS.filter((r) => !outcome || r.outcome === outcome);
  return { items: kept.slice((page - 1) * pageSize, page * pageSize), total: kept.length, page, pageSize };
}

const fetchMock = jest.fn();
let current = view({});
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
  startSession({
    accessToken: 'token',
    expiresIn: 0,
    user: { id: 'u-org', email: 'o@b.c', fullName: 'O', role: 'organizer', locale: 'en', company: null },
  } as unknown as AuthSession);
});
afterAll(() => endSession());

describe('bulk import', () => {
  it('uploads the file, moves the progress bar on import:progress and shows the per-row report', async () => {
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0];
      if (path === '/api/imports' && init?.method === 'POST') return jsonResponse(201, current);
      if (path === `/api/imports/${IMPORT_ID}`) return jsonResponse(200, current);
      if (path === `/api/imports/${IMPORT_ID}/rows`) return jsonResponse(200, rowsPage(url));
      if (path === '/api/organizer/fairs')
        return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 100 });
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found' });
    });
    renderWithProviders(<DataExchangePage />, { route: '/organizer/data' });

    const input = (await screen.findByTestId('import-file', undefined, { timeout: 10_000 })) as HTMLElement;
    expect(input).toBeTruthy();
    const fileInput = document.querySelector('input[type="file"]');
    const file = new File(['x'], 'lang-nghe.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    fireEvent.change(fileInput as HTMLInputElement, { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-start'));

    // the upload: multipart to POST /imports?kind=exhibitor
    await waitFor(() => expect(screen.getByTestId('import-progress')).toBeTruthy(), { timeout: 10_000 });
    const post = fetchMock.mock.calls.find(
      ([, init]) => (init as RequestInit | undefined)?.method === 'POST',
    );
    expect(post?.[0]).toBe('/api/imports?kind=exhibitor');
    expect((post?.[1] as RequestInit).body).toBeInstanceOf(FormData);
    expect(screen.getByTestId('import-progress-count').textContent).toBe('0 of 200 rows · 0%');
    await waitFor(() => expect(handlers.has('import:progress')).toBe(true));

    // live pushes move the bar; another import's pushes are ignored
    act(() => handlers.get('import:progress')?.({ importId: IMPORT_ID, done: 50, total: 200 }));
    await waitFor(() =>
      expect(screen.getByTestId('import-progress-count').textContent).toBe('50 of 200 rows · 25%'),
    );
    act(() => handlers.get('import:progress')?.({ importId: 'other', done: 190, total: 200 }));
    act(() => handlers.get('import:progress')?.({ importId: IMPORT_ID, done: 150, total: 200 }));
    await waitFor(() =>
      expect(screen.getByTestId('import-progress-count').textContent).toBe('150 of 200 rows · 75%'),
    );
    const bar = within(screen.getByTestId('import-progress')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('75');

    // the last push: the import is fetched again for its final counts, then the report is read
    current = view({
      status: 'done',
      done: 200,
      created: 120,
      updated: 79,
      rejected: 1,
      finishedAt: '2026-11-27T09:01:00.000Z',
    });
    act(() => handlers.get('import:progress')?.({ importId: IMPORT_ID, done: 200, total: 200 }));
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toContain('120 created'));
    expect(screen.getByTestId('import-counts').textContent).toContain('1 rejected');
    expect(screen.getByTestId('import-progress-count').textContent).toBe('200 of 200 rows · 100%');

    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText('Gốm Bát Tràng, Co.')).toBeTruthy();
    expect(within(report).getByText('Tax code (MST)')).toBeTruthy();
    const rejected = screen.getByTestId('report-row-3');
    expect(within(rejected).getByText('Rejected')).toBeTruthy();
    expect(rejected.textContent).toContain('is not a valid tax code');
    expect(screen.getByTestId('report-count').textContent).toBe('62 rows');
    // the JSON report is read a page of 50 at a time, in the viewer's language
    const rowsCall = () =>
      fetchMock.mock.calls.filter(([url]) => String(url).startsWith(`/api/imports/${IMPORT_ID}/rows`)).at(-1);
    expect(rowsCall()?.[0]).toBe(`/api/imports/${IMPORT_ID}/rows?page=1&pageSize=50`);
    expect(((rowsCall()?.[1] as RequestInit).headers as Record<string, string>)['Accept-Language']).toBe(
      'en',
    );
    expect(screen.queryByTestId('report-row-52')).toBeNull();
    fireEvent.click(within(screen.getByTestId('report-pages')).getByText('2'));
    await waitFor(() => expect(screen.getByTestId('report-row-52')).toBeTruthy());
    expect(rowsCall()?.[0]).toBe(`/api/imports/${IMPORT_ID}/rows?page=2&pageSize=50`);
    // one outcome alone: asked of the server, back on page 1
    fireEvent.click(within(screen.getByTestId('report-filter')).getByText('Rejected'));
    await waitFor(() => expect(screen.getByTestId('report-row-3')).toBeTruthy());
    expect(screen.queryByTestId('report-row-2')).toBeNull();
    expect(screen.queryByTestId('report-row-52')).toBeNull();
    expect(rowsCall()?.[0]).toBe(`/api/imports/${IMPORT_ID}/rows?page=1&pageSize=50&outcome=rejected`);
    expect(screen.getByTestId('report-count').textContent).toBe('1 row');
    // the report is never read from the CSV download any more
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/report'))).toBe(false);
  });

  it('shows why a file is refused as a whole', async () => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0];
      if (path === '/api/imports' && init?.method === 'POST')
        return jsonResponse(422, {
          code: 'IMPORT_COLUMNS_MISSING',
          message: 'The file lacks the columns: Tax code (MST).',
        });
      return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 100 });
    });
    renderWithProviders(<DataExchangePage />, { route: '/organizer/data' });
    await screen.findByTestId('import-file', undefined, { timeout: 10_000 });
    fireEvent.change(document.querySelector('input[type="file"]') as HTMLInputElement, {
      target: { files: [new File(['a,b'], 'bad.csv', { type: 'text/csv' })] },
    });
    fireEvent.click(screen.getByTestId('import-start'));
    const alert = await screen.findByTestId('import-refused', undefined, { timeout: 10_000 });
    expect(alert.textContent).toContain('The file lacks the columns: Tax code (MST).');
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });
});
