import { expect, type Locator, type Page } from '@playwright/test';

export interface ProductDraft {
  nameVi: string;
  nameEn: string;
  /** the category as listed in the UI language, e.g. "Gốm sứ" */
  category: string;
  priceMin: string;
  priceMax: string;
  /** ISO 4217 code; the option is labelled "EUR · …" */
  currency: string;
  moq: string;
  hsCode: string;
}

/** /products/new and /products/:id: the product form, its photos and the publish card. */
export class ProductEditorPage {
  readonly form: Locator;
  readonly photos: Locator;
  readonly publishCard: Locator;
  /** the status badge in the publish card (the page header repeats it) */
  readonly status: Locator;
  readonly publicPageLink: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByTestId('product-form');
    this.photos = page.getByTestId('product-photo');
    this.publishCard = page.getByTestId('product-publish-card');
    this.status = this.publishCard.getByTestId('product-status');
    this.publicPageLink = page.getByRole('link', { name: /^(Trang công khai|Public page)$/ });
  }

  /** A Mantine Select: type to filter, then pick the option from the dropdown. */
  private async choose(testId: string, typed: string, option: string | RegExp) {
    const input = this.form.getByTestId(testId);
    await input.click();
    await input.fill(typed);
    await this.page.getByRole('option', { name: option }).click();
    await expect(this.page.getByRole('listbox')).toBeHidden();
  }

  async fill(draft: ProductDraft) {
    await this.form.getByTestId('product-name-vi').fill(draft.nameVi);
    await this.form.getByTestId('product-name-en').fill(draft.nameEn);
    await this.choose('product-category', draft.category, draft.category);
    await expect(this.form.getByTestId('product-category')).toHaveValue(draft.category);
    await this.form.getByTestId('product-price-min').fill(draft.priceMin);
    await this.form.getByTestId('product-price-max').fill(draft.priceMax);
    await this.choose('product-currency', draft.currency, new RegExp(`^${draft.currency}\\b`));
    await expect(this.form.getByTestId('product-currency')).toHaveValue(new RegExp(`^${draft.currency}\\b`));
    await this.form.getByTestId('product-moq').fill(draft.moq);
    await this.form.getByTestId('product-hs-code').fill(draft.hsCode);
  }

  /** Creating a product moves the editor to /products/<id>, where photos can be added. */
  async create(): Promise<string> {
    await this.form.getByTestId('product-save').click();
    await expect(this.page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
    await expect(this.status).toHaveAttribute('data-status', 'draft');
    return new URL(this.page.url()).pathname.split('/').pop() as string;
  }

  async uploadPhoto(name: string, buffer: Buffer) {
    const before = await this.photos.count();
    await this.page.getByTestId('product-photo-input').setInputFiles({ name, mimeType: 'image/png', buffer });
    await expect(this.photos).toHaveCount(before + 1);
    // The thumbnail is served and decodes, not just listed.
    const image = this.photos.last().getByRole('img', { name: /^(Ảnh|Photo) \d+/ });
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
  }

  async publish() {
    const publish = this.publishCard.getByTestId('product-publish');
    await expect(publish).toBeEnabled();
    await publish.click();
    await expect(this.status).toHaveAttribute('data-status', 'published');
  }
}
