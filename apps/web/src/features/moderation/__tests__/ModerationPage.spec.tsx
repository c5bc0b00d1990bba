import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, ModerationProduct, Page } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ModerationPage } from '../pages/ModerationPage';

let me: Me;
jest.mock('../../../lib/session', () => ({
  useMe: () => ({ data: me, isPending: false, isError: false }),
}));

jest.setTimeout(30_000);
const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const organizer = (role: Me['role']): Me => ({
  id: 'o1',
  email: 'btc@craftmatch.vn',
  fullName: 'Trần Minh',
  locale: 'en',
  role,
  emailVerified: true,
  company: null,
});

const basket: ModerationProduct = {
  id: '0b7d512a-a61d-48f0-b1cb-86f76b604b56',
  slug: 'rattan-basket',
  status: 'published',
  moderationReason: null,
  nameVi: 'Giỏ mây',
  nameEn: 'Rattan basket',
  categoryCode: 'BAS',
  companyId: 'c1',
  companyName: 'HTX Mây tre Phú Vinh',
  companyStatus: 'approved',
  publishedAt: '2026-11-27T02:00:00.000Z',
  updatedAt: '2026-11-27T02:00:00.000Z',
};

function answer(url: string, init?: { method?: string; body?: string }) {
  if (init?.method === 'POST') return jsonResponse(200, { ...basket, status: 'unpublished' });
  if (url.startsWith('/api/moderation/products')) {
    return jsonResponse(200, {
      items: [basket],
      total: 1,
      page: 1,
      pageSize: 20,
    } satisfies Page<ModerationProduct>);
  }
  return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 20 });
}

describe('Moderation page', () => {
  it('asks for a reason before unpublishing, then sends it', async () => {
    await i18n.changeLanguage('en');
    me = organizer('organizer');
    fetchMock.mockImplementation((url: string, init?: { method?: string }) =>
      Promise.resolve(answer(url, init)),
    );
    renderWithProviders(<ModerationPage />, { route: '/organizer/moderation' });

    const row = await screen.findByTestId(`moderation-product-${basket.id}`);
    expect(within(row).getByText('Rattan basket')).toBeTruthy();
    fireEvent.click(within(row).getByTestId('moderation-unpublish'));

    fireEvent.click(await screen.findByTestId('moderation-confirm'));
    await waitFor(() => expect(screen.getByText('Give a reason.')).toBeTruthy());
    expect(fetchMock.mock.calls.some(([, init]) => (init as { method?: string })?.method === 'POST')).toBe(
      false,
    );

    fireEvent.change(screen.getByTestId('moderation-reason'), { target: { value: 'Counterfeit origin' } });
    fireEvent.click(screen.getByTestId('moderation-confirm'));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([, init]) => (init as { method?: string })?.method === 'POST')).toBe(
        true,
      ),
    );
    const [url, init] = fetchMock.mock.calls.find(
      ([, i]) => (i as { method?: string })?.method === 'POST',
    ) as [string, { body: string }];
    expect(url).toBe(`/api/moderation/products/${basket.id}/unpublish`);
    expect(JSON.parse(init.body)).toEqual({ reason: 'Counterfeit origin' });
  });

  it('shows organizer staff the lists without the actions', async () => {
    await i18n.changeLanguage('en');
    me = organizer('organizer_staff');
    fetchMock.mockImplementation((url: string, init?: { method?: string }) =>
      Promise.resolve(answer(url, init)),
    );
    renderWithProviders(<ModerationPage />, { route: '/organizer/moderation' });
    const row = await screen.findByTestId(`moderation-product-${basket.id}`);
    expect(within(row).queryByTestId('moderation-unpublish')).toBeNull();
    expect(within(row).getByText('History')).toBeTruthy();
  });
});
