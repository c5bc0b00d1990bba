import { expect, type Locator, type Page } from '@playwright/test';

/** The public catalogue (/catalogue): search box, result count, result cards. */
export class CataloguePage {
  readonly search: Locator;
  /** "29 products" / "29 sản phẩm", announced politely to screen readers */
  readonly resultCount: Locator;
  readonly cards: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByTestId('catalogue-search');
    this.resultCount = page.getByRole('main').locator('[aria-live="polite"]');
    this.cards = page.getByTestId('catalogue-results').getByTestId('product-card');
  }

  async goto() {
    await this.page.goto('/catalogue');
    await expect(this.search).toBeVisible();
  }

  /**
   * Types the words and submits. The list keeps the previous results on screen while the new ones
   * load, so this waits for the page's own search request and then for the count it returned.
   * Returns that count.
   */
  async searchFor(text: string): Promise<number> {
    const response = this.page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/catalogue/products' && url.searchParams.get('q') === text;
    });
    await this.search.fill(text);
    await this.search.press('Enter');
    await expect.poll(() => new URL(this.page.url()).searchParams.get('q')).toBe(text);
    const result = await response;
    expect(result.ok()).toBe(true);
    const { total } = (await result.json()) as { total: number };
    await expect(this.resultCount).toHaveText(new RegExp(`^${total}\\s`));
    return total;
  }

  card(text: string): Locator {
    return this.cards.filter({ hasText: text });
  }
}
