import { expect, test, type Locator, type Page } from '@playwright/test';
import { contextIn, expectVisibleFocus, isFocused, type Lang } from '../a11y';
import {
  E2E_BUYER_EMAIL,
  E2E_BUYER_PASSWORD,
  E2E_EXHIBITOR_EMAIL,
  E2E_EXHIBITOR_PASSWORD,
  E2E_ORGANIZER_EMAIL,
  E2E_ORGANIZER_PASSWORD,
  uniqueSuffix,
} from '../fixtures';

/**
 * The main flows with the keyboard alone: after each page.goto only page.keyboard (Tab, Shift+Tab,
 * Enter, Space, arrows, Escape) — no mouse, no locator.click(). A buyer finds a product in the
 * catalogue and asks its exhibitor for a meeting; the exhibitor accepts; the buyer declares a contract
 * and the exhibitor confirms it; an organizer approves a company waiting for review. Along the way:
 * the focus is visible, dialogs keep the focus inside, Escape closes them and the focus comes back.
 */

const EXHIBITOR_COMPANY = 'Gốm sứ Bát Tràng Minh Phúc';
const BUYER_COMPANY = 'Nordhaus Interiors GmbH';

/** Presses Tab (or Shift+Tab) until `target` (or something inside it) has the focus. */
async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}) {
  await expect(target, 'the element to reach with Tab').toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return;
  }
  throw new Error(
    `focus never reached ${target.toString()} after ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`,
  );
}

/** Signs in with the keyboard: the e-mail field is reached with Tab, the form sent with Enter. */
async function signInWithKeyboard(page: Page, email: string, password: string) {
  await page.goto('/login');
  await tabTo(page, page.getByLabel(/^(E-mail|Email)/));
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/^(Mật khẩu|Password)/)).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * A dialog has the focus and keeps it: Tab and Shift+Tab cycle inside it; Escape closes it and the
 * focus returns to `opener`.
 */
async function expectDialogTrapsFocusAndEscapes(page: Page, opener: Locator) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect.poll(() => isFocused(dialog), { message: 'the dialog takes the focus' }).toBe(true);
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await isFocused(dialog), `${key} keeps the focus inside the dialog`).toBe(true);
  }
  await expectVisibleFocus(page, 'inside the dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener, 'the focus returns to what opened the dialog').toBeFocused();
}

/** Moves along a tab list with an arrow key (each tab activates as it takes the focus) until `target` is selected. */
async function arrowToTab(page: Page, target: Locator, key: 'ArrowLeft' | 'ArrowRight') {
  for (let i = 0; i < 6 && (await target.getAttribute('aria-selected')) !== 'true'; i++) {
    await page.keyboard.press(key);
    await expect(page.locator('[role="tab"]:focus')).toHaveAttribute('aria-selected', 'true');
  }
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(target).toBeFocused();
}

