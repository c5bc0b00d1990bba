import { expect, type Locator, type Page } from '@playwright/test';

/** /deals/contracts (list), /deals/contracts/new (record form) and /deals/contracts/:id. Any language. */
export class ContractPages {
  constructor(private readonly page: Page) {}

  async gotoList() {
    await this.page.goto('/deals/contracts');
    await expect(this.page.getByTestId('new-contract')).toBeVisible();
  }

  async gotoNew(query = '') {
    await this.page.goto(`/deals/contracts/new${query}`);
    await expect(this.page.getByTestId('contract-form')).toBeVisible();
  }

  /** Picks the held meeting with a company; the partner follows from it. */
  async chooseHeldMeeting(companyName: string) {
    await this.page.getByTestId('contract-meeting').click();
    await this.page
      .getByRole('option', { name: new RegExp(companyName) })
      .first()
      .click();
    await expect(this.page.getByTestId('contract-counterpart')).toHaveValue(companyName);
  }

  async fillTerms({ number, place }: { number: string; place: string }) {
    await this.page.getByTestId('contract-number').fill(number);
    await this.page.getByTestId('contract-place').fill(place);
  }

  line(index: number): Locator {
    return this.page.getByTestId('contract-line').nth(index);
  }

  async fillLine(
    index: number,
    { description, quantity, unitPrice }: Record<'description' | 'quantity' | 'unitPrice', string>,
  ) {
    const line = this.line(index);
    await line.getByTestId('line-description').fill(description);
    await line.getByTestId('line-quantity').fill(quantity);
    await line.getByTestId('line-unit-price').fill(unitPrice);
  }

  get total(): Locator {
    return this.page.getByTestId('contract-total');
  }

  async submit() {
    await this.page.getByTestId('contract-submit').click();
    await expect(this.page).toHaveURL(/\/deals\/contracts\/[0-9a-f-]{36}$/);
  }

  row(number: string): Locator {
    return this.page.getByTestId('contract-row').filter({ hasText: number });
  }

  get status(): Locator {
    return this.page.getByTestId('contract-status');
  }

  async confirm() {
    await this.page.getByTestId('contract-confirm').click();
  }
}
