import { expect, test } from '@playwright/test';
import { E2E_ORGANIZER_EMAIL, E2E_ORGANIZER_PASSWORD, uniqueSuffix } from '../fixtures';
import { ApprovalQueuePage } from '../pages/ApprovalQueuePage';
import { LoginPage } from '../pages/LoginPage';
import { MyCompanyPage } from '../pages/MyCompanyPage';
import { RegisterPage } from '../pages/RegisterPage';

test('an exhibitor registers in Vietnamese, the organizer approves, and the exhibitor sees it live', async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const companyName = `Gốm Bát Tràng ${suffix}`;

  // Exhibitor, in a Vietnamese browser.
  const exhibitorContext = await browser.newContext({ locale: 'vi-VN' });
  const exhibitor = await exhibitorContext.newPage();
  const pageErrors: Error[] = [];
  exhibitor.on('pageerror', (error) => pageErrors.push(error));

  const register = new RegisterPage(exhibitor);
  const company = new MyCompanyPage(exhibitor);
  await test.step('exhibitor registers in Vietnamese', async () => {
    await register.goto();
    await expect(exhibitor.locator('html')).toHaveAttribute('lang', 'vi');
    await register.registerExhibitor({
      companyName,
      fullName: 'Nguyễn Thị Lan',
      email: `lan.${suffix}@gom-battrang.example`,
      password: `Gom.BatTrang-${suffix}`,
    });

    await company.expectLoaded(companyName);
    await expect(company.status).toHaveText('Chờ duyệt');
    await expect(company.unread).toHaveCount(0);
  });

  // Organizer, in a second browser context.
  const organizerContext = await browser.newContext({ locale: 'vi-VN' });
  const organizer = await organizerContext.newPage();
  await test.step('organizer approves the company', async () => {
    const login = new LoginPage(organizer);
    await login.goto();
    await login.signIn(E2E_ORGANIZER_EMAIL, E2E_ORGANIZER_PASSWORD);
    const queue = new ApprovalQueuePage(organizer);
    await queue.goto();
    await queue.search(suffix);
    await queue.approve(companyName);
  });

  // Back to the exhibitor: no reload, the socket brings the news.
  await test.step('exhibitor sees the approval live', async () => {
    await expect(company.status).toHaveText('Đã duyệt');
    await expect(company.unread).toHaveText('1');
    await expect(
      exhibitor.getByRole('alert').filter({ hasText: 'Doanh nghiệp đã được duyệt' }),
    ).toBeVisible();
    await company.openNotifications();
    await expect(company.notificationItems().first()).toContainText(companyName);
    await expect(company.notificationItems().first()).toHaveAttribute('data-type', 'company.approved');
    await exhibitor.keyboard.press('Escape');
  });

  // The exhibitor switches to English.
  await test.step('exhibitor switches to English', async () => {
    await company.switchLanguage('English');
    await expect(exhibitor.locator('html')).toHaveAttribute('lang', 'en');
    await expect(company.status).toHaveText('Approved');
    await expect(exhibitor.getByRole('heading', { name: 'Registration status' })).toBeVisible();
    await expect(exhibitor.getByRole('link', { name: 'My company' })).toBeVisible();
  });

  expect(pageErrors).toEqual([]);
  await organizerContext.close();
  await exhibitorContext.close();
});
