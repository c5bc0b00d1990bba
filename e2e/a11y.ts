import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';

/** Shared by the accessibility specs: contexts in a language, waiting for a page's content, axe. */

export type Lang = 'vi' | 'en';

/** A demo interpreter, seeded by the e2e server. */
export const INTERPRETER_EMAIL = 'chau.pham@interpreters.example';
export const INTERPRETER_PASSWORD = 'Interpreter-2026!';

/** A browser context whose visitor chose `lang`; "pending" makes sign-in keep it (and save it). */
export async function contextIn(browser: Browser, lang: Lang, timezoneId = 'Asia/Ho_Chi_Minh') {
  const context = await browser.newContext({ locale: lang === 'vi' ? 'vi-VN' : 'en-US', timezoneId });
  await context.addInitScript((language) => {
    const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } })
      .localStorage;
    storage.setItem('craftmatch.language', language);
    storage.setItem('craftmatch.language.pending', language);
  }, lang);
  return context;
}

export async function signIn(page: Page, email: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
}

/**
 * Counts the page's API calls in flight (in the page, from its first script on), so a check can wait
 * for the data a page asked for instead of a fixed time or networkidle's half second on every page.
 */
export async function trackApi(page: Page) {
  await page.context().addInitScript(() => {
    const w = globalThis as unknown as {
      fetch: (input: unknown, init?: unknown) => Promise<unknown>;
      __apiPending: number;
    };
    w.__apiPending = 0;
    const original = w.fetch.bind(w);
    w.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : String((input as { url?: string }).url ?? input);
      if (!/^(https?:\/\/[^/]+)?\/api\//.test(url)) return original(input, init);
      w.__apiPending++;
      return original(input, init).finally(() => w.__apiPending--);
    };
  });
}

/**
 * Goes to `path` inside the running app, as a link would: the router hears a history entry (no
 * reload). The headings on screen now are remembered, so waitForContent waits for the next page's
 * own heading, not the one it replaces (the page being left stays on screen until the next is ready).
 * Two paths drawn by the same page component in a row would keep its heading: avoid that.
 */
export async function navigateInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    const w = globalThis as unknown as {
      document: { querySelectorAll(s: string): ArrayLike<object> };
      history: { state: { idx?: number } | null; pushState(s: unknown, t: string, u: string): void };
      dispatchEvent(e: unknown): void;
      PopStateEvent: new (type: string, init: { state: unknown }) => unknown;
      __oldHeadings?: WeakSet<object>;
      __contentFrames?: number;
    };
    w.__oldHeadings = new WeakSet(Array.from(w.document.querySelectorAll('h1, h2')));
    w.__contentFrames = 0;
    const state = {
      usr: null,
      key: Math.random().toString(36).slice(2, 10),
      idx: (w.history.state?.idx ?? 0) + 1,
    };
    w.history.pushState(state, '', to);
    w.dispatchEvent(new w.PopStateEvent('popstate', { state }));
  }, path);
}

/**
 * The page's content is there: its language, a visible heading in its main region, no API call in
 * flight, no loader, skeleton or busy region left, all of it for three frames in a row (so the
 * queries a page starts once its first data arrives are waited for too).
 */
export async function waitForContent(page: Page, lang: Lang, label: string, { main = true } = {}) {
  await expect(page.locator('html'), label).toHaveAttribute('lang', lang);
  try {
    await page.waitForFunction(
      (inMain) => {
        const w = globalThis as unknown as {
          document: {
            querySelector(s: string): { querySelectorAll(s: string): ArrayLike<unknown> } | null;
            querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
          };
          getComputedStyle(e: unknown): { visibility: string };
          __apiPending?: number;
          __contentFrames?: number;
          __oldHeadings?: WeakSet<object>;
        };
        const scope = inMain ? w.document.querySelector('main') : w.document.querySelector('body');
        const headings = Array.from(scope?.querySelectorAll('h1, h2') ?? []) as {
          getClientRects(): ArrayLike<unknown>;
        }[];
        const ready =
          (w.__apiPending ?? 0) === 0 &&
          headings.some(
            (h) =>
              !w.__oldHeadings?.has(h) &&
              h.getClientRects().length > 0 &&
              w.getComputedStyle(h).visibility !== 'hidden',
          ) &&
          w.document.querySelectorAll('[aria-busy="true"], .mantine-Skeleton-root[data-visible]').length ===
            0 &&
          !Array.from(w.document.querySelectorAll('[role="status"]')).some((s) =>
            /Đang tải|Loading/.test(s.textContent ?? ''),
          );
        w.__contentFrames = ready ? (w.__contentFrames ?? 0) + 1 : 0;
        return w.__contentFrames >= 3;
      },
      main,
      { polling: 'raf', timeout: 15_000 },
    );
  } catch (error) {
    throw new Error(`${label}: its content (a heading in its main region, data loaded) never showed`, {
      cause: error,
    });
  }
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page) {
  // axe-core (1.5 MB of script) goes into a document once: the pages after the first are reached inside
  // the app, so it is still there, and putting it in again cost a quarter of each check. The legacy
  // (axe.run) mode checks the page where it is, instead of passing its results to a new blank page to
  // be put together (a page opened per check, a second each on a 2-core machine): the app has no
  // frames from another origin, which only that mode can reach.
  const injected = await page.evaluate(
    () => typeof (globalThis as { axe?: { run?: unknown } }).axe?.run === 'function',
  );
  // Only the violations are detailed (the other result types are not read here).
  const { violations } = await new AxeBuilder({ page, ...(injected ? { axeSource: ';' } : {}) })
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`),
    }));
}

/** The element or something inside it has the keyboard focus. */
export const isFocused = (locator: Locator) =>
  locator.evaluate((el) =>
    (el as unknown as { matches(s: string): boolean }).matches(':focus, :focus-within'),
  );

/**
 * How the focused element shows its focus: its outline (style and width) or a box-shadow ring.
 * Null when nothing but the body has focus.
 */
export function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { activeElement: { tagName: string; outerHTML: string } | null; body: unknown };
      }
    ).document;
    const el = doc.activeElement;
    if (!el || el === doc.body) return null;
    const style = (
      globalThis as unknown as {
        getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string };
      }
    ).getComputedStyle(el);
    return {
      element: el.outerHTML.slice(0, 120),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      ring: style.boxShadow !== 'none' && style.boxShadow !== '',
    };
  });
}

/** The focused element shows a focus outline or ring. */
export async function expectVisibleFocus(page: Page, where: string) {
  const indicator = await focusIndicator(page);
  expect(indicator, `${where}: something has the focus`).not.toBeNull();
  expect(indicator!.outline || indicator!.ring, `${where}: focus visible on ${indicator!.element}`).toBe(
    true,
  );
}