/** Picks an option of a Mantine select with the arrow keys: the one whose text matches `name`. */
async function chooseOption(page: Page, select: Locator, name: RegExp) {
  await expect(select).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  const options = await listbox.getByRole('option').count();
  for (let i = 0; i <= options; i++) {
    const active = listbox.locator('[data-combobox-selected]');
    if ((await active.count()) > 0 && name.test((await active.innerText()).trim())) {
      await page.keyboard.press('Enter');
      await expect(listbox).toBeHidden();
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option matching ${name}`);
}

let product: { slug: string; name: string; companyId: string };

test.beforeAll(async ({ request }) => {
  const exhibitors = await request.get('/api/catalogue/exhibitors', { params: { q: EXHIBITOR_COMPANY } });
  expect(exhibitors.ok()).toBe(true);
  const company = ((await exhibitors.json()) as { items: { id: string; name: string }[] }).items.find(
    (e) => e.name === EXHIBITOR_COMPANY,
  );
  expect(company, EXHIBITOR_COMPANY).toBeTruthy();
  const products = await request.get('/api/catalogue/products', {
    params: { exhibitor: company!.id, limit: 1 },
  });
  const [first] = ((await products.json()) as { items: { slug: string; nameEn: string }[] }).items;
  expect(first, `a product of ${EXHIBITOR_COMPANY}`).toBeTruthy();
  product = { slug: first.slug, name: first.nameEn, companyId: company!.id };
});

test('keyboard only: a buyer requests a meeting from the catalogue, the exhibitor accepts; a contract is declared and confirmed', async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const message = `Keyboard request ${suffix}`;
  const number = `KB-${suffix}`;
  const pageErrors: Error[] = [];
  const open = async (lang: Lang) => {
    const context = await contextIn(browser, lang);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error));
    return page;
  };

  const buyer = await open('en');
  await test.step('buyer signs in with the keyboard (a wrong password first)', async () => {
    await buyer.goto('/login');
    await tabTo(buyer, buyer.getByLabel(/^(E-mail|Email)/));
    await buyer.keyboard.type(E2E_BUYER_EMAIL);
    await buyer.keyboard.press('Tab');
    await buyer.keyboard.type('Wrong-password-1!');
    await buyer.keyboard.press('Enter');
    // Refused, and said so where a screen reader hears it.
    await expect(buyer.getByTestId('form-error')).toBeVisible();
    await signInWithKeyboard(buyer, E2E_BUYER_EMAIL, E2E_BUYER_PASSWORD);
  });

  await test.step('buyer searches the catalogue and opens the product', async () => {
    await buyer.goto('/catalogue');
    await expect(buyer.getByTestId('catalogue-search')).toBeVisible();
    await buyer.keyboard.press('Tab');
    await expect(buyer.getByRole('link', { name: 'Skip to the content' })).toBeFocused();
    await buyer.keyboard.press('Enter');
    await expect(buyer.locator('main')).toBeFocused();
    await tabTo(buyer, buyer.getByTestId('catalogue-search'));
    await buyer.keyboard.type(product.name);
    await buyer.keyboard.press('Enter');
    await expect.poll(() => new URL(buyer.url()).searchParams.get('q')).toBe(product.name);
    const card = buyer.getByTestId('catalogue-results').locator(`a[href="/p/${product.slug}"]`);
    await tabTo(buyer, card);
    await expectVisibleFocus(buyer, 'a product card');
    await buyer.keyboard.press('Enter');
    await expect(buyer).toHaveURL(new RegExp(`/p/${product.slug}$`));
    await expect(buyer.getByRole('heading', { level: 1 })).toHaveText(product.name);
  });

  await test.step('buyer goes on to the exhibitor and asks for a meeting', async () => {
    const exhibitorLink = buyer.locator(`main a[href="/e/${product.companyId}"]`).first();
    await tabTo(buyer, exhibitorLink);
    await expectVisibleFocus(buyer, 'the exhibitor link');
    await buyer.keyboard.press('Enter');
    await expect(buyer.getByRole('heading', { level: 1 })).toHaveText(EXHIBITOR_COMPANY);
    await tabTo(buyer, buyer.getByTestId('request-meeting'));
    await expectVisibleFocus(buyer, 'the request-a-meeting button');
    await buyer.keyboard.press('Enter');
    await expect(buyer.getByTestId('request-meeting-form')).toBeVisible();
  });

  let slotStart = '';
  await test.step('buyer picks a slot, writes a message and sends the request', async () => {
    const register = buyer.getByTestId('register-for-fair');
    const picker = buyer.getByTestId('slot-picker');
    const person = buyer.getByTestId('attendee-select');
    await expect(register.or(picker).or(person).first()).toBeVisible();
    if (await register.isVisible()) {
      await tabTo(buyer, register);
      await buyer.keyboard.press('Enter');
    }
    // The exhibitor's company has one person to meet: chosen already; otherwise pick them.
    await expect(picker.or(person).first()).toBeVisible();
    if (!(await picker.isVisible())) {
      await tabTo(buyer, person);
      await chooseOption(buyer, person, /Lê Văn Minh/);
    }
    const free = buyer.locator('[data-testid="slot"]:not([disabled])').first();
    await expect(free).toBeVisible();
    slotStart = (await free.getAttribute('data-start')) ?? '';
    const slot = buyer.locator(`[data-testid="slot"][data-start="${slotStart}"]`);
    await tabTo(buyer, slot);
    await expectVisibleFocus(buyer, 'a free slot');
    await buyer.keyboard.press('Space');
    await expect(slot).toHaveAttribute('aria-pressed', 'true');
    await expect(buyer.getByTestId('slot-count')).toContainText('1');
    await tabTo(buyer, buyer.getByRole('textbox', { name: /^Message/ }));
    await buyer.keyboard.type(message);
    const send = buyer.getByTestId('send-request');
    await tabTo(buyer, send);
    await expectVisibleFocus(buyer, 'the send button');
    await buyer.keyboard.press('Enter');
    await expect(buyer).toHaveURL(/\/meetings\?fair=.*tab=waiting/);
    await expect(buyer.getByRole('alert').filter({ hasText: 'Request sent' })).toBeVisible();
    const card = buyer.getByTestId('meeting-card').filter({ hasText: suffix });
    await expect(card).toHaveAttribute('data-status', 'requested');
  });

  const exhibitor = await open('vi');
  await test.step('exhibitor opens the request and accepts it', async () => {
    await signInWithKeyboard(exhibitor, E2E_EXHIBITOR_EMAIL, E2E_EXHIBITOR_PASSWORD);
    await exhibitor.goto('/meetings');
    await expect(exhibitor.getByTestId('new-request')).toBeVisible();
    // The first Tab reaches the skip link; Enter jumps over the header and the navigation.
    await exhibitor.keyboard.press('Tab');
    await expect(exhibitor.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toBeFocused();
    await expectVisibleFocus(exhibitor, 'the skip link');
    await exhibitor.keyboard.press('Enter');
    await expect(exhibitor.locator('main')).toBeFocused();
    // The tabs: Tab reaches the selected one, the arrows move between them.
    await tabTo(exhibitor, exhibitor.getByRole('tab', { selected: true }));
    await expectVisibleFocus(exhibitor, 'the selected tab');
    const awaiting = exhibitor.getByTestId('tab-awaiting');
    await arrowToTab(exhibitor, awaiting, 'ArrowLeft');
    const card = exhibitor.getByTestId('meeting-card').filter({ hasText: suffix });
    await expect(card).toContainText(BUYER_COMPANY);
    const accept = card.getByTestId('accept-meeting');
    await tabTo(exhibitor, accept);
    await expectVisibleFocus(exhibitor, 'the accept button');
    await exhibitor.keyboard.press('Enter');
    await expectDialogTrapsFocusAndEscapes(exhibitor, accept);
    await exhibitor.keyboard.press('Enter');
    const dialog = exhibitor.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // The only proposed slot is chosen already.
    await expect(dialog.locator(`input[type="radio"][value="${slotStart}"]`)).toBeChecked();
    await tabTo(exhibitor, dialog.getByTestId('confirm-accept'));
    await exhibitor.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(card).toHaveCount(0);
    // Upcoming, with the arrows.
    await tabTo(exhibitor, awaiting);
    await arrowToTab(exhibitor, exhibitor.getByTestId('tab-upcoming'), 'ArrowRight');
    await expect(card).toHaveAttribute('data-status', 'accepted');
    await expect(card.getByTestId('meeting-status')).toHaveText('Đã xác nhận');
  });

  await test.step('buyer declares a contract with the exhibitor', async () => {
    await buyer.goto('/deals/contracts');
    const create = buyer.getByTestId('new-contract');
    await tabTo(buyer, create);
    await expectVisibleFocus(buyer, 'the new-contract link');
    await buyer.keyboard.press('Enter');
    await expect(buyer.getByTestId('contract-form')).toBeVisible();
    const meeting = buyer.getByTestId('contract-meeting');
    await tabTo(buyer, meeting);
    await chooseOption(buyer, meeting, new RegExp(EXHIBITOR_COMPANY));
    await expect(buyer.getByTestId('contract-counterpart')).toHaveValue(EXHIBITOR_COMPANY);
    await tabTo(buyer, buyer.getByTestId('contract-number'));
    await buyer.keyboard.type(number);
    await tabTo(buyer, buyer.getByTestId('contract-place'));
    await buyer.keyboard.type('Hai Phong');
    await tabTo(buyer, buyer.getByTestId('line-description'));
    await buyer.keyboard.type('Blue crackle bowl, 15 cm');
    await tabTo(buyer, buyer.getByTestId('line-quantity'));
    await buyer.keyboard.type('100');
    await tabTo(buyer, buyer.getByTestId('line-unit-price'));
    await buyer.keyboard.type('4.5');
    await expect(buyer.getByTestId('contract-total')).toHaveText('US$450.00');
    const submit = buyer.getByTestId('contract-submit');
    await tabTo(buyer, submit);
    await expectVisibleFocus(buyer, 'the submit button');
    await buyer.keyboard.press('Enter');
    await expect(buyer).toHaveURL(/\/deals\/contracts\/[0-9a-f-]{36}$/);
    await expect(buyer.getByTestId('contract-status')).toHaveAttribute('data-status', 'declared');
    await expect(buyer.getByRole('alert').filter({ hasText: /recorded/i })).toBeVisible();
  });

  await test.step('exhibitor opens the contract, tries the dispute dialog, and confirms', async () => {
    await exhibitor.goto('/deals/contracts');
    const link = exhibitor.getByTestId('contract-row').filter({ hasText: number }).getByRole('link', {
      name: number,
    });
    await tabTo(exhibitor, link);
    await expectVisibleFocus(exhibitor, 'the contract link');
    await exhibitor.keyboard.press('Enter');
    await expect(exhibitor.getByTestId('awaiting-me')).toBeVisible();
    const dispute = exhibitor.getByTestId('contract-dispute');
    await tabTo(exhibitor, dispute);
    await exhibitor.keyboard.press('Enter');
    await expectDialogTrapsFocusAndEscapes(exhibitor, dispute);
    await expect(exhibitor.getByTestId('contract-status')).toHaveAttribute('data-status', 'declared');
    const confirm = exhibitor.getByTestId('contract-confirm');
    await tabTo(exhibitor, confirm, { back: true });
    await expectVisibleFocus(exhibitor, 'the confirm button');
    await exhibitor.keyboard.press('Enter');
    await expect(exhibitor.getByTestId('contract-status')).toHaveAttribute('data-status', 'confirmed');
    await expect(exhibitor.getByRole('alert').filter({ hasText: 'Đã xác nhận hợp đồng.' })).toBeVisible();
  });

  await test.step('the buyer sees the confirmation', async () => {
    await expect(buyer.getByTestId('contract-status')).toHaveAttribute('data-status', 'confirmed');
  });

  expect(pageErrors).toEqual([]);
  await buyer.context().close();
  await exhibitor.context().close();
});

test('keyboard only: an organizer approves a company waiting for review', async ({ browser, request }) => {
  const suffix = uniqueSuffix();
  const companyName = `Mây tre Phú Vinh ${suffix}`;
  // A new exhibitor registers (through the API): its company waits for review.
  const registered = await request.post('/api/auth/register', {
    data: {
      email: `kb.${suffix}@may-tre.example`,
      password: `May.Tre-${suffix}`,
      fullName: 'Trần Văn Bình',
      locale: 'vi',
      companyKind: 'exhibitor',
      companyName,
      countryCode: 'VN',
      acceptPrivacy: true,
    },
  });
  expect(registered.ok(), await registered.text()).toBe(true);

  const context = await contextIn(browser, 'vi');
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await signInWithKeyboard(page, E2E_ORGANIZER_EMAIL, E2E_ORGANIZER_PASSWORD);
  await page.goto('/organizer/companies');
  await tabTo(page, page.getByRole('textbox', { name: 'Tìm doanh nghiệp' }));
  await page.keyboard.type(suffix);
  const row = page.locator(`[data-company-name="${companyName}"]`);
  await expect(row).toBeVisible();

  await test.step('the reject dialog keeps the focus and Escape closes it', async () => {
    const reject = row.getByRole('button', { name: 'Từ chối' });
    await tabTo(page, reject);
    await expectVisibleFocus(page, 'the reject button');
    await page.keyboard.press('Enter');
    await expectDialogTrapsFocusAndEscapes(page, reject);
    await expect(row).toBeVisible();
  });

  await test.step('approve with the keyboard', async () => {
    const approve = row.getByRole('button', { name: 'Duyệt' });
    await tabTo(page, approve);
    await expectVisibleFocus(page, 'the approve button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Đã duyệt doanh nghiệp' })).toBeVisible();
    await expect(row).toHaveCount(0);
    // The focus is not lost with the approved row: the count above the list has it.
    await expect(page.locator('main :focus')).toHaveText(/\d/);
  });

  expect(pageErrors).toEqual([]);
  await context.close();
});
