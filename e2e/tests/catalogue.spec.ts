import { expect, test } from '@playwright/test';
import { CataloguePage } from '../pages/CataloguePage';
import { PublicProductPage } from '../pages/PublicProductPage';

test.use({ locale: 'en-US' });

test('a signed-out visitor finds Bát Tràng ceramics without accents and reaches the QR page', async ({
  page,
}) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const catalogue = new CataloguePage(page);
  const product = new PublicProductPage(page);

  await test.step('search "bat trang" in an English browser', async () => {
    await catalogue.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "Find makers from Vietnam's craft villages",
    );
    const total = await catalogue.searchFor('bat trang');
    expect(total).toBeGreaterThan(0);
    // Best matches first: the top result is made in Bát Tràng itself.
    await expect(catalogue.cards.first()).toContainText('Bát Tràng');
  });

  let slug = '';
  await test.step('open a Bát Tràng product', async () => {
    const card = catalogue.card('Bát Tràng').first();
    const href = await card.getAttribute('href');
    expect(href).toMatch(/^\/p\/[a-z0-9-]+$/);
    slug = href!.slice('/p/'.length);
    await card.click();
    await product.expectLoaded(slug);
  });

  await test.step('the traceability story names the village', async () => {
    await expect(product.traceability).toBeVisible();
    await expect(product.traceability.getByRole('heading', { level: 2 })).toHaveText(
      'Where and by whom it is made',
    );
    await expect(product.traceability).toContainText('Bát Tràng');
  });

  await test.step('the QR code shows and its SVG downloads', async () => {
    await product.qr.scrollIntoViewIfNeeded();
    await expect(product.qr).toBeVisible();
    await expect(product.qrImage).toBeVisible();
    await expect
      .poll(() => product.qrImage.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    const href = await product.svgDownload.getAttribute('href');
    expect(href).toContain(slug);
    const svg = await page.request.get(href!);
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toContain('<svg');
  });

  expect(pageErrors).toEqual([]);
});

test('on a slow network the product page shows its first photo before the app has arrived', async ({
  page,
}) => {
  const list = await page.request.get('/api/catalogue/products?limit=24');
  const { items } = (await list.json()) as { items: { slug: string; photoFileId: string | null }[] };
  const withPhoto = items.find((item) => item.photoFileId);
  expect(withPhoto).toBeDefined();
  const { slug, photoFileId } = withPhoto!;

  // The app's code is held back, as a slow fair-floor network would.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/app-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/p/${slug}`, { waitUntil: 'commit' });

  const shellPhoto = page.locator('#cm-shell .cm-shell-photo img');
  await expect(shellPhoto).toHaveAttribute('src', `/api/files/${photoFileId}`);
  await expect
    .poll(() => shellPhoto.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.locator('#cm-shell')).toBeVisible();

  release();
  await new PublicProductPage(page).expectLoaded(slug);
  await expect(page.locator('#cm-shell')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /photo 1$/ })).toHaveAttribute(
    'src',
    `/api/files/${photoFileId}`,
  );
});
