import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AuditEntry, SampleDetail } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { SampleDrawer } from '../components/SampleDrawer';

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
});
beforeEach(() => fetchMock.mockReset());

const requested: SampleDetail = {
  id: 's1',
  fairId: 'f1',
  meetingId: 'm1',
  exhibitorCompanyId: 'c-ex',
  exhibitorName: 'Gốm sứ Bát Tràng Minh Phúc',
  buyerCompanyId: 'c-buy',
  buyerName: 'Nordhaus Interiors GmbH',
  status: 'requested',
  cost: '1250000',
  currency: 'VND',
  itemCount: 1,
  createdAt: '2030-03-11T03:00:00.000Z',
  updatedAt: '2030-03-11T03:00:00.000Z',
  requestedBy: 'u-anna',
  requestedByCompanyId: 'c-buy',
  courier: null,
  trackingNumber: null,
  notes: null,
  rejectReason: null,
  items: [{ productId: null, productName: null, description: 'Blue crackle glaze tile', quantity: 3 }],
};

type Init = { method?: string; body?: string };

function serve() {
  let sample = requested;
  const posts: { url: string; body: unknown }[] = [];
  fetchMock.mockImplementation(async (url: string, init?: Init) => {
    if (init?.method === 'POST') {
      const body = JSON.parse(init.body ?? '{}');
      posts.push({ url, body });
      if (url === '/api/samples/s1/send') sample = { ...sample, status: 'sent', ...body };
      if (url === '/api/samples/s1/receive') sample = { ...sample, status: 'received' };
      return jsonResponse(200, sample);
    }
    if (url === '/api/samples/s1') return jsonResponse(200, sample);
    if (url === '/api/samples/s1/audit') return jsonResponse(200, [] satisfies AuditEntry[]);
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
  });
  return posts;
}

describe('SampleDrawer', () => {
  it('the exhibitor marks a requested sample as sent, with courier and tracking number', async () => {
    const posts = serve();
    renderWithProviders(<SampleDrawer id="s1" companyId="c-ex" onClose={() => {}} />);
    expect((await screen.findByText(/Blue crackle glaze tile × 3/)).textContent).toBeTruthy();
    // VND has no minor unit.
    expect(screen.getByText(/Cost:/).textContent).toBe('Cost: ₫1,250,000');
    const send = screen.getByTestId('sample-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Courier'), { target: { value: 'DHL Express' } });
    fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: '1234567890' } });
    fireEvent.click(send);
    await waitFor(() => expect(screen.getByTestId('sample-status').dataset.status).toBe('sent'));
    expect(posts).toEqual([
      { url: '/api/samples/s1/send', body: { courier: 'DHL Express', trackingNumber: '1234567890' } },
    ]);
    expect(screen.getByTestId('sample-tracking').textContent).toContain('DHL Express');
    // Receiving is the buyer's step, not the exhibitor's.
    expect(screen.queryByTestId('sample-receive')).toBeNull();
  });

  it('the buyer has no step to take on a requested sample (the exhibitor sends it)', async () => {
    serve();
    renderWithProviders(<SampleDrawer id="s1" companyId="c-buy" onClose={() => {}} />);
    await screen.findByTestId('sample-drawer');
    expect(screen.queryByTestId('sample-send')).toBeNull();
    expect(screen.queryByTestId('sample-receive')).toBeNull();
  });
});
