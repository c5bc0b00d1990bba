import { createTestApp, type TestApp } from './app';
import { multipart } from './multipart';
import {
  fastifyRoutes,
  nestRoutes,
  openApiDocument,
  operations,
  unnamed,
  type Operation,
} from './security/openapi';
import { RULES, stage } from './security/authz-table';
import { defaultParams, defaultQuery, fillPath, Throwaway } from './security/routes';
import { sample } from './security/sample';
import { buildWorld, ROLES, type World } from './security/world';

/**
 * Issue 7 §1: every route of the OpenAPI document, called as each role against resources of
 * exhibitor A or buyer C. RULES says who may get a 2xx; anything else answering 2xx fails, and so
 * does a route without a rule.
 */

const BUYERS_CSV = Buffer.from(
  'companyName,country,contactName,contactEmail,categories\r\nMaison Bleue,FR,Claire Martin,claire@import.example,CER\r\n',
);
const PHASE: Record<string, number> = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };

describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  let x: Throwaway;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    x = new Throwaway(t);
    ops = operations(await openApiDocument(t));
  }, 120_000);
  afterAll(() => t?.close());

  it('the OpenAPI document lists every route the server serves', () => {
    const documented = ops.map((o) => o.key).sort();
    expect(nestRoutes(t.app)).toEqual(documented);
    expect(fastifyRoutes(t.app).map(unnamed)).toEqual(documented.map(unnamed).sort());
    expect(documented.length).toBeGreaterThan(170);
  });

  it('every route has a rule, and every rule a route', () => {
    const documented = new Set(ops.map((o) => o.key));
    expect(ops.map((o) => o.key).filter((k) => !RULES[k])).toEqual([]);
    expect(Object.keys(RULES).filter((k) => !documented.has(k))).toEqual([]);
  });

  it('only the roles of the table get a 2xx, on every route', async () => {
    const ordered = [...ops].sort(
      (p, q) => stage(RULES[p.key]) - stage(RULES[q.key]) || PHASE[p.method] - PHASE[q.method],
    );
    const unexpected: string[] = [];
    const refused: string[] = [];
    let calls = 0;
    for (const op of ordered) {
      const rule = RULES[op.key];
      if (!rule) continue;
      // refused roles first, while the resource is still in the state an allowed role would need
      const roles = [
        ...ROLES.filter((r) => !rule.allow.includes(r)),
        ...ROLES.filter((r) => rule.allow.includes(r)),
      ];
      for (const role of roles) {
        const params = { ...defaultParams(op, w), ...(rule.params ? await rule.params(w, role, x) : {}) };
        const query = new URLSearchParams({ ...defaultQuery(op, w), ...(rule.query?.(w) ?? {}) }).toString();
        const url = fillPath(op.path, params) + (query ? `?${query}` : '');
        const headers: Record<string, string> = { ...w.headers(role), 'accept-language': 'en' };
        let payload: string | Buffer | undefined;
        if (rule.upload || op.multipart) {
          const body =
            rule.upload === 'csv'
              ? multipart({ content: BUYERS_CSV, filename: 'buyers.csv', contentType: 'text/csv' })
              : multipart({ content: w.png, filename: 'photo.png', contentType: 'image/png' });
          Object.assign(headers, body.headers);
          payload = body.payload;
        } else if (op.body || rule.body) {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(rule.body ? await rule.body(w, role, params) : sample(op.body));
        }
        const started = Date.now();
        const res = await t.inject({ method: op.method as 'GET', url, headers, payload });
        if (process.env.AUTHZ_TRACE) console.log(`${Date.now() - started} ms`);
        calls++;
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (process.env.AUTHZ_TRACE)
          console.log(`${op.key} ${role} ${res.statusCode} ${ok ? '' : res.body.slice(0, 120)}`);
        if (ok && !rule.allow.includes(role)) unexpected.push(`${op.key} as ${role}: ${res.statusCode}`);
        if (
          op.method === 'GET' &&
          rule.allow.includes(role) &&
          (res.statusCode === 401 || res.statusCode === 403)
        )
          refused.push(`${op.key} as ${role}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        expect(res.statusCode).toBeLessThan(500);
        if (rule.verify && !(await rule.verify(w, role)))
          unexpected.push(`${op.key} as ${role}: changed data`);
      }
    }
    expect({ unexpected, refused }).toEqual({ unexpected: [], refused: [] });
    expect(calls).toBe(ops.length * ROLES.length);
  }, 300_000);
});
