import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ErrorCode, FieldErrorCode, type RegisterRequest } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { RegisterPage } from '../pages/RegisterPage';

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('RegisterPage', () => {
  it.each([
    [
      'vi',
      /Tên doanh nghiệp/,
      /Họ và tên/,
      /E-mail/,
      /Mật khẩu/,
      'Tạo tài khoản',
      'Đã có tài khoản dùng e-mail này.',
    ],
    [
      'en',
      /Company name/,
      /Full name/,
      /E-mail/,
      /Password/,
      'Create account',
      'An account with this e-mail already exists.',
    ],
  ])(
    'in %s, puts the server’s field error on the e-mail input',
    async (lng, company, name, email, password, submit, message) => {
      await i18n.changeLanguage(lng);
      fetchMock.mockResolvedValueOnce(
        jsonResponse(409, {
          code: ErrorCode.EMAIL_TAKEN,
          message: 'taken',
          details: { fields: { email: FieldErrorCode.EMAIL_TAKEN } },
        }),
      );
      renderWithProviders(<RegisterPage />, { route: '/register' });

      await screen.findByLabelText(company);
      fill(company, 'Hợp tác xã Gốm Bát Tràng');
      fill(name, 'Nguyễn Thị Lan');
      fill(email, 'lan@battrang.vn');
      fill(password, 'Men-Lam.Gom2024');
      fireEvent.click(screen.getByRole('checkbox'));
      fireEvent.click(screen.getByRole('button', { name: submit }));

      await waitFor(() => expect(screen.getByText(message)).toBeTruthy());
      expect(screen.getByLabelText(email).getAttribute('aria-invalid')).toBe('true');

      const [url, init] = fetchMock.mock.calls[0] as [string, { body: string }];
      expect(url).toBe('/api/auth/register');
      const sent = JSON.parse(init.body) as RegisterRequest;
      expect(sent).toMatchObject({
        companyKind: 'exhibitor',
        email: 'lan@battrang.vn',
        locale: lng,
        acceptPrivacy: true,
      });
      expect(sent.countryCode).toBeUndefined();
    },
  );

  it('checks password strength before sending anything', async () => {
    await i18n.changeLanguage('en');
    renderWithProviders(<RegisterPage />, { route: '/register' });
    await screen.findByLabelText(/Company name/);
    fill(/Company name/, 'Mây tre đan Phú Vinh');
    fill(/Full name/, 'Lê Văn Hùng');
    fill(/E-mail/, 'hung@phuvinh.vn');
    fill(/Password/, 'short1');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(screen.getAllByText(/Use at least 10 characters/).length).toBeGreaterThan(0));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks for consent to the privacy notice, linked, before sending anything', async () => {
    await i18n.changeLanguage('vi');
    renderWithProviders(<RegisterPage />, { route: '/register' });
    await screen.findByLabelText(/Tên doanh nghiệp/);
    fill(/Tên doanh nghiệp/, 'Mây tre đan Phú Vinh');
    fill(/Họ và tên/, 'Lê Văn Hùng');
    fill(/E-mail/, 'hung@phuvinh.vn');
    fill(/Mật khẩu/, 'Men-Lam.Gom2024');
    expect(screen.getByRole('link', { name: 'thông báo về quyền riêng tư' }).getAttribute('href')).toBe(
      '/privacy',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));

    await waitFor(() => expect(screen.getByText(/Vui lòng đọc và đồng ý/)).toBeTruthy());
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
