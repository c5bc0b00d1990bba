import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FairPage, FairSummary, Me, Recommendation, RecommendationPage, Wish } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { RecommendationsPage } from '../pages/RecommendationsPage';

let me: Me;
jest.mock('../../../lib/session', () => ({
  useMe: () => ({ data: me, isPending: false }),
}));
const show = jest.fn();
jest.mock('@mantine/notifications', () => ({ notifications: { show: (n: unknown) => show(n) } }));

const buyer: Me = {
  id: 'u-anna',
  email: 'anna@nordhaus.example',
  fullName: 'Anna Schneider',
  locale: 'en',
  role: 'buyer',
  emailVerified: true,
  company: {
    id: 'c-buy',
    name: 'Nordhaus Interiors GmbH',
    kind: 'buyer',
    status: 'approved',
    statusReason: null,
    membershipRole: 'owner',
  },
};
const exhibitor: Me = {
  ...buyer,
  id: 'u-minh',
  role: 'exhibitor',
  company: { ...buyer.company!, id: 'c-ex', name: 'Gốm Minh Phúc', kind: 'exhibitor' },
};

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

const minhPhuc: Recommendation = {
  companyId: 'c1',
  companyName: 'Gốm sứ Minh Phúc',
  companyKind: 'exhibitor',
  countryCode: 'VN',
  boothCode: 'A-12',
  score: 92,
  reasons: [
    { code: 'sameCategories', params: { categories: ['CER'] } },
    { code: 'moqWithinVolume', params: { moq: 200, volume: 500, unit: 'pcs' } },
    { code: 'certified', params: { certifications: ['BSCI'] } },
    { code: 'speaksLanguage', params: { languages: ['en'] } },
  ],
  myWish: null,
  products: [
    {
      id: 'p1',
      slug: 'blue-crackle-vase',
      nameVi: 'Bình men rạn xanh',
      nameEn: 'Blue crackle vase',
      categoryCode: 'CER',
      priceMin: '4.5000',
      priceMax: '6.0000',
      currency: 'USD',
      moq: 200,
      unit: 'pcs',
    },
  ],
};
const phuVinh: Recommendation = {
  ...minhPhuc,
  companyId: 'c2',
  companyName: 'Mây tre Phú Vinh',
  boothCode: 'B-03',
  score: 71,
  reasons: [{ code: 'exportsToCountry', params: { country: 'DE' } }],
  products: [],
};

const page = (items: Recommendation[], over: Partial<RecommendationPage> = {}): RecommendationPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 10,
  side: 'buyer',
  excludedForCertifications: 0,
  ...over,
});

type Init = { method?: string; body?: string };
const fetchMock = jest.fn();

/** Routes the API calls; `write` answers PUT and DELETE (a promise the test may hold back). */
function serve(
  recommendations: () => RecommendationPage | { status: number; body: unknown },
  write: (url: string, init: Init) => Promise<unknown> = async () => jsonResponse(204),
  wishes: Wish[] = [],
) {
  fetchMock.mockImplementation(async (url: string, init?: Init) => {
    if (init?.method === 'PUT' || init?.method === 'DELETE') return write(url, init);
    if (url.startsWith('/api/fairs?'))
      return jsonResponse(200, { items: [fair], total: 1, page: 1, pageSize: 100 } satisfies FairPage);
    if (url.startsWith('/api/fairs/f1/recommendations?')) {
      const r = recommendations();
      return 'status' in r ? jsonResponse(r.status, r.body) : jsonResponse(200, r);
    }
    if (url === '/api/fairs/f1/wishes') return jsonResponse(200, wishes);
    return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
  });
}

const cards = () => screen.queryAllByTestId('recommendation');
const cardOf = (name: string) => cards().find((c) => within(c).queryByText(name))!;

beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(async () => {
  fetchMock.mockReset();
  show.mockReset();
  me = buyer;
  await i18n.changeLanguage('en');
});

