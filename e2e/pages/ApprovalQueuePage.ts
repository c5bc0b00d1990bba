import { expect, type Locator, type Page } from '@playwright/test';

export class ApprovalQueuePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/organizer/companies');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  row(companyName: string): Locator {
    return this.page.locator(`[data-company-name="${companyName.replace(/"/g, '\\"')}"]`);
  }

  async search(text: string) {
    await this.page.getByRole('textbox', { name: /Tìm doanh nghiệp|Search companies/ }).fill(text);
  }

  async approve(companyName: string) {
    const row = this.row(companyName);
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: /^(Duyệt|Approve)$/ }).click();
    // Approved companies leave the pending tab.
    await expect(row).toHaveCount(0);
  }
}
