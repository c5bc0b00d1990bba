import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  ErrorCode,
  FieldErrorCode,
  type CompanyCertification,
  type ExhibitorProfile,
} from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { CertificationsCard } from '../components/CertificationsCard';
import { ProfileForm, toRequest, toValues } from '../components/ProfileForm';

// The whole profile form renders on every keystroke; give busy CI machines room.
jest.setTimeout(30_000);

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const profile: ExhibitorProfile = {
  companyId: '5f0b1f8e-7d8e-4f57-9c55-3a7c2a1d9b10',
  companyName: 'Gốm Minh Long',
  companyStatus: 'pending',
  legalName: null,
  taxCode: null,
  villageCode: null,
  villageOther: null,
  provinceCode: null,
  yearFounded: null,
  employees: null,
  monthlyCapacity: null,
  capacityUnit: null,
  exportMarkets: [],
  languages: [],
  descriptionVi: null,
  descriptionEn: null,
  website: null,
  phone: null,
  address: null,
  logo: null,
  updatedAt: null,
  certifications: [],
  workshops: [],
};

describe('ProfileForm', () => {
  it('checks the MST as it is typed and names its kind', async () => {
    await i18n.changeLanguage('en');
    renderWithProviders(<ProfileForm profile={profile} />);
    const input = screen.getByLabelText('Tax code (MST)');
    fireEvent.change(input, { target: { value: '0100233480' } });
    fireEvent.blur(input);
    await waitFor(() => expect(screen.getByText('This tax code (MST) is not valid.')).toBeTruthy());
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input, { target: { value: '0314409058-002' } });
    fireEvent.blur(input);
    await waitFor(() => expect(screen.getByText('Valid branch tax code')).toBeTruthy());
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('in Vietnamese, puts the server’s “tax code taken” error on the MST input', async () => {
    await i18n.changeLanguage('vi');
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, {
        code: ErrorCode.ALREADY_EXISTS,
        message: 'Bản ghi này đã tồn tại.',
        details: {
          fields: { taxCode: FieldErrorCode.TAX_CODE_TAKEN },
          messages: { taxCode: 'Mã số thuế này đã được đăng ký cho một doanh nghiệp khác.' },
        },
      }),
    );
    renderWithProviders(<ProfileForm profile={profile} />);
    fireEvent.change(screen.getByLabelText('Tên pháp lý'), {
      target: { value: 'Công ty TNHH Gốm Minh Long' },
    });
    fireEvent.change(screen.getByLabelText('Mã số thuế (MST)'), { target: { value: '0100233488' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ' }));

    await waitFor(() =>
      expect(screen.getByText('Mã số thuế này đã được đăng ký cho một doanh nghiệp khác.')).toBeTruthy(),
    );
    expect(screen.getByLabelText('Mã số thuế (MST)').getAttribute('aria-invalid')).toBe('true');
    const [url, init] = fetchMock.mock.calls[0] as [string, { method: string; body: string }];
    expect(url).toBe(`/api/exhibitors/${profile.companyId}/profile`);
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body)).toMatchObject({
      legalName: 'Công ty TNHH Gốm Minh Long',
      taxCode: '0100233488',
      villageCode: null,
      exportMarkets: [],
    });
  });

  it('maps "other village" to free text and clears what is empty', () => {
    const values = {
      ...toValues(profile),
      villageCode: '__other',
      villageOther: ' Thôn Đông ',
      yearFounded: 1990,
    };
    expect(toRequest(values)).toMatchObject({
      villageCode: null,
      villageOther: 'Thôn Đông',
      yearFounded: 1990,
      employees: null,
      website: null,
    });
    expect(toValues({ ...profile, villageOther: 'Thôn Đông' }).villageCode).toBe('__other');
  });
});

describe('CertificationsCard', () => {
  const cert = (id: string, expiresOn: string | null): CompanyCertification => ({
    id,
    type: 'FSC_COC',
    number: `FSC-${id}`,
    issuer: null,
    expiresOn,
    document: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });

  it('shows expired certifications in red and offers to add one when there are none', async () => {
    await i18n.changeLanguage('en');
    const { unmount } = renderWithProviders(
      <CertificationsCard
        companyId={profile.companyId}
        certifications={[cert('a', '2020-01-31'), cert('b', '2099-12-31')]}
      />,
    );
    const badges = screen.getAllByTestId('expiry-badge');
    expect(badges.map((b) => b.getAttribute('data-status'))).toEqual(['expired', 'valid']);
    expect(badges[0].textContent).toMatch(/^Expired/);
    unmount();

    renderWithProviders(<CertificationsCard companyId={profile.companyId} certifications={[]} />);
    expect(screen.getByText('No certifications yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add certification' })).toBeTruthy();
  });
});
