import { expect, test } from '@playwright/test';
import {
  E2E_BUYER_EMAIL,
  E2E_BUYER_PASSWORD,
  E2E_EXHIBITOR_EMAIL,
  E2E_EXHIBITOR_PASSWORD,
  E2E_ORGANIZER_EMAIL,
  E2E_ORGANIZER_PASSWORD,
  uniqueSuffix,
} from '../fixtures';
import { ContractPages } from '../pages/ContractPages';
import { LoginPage } from '../pages/LoginPage';

const EXHIBITOR_COMPANY = 'Gốm sứ Bát Tràng Minh Phúc';

test('a buyer records a contract after a held meeting; the exhibitor confirms it live; the buyer and the organizer dashboard follow live', async ({
  browser,
}) => {
  const number = `NH-${uniqueSuffix()}`;
  const pageErrors: Error[] = [];

  // Exhibitor in Hanoi, in Vietnamese: the contract list is open before the contract exists.
  const exhibitorContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const exhibitor = await exhibitorContext.newPage();
  exhibitor.on('pageerror', (error) => pageErrors.push(error));
  const exhibitorContracts = new ContractPages(exhibitor);
  await test.step('exhibitor opens the contract list', async () => {
    const login = new LoginPage(exhibitor);
    await login.goto();
    await login.signIn(E2E_EXHIBITOR_EMAIL, E2E_EXHIBITOR_PASSWORD);
    await exhibitorContracts.gotoList();
    await expect(exhibitorContracts.row(number)).toHaveCount(0);
  });

  // Organizer in Hanoi, in Vietnamese: the all-fairs dashboard is open throughout.
  const organizerContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const organizer = await organizerContext.newPage();
  organizer.on('pageerror', (error) => pageErrors.push(error));
  const contractCount = organizer.getByTestId('contracts-count');
  const confirmedUsd = organizer.getByTestId('card-confirmed-value');
  let countBefore = 0;
  let confirmedBefore = '';
  await test.step('organizer opens the results dashboard', async () => {
    const login = new LoginPage(organizer);
    await login.goto();
    await login.signIn(E2E_ORGANIZER_EMAIL, E2E_ORGANIZER_PASSWORD);
    await organizer.goto('/organizer/dashboard');
    await expect(contractCount).toHaveText(/^[\d.]+$/);
    countBefore = Number((await contractCount.innerText()).replace(/\D/g, ''));
    confirmedBefore = await confirmedUsd.innerText();
  });
  const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

  // Buyer in Berlin, in English.
  const buyerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const buyer = await buyerContext.newPage();
  buyer.on('pageerror', (error) => pageErrors.push(error));
  const buyerContracts = new ContractPages(buyer);
  await test.step('buyer records a contract from the held meeting, with exact live totals', async () => {
    const login = new LoginPage(buyer);
    await login.goto();
    await login.signIn(E2E_BUYER_EMAIL, E2E_BUYER_PASSWORD);
    await buyerContracts.gotoNew();
    await buyerContracts.chooseHeldMeeting(EXHIBITOR_COMPANY);
    await buyerContracts.fillTerms({ number, place: 'Hai Phong' });
    await buyerContracts.fillLine(0, {
      description: 'Blue crackle bowl, 15 cm',
      quantity: '600',
      unitPrice: '12.3456',
    });
    await expect(buyerContracts.line(0).getByTestId('line-total')).toHaveText('US$7,407.36');
    await buyer.getByTestId('add-line').click();
    // 1.005 is below 1.005 as a float; exact half-up gives 1.01.
    await buyerContracts.fillLine(1, { description: 'Glaze sample tile', quantity: '1', unitPrice: '1.005' });
    await expect(buyerContracts.line(1).getByTestId('line-total')).toHaveText('US$1.01');
    await expect(buyerContracts.total).toHaveText('US$7,408.37');
    await buyerContracts.submit();
    await expect(buyerContracts.status).toHaveAttribute('data-status', 'declared');
    // The server's own total and USD value (USD at rate 1).
    await expect(buyer.getByTestId('detail-total')).toHaveText('US$7,408.37');
    await expect(buyer.getByTestId('detail-total-usd')).toHaveText('US$7,408.37');
  });

  await test.step('the organizer’s dashboard counts the declared contract live; confirmed value unchanged', async () => {
    await expect(contractCount).toHaveText(count(countBefore + 1));
    await expect(confirmedUsd).toHaveText(confirmedBefore);
  });

  await test.step('exhibitor sees the new contract without a reload and confirms it', async () => {
    const row = exhibitorContracts.row(number);
    await expect(row).toBeVisible();
    await expect(row).toContainText('Nordhaus Interiors GmbH');
    await expect(row.getByTestId('contract-status')).toHaveAttribute('data-status', 'declared');
    await row.getByRole('link', { name: number }).click();
    await expect(exhibitor.getByTestId('awaiting-me')).toBeVisible();
    // Vietnamese money format on the exhibitor's side.
    await expect(exhibitor.getByTestId('detail-total')).toHaveText(/^7\.408,37\s?US\$$/);
    await exhibitorContracts.confirm();
    await expect(exhibitorContracts.status).toHaveAttribute('data-status', 'confirmed');
    await expect(exhibitor.getByTestId('audit-entry')).toHaveCount(2);
  });

  await test.step('the buyer’s open contract shows the confirmation live', async () => {
    await expect(buyerContracts.status).toHaveAttribute('data-status', 'confirmed');
    await expect(buyer.getByTestId('audit-entry').last()).toContainText('Confirmed');
  });

  await test.step('the organizer’s dashboard shows the new confirmed total live', async () => {
    await expect(confirmedUsd).not.toHaveText(confirmedBefore);
    await expect(contractCount).toHaveText(count(countBefore + 1));
  });

  expect(pageErrors).toEqual([]);
  await exhibitorContext.close();
  await buyerContext.close();
  await organizerContext.close();
});
