import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuthSession, ImportView } from '@craftmatch/shared';
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

const REPORT =
  '\uFEFFRow,Result,Reason,Company name,Tax code (MST)\r\n' +
  '2,Created,,"Gốm Bát Tràng, Co.",0100109106\r\n' +
  '3,Rejected,"“123” is not a valid tax code (MST): check the digits and the check digit.",Mây tre Phú Vinh,123\r\n';

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
      if (path === `/api/imports/${IMPORT_ID}/report`)
        return { ok: true, status: 200, text: async () => REPORT, headers: new Headers() };
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
    const rejected = screen.getByTestId('report-row-3');
    expect(within(rejected).getByText('Rejected')).toBeTruthy();
    expect(rejected.textContent).toContain('is not a valid tax code');
    fireEvent.click(screen.getByText('Rejected only'));
    await waitFor(() => expect(screen.queryByTestId('report-row-2')).toBeNull());
    expect(screen.getByTestId('report-row-3')).toBeTruthy();
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
