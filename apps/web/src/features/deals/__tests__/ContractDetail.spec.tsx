import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { AuditEntry, ContractDetail } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ContractDetailPage } from '../pages/ContractDetailPage';
import { declared } from './fixtures';

// The signed-in buyer (or, in one test, the exhibitor who declared the contract).
let mockMe: unknown;
jest.mock('../../../lib/session', () => ({ useMe: () => ({ data: mockMe, isPending: false }) }));

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
});
beforeEach(() => {
  fetchMock.mockReset();
  mockMe = jest.requireActual('./fixtures').buyer;
});

const declareEntry: AuditEntry = {
  id: 'a1',
  actorId: 'u-ex',
  actorName: 'Lê Văn Minh',
  actorEmail: 'battrang@craftmatch.example',
  action: 'contract.declare',
  entityType: 'contract',
  entityId: 'k1',
  companyId: 'c-ex',
  reason: null,
  before: null,
  after: { status: 'declared' },
  createdAt: '2030-03-11T03:00:00.000Z',
};

type Init = { method?: string; body?: string };

/** A tiny in-memory server for one contract and its audit trail. */
function serve(actions: Record<string, (body: unknown) => ContractDetail>) {
  let contract = declared;
  let audit: AuditEntry[] = [declareEntry];
  const calls: { method: string; url: string; body: unknown }[] = [];
  fetchMock.mockImplementation(async (url: string, init?: Init) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(init.body) : undefined;
    if (method !== 'GET') calls.push({ method, url, body });
    if (url === '/api/contracts/k1') return jsonResponse(200, contract);
    if (url === '/api/contracts/k1/audit') return jsonResponse(200, audit);
    const action = actions[`${method} ${url}`];
    if (action) {
      const before = contract.status;
      contract = action(body);
      audit = [
        ...audit,
        {
          ...declareEntry,
          id: `a${audit.length + 1}`,
          actorId: 'u-anna',
          actorName: 'Anna Schneider',
          action: `contract.${url.split('/').pop()}`,
          reason: (body as { reason?: string } | undefined)?.reason ?? null,
          before: { status: before },
          after: { status: contract.status },
        },
      ];
      return jsonResponse(200, contract);
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
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

describe('ContractDetailPage', () => {
  it('shows the total, its USD value and the rate used, in the viewer’s locale', async () => {
    serve({});
    open();
    expect((await screen.findByTestId('detail-total')).textContent).toBe('€12,345.68');
    expect(screen.getByTestId('detail-total-usd').textContent).toBe('US$13,333.33');
    expect(screen.getByTestId('detail-rate').textContent).toContain('1 EUR = 1.08 USD');
    expect(screen.getByTestId('awaiting-me')).toBeTruthy();
    expect(screen.queryByTestId('contract-edit')).toBeNull();
  });

  it('the other party confirms a declared contract; the status and the audit trail follow', async () => {
    const calls = serve({
      'POST /api/contracts/k1/confirm': () => ({
        ...declared,
        status: 'confirmed',
        confirmedAt: '2030-03-11T05:00:00.000Z',
      }),
    });
    open();
    fireEvent.click(await screen.findByTestId('contract-confirm'));
    await waitFor(() => expect(screen.getByTestId('contract-status').dataset.status).toBe('confirmed'));
    expect(calls).toEqual([{ method: 'POST', url: '/api/contracts/k1/confirm', body: {} }]);
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(2));
    expect(screen.getAllByTestId('audit-entry')[1].textContent).toContain('Confirmed');
    expect(screen.getAllByTestId('audit-entry')[1].textContent).toContain('Anna Schneider');
    // Nothing left to confirm or dispute.
    expect(screen.queryByTestId('contract-confirm')).toBeNull();
    expect(screen.queryByTestId('contract-dispute')).toBeNull();
  });

  it('a dispute needs a reason, which is sent and shown', async () => {
    const calls = serve({
      'POST /api/contracts/k1/dispute': (body) => ({
        ...declared,
        status: 'disputed',
        disputeReason: (body as { reason: string }).reason,
      }),
    });
    open();
    fireEvent.click(await screen.findByTestId('contract-dispute'));
    const submit = await screen.findByTestId('contract-dispute-submit');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('contract-reason'), {
      target: { value: 'We agreed 900 pieces, not 1000' },
    });
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByTestId('contract-status').dataset.status).toBe('disputed'));
    expect(calls).toEqual([
      {
        method: 'POST',
        url: '/api/contracts/k1/dispute',
        body: { reason: 'We agreed 900 pieces, not 1000' },
      },
    ]);
    expect((await screen.findByText('We agreed 900 pieces, not 1000')).textContent).toBeTruthy();
    // After a dispute the buyer may still confirm, but not dispute again.
    expect(screen.getByTestId('contract-confirm')).toBeTruthy();
    expect(screen.queryByTestId('contract-dispute')).toBeNull();
  });

  it('the declaring side cannot confirm or dispute its own contract, only edit or cancel it', async () => {
    mockMe = {
      ...jest.requireActual('./fixtures').buyer,
      role: 'exhibitor',
      company: { ...jest.requireActual('./fixtures').buyer.company, id: 'c-ex', kind: 'exhibitor' },
    };
    serve({});
    open();
    expect(await screen.findByTestId('contract-cancel')).toBeTruthy();
    expect(screen.queryByTestId('contract-confirm')).toBeNull();
    expect(screen.queryByTestId('contract-dispute')).toBeNull();
    expect(screen.queryByTestId('awaiting-me')).toBeNull();
    // …but may correct it, which sends it back to the buyer.
    expect(screen.getByTestId('contract-edit').getAttribute('href')).toBe('/deals/contracts/k1/edit');
  });
});
