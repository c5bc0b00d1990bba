import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { CatalogueProductCard, CatalogueProductPage } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { CataloguePage } from '../pages/CataloguePage';

const fetchMock = jest.fn();
// The first render of a Mantine page in jsdom can take seconds on a busy 2-core machine.
const SLOW = { timeout: 10_000 };
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const card = (n: number): CatalogueProductCard => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  slug: `vase-${n}`,
  nameVi: `Bình gốm ${n}`,
  nameEn: `Ceramic vase ${n}`,
  categoryCode: 'CER',
  materials: ['clay'],
  priceMin: '2.5',
  priceMax: '4',
  currency: 'USD',
  moq: 1200,
  unit: 'pcs',
  certifications: ['BSCI'],
  photoFileId: null,
  company: { id: 'c1', name: 'Gốm Minh Long' },
  villageCode: 'bat-trang',
  villageName: 'Bát Tràng',
  provinceCode: 'ha-noi',
});

const page = (
  items: CatalogueProductCard[],
  nextCursor: string | null,
  total: number,
  totalIsEstimate = false,
): CatalogueProductPage => ({
  items,
  nextCursor,
  total,
  totalIsEstimate,
  facets: { categories: [{ code: 'CER', count: total }], provinces: [], certifications: [] },
});

describe('CataloguePage', () => {
  it('searches, shows cards in the UI language with prices, and loads the next keyset page', async () => {
    await i18n.changeLanguage('en');
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, page([card(1), card(2)], 'CURSOR-2', 3)))
      .mockResolvedValueOnce(jsonResponse(200, page([card(3)], null, 3)));
    renderWithProviders(<CataloguePage />, { route: '/catalogue?q=bat+trang' });

    expect(await screen.findByText('Ceramic vase 1', undefined, SLOW)).toBeTruthy();
    expect(screen.getAllByTestId('product-card')).toHaveLength(2);
    expect(screen.getByText('3 products')).toBeTruthy();
    expect(screen.getAllByText('$2.50 – $4.00').length).toBe(2);
    expect(screen.getAllByText('MOQ 1,200 pcs').length).toBe(2);
    expect((screen.getByTestId('catalogue-search') as HTMLInputElement).value).toBe('bat trang');
    const [firstUrl] = fetchMock.mock.calls[0] as [string];
    expect(firstUrl).toBe('/api/catalogue/products?q=bat+trang');

    fireEvent.click(screen.getByTestId('load-more'));
    expect(await screen.findByText('Ceramic vase 3', undefined, SLOW)).toBeTruthy();
    expect(screen.getAllByTestId('product-card')).toHaveLength(3);
    expect((fetchMock.mock.calls[1] as [string])[0]).toBe(
      '/api/catalogue/products?q=bat+trang&cursor=CURSOR-2',
    );
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('shows Vietnamese names to a Vietnamese reader, and an empty state with nothing found', async () => {
    await i18n.changeLanguage('vi');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, page([card(1)], null, 1)));
    const view = renderWithProviders(<CataloguePage />, { route: '/catalogue' });
    expect(await screen.findByText('Bình gốm 1', undefined, SLOW)).toBeTruthy();
    view.unmount();

    await i18n.changeLanguage('ja');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, page([], null, 0)));
    renderWithProviders(<CataloguePage />, { route: '/catalogue?q=zzz&category=CER' });
    expect(await screen.findByText('該当する商品がありません', undefined, SLOW)).toBeTruthy();
    fireEvent.click(screen.getAllByText('絞り込みを解除')[0]);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    expect((fetchMock.mock.calls[2] as [string])[0]).toBe('/api/catalogue/products?q=zzz');
  });

  it('shows a total past the count cap as "1,000+", and says the counts are from the first matches', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, page([card(1)], 'CURSOR-2', 1000, true)));
    const view = renderWithProviders(<CataloguePage />, { route: '/catalogue?q=gom+su' });
    expect(await screen.findByText('1,000+ products', undefined, SLOW)).toBeTruthy();
    expect(screen.getByTestId('catalogue-counts-estimate').textContent).toBe(
      'Counts from the first 1,000 matches',
    );
    view.unmount();

    await i18n.changeLanguage('vi');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, page([card(1)], null, 3)));
    renderWithProviders(<CataloguePage />, { route: '/catalogue?q=gom+su' });
    expect(await screen.findByText('3 sản phẩm', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('catalogue-counts-estimate')).toBeNull();
  });
});
