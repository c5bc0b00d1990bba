import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, Product, ProductPage } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { MyProductsPage } from '../pages/MyProductsPage';
import { ProductEditorPage } from '../pages/ProductEditorPage';
import { Route, Routes } from 'react-router';

let me: Me;
jest.mock('../../../lib/session', () => ({
  useMe: () => ({ data: me, isPending: false, isError: false }),
}));

// The editor is a large form; jsdom renders it slowly on a busy machine.
jest.setTimeout(30_000);

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

function exhibitor(
  status: Me['company'] extends infer C ? (C extends { status: infer S } ? S : never) : never,
): Me {
  return {
    id: 'u1',
    email: 'lan@battrang.vn',
    fullName: 'Nguyễn Thị Lan',
    locale: 'en',
    role: 'exhibitor',
    emailVerified: true,
    company: {
      id: 'c1',
      name: 'HTX Gốm Bát Tràng',
      kind: 'exhibitor',
      status,
      statusReason: null,
      membershipRole: 'owner',
    },
  };
}

const product: Product = {
  id: '0b7d512a-a61d-48f0-b1cb-86f76b604b56',
  companyId: 'c1',
  slug: 'crackle-vase',
  status: 'draft',
  moderationReason: null,
  nameVi: 'Bình gốm men rạn',
  nameEn: 'Crackle-glaze vase',
  descriptionVi: null,
  descriptionEn: null,
  categoryCode: 'CER',
  materials: ['clay'],
  materialOrigin: null,
  hsCode: '691390',
  lengthCm: null,
  widthCm: null,
  heightCm: null,
  weightKg: null,
  unit: 'pcs',
  moq: 100,
  priceMin: '12.5',
  priceMax: '18',
  currency: 'USD',
  leadTimeDays: 45,
  monthlyCapacity: null,
  certifications: [],
  awards: [],
  workshopId: null,
  artisanId: null,
  photos: [],
  publishedAt: null,
  createdAt: '2026-11-27T02:00:00.000Z',
  updatedAt: '2026-11-27T02:00:00.000Z',
};

function route(url: string) {
  if (url.startsWith('/api/products?'))
    return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 12 });
  if (url.startsWith('/api/products/')) return jsonResponse(200, product);
  if (url.includes('/workshops')) return jsonResponse(200, []);
  return jsonResponse(404, { code: 'NOT_FOUND', message: '' });
}

describe('My products', () => {
  it('shows what to do next when there are no products', async () => {
    await i18n.changeLanguage('en');
    me = exhibitor('approved');
    fetchMock.mockImplementation((url: string) => Promise.resolve(route(url)));
    renderWithProviders(<MyProductsPage />, { route: '/products' });
    await waitFor(() => expect(screen.getByText('No products yet')).toBeTruthy());
    expect(screen.getByText(/Add your first product/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /Add a product/ }).length).toBeGreaterThan(0);
  });

  it('lists products with their status and price', async () => {
    await i18n.changeLanguage('vi');
    me = exhibitor('approved');
    const page: ProductPage = {
      items: [
        {
          id: product.id,
          slug: product.slug,
          status: 'published',
          moderationReason: null,
          nameVi: product.nameVi,
          nameEn: product.nameEn,
          categoryCode: 'CER',
          unit: 'pcs',
          moq: 100,
          priceMin: '1250000',
          priceMax: null,
          currency: 'VND',
          photoCount: 0,
          cover: null,
          publishedAt: product.createdAt,
          updatedAt: product.updatedAt,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 12,
    };
    fetchMock.mockResolvedValue(jsonResponse(200, page));
    renderWithProviders(<MyProductsPage />, { route: '/products' });
    await waitFor(() => expect(screen.getByText('Bình gốm men rạn')).toBeTruthy());
    expect(screen.getByTestId('product-status').textContent).toBe('Đã đăng');
    expect(screen.getByText(/1\.250\.000\s₫/)).toBeTruthy();
  });
});

describe('Product editor', () => {
  const renderEditor = () =>
    renderWithProviders(
      <Routes>
        <Route path="/products/:id" element={<ProductEditorPage />} />
      </Routes>,
      { route: `/products/${product.id}` },
    );

  it('keeps Publish disabled, with the reason, while the company is pending', async () => {
    await i18n.changeLanguage('en');
    me = exhibitor('pending');
    fetchMock.mockImplementation((url: string) => Promise.resolve(route(url)));
    renderEditor();
    const publish = await screen.findByTestId('product-publish');
    expect(publish.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('product-publish-hint').textContent).toBe(
      'You can publish once the organizer has approved your company.',
    );
  });

  it('publishes for an approved company', async () => {
    await i18n.changeLanguage('en');
    me = exhibitor('approved');
    fetchMock.mockImplementation((url: string, init?: { method?: string }) =>
      Promise.resolve(
        init?.method === 'POST' && url.endsWith('/publish')
          ? jsonResponse(200, { ...product, status: 'published', publishedAt: product.createdAt })
          : route(url),
      ),
    );
    renderEditor();
    const publish = await screen.findByTestId('product-publish');
    expect(publish.hasAttribute('disabled')).toBe(false);
    fireEvent.click(publish);
    await waitFor(() => expect(screen.getByTestId('product-unpublish')).toBeTruthy());
    expect(fetchMock.mock.calls.some(([url]) => String(url) === `/api/products/${product.id}/publish`)).toBe(
      true,
    );
  });

  it('checks the price range before saving', async () => {
    await i18n.changeLanguage('en');
    me = exhibitor('approved');
    fetchMock.mockImplementation((url: string) => Promise.resolve(route(url)));
    renderEditor();
    const max = await screen.findByTestId('product-price-max');
    fireEvent.change(max, { target: { value: '10' } });
    fireEvent.click(screen.getByTestId('product-save'));
    await waitFor(() =>
      expect(screen.getByText('The upper price must not be lower than the lower price.')).toBeTruthy(),
    );
    expect(fetchMock.mock.calls.some(([, init]) => (init as { method?: string })?.method === 'PATCH')).toBe(
      false,
    );
  });
});
