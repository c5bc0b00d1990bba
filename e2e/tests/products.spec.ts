import { expect, test } from '@playwright/test';
import { E2E_EXHIBITOR_EMAIL, E2E_EXHIBITOR_PASSWORD, makePng, uniqueSuffix } from '../fixtures';
import { CataloguePage } from '../pages/CataloguePage';
import { LoginPage } from '../pages/LoginPage';
import { MyProductsPage } from '../pages/MyProductsPage';
import { ProductEditorPage } from '../pages/ProductEditorPage';
import { PublicProductPage } from '../pages/PublicProductPage';

test('an exhibitor adds a product with a photo in Vietnamese, publishes it, and the public finds it', async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const nameVi = `Bình hút lộc men lam ${suffix}`;
  const nameEn = `Blue-glaze fortune jar ${suffix}`;

  // Exhibitor, in a Vietnamese browser: the UI language comes from the browser.
  const exhibitorContext = await browser.newContext({ locale: 'vi-VN' });
  const exhibitor = await exhibitorContext.newPage();
  const pageErrors: Error[] = [];
  exhibitor.on('pageerror', (error) => pageErrors.push(error));
  const editor = new ProductEditorPage(exhibitor);

  await test.step('exhibitor signs in, in Vietnamese', async () => {
    const login = new LoginPage(exhibitor);
    await login.goto();
    await expect(exhibitor.locator('html')).toHaveAttribute('lang', 'vi');
    await login.signIn(E2E_EXHIBITOR_EMAIL, E2E_EXHIBITOR_PASSWORD);
    await expect(exhibitor.locator('html')).toHaveAttribute('lang', 'vi');
  });

  await test.step('creates a product from "Sản phẩm của tôi"', async () => {
    const products = new MyProductsPage(exhibitor);
    await products.openFromNavigation();
    await products.addProduct();
    await expect(exhibitor.getByRole('heading', { level: 1 })).toHaveText('Sản phẩm mới');
    await editor.fill({
      nameVi,
      nameEn,
      category: 'Gốm sứ',
      priceMin: '12.50',
      priceMax: '18',
      currency: 'EUR',
      moq: '200',
      hsCode: '6913.90',
    });
    await editor.create();
    await expect(exhibitor.getByRole('heading', { level: 1 })).toHaveText(nameVi);
    await expect(editor.status).toHaveText('Bản nháp');
  });

  await test.step('uploads a photo', async () => {
    await expect(editor.photos).toHaveCount(0);
    await editor.uploadPhoto(`binh-${suffix}.png`, makePng());
    await expect(editor.photos.first()).toContainText('Ảnh bìa');
  });

  let slug = '';
  await test.step('publishes it', async () => {
    await editor.publish();
    await expect(editor.status).toHaveText('Đã đăng');
    await expect(
      exhibitor.getByRole('alert').filter({ hasText: 'Sản phẩm đã có trong danh mục.' }),
    ).toBeVisible();
    const href = await editor.publicPageLink.getAttribute('href');
    expect(href).toMatch(/^\/p\/[a-z0-9-]+$/);
    slug = href!.slice('/p/'.length);
  });
  expect(pageErrors).toEqual([]);

  // A visitor, signed out, in a fresh browser context.
  const visitorContext = await browser.newContext({ locale: 'vi-VN' });
  const visitor = await visitorContext.newPage();
  visitor.on('pageerror', (error) => pageErrors.push(error));
  await test.step('a signed-out visitor finds it in the catalogue by its name', async () => {
    const catalogue = new CataloguePage(visitor);
    await catalogue.goto();
    expect(await catalogue.searchFor(nameVi)).toBe(1);
    await expect(catalogue.cards).toHaveCount(1);
    const card = catalogue.card(nameVi);
    await expect(card).toContainText('Gốm sứ Bát Tràng Minh Phúc');
    await expect(card.getByRole('img', { name: nameVi })).toBeVisible();
    await card.click();

    const product = new PublicProductPage(visitor);
    await product.expectLoaded(slug);
    await expect(product.heading).toHaveText(nameVi);
    await expect(product.traceability).toContainText('Bát Tràng');
  });

  expect(pageErrors).toEqual([]);
  await visitorContext.close();
  await exhibitorContext.close();
});
