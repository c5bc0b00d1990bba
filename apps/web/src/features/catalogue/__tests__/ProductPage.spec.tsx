import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { ErrorCode, type PublicProduct } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ProductPage } from '../pages/ProductPage';

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const product: PublicProduct = {
  id: 'p1',
  slug: 'binh-gom-men-lam',
  nameVi: 'Lọ hoa gốm men lam',
  nameEn: 'Blue glaze vase',
  descriptionVi: null,
  descriptionEn: 'Thrown by hand in Bát Tràng.',
  category: { code: 'CER', nameVi: 'Gốm sứ', nameEn: 'Ceramics & porcelain' },
  materials: ['clay', 'cobalt glaze'],
  materialOrigin: 'Trúc Thôn clay',
  hsCode: '691390',
  lengthCm: '20.00',
  widthCm: '20.00',
  heightCm: '35.00',
  weightKg: '1.200',
  unit: 'pcs',
  moq: 300,
  priceMin: '95000',
  priceMax: '120000',
  currency: 'VND',
  leadTimeDays: 45,
  monthlyCapacity: 2000,
  photoFileIds: [],
  workshop: {
    id: 'w1',
    name: 'Lò gốm ông Tư',
    village: null,
    villageOther: null,
    province: null,
    description: null,
  },
  artisan: { id: 'a1', name: 'Nguyễn Văn Tư', title: 'Nghệ nhân ưu tú', bio: null },
  village: { code: 'bat-trang', nameVi: 'Bát Tràng', nameAscii: 'Bat Trang', provinceCode: 'ha-noi' },
  province: { code: 'ha-noi', nameVi: 'Hà Nội', nameEn: 'Hanoi' },
  certifications: [
    { type: 'BSCI', number: 'B-1', issuer: null, expiresOn: '2027-12-31', valid: true },
    { type: 'FSC_COC', number: null, issuer: null, expiresOn: '2025-01-31', valid: false },
  ],
  awards: [{ name: 'Vietnam Handicraft Award', year: 2025, kind: 'product_contest', rank: 'Gold' }],
  exhibitor: {
    id: 'c1',
    name: 'Gốm Minh Long',
    legalName: null,
    village: null,
    villageOther: null,
    province: null,
    yearFounded: 1990,
    employees: 40,
    logoFileId: null,
    descriptionVi: null,
    descriptionEn: null,
    exportMarkets: [],
    languages: [],
    website: null,
    certifications: [],
  },
  booth: {
    boothId: 'b1',
    code: 'A-12',
    fairId: 'f1',
    fairSlug: 'fair',
    fairNameVi: 'Hội chợ 2026',
    fairNameEn: 'Fair 2026',
    fairStatus: 'live',
    venue: 'SECC',
    hallCode: 'A',
    hallName: 'Hall A',
    firstDay: '2026-11-27',
    lastDay: '2026-11-30',
  },
  publicUrl: 'https://craftmatch.example/p/binh-gom-men-lam',
  qr: { svg: '/api/qr/products/binh-gom-men-lam.svg', png: '/api/qr/products/binh-gom-men-lam.png' },
  publishedAt: '2026-11-20T00:00:00.000Z',
};

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/p/:slug" element={<ProductPage />} />
    </Routes>,
    { route: '/p/binh-gom-men-lam' },
  );
}

describe('ProductPage', () => {
  it('tells the traceability story, offers the QR code, and sends an inquiry', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, product));
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Blue glaze vase' })).toBeTruthy();
    expect(screen.getByText('₫95,000 – ₫120,000')).toBeTruthy();
    const story = screen.getByTestId('traceability');
    for (const text of [
      'Lò gốm ông Tư',
      'Nguyễn Văn Tư',
      'Bát Tràng · Hanoi',
      'clay, cobalt glaze',
      'Vietnam Handicraft Award',
    ]) {
      expect(within(story).getByText(text)).toBeTruthy();
    }
    expect(within(story).getByText('valid until Dec 31, 2027')).toBeTruthy();
    expect(within(story).getByText('expired on Jan 31, 2025')).toBeTruthy();
    expect(screen.getByText('Booth A-12')).toBeTruthy();
    const qr = screen.getByTestId('product-qr');
    expect(within(qr).getByRole('img').getAttribute('src')).toBe('/api/qr/products/binh-gom-men-lam.svg');
    expect(within(qr).getByText('Download PNG').closest('a')?.getAttribute('href')).toBe(
      '/api/qr/products/binh-gom-men-lam.png',
    );

    // Drawn just after the rest of the page (InquiryForm).
    const form = await screen.findByTestId('inquiry-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Send the inquiry' }));
    expect(await within(form).findByText('Please enter a valid e-mail address.')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.change(within(form).getByLabelText(/Your name/), { target: { value: 'Anna Schmidt' } });
    fireEvent.change(within(form).getByLabelText(/E-mail/), { target: { value: 'anna@nordhaus.example' } });
    fireEvent.change(within(form).getByLabelText(/Message/), { target: { value: 'Quote for 500 pcs?' } });
    fetchMock.mockResolvedValueOnce(jsonResponse(201, { id: 'i1' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Send the inquiry' }));
    expect(await screen.findByText('Your inquiry is on its way')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[1] as [string, { body: string; method: string }];
    expect(url).toBe('/api/catalogue/products/binh-gom-men-lam/inquiries');
    expect(JSON.parse(init.body)).toEqual({
      name: 'Anna Schmidt',
      email: 'anna@nordhaus.example',
      message: 'Quote for 500 pcs?',
      locale: 'en',
    });
  });

  it('shows the rate-limit message when the server refuses, and a friendly page for a missing product', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, product));
    const view = renderPage();
    const form = await screen.findByTestId('inquiry-form');
    fireEvent.change(within(form).getByLabelText(/Your name/), { target: { value: 'Anna' } });
    fireEvent.change(within(form).getByLabelText(/E-mail/), { target: { value: 'anna@nordhaus.example' } });
    fireEvent.change(within(form).getByLabelText(/Message/), { target: { value: 'Hello' } });
    fetchMock.mockResolvedValueOnce(
      jsonResponse(429, {
        code: ErrorCode.RATE_LIMITED,
        message: 'Too many attempts. Try again in 3600 seconds.',
      }),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Send the inquiry' }));
    expect(await within(form).findByText('Too many attempts. Try again in 3600 seconds.')).toBeTruthy();
    view.unmount();

    fetchMock.mockResolvedValueOnce(jsonResponse(404, { code: ErrorCode.NOT_FOUND, message: 'Not found' }));
    renderPage();
    expect(await screen.findByText('This product is not available')).toBeTruthy();
  });
});
