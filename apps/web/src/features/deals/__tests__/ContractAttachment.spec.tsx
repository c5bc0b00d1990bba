import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { ContractDetail } from '@craftmatch/shared';
import { tokenStore } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ContractDetailPage } from '../pages/ContractDetailPage';
import { declared } from './fixtures';

let mockMe: unknown;
jest.mock('../../../lib/session', () => ({ useMe: () => ({ data: mockMe, isPending: false }) }));

const { buyer } = jest.requireActual('./fixtures');
/** the exhibitor who declared the contract: it may attach, replace and remove */
const declarer = {
  ...buyer,
  role: 'exhibitor',
  company: { ...buyer.company, id: 'c-ex', kind: 'exhibitor' },
};
const FILE_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
  await i18n.changeLanguage('en');
});
beforeEach(() => fetchMock.mockReset());

type Init = { method?: string; body?: unknown; headers?: Record<string, string> };
type Answer = (
  init: Init,
) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

/** One contract; `answers` answer the attachment calls by "METHOD url". */
function serve(start: ContractDetail, answers: Record<string, Answer> = {}) {
  let contract = start;
  const calls: { method: string; url: string; init: Init }[] = [];
  fetchMock.mockImplementation(async (url: string, init: Init = {}) => {
    const method = init.method ?? 'GET';
    if (url === '/api/contracts/k1' && method === 'GET') return jsonResponse(200, contract);
    if (url === '/api/contracts/k1/audit') return jsonResponse(200, []);
    calls.push({ method, url, init });
    const answer = answers[`${method} ${url}`];
    if (!answer) return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
    const { status, body } = await answer(init);
    if (status === 200 && body && (body as ContractDetail).id) contract = body as ContractDetail;
    return jsonResponse(status, body);
  });
  return calls;
}

const open = () =>
  renderWithProviders(
    <Routes>
      <Route path="/deals/contracts/:id" element={<ContractDetailPage />} />
    </Routes>,
    { route: '/deals/contracts/k1' },
  );
const choose = (name: string, type: string) =>
  fireEvent.change(document.querySelector('input[type="file"]') as HTMLInputElement, {
    target: { files: [new File(['%PDF-1.4'], name, { type })] },
  });

describe('contract attachment', () => {
  it('the declaring party attaches a signed copy as multipart, with a loading state', async () => {
    mockMe = declarer;
    let release: () => void = () => undefined;
    const calls = serve(declared, {
      'POST /api/contracts/k1/attachment': () =>
        new Promise((resolve) => {
          release = () => resolve({ status: 200, body: { ...declared, attachmentFileId: FILE_ID } });
        }),
    });
    open();
    expect((await screen.findByTestId('attachment-none')).textContent).toBe('No signed copy attached yet.');
    const button = screen.getByTestId('attachment-upload');
    expect(button.textContent).toBe('Attach signed copy');
    choose('signed.pdf', 'application/pdf');
    await waitFor(() => expect(button.dataset.loading).toBe('true'));
    release();
    expect(await screen.findByTestId('attachment-download')).toBeTruthy();
    expect(screen.getByTestId('attachment-upload').textContent).toBe('Replace');
    expect(screen.queryByTestId('attachment-none')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0].init.method).toBe('POST');
    const form = calls[0].init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get('file') as File).name).toBe('signed.pdf');
  });

  it('shows the server’s refusal in the viewer’s language and keeps the contract as it was', async () => {
    mockMe = declarer;
    serve(declared, {
      'POST /api/contracts/k1/attachment': () => ({ status: 415, body: { code: 'UNSUPPORTED_FILE_TYPE' } }),
    });
    await i18n.changeLanguage('vi');
    try {
      open();
      fireEvent.click(await screen.findByTestId('attachment-upload'));
      choose('photo.gif', 'image/gif');
      const panel = screen.getByTestId('contract-attachment');
      await waitFor(() =>
        expect(panel.textContent).toContain(i18n.t('errors:UNSUPPORTED_FILE_TYPE', { lng: 'vi' })),
      );
      expect(i18n.t('errors:UNSUPPORTED_FILE_TYPE', { lng: 'vi' })).not.toBe('UNSUPPORTED_FILE_TYPE');
      expect(screen.getByTestId('attachment-none')).toBeTruthy();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('removing asks first, then sends DELETE; a confirmed contract warns it must be confirmed again', async () => {
    mockMe = declarer;
    const calls = serve(
      { ...declared, status: 'confirmed', attachmentFileId: FILE_ID },
      { 'DELETE /api/contracts/k1/attachment': () => ({ status: 200, body: { ...declared } }) },
    );
    open();
    fireEvent.click(await screen.findByTestId('attachment-remove'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('the other side has to confirm the contract again');
    expect(calls).toEqual([]);
    fireEvent.click(within(dialog).getByTestId('attachment-remove-submit'));
    await waitFor(() => expect(screen.getByTestId('attachment-none')).toBeTruthy());
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['DELETE /api/contracts/k1/attachment']);
    expect(screen.getByTestId('contract-status').dataset.status).toBe('declared');
  });

  it('the other party only downloads, with the session token', async () => {
    mockMe = buyer;
    const calls = serve(
      { ...declared, attachmentFileId: FILE_ID },
      {
        'GET /api/contracts/k1/attachment': () => ({ status: 200, body: {} }),
      },
    );
    open();
    const download = await screen.findByTestId('attachment-download');
    expect(screen.queryByTestId('attachment-upload')).toBeNull();
    expect(screen.queryByTestId('attachment-remove')).toBeNull();
    const blob = new Blob(['%PDF-1.4']);
    const inner = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (url: string, init: Init = {}) =>
      url === '/api/contracts/k1/attachment'
        ? (calls.push({ method: init.method ?? 'GET', url, init }),
          {
            ok: true,
            status: 200,
            blob: async () => blob,
            headers: new Headers({ 'content-disposition': 'attachment; filename="contract-k1.pdf"' }),
          })
        : inner(url, init),
    );
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    tokenStore.set('session-token');
    try {
      fireEvent.click(download);
      await waitFor(() => expect(saved).toEqual(['contract-k1.pdf']));
    } finally {
      click.mockRestore();
      tokenStore.set(null);
    }
    expect(calls).toHaveLength(1);
    expect(calls[0].init.headers?.Authorization).toBe('Bearer session-token');
    expect(URL.createObjectURL).toHaveBeenCalledWith(blob);
  });
});
