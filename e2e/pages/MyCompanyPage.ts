import { expect, type Locator, type Page } from '@playwright/test';

export class MyCompanyPage {
  readonly status: Locator;
  readonly bell: Locator;
  readonly unread: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId('company-status');
    this.bell = page.getByTestId('notifications-bell');
    this.unread = page.getByTestId('notifications-unread');
  }

  async expectLoaded(companyName: string) {
    await expect(this.page).toHaveURL(/\/company$/);
    await expect(this.page.getByRole('heading', { level: 1, name: companyName })).toBeVisible();
  }

  notificationItems(): Locator {
    return this.page.getByTestId('notifications-list').getByTestId('notification-item');
  }

  async openNotifications() {
    await this.bell.click();
    await expect(this.page.getByTestId('notifications-list')).toBeVisible();
  }

  async switchLanguage(name: 'English' | 'Tiếng Việt') {
    await this.page.getByTestId('language-switcher').click();
    await this.page.getByRole('menuitem', { name }).click();
  }
}
