import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import {
  E2E_EXHIBITOR_EMAIL,
  E2E_EXHIBITOR_PASSWORD,
  E2E_ORGANIZER_EMAIL,
  E2E_ORGANIZER_PASSWORD,
} from '../fixtures';
import { LoginPage } from '../pages/LoginPage';

/**
 * axe-core on every main page, in Vietnamese and in English: no serious or critical violation.
 * Signed-out pages, then the main pages of an exhibitor, a buyer and an organizer. Each account is
 * visited in its other language first and its own language last, so its saved language (set at
 * sign-in from the visitor's choice) ends as the demo data had it.
 */

const BUYER_EMAIL = 'anna@nordhaus.example';
const BUYER_PASSWORD = 'Buyer-2026-Berlin!';
type Lang = 'vi' | 'en';

async function contextIn(browser: Browser, lang: Lang) {
  const context = await browser.newContext({ locale: lang === 'vi' ? 'vi-VN' : 'en-US' });
  // The visitor's choice; "pending" makes sign-in keep it (and save it to the profile).
  await context.addInitScript((language) => {
    const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } })
      .localStorage;
    storage.setItem('craftmatch.language', language);
    storage.setItem('craftmatch.language.pending', language);
  }, lang);
  return context;
}

/** Waits for the page's content (its main region, no loader left), then runs axe. */
async function expectNoSeriousViolations(page: Page, path: string, lang: Lang) {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('main').first(), `${path}: its content`).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Đang tải|Loading/ })).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`),
    }));
  expect(serious, `${path} (${lang})`).toEqual([]);
}

/** The element or something inside it has the keyboard focus. */
const isFocused = (locator: Locator) =>
  locator.evaluate((el) =>
    (el as unknown as { matches(s: string): boolean }).matches(':focus, :focus-within'),
  );

async function signIn(page: Page, email: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
}

let productPath = '';
let exhibitorPath = '';

test.beforeAll(async ({ request }) => {
  const res = await request.get('/api/catalogue/products?limit=1');
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { slug: string; company: { id: string } }[] };
  expect(items.length).toBeGreaterThan(0);
  productPath = `/p/${items[0].slug}`;
  exhibitorPath = `/e/${items[0].company.id}`;
});

for (const lang of ['vi', 'en'] as const) {
  test(`signed-out pages have no serious accessibility violations (${lang})`, async ({ browser }) => {
    const context = await contextIn(browser, lang);
    const page = await context.newPage();
    for (const path of ['/catalogue', productPath, exhibitorPath, '/fairs', '/login', '/register']) {
      await expectNoSeriousViolations(page, path, lang);
    }
    await context.close();
  });
}

const accounts = [
  {
    role: 'exhibitor',
    email: E2E_EXHIBITOR_EMAIL,
    password: E2E_EXHIBITOR_PASSWORD,
    own: 'vi' as Lang,
    pages: ['/', '/company', '/company/profile', '/products', '/meetings', '/agenda', '/deals/contracts'],
  },
  {
    role: 'buyer',
    email: BUYER_EMAIL,
    password: BUYER_PASSWORD,
    own: 'en' as Lang,
    pages: ['/', '/matchmaking', '/company/buyer-profile', '/meetings', '/agenda', '/deals/pipeline'],
  },
  {
    role: 'organizer',
    email: E2E_ORGANIZER_EMAIL,
    password: E2E_ORGANIZER_PASSWORD,
    own: 'vi' as Lang,
    pages: [
      '/',
      '/organizer/companies',
      '/organizer/fairs',
      '/organizer/meetings',
      '/organizer/dashboard',
      '/organizer/moderation',
    ],
  },
];

for (const account of accounts) {
  const other: Lang = account.own === 'vi' ? 'en' : 'vi';
  for (const lang of [other, account.own]) {
    test(`${account.role} pages have no serious accessibility violations (${lang})`, async ({ browser }) => {
      const context = await contextIn(browser, lang);
      const page = await context.newPage();
      await signIn(page, account.email, account.password);
      for (const path of account.pages) await expectNoSeriousViolations(page, path, lang);
      if (account.role === 'organizer') {
        // A fair's auto-schedule page, reached from the fair list.
        await page.goto('/organizer/fairs');
        await expect(page.locator('a[href^="/organizer/fairs/"][href$="/booths"]').first()).toBeVisible();
        const fairLink = page.locator(
          'a[href^="/organizer/fairs/"][href$="/meetings"], a[href^="/organizer/fairs/"]',
        );
        const href = await fairLink.evaluateAll((links) =>
          links
            .map((a) => a.getAttribute('href') ?? '')
            .map((h) => /^\/organizer\/fairs\/([0-9a-f-]{36})/.exec(h)?.[1])
            .find(Boolean),
        );
        expect(href, 'a fair in the demo data').toBeTruthy();
        await expectNoSeriousViolations(page, `/organizer/fairs/${href}/schedule`, lang);
      }
      await context.close();
    });
  }
}

test('keyboard only: sign-in form, then search the catalogue and open a product', async ({ browser }) => {
  const context = await contextIn(browser, 'en');
  const page = await context.newPage();
  /** Presses Tab until `matches` holds for the focused element (at most `max` presses). */
  const tabTo = async (matches: () => Promise<boolean>, max = 40) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await matches()) return;
    }
    throw new Error('focus never reached the element');
  };

  await test.step('the sign-in form is reachable and submits with the keyboard', async () => {
    await page.goto('/login');
    const email = page.getByLabel(/^(E-mail|Email)/);
    await tabTo(() => isFocused(email));
    await page.keyboard.type('nobody@craftmatch.example');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Password/)).toBeFocused();
    await page.keyboard.type('Wrong-password-1!');
    await page.keyboard.press('Enter');
    // Refused, and said so where a screen reader hears it.
    await expect(page.getByTestId('form-error')).toBeVisible();
  });

  await test.step('search with the keyboard', async () => {
    await page.goto('/catalogue');
    const search = page.getByTestId('catalogue-search');
    await tabTo(() => isFocused(search));
    await page.keyboard.type('bat trang');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('bat trang');
    await expect(page.getByTestId('catalogue-results').getByTestId('product-card').first()).toBeVisible();
  });

  await test.step('Tab to the first result and open it with Enter', async () => {
    const first = page.getByTestId('catalogue-results').getByTestId('product-card').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/p\//);
    await tabTo(() => isFocused(first), 80);
    // The focused card shows where focus is.
    const outline = await first.evaluate(
      (el) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }
        ).getComputedStyle(el).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    // The product of the focused card (the list may have refreshed since `href` was read).
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
  await context.close();
});