describe('RecommendationsPage', () => {
  it('shows ranked cards with reasons in the reader’s language, best products and a link to request a meeting', async () => {
    serve(() => page([minhPhuc, phuVinh]));
    renderWithProviders(<RecommendationsPage />, { route: '/matchmaking' });

    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(cards().map((c) => within(c).getByText(/^Gốm|^Mây/).textContent)).toEqual([
      'Gốm sứ Minh Phúc',
      'Mây tre Phú Vinh',
    ]);
    const first = cards()[0];
    expect(within(first).getByText('Match 92/100')).toBeTruthy();
    expect(within(first).getByText('Booth A-12')).toBeTruthy();
    const reasons = within(within(first).getByTestId('reasons'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(reasons).toEqual([
      'Same categories: Ceramics & porcelain.',
      'MOQ 200 ≤ your volume (500 pieces a month).',
      'amfori BSCI certified.',
      'Speaks English.',
    ]);
    expect(within(first).getByText('Blue crackle vase').getAttribute('href')).toBe('/p/blue-crackle-vase');
    expect(within(first).getByText('4.5–6 USD')).toBeTruthy();
    expect(within(first).getByTestId('request-meeting').getAttribute('href')).toBe(
      '/meetings/new?fair=f1&company=c1',
    );
    expect(
      fetchMock.mock.calls.some(([u]) => String(u) === '/api/fairs/f1/recommendations?page=1&pageSize=10'),
    ).toBe(true);

    // the same cards in Vietnamese
    await i18n.changeLanguage('vi');
    await waitFor(() => expect(screen.getByText('Cùng ngành hàng: Gốm sứ.')).toBeTruthy());
    expect(screen.getByText('MOQ 200 ≤ sản lượng của bạn (500 cái/tháng).')).toBeTruthy();
    expect(screen.getByText('Bình men rạn xanh')).toBeTruthy();
    expect(screen.getByText('Đã xuất khẩu sang Đức.')).toBeTruthy();
  });

  it('explains buyers to an exhibitor from its side', async () => {
    me = exhibitor;
    const anna: Recommendation = {
      ...minhPhuc,
      companyId: 'c-buy',
      companyName: 'Nordhaus Interiors GmbH',
      companyKind: 'buyer',
      countryCode: 'DE',
      boothCode: null,
      reasons: [
        { code: 'moqWithinVolume', params: { moq: 200, volume: 500, unit: 'pcs' } },
        { code: 'exportsToCountry', params: { country: 'DE' } },
        { code: 'mutualWish', params: {} },
      ],
    };
    serve(() => page([anna], { side: 'exhibitor' }));
    renderWithProviders(<RecommendationsPage />, { route: '/matchmaking?fair=f1' });
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(screen.getByText('Buyers who fit what you make, best first, and why.')).toBeTruthy();
    expect(screen.getByText('Your MOQ 200 ≤ their volume (500 pieces a month).')).toBeTruthy();
    expect(screen.getByText('You already export to Germany.')).toBeTruthy();
    expect(screen.getByText('You both want to meet.')).toBeTruthy();
    expect(screen.queryByText(/^Booth /)).toBeNull();
  });

  it('marks a wish at once, before the server answers, and sends it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writes: { url: string; method?: string; body: unknown }[] = [];
    let current = page([minhPhuc, phuVinh]);
    serve(
      () => current,
      async (url, init) => {
        writes.push({ url, method: init.method, body: init.body ? JSON.parse(init.body) : undefined });
        await held;
        current = page([{ ...minhPhuc, myWish: 'must' }, phuVinh]);
        return jsonResponse(200, { companyId: 'c1', level: 'must' });
      },
    );
    renderWithProviders(<RecommendationsPage />, { route: '/matchmaking' });
    await waitFor(() => expect(cards()).toHaveLength(2));

    const must = within(cardOf('Gốm sứ Minh Phúc')).getByTestId('wish-must');
    expect(must.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(must);
    // optimistic: pressed while the PUT is still held back
    await waitFor(() =>
      expect(within(cardOf('Gốm sứ Minh Phúc')).getByTestId('wish-must').getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    expect(writes).toEqual([{ url: '/api/fairs/f1/wishes/c1', method: 'PUT', body: { level: 'must' } }]);
    release();
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.filter(([u]) => String(u).includes('/recommendations?')).length,
      ).toBeGreaterThan(1),
    );
    expect(within(cardOf('Gốm sứ Minh Phúc')).getByTestId('wish-must').getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('no thanks takes the card away at once; when the server refuses, it comes back with the error', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    serve(
      () => page([minhPhuc, phuVinh]),
      async () => {
        await held;
        return jsonResponse(422, {
          code: 'WISH_NOT_PARTICIPANT',
          message: 'This company is not taking part in this fair.',
        });
      },
    );
    renderWithProviders(<RecommendationsPage />, { route: '/matchmaking' });
    await waitFor(() => expect(cards()).toHaveLength(2));
    fireEvent.click(within(cardOf('Mây tre Phú Vinh')).getByTestId('wish-no_thanks'));
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(screen.queryByText('Mây tre Phú Vinh')).toBeNull();
    release();
    await waitFor(() => expect(cards()).toHaveLength(2));
    await waitFor(() =>
      expect(show).toHaveBeenCalledWith({
        color: 'red',
        message: 'This company is not taking part in this fair.',
      }),
    );
  });

  it('shows the empty state (with how many were left out for certifications), not attending, and the error state', async () => {
    serve(() => page([], { excludedForCertifications: 4 }));
    const { unmount } = renderWithProviders(<RecommendationsPage />, { route: '/matchmaking' });
    await waitFor(() => expect(screen.getByText('No recommendations yet')).toBeTruthy());
    expect(screen.getByTestId('excluded-certifications').textContent).toContain(
      '4 exhibitors are left out because they do not hold every certification you require.',
    );
    unmount();

    serve(() => ({ status: 403, body: { code: 'NOT_ATTENDING', message: 'Not attending' } }));
    const second = renderWithProviders(<RecommendationsPage />, { route: '/matchmaking' });
    await waitFor(() =>
      expect(screen.getByText('Your company is not taking part in this fair.')).toBeTruthy(),
    );
    second.unmount();

    serve(() => ({ status: 500, body: { code: 'INTERNAL_ERROR', message: 'Boom' } }));
    renderWithProviders(<RecommendationsPage />, { route: '/matchmaking' });
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(cards()).toHaveLength(0);
  });

  it('pages through a long list', async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({
      ...phuVinh,
      companyId: `c${i}`,
      companyName: `Xưởng ${i}`,
    }));
    serve(() => page(many, { total: 23 }));
    renderWithProviders(<RecommendationsPage />, { route: '/matchmaking' });
    await waitFor(() => expect(cards()).toHaveLength(10));
    fireEvent.click(screen.getByRole('button', { name: '3' }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([u]) => String(u) === '/api/fairs/f1/recommendations?page=3&pageSize=10'),
      ).toBe(true),
    );
  });

  it('lists my wishes with the mutual ones marked, and clears one', async () => {
    const wishes: Wish[] = [
      {
        fairId: 'f1',
        companyId: 'c1',
        companyName: 'Gốm sứ Minh Phúc',
        countryCode: 'VN',
        companyKind: 'exhibitor',
        level: 'must',
        mutual: true,
        updatedAt: '2030-03-01T00:00:00.000Z',
      },
      {
        fairId: 'f1',
        companyId: 'c2',
        companyName: 'Mây tre Phú Vinh',
        countryCode: 'VN',
        companyKind: 'exhibitor',
        level: 'no_thanks',
        mutual: false,
        updatedAt: '2030-02-01T00:00:00.000Z',
      },
    ];
    const writes: string[] = [];
    serve(
      () => page([]),
      async (url, init) => {
        writes.push(`${init.method} ${url}`);
        wishes.splice(0, 1);
        return jsonResponse(204);
      },
      wishes,
    );
    renderWithProviders(<RecommendationsPage />, { route: '/matchmaking?tab=wishes' });
    await waitFor(() => expect(screen.getAllByTestId('wish-row')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('wish-row');
    expect(within(first).getByTestId('wish-mutual').textContent).toBe('Mutual');
    expect(within(second).queryByTestId('wish-mutual')).toBeNull();
    expect(within(second).getByTestId('wish-no_thanks').getAttribute('aria-pressed')).toBe('true');
    // pressing the chosen level again clears it
    fireEvent.click(within(first).getByTestId('wish-must'));
    await waitFor(() => expect(screen.getAllByTestId('wish-row')).toHaveLength(1));
    expect(writes).toEqual(['DELETE /api/fairs/f1/wishes/c1']);
  });
});
