import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ContractDetail, FairPage, FairSummary, MeetingDetail } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { NewContractPage } from '../pages/NewContractPage';
import { declared } from './fixtures';

jest.mock('../../../lib/session', () => ({
  useMe: () => ({ data: jest.requireActual('./fixtures').buyer, isPending: false }),
}));

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
});
beforeEach(() => fetchMock.mockReset());

const fair: FairSummary = {
  id: 'f1',
  slug: 'hanoi-gift-show-2030',
  nameVi: 'Hội chợ Quà tặng Hà Nội 2030',
  nameEn: 'Hanoi Gift Show 2030',
  venue: 'I.C.E Hà Nội',
  address: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'live',
  startDate: '2030-03-10',
  endDate: '2030-03-13',
  hallCount: 4,
  boothCount: 120,
};

const held = {
  id: 'm1',
  fairId: 'f1',
  status: 'held',
  buyer: {
    companyId: 'c-buy',
    companyName: 'Nordhaus Interiors GmbH',
    userId: 'u-anna',
    fullName: 'Anna Schneider',
  },
  exhibitor: {
    companyId: 'c-ex',
    companyName: 'Gốm sứ Bát Tràng Minh Phúc',
    userId: 'u-ex',
    fullName: 'Lê Văn Minh',
  },
  start: '2030-03-10T02:00:00.000Z',
  end: '2030-03-10T02:30:00.000Z',
} as MeetingDetail;

type Init = { method?: string; body?: string };

describe('NewContractPage', () => {
  it('opened from a held meeting, links the contract to it and to its exhibitor, and posts exact strings', async () => {
    const posts: unknown[] = [];
    fetchMock.mockImplementation(async (url: string, init?: Init) => {
      if (init?.method === 'POST') {
        posts.push({ url, body: JSON.parse(init.body ?? '{}') });
        return jsonResponse(201, declared satisfies ContractDetail);
      }
      if (url === '/api/meetings/m1') return jsonResponse(200, held);
      if (url.startsWith('/api/fairs?'))
        return jsonResponse(200, { items: [fair], total: 1, page: 1, pageSize: 100 } satisfies FairPage);
      if (url === '/api/fairs/f1/meetings/mine') return jsonResponse(200, [held]);
      if (url === '/api/fairs/f1/attendees') return jsonResponse(200, []);
      if (url.startsWith('/api/catalogue/products?'))
        return jsonResponse(200, { items: [], nextCursor: null });
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
    });
    renderWithProviders(<NewContractPage />, { route: '/deals/contracts/new?meeting=m1' });

    const partner = (await screen.findByTestId('contract-counterpart')) as HTMLInputElement;
    await waitFor(() => expect(partner.value).toBe('Gốm sứ Bát Tràng Minh Phúc'));
    expect(partner.disabled).toBe(true);
    // The exhibitor's catalogue is asked for, to pick lines from.
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('exhibitor=c-ex'))).toBe(true);

    fireEvent.change(screen.getByTestId('contract-number'), { target: { value: 'NH-77' } });
    fireEvent.change(screen.getByTestId('contract-place'), { target: { value: 'Hai Phong' } });
    fireEvent.change(screen.getByTestId('line-description'), { target: { value: 'Crackle bowl' } });
    fireEvent.change(screen.getByTestId('line-quantity'), { target: { value: '600' } });
    fireEvent.change(screen.getByTestId('line-unit-price'), { target: { value: '12.3456' } });
    expect(screen.getByTestId('contract-total').textContent).toContain('US$7,407.36');
    fireEvent.click(screen.getByTestId('contract-submit'));

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({
      url: '/api/fairs/f1/contracts',
      body: {
        counterpartCompanyId: 'c-ex',
        meetingId: 'm1',
        number: 'NH-77',
        lines: [{ description: 'Crackle bowl', quantity: '600', unitPrice: '12.3456', unit: 'pcs' }],
      },
    });
  });
});
