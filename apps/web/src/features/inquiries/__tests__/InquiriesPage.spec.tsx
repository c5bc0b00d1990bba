import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { InquiryDetail, InquiryPage } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { InquiriesPage } from '../pages/InquiriesPage';

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const detail: InquiryDetail = {
  id: 'i1',
  name: 'Anna Schmidt',
  companyName: 'Nordhaus Interiors GmbH',
  countryCode: 'DE',
  email: 'anna@nordhaus.example',
  locale: 'en',
  status: 'new',
  product: { id: 'p1', slug: 'gio-may', nameVi: 'Giỏ mây', nameEn: 'Rattan basket' },
  replyCount: 0,
  createdAt: '2026-11-27T02:00:00.000Z',
  message: 'Could you quote 500 pieces FOB Hai Phong?',
  replies: [],
};

const list: InquiryPage = {
  items: [{ ...detail, excerpt: detail.message }],
  total: 1,
  page: 1,
  pageSize: 20,
};

describe('InquiriesPage', () => {
  it('lists inquiries and answers one, inviting the visitor to register as a buyer', async () => {
    await i18n.changeLanguage('vi');
    let current = detail;
    fetchMock.mockImplementation(async (url: string, init?: { method?: string; body?: string }) => {
      if (url.startsWith('/api/inquiries?')) return jsonResponse(200, list);
      if (url === '/api/inquiries/i1' && (init?.method ?? 'GET') === 'GET') return jsonResponse(200, current);
      if (url === '/api/inquiries/i1/replies') {
        current = {
          ...detail,
          status: 'answered',
          replies: [
            {
              id: 'r1',
              message: 'Giá FOB 4,20 USD',
              invitedToRegister: true,
              authorName: 'Lan',
              createdAt: detail.createdAt,
            },
          ],
        };
        return jsonResponse(201, current);
      }
      return jsonResponse(404, {});
    });
    renderWithProviders(<InquiriesPage />, { route: '/inquiries?id=i1' });

    const listView = await screen.findByTestId('inquiry-list');
    expect(within(listView).getByText('Anna Schmidt · Nordhaus Interiors GmbH')).toBeTruthy();
    expect(within(listView).getByText('Về Giỏ mây')).toBeTruthy();
    const thread = await screen.findByTestId('inquiry-thread');
    expect(within(thread).getByText('Could you quote 500 pieces FOB Hai Phong?')).toBeTruthy();

    fireEvent.click(within(thread).getByRole('button', { name: 'Gửi câu trả lời qua e-mail' }));
    expect(await within(thread).findByText('Vui lòng điền mục này.')).toBeTruthy();

    fireEvent.change(within(thread).getByTestId('inquiry-reply'), { target: { value: 'Giá FOB 4,20 USD' } });
    fireEvent.click(within(thread).getByLabelText(/Mời khách đăng ký/));
    fireEvent.click(within(thread).getByRole('button', { name: 'Gửi câu trả lời qua e-mail' }));
    expect(await screen.findByText('Đã gửi câu trả lời.')).toBeTruthy();
    const call = fetchMock.mock.calls.find(([u]) => u === '/api/inquiries/i1/replies') as [
      string,
      { body: string },
    ];
    expect(JSON.parse(call[1].body)).toEqual({ message: 'Giá FOB 4,20 USD', inviteToRegister: true });
    await waitFor(() => expect(screen.getByTestId('inquiry-thread').textContent).toContain('Đã mời đăng ký'));
  });

  it('says what to do when the inbox is empty', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 20 }));
    renderWithProviders(<InquiriesPage />, { route: '/inquiries' });
    expect(await screen.findByText('No inquiries yet')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'See your products in the catalogue' }).getAttribute('href'),
    ).toBe('/catalogue');
  });
});
