import { expect, test, type Page } from '@playwright/test';
import {
  contextIn,
  INTERPRETER_EMAIL,
  INTERPRETER_PASSWORD,
  seriousViolations,
  navigateInApp,
  trackApi,
  waitForContent,
  type Lang,
} from '../a11y';
import {
  E2E_BUYER_EMAIL,
  E2E_BUYER_PASSWORD,
  E2E_EXHIBITOR_EMAIL,
  E2E_EXHIBITOR_PASSWORD,
  E2E_ORGANIZER_EMAIL,
  E2E_ORGANIZER_PASSWORD,
  uniqueSuffix,
} from '../fixtures';
import { LoginPage } from '../pages/LoginPage';

/**
 * axe-core on every page a user navigates to, in Vietnamese and in English: no serious or critical
 * violation. Signed-out pages (with empty and error states), then every page of an exhibitor, a
 * buyer, an organizer and an interpreter, each signed in once per language. Each account is visited
 * in its other language first and its own language last, so its saved language (set at sign-in from
 * the visitor's choice) ends as the demo data had it. Detail pages take their ids from the demo data
 * (the public API) or from the list page just checked.
 */

/** A page to check: a path, or one read from the page checked before it (a link's href). */
type Visit = string | { linkOn: string; label: string } | { path: string; main: false };

interface Checker {
  page: Page;
  check(visit: Visit): Promise<string>;
}

async function checker(page: Page, lang: Lang): Promise<Checker> {
  await trackApi(page);
  let loaded = false;
  return {
    page,
    async check(visit) {
      let path: string;
      let main = true;
      if (typeof visit === 'string') path = visit;
      else if ('linkOn' in visit) {
        const link = page.locator(visit.linkOn).first();
        await expect(link, `a link to ${visit.label}`).toBeAttached();
        path = (await link.getAttribute('href')) ?? '';
      } else {
        path = visit.path;
        main = visit.main;
      }
      // The first page loads the app; the next ones are reached inside it, as a link would (a full
      // reload of the app for each of ~70 pages costs more than axe itself).
      if (loaded) await navigateInApp(page, path);
      else await page.goto(path, { waitUntil: 'domcontentloaded' });
      loaded = true;
      await waitForContent(page, lang, path, { main });
      expect.soft(await seriousViolations(page), `${path} (${lang})`).toEqual([]);
      return path;
    },
  };
}

const EXHIBITOR_COMPANY = 'Gốm sứ Bát Tràng Minh Phúc';

interface DemoIds {
  productPath: string;
  exhibitorPath: string;
  fairId: string;
  fairSlug: string;
  /** a contract the buyer declared with the Bát Tràng exhibitor, awaiting its confirmation */
  contractId: string;
}
let demo: DemoIds;

