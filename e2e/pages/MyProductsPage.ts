import { expect, type Page } from '@playwright/test';

/** "My products" (/products), reached from the side navigation as an exhibitor would. */
export class MyProductsPage {
  constructor(private readonly page: Page) {}

  async openFromNavigation() {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /^(Sản phẩm của tôi|My products)$/ })
      .click();
    await expect(this.page).toHaveURL(/\/products$/);
    await expect(
      this.page.getByRole('heading', { level: 1, name: /^(Sản phẩm của tôi|My products)$/ }),
    ).toBeVisible();
  }

  async addProduct() {
    await this.page.getByTestId('product-add').first().click();
    await expect(this.page).toHaveURL(/\/products\/new$/);
    await expect(this.page.getByTestId('product-form')).toBeVisible();
  }
}
