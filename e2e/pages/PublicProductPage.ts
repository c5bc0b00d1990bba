import { expect, type Locator, type Page } from '@playwright/test';

/** A product's public page (/p/<slug>), the page its QR code opens. */
export class PublicProductPage {
  readonly heading: Locator;
  readonly traceability: Locator;
  readonly qr: Locator;
  readonly qrImage: Locator;
  readonly svgDownload: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.traceability = page.getByTestId('traceability');
    this.qr = page.getByTestId('product-qr');
    this.qrImage = this.qr.getByRole('img', {
      name: /^(QR code leading to this product page|Mã QR dẫn tới trang sản phẩm này)$/,
    });
    this.svgDownload = this.qr.getByRole('link', { name: /^(Download SVG|Tải SVG)$/ });
  }

  async expectLoaded(slug?: string) {
    await expect(this.page).toHaveURL(slug ? new RegExp(`/p/${slug}$`) : /\/p\/[a-z0-9-]+$/);
    await expect(this.heading).toBeVisible();
  }

  slug(): string {
    return new URL(this.page.url()).pathname.replace(/^\/p\//, '');
  }
}
