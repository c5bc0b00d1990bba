import { expect, type Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/login');
    await expect(this.page.locator('form')).toBeVisible();
  }

  /** Works in either language: the organizer's saved language may switch the UI on sign-in. */
  async signIn(email: string, password: string) {
    await this.page.getByLabel(/^(E-mail|Email)/).fill(email);
    await this.page.getByLabel(/^(Mật khẩu|Password)/).fill(password);
    await this.page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
    await expect(this.page).not.toHaveURL(/\/login/);
  }
}