test.beforeAll(async ({ request }) => {
  const products = await request.get('/api/catalogue/products?limit=1');
  expect(products.ok()).toBe(true);
  const { items } = (await products.json()) as { items: { slug: string; company: { id: string } }[] };
  expect(items.length).toBeGreaterThan(0);
  const fairs = await request.get('/api/fairs');
  expect(fairs.ok()).toBe(true);
  const live = ((await fairs.json()) as { items: { id: string; slug: string; status: string }[] }).items.find(
    (f) => f.status === 'live',
  );
  expect(live, 'the live demo fair').toBeTruthy();
  // The demo companies have no contract at the live fair yet: the buyer declares one (through the API).
  const login = await request.post('/api/auth/login', {
    data: { email: E2E_BUYER_EMAIL, password: E2E_BUYER_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const exhibitors = await request.get('/api/catalogue/exhibitors', { params: { q: EXHIBITOR_COMPANY } });
  const exhibitor = ((await exhibitors.json()) as { items: { id: string; name: string }[] }).items.find(
    (e) => e.name === EXHIBITOR_COMPANY,
  );
  expect(exhibitor, EXHIBITOR_COMPANY).toBeTruthy();
  const contract = await request.post(`/api/fairs/${live!.id}/contracts`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: {
      counterpartCompanyId: exhibitor!.id,
      number: `A11Y-${uniqueSuffix()}`,
      signedOn: new Date().toISOString().slice(0, 10),
      kind: 'contract',
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: 'Hai Phong',
      paymentTerms: 'tt',
      depositPercent: '30.00',
      lines: [{ description: 'Blue crackle bowl, 15 cm', quantity: '200', unit: 'pcs', unitPrice: '4.50' }],
    },
  });
  expect(contract.status(), await contract.text()).toBe(201);
  demo = {
    productPath: `/p/${items[0].slug}`,
    exhibitorPath: `/e/${items[0].company.id}`,
    fairId: live!.id,
    fairSlug: live!.slug,
    contractId: ((await contract.json()) as { id: string }).id,
  };
});

for (const lang of ['vi', 'en'] as const) {
  test(`signed-out pages have no serious accessibility violations (${lang})`, async ({ browser }) => {
    const context = await contextIn(browser, lang);
    const { check } = await checker(await context.newPage(), lang);
    for (const visit of [
      '/catalogue',
      demo.productPath,
      '/p/no-such-product-zzqx', // not found
      '/catalogue?q=zzqx-no-such-craft', // no result
      demo.exhibitorPath,
      '/fairs',
      `/fairs/${demo.fairSlug}`,
      '/privacy',
      '/login',
      '/register',
      '/forgot-password',
      '/reset-password', // no token in the link
      '/verify-email', // no token in the link
      '/invite/not-a-real-invitation', // unknown invitation
      '/no-such-page', // not found
    ])
      await check(visit);
    await context.close();
  });
}

test('the check finds violations on a page reached inside the app, where axe-core is already in the document', async ({
  browser,
}) => {
  const context = await contextIn(browser, 'en');
  const { page, check } = await checker(await context.newPage(), 'en');
  await check('/catalogue');
  await navigateInApp(page, '/fairs');
  await waitForContent(page, 'en', '/fairs');
  // a button without a name and an image without a text alternative, as a careless change would add them
  await page.locator('main').evaluate((main) => {
    (main as unknown as { insertAdjacentHTML(at: string, html: string): void }).insertAdjacentHTML(
      'beforeend',
      '<button type="button"></button><img src="/no-such-image.png">',
    );
  });
  const rules = (await seriousViolations(page)).map((v) => v.rule);
  expect(rules).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  await context.close();
});

interface Account {
  role: string;
  email: string;
  password: string;
  own: Lang;
  visit(c: Checker): Promise<void>;
}

const contractLink = 'a[href^="/deals/contracts/"]:not([href*="/new"])';

const accounts: Account[] = [
  {
    role: 'exhibitor',
    email: E2E_EXHIBITOR_EMAIL,
    password: E2E_EXHIBITOR_PASSWORD,
    own: 'vi',
    async visit(c) {
      const { check } = c;
      // (never the same page component twice in a row: it would stay on screen, see navigateInApp)
      for (const path of ['/', '/company', '/company/team', '/company/profile', '/products/new', '/products'])
        await check(path);
      await check({ linkOn: 'a[href^="/products/"]:not([href$="/new"])', label: 'a product' });
      await check('/inquiries');
      await check('/booths/apply');
      await check({ path: await boothPosterPath(c), main: false });
      for (const path of ['/meetings', '/meetings/new', '/agenda']) await check(path);
      await check({ linkOn: 'a[href$="/outcome"]', label: 'a held meeting' });
      for (const path of ['/matchmaking', '/deals/pipeline', '/deals/samples', '/deals/contracts'])
        await check(path);
      await check({ linkOn: contractLink, label: 'a contract' });
      for (const path of ['/deals/contracts/new', '/notifications', '/account']) await check(path);
    },
  },
  {
    role: 'buyer',
    email: E2E_BUYER_EMAIL,
    password: E2E_BUYER_PASSWORD,
    own: 'en',
    async visit({ check }) {
      for (const path of ['/', '/company', '/company/buyer-profile', '/matchmaking']) await check(path);
      for (const path of ['/meetings', '/meetings/new', '/agenda']) await check(path);
      for (const path of ['/deals/pipeline', '/deals/samples', '/deals/contracts']) await check(path);
      await check({ linkOn: contractLink, label: 'a contract' });
      await check(`/deals/contracts/${demo.contractId}/edit`);
      await check('/checkin/not-a-real-code');
      await check('/meetings/00000000-0000-4000-8000-000000000000'); // a meeting link to no meeting
      // The pages every role shares (notifications, account) are checked for the exhibitor and the interpreter.
    },
  },
  {
    role: 'organizer',
    email: E2E_ORGANIZER_EMAIL,
    password: E2E_ORGANIZER_PASSWORD,
    own: 'vi',
    async visit({ check }) {
      const fair = `/organizer/fairs/${demo.fairId}`;
      for (const path of [
        '/',
        '/organizer/companies',
        '/organizer/moderation',
        '/organizer/fairs/new',
        '/organizer/fairs',
        fair,
        `${fair}/booths`,
        '/organizer/meetings',
        `${fair}/meetings`,
        `${fair}/tables`,
        `${fair}/interpreters`,
        `${fair}/buyers`,
        `${fair}/schedule`,
        '/organizer/dashboard',
        '/organizer/fx-rates',
        '/organizer/data',
        '/organizer/staff',
      ])
        await check(path);
    },
  },
  {
    role: 'interpreter',
    email: INTERPRETER_EMAIL,
    password: INTERPRETER_PASSWORD,
    own: 'vi',
    async visit({ check }) {
      for (const path of ['/', '/agenda', '/notifications', '/account']) await check(path);
    },
  },
];

/** The exhibitor's booth poster, linked from the booth page. */
async function boothPosterPath({ page }: Pick<Checker, 'page'>): Promise<string> {
  const link = page.locator('a[href^="/booths/"][href$="/poster"]').first();
  await expect(link, 'the exhibitor’s booth poster').toBeAttached();
  return (await link.getAttribute('href')) ?? '';
}

for (const account of accounts) {
  const other: Lang = account.own === 'vi' ? 'en' : 'vi';
  for (const lang of [other, account.own]) {
    test(`${account.role} pages have no serious accessibility violations (${lang})`, async ({ browser }) => {
      // Up to 22 pages, each loaded, waited for and analysed: more than one flow's time.
      test.setTimeout(180_000);
      const context = await contextIn(browser, lang);
      const page = await context.newPage();
      await new LoginPage(page).goto();
      await new LoginPage(page).signIn(account.email, account.password);
      await account.visit(await checker(page, lang));
      await context.close();
    });
  }
}
