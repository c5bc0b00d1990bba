import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ErrorCode, FieldErrorCode, type BuyerProfile } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { BuyerProfileForm, toRequest, toValues } from '../components/BuyerProfileForm';
import { compareAmounts, formatAmount, parseAmount } from '../components/decimal';

jest.setTimeout(30_000);

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const profile: BuyerProfile = {
  companyId: '7c1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
  companyName: 'Nordhaus Interiors GmbH',
  country: 'DE',
  website: null,
  annualImportUsd: '98765432109876.55',
  categories: [],
  targetPriceMin: null,
  targetPriceMax: null,
  targetPriceCurrency: null,
  incoterms: ['FOB'],
  certifications: [],
  languages: ['en'],
  updatedAt: '2026-11-01T08:00:00.000Z',
};

describe('decimal amounts', () => {
  it('reads each language’s notation into a canonical string, refusing what it would have to guess', () => {
    expect(parseAmount('1,250,000.50', 'en')).toBe('1250000.50');
    expect(parseAmount('1250000', 'en')).toBe('1250000');
    expect(parseAmount('1.250.000,5', 'vi')).toBe('1250000.5');
    expect(parseAmount(' 007 ', 'en')).toBe('7');
    expect(parseAmount('', 'vi')).toBe('');
    expect(parseAmount('1,25,000', 'en')).toBeNull();
    expect(parseAmount('1250000.50', 'vi')).toBeNull();
    expect(parseAmount('12.345', 'en')).toBeNull();
    expect(parseAmount('-5', 'en')).toBeNull();
    expect(formatAmount('98765432109876.55', 'vi')).toBe('98.765.432.109.876,55');
    expect(compareAmounts('99999999999999.99', '100000000000000')).toBe(-1);
    expect(compareAmounts('10.5', '10.50')).toBe(0);
    expect(compareAmounts('10.51', '10.5')).toBe(1);
  });

  it('keeps a 16-digit amount exact from the loaded profile to the request', () => {
    const values = toValues(profile, 'en');
    expect(values.annualImportUsd).toBe('98,765,432,109,876.55');
    // As a JS number this would become 98765432109876.56.
    expect(toRequest(values, 'en').annualImportUsd).toBe('98765432109876.55');
  });
});

describe('BuyerProfileForm', () => {
  it('sends amounts as decimal strings and shows the server’s field error on its input', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockResolvedValueOnce(
      jsonResponse(422, {
        code: ErrorCode.VALIDATION_FAILED,
        message: 'Some fields are not valid.',
        details: {
          fields: { website: FieldErrorCode.INVALID_VALUE },
          messages: { website: 'This website does not answer.' },
        },
      }),
    );
    renderWithProviders(<BuyerProfileForm profile={profile} />);

    fireEvent.change(screen.getByLabelText('Website'), { target: { value: 'https://nordhaus.example' } });
    fireEvent.change(screen.getByLabelText('Annual import volume (USD)'), {
      target: { value: '1,250,000.10' },
    });
    fireEvent.change(screen.getByLabelText('Target unit price from'), { target: { value: '4.5' } });
    fireEvent.change(screen.getByLabelText('Target unit price up to'), { target: { value: '12' } });
    // A price without its currency is refused before anything is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByText('Choose the currency of your target price.')).toBeTruthy());
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('combobox', { name: 'Currency' }));
    fireEvent.click(await screen.findByRole('option', { name: /^EUR/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(screen.getByText('This website does not answer.')).toBeTruthy());
    expect(screen.getByLabelText('Website').getAttribute('aria-invalid')).toBe('true');
    const [url, init] = fetchMock.mock.calls[0] as [string, { method: string; body: string }];
    expect(url).toBe('/api/companies/me/buyer-profile');
    expect(init.method).toBe('PUT');
    const body = JSON.parse(init.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      country: 'DE',
      website: 'https://nordhaus.example',
      annualImportUsd: '1250000.10',
      targetPriceMin: '4.5',
      targetPriceMax: '12',
      targetPriceCurrency: 'EUR',
      incoterms: ['FOB'],
      languages: ['en'],
    });
    expect(typeof body.annualImportUsd).toBe('string');
  });

  it('in Vietnamese, explains an amount it cannot read and a reversed price range', async () => {
    await i18n.changeLanguage('vi');
    renderWithProviders(<BuyerProfileForm profile={{ ...profile, annualImportUsd: null }} />);
    const volume = screen.getByLabelText('Kim ngạch nhập khẩu hằng năm (USD)');
    fireEvent.change(volume, { target: { value: '1250000.50' } });
    fireEvent.blur(volume);
    await waitFor(() =>
      expect(screen.getByText('Nhập số tiền có tối đa 2 chữ số thập phân, ví dụ 1.250.000,50.')).toBeTruthy(),
    );
    expect(volume.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(volume, { target: { value: '1250000,5' } });
    fireEvent.blur(volume);
    await waitFor(() => expect((volume as HTMLInputElement).value).toBe('1.250.000,5'));
    expect(volume.getAttribute('aria-invalid')).not.toBe('true');

    fireEvent.change(screen.getByLabelText('Giá mục tiêu mỗi sản phẩm từ'), { target: { value: '20' } });
    const max = screen.getByLabelText('Giá mục tiêu mỗi sản phẩm đến');
    fireEvent.change(max, { target: { value: '9,99' } });
    fireEvent.blur(max);
    await waitFor(() =>
      expect(screen.getByText('Mức giá trên không được thấp hơn mức giá dưới.')).toBeTruthy(),
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
