import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFRESH_COOKIE } from '@craftmatch/shared';
import { createTestApp, type TestApp } from '../../../test/app';
import { Factory } from '../../../test/factories';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

/** "directive value value; …" → directive → values */
function parseCsp(header: string | string[] | number | undefined): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** What the CSP needs of the web app's HTML: scripts only from files (script-src 'self'), no inline handlers. */
function inlineScriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, body] = match;
    if (!/\bsrc=/.test(attributes)) problems.push(`inline <script>: ${body.trim().slice(0, 60)}`);
    if (/\bsrc=["']?(https?:)?\/\//.test(attributes))
      problems.push(`script from another origin: ${attributes}`);
  }
  for (const match of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)=/gi))
    problems.push(`inline handler ${match[1]}`);
  if (/javascript:/i.test(html)) problems.push('javascript: URL');
  return problems;
}

describe('security: CSP, cookies and secrets', () => {
  describe('in the default (test) mode', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('sends the web app’s pages a CSP that allows only its own scripts, no plugins and no framing', async () => {
      // (API tests run without the built web app: its routes answer 404 here, through the same hooks)
      const res = await t.inject({ method: 'GET', url: '/catalogue' });
      const csp = parseCsp(res.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'"]));
      // images the app itself makes (QR codes, previews of uploads) are data: and blob: URLs
      expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('keeps the web app within that CSP: no inline script or handler in its HTML, source or built', () => {
      const pages = [join(ROOT, 'apps', 'web', 'index.html')];
      // The Vite build, when one is there (the production image always builds it).
      const built = join(ROOT, 'apps', 'web', 'dist', 'index.html');
      if (existsSync(built)) pages.push(built);
      for (const page of pages) {
        const html = readFileSync(page, 'utf8');
        expect({ page, problems: inlineScriptProblems(html) }).toEqual({ page, problems: [] });
        expect(html).toMatch(/<script type="module"[^>]* src="\/[^"]+"/);
      }
      // the checker itself catches what the CSP would block
      expect(inlineScriptProblems('<script>alert(1)</script><a onclick="x()">')).toHaveLength(2);
    });

    it('sends that CSP on every page, the API’s documentation (Swagger UI) and errors included', async () => {
      for (const url of ['/', '/catalogue', '/products/x', '/api/docs']) {
        const res = await t.inject({ method: 'GET', url });
        expect({ url, scripts: parseCsp(res.headers['content-security-policy']).get('script-src') }).toEqual({
          url,
          scripts: ["'self'"],
        });
      }
    });

    it('sends the API’s answers, errors included, a CSP that allows nothing and the headers of a non-page', async () => {
      const user = await new Factory(t).member('buyer', 'approved');
      for (const [url, auth] of [
        ['/api/health', {}],
        ['/api/nope', {}],
        ['/api/notifications', {}],
        ['/api/notifications', user.auth],
      ] as const) {
        const res = await t.inject({ method: 'GET', url, headers: auth });
        const csp = parseCsp(res.headers['content-security-policy']);
        expect({ url, csp: Object.fromEntries(csp) }).toEqual({
          url,
          csp: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
        });
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
          'cross-origin-resource-policy': 'same-origin',
        });
        // only a page acts on these
        expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
        expect(res.headers['x-xss-protection']).toBeUndefined();
      }
    });

    it('sets the refresh cookie httpOnly and SameSite=Lax, only for /api/auth (not Secure over plain http)', async () => {
      const user = await new Factory(t).member('buyer', 'approved');
      const res = await t.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === REFRESH_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth' });
      expect(cookie?.secure).toBeFalsy();
      // never readable from a script: not in the body either
      expect(res.body).not.toContain(cookie!.value);
    });
  });

  describe('in production mode', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { NODE_ENV: 'production' } });
    });
    afterAll(() => t.close());

    it('marks the refresh cookie Secure, HttpOnly and SameSite, sends HSTS and upgrades insecure requests', async () => {
      const user = await new Factory(t).member('exhibitor', 'approved');
      const res = await t.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expect(res.statusCode).toBe(200);
      const raw = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]);
      const header = raw.find((c) => c.startsWith(`${REFRESH_COOKIE}=`))!;
      expect(header).toMatch(/;\s*Secure/i);
      expect(header).toMatch(/;\s*HttpOnly/i);
      expect(header).toMatch(/;\s*SameSite=Lax/i);
      expect(header).toMatch(/;\s*Path=\/api\/auth/i);

      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const page = await t.inject({ method: 'GET', url: '/catalogue' });
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(parseCsp(page.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);

      const logout = await t.inject({
        method: 'POST',
        url: '/api/auth/logout',
        cookies: { [REFRESH_COOKIE]: 'x' },
      });
      const cleared = ([] as string[]).concat(logout.headers['set-cookie'] as string | string[]);
      expect(cleared.find((c) => c.startsWith(`${REFRESH_COOKIE}=`))).toMatch(/;\s*Secure/i);
    });
  });

  describe('the repository', () => {
    /** Every file git would commit: tracked ones and new ones not ignored. */
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    })
      .toString()
      .split('\0')
      .filter((f) => f && existsSync(join(ROOT, f)));

    it('holds no environment files, keys or certificates', () => {
      expect(files.length).toBeGreaterThan(100);
      const suspicious = files.filter(
        (f) =>
          (/(^|\/)\.env(\.|$)/.test(f) && !/\.env\.example$/.test(f)) ||
          /\.(pem|key|p12|pfx|jks|keystore)$/i.test(f) ||
          /(^|\/)id_(rsa|ecdsa|ed25519)$/.test(f),
      );
      expect(suspicious).toEqual([]);
      expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    });

    it('holds no secret-looking strings', () => {
      const patterns: [string, RegExp][] = [
        ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
        ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
        ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
        ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
        ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
        ['Stripe live key', /\b[rs]k_live_[0-9A-Za-z]{20,}/],
        // a JWT_SECRET written down as a literal in configuration (tests make theirs up)
        ['JWT secret', /^\s*JWT_SECRET\s*[=:]\s*["']?[A-Za-z0-9+/_-]{32,}/m],
      ];
      const found: string[] = [];
      for (const file of files) {
        if (
          file === 'package-lock.json' ||
          /\.(png|jpe?g|gif|webp|ico|pdf|xlsx|woff2?|ttf|zip|gz)$/i.test(file)
        )
          continue;
        const text = readFileSync(join(ROOT, file), 'utf8');
        for (const [what, re] of patterns) if (re.test(text)) found.push(`${file}: ${what}`);
      }
      expect(found).toEqual([]);
    });
  });
});
