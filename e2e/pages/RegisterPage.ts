import { expect, type Page } from '@playwright/test';

export interface Registration {
  companyName: string;
  fullName: string;
  email: string;
  password: string;
}

/** The registration form, driven in Vietnamese as an exhibitor would. */
export class RegisterPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/register');
    await expect(this.page.getByRole('heading', { name: 'Đăng ký doanh nghiệp' })).toBeVisible();
  }

  async registerExhibitor(data: Registration) {
    await this.page.getByRole('radio', { name: /Doanh nghiệp trưng bày/ }).click();
    await this.page.getByLabel('Tên doanh nghiệp').fill(data.companyName);
    await this.page.getByLabel('Họ và tên').fill(data.fullName);
    await this.page.getByLabel('E-mail').fill(data.email);
    await this.page.getByLabel('Mật khẩu').fill(data.password);
    await expect(this.page.getByTestId('password-strength')).toHaveAttribute('data-strong', 'true');
    await this.page.getByTestId('accept-privacy').check();
    await this.page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  }
}
