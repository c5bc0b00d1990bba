import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { resources } from '@craftmatch/shared';
import { createTestApp, type TestApp } from './app';
import { multipart } from './multipart';
import { RULES, stage } from './security/authz-table';
import { hostile, mutated, pathValue, queryOf, rawBody } from './security/fuzz-arbitraries';
import { openApiDocument, operations, type Operation } from './security/openapi';
import { defaultParams, defaultQuery } from './security/routes';
import { buildWorld, type Role, type World } from './security/world';

/**
 * Issue 7 §2: requests made by fast-check from the OpenAPI schemas (wrong types, missing fields,
 * huge strings, unicode, negative and huge numbers, malformed JSON, bad ids) on every route, sent
 * in-process as roles the route admits. No answer may be a 500, and every 4xx carries a code and
 * its message in the requested language. The test file has its own database.
 */

const SEED = 20261127;
const RUNS_PER_ROUTE = 60;
const CONCURRENCY = 12;
const PHASE: Record<string, number> = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };
type Language = 'vi' | 'en';

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  lng: Language;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The locale resource of an error code, as a pattern when it interpolates values. */
function expectedMessage(lng: Language, code: string): RegExp | null {
  const text = (resources[lng].errors as Record<string, unknown>)[code];
  if (typeof text !== 'string') return null;
  return new RegExp(
    `^${text
      .split(/\{\{\s*\w+\s*\}\}/)
      .map(escape)
      .join('.+')}$`,
    's',
  );
}

function requestsFor(op: Operation, w: World, seed: number): FuzzRequest[] {
  const rule = RULES[op.key];
  const signedIn = (rule?.allow ?? []).filter((r): r is Exclude<Role, 'anonymous'> => r !== 'anonymous');
  const roles: Role[] = signedIn.length ? signedIn : ['exhibitorA', 'buyerC', 'organizer'];
  const valid = defaultParams(op, w);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const params = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, pathValue(valid[p.name])])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const wantsBody = Boolean(op.body) || ['POST', 'PUT', 'PATCH'].includes(op.method);
  const body: fc.Arbitrary<{ payload?: string | Buffer; type?: string }> = op.multipart
    ? fc.oneof(
        fc
          .record({
            content: fc.uint8Array({ maxLength: 2_000 }),
            filename: fc.oneof(fc.constant('photo.png'), fc.string({ maxLength: 300 })),
            contentType: fc.constantFrom('image/png', 'image/jpeg', 'application/pdf', 'text/csv', 'x/y'),
            field: fc.constantFrom('file', 'document', 'x', ''),
          })
          .map((f) => {
            const m = multipart({ ...f, content: Buffer.from(f.content) }, { kind: 'buyer' });
            return { payload: m.payload, type: m.headers['content-type'] };
          }),
        fc.constant({ payload: '--x\r\n\r\n--x--', type: 'multipart/form-data; boundary=x' }),
        fc.constant({ payload: 'x', type: 'multipart/form-data' }),
        rawBody.map((payload) => ({ payload, type: 'application/json' })),
        fc.constant({}),
      )
    : wantsBody
      ? fc.oneof(
          {
            weight: 6,
            arbitrary: mutated(op.body).map((v) => ({
              payload: JSON.stringify(v) ?? 'null',
              type: 'application/json',
            })),
          },
          { weight: 2, arbitrary: rawBody.map((payload) => ({ payload, type: 'application/json' })) },
          {
            weight: 1,
            arbitrary: hostile.map((v) => ({ payload: JSON.stringify(v) ?? '', type: 'application/json' })),
          },
          {
            weight: 1,
            arbitrary: fc.record({
              payload: fc.string({ maxLength: 40 }),
              type: fc.constantFrom(
                'text/plain',
                'application/xml',
                'application/x-www-form-urlencoded',
                'application/json; charset=utf-16',
                '',
              ),
            }),
          },
        )
      : fc.oneof(
          { weight: 5, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: rawBody.map((payload) => ({ payload, type: 'application/json' })) },
        );
  const request = fc.record({
    role: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...roles) },
      { weight: 1, arbitrary: fc.constant<Role>('anonymous') },
    ),
    lng: fc.constantFrom<Language>('vi', 'en'),
    params,
    query: queryOf(op, defaultQuery(op, w)),
    body,
  });
  return fc.sample(request, { seed, numRuns: RUNS_PER_ROUTE }).map((r) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(r.params[name]));
    const headers: Record<string, string> = { ...w.headers(r.role), 'accept-language': r.lng };
    if (r.body.type) headers['content-type'] = r.body.type;
    return {
      method: op.method,
      url: `${path}${r.query ? `?${r.query}` : ''}`,
      headers,
      payload: r.body.payload,
      lng: r.lng,
    };
  });
}

describe('schema fuzz', () => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    ops = operations(await openApiDocument(t)).sort(
      (p, q) => stage(RULES[p.key]) - stage(RULES[q.key]) || PHASE[p.method] - PHASE[q.method],
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses what the fuzz first broke with a coded, translated 4xx', async () => {
    const errorOf = (res: LightMyRequestResponse) =>
      JSON.parse(res.body) as { code: string; message: string };
    // a body nested 5,000 deep overflowed class-transformer's stack (500)
    const deep = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
      payload: `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
    });
    expect([deep.statusCode, errorOf(deep).code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(errorOf(deep).message).toBe(resources.vi.errors.VALIDATION_FAILED);
    // a path parameter over 100 characters, or not valid percent-encoding, got Fastify's English JSON
    const long = await t.inject({
      method: 'POST',
      url: `/api/meetings/${'a'.repeat(101)}/cancel`,
      headers: { ...w.headers('buyerC'), 'accept-language': 'vi' },
    });
    expect([long.statusCode, errorOf(long).code, errorOf(long).message]).toEqual([
      414,
      'BAD_REQUEST',
      resources.vi.errors.BAD_REQUEST,
    ]);
    const undecodable = await t.inject({
      method: 'GET',
      url: '/api/catalogue/products/%E0%A4%A',
      headers: { 'accept-language': 'en' },
    });
    expect([undecodable.statusCode, errorOf(undecodable).code, errorOf(undecodable).message]).toEqual([
      400,
      'BAD_REQUEST',
      resources.en.errors.BAD_REQUEST,
    ]);
    // a multipart upload without a boundary threw busboy's error (500)
    const upload = await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${w.companies.A}/logo`,
      headers: { ...w.headers('exhibitorA'), 'content-type': 'multipart/form-data', 'accept-language': 'en' },
      payload: 'x',
    });
    expect([upload.statusCode, errorOf(upload).code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('answers thousands of generated requests on every route without a 500, each 4xx coded and translated', async () => {
    const findings: string[] = [];
    const statuses: Record<string, number> = {};
    let sent = 0;
    const timing: [number, string][] = [];
    const check = (op: Operation, req: FuzzRequest, res: LightMyRequestResponse) => {
      sent++;
      const group = `${Math.floor(res.statusCode / 100)}xx`;
      statuses[group] = (statuses[group] ?? 0) + 1;
      const shown = `${op.key} ${req.url.slice(0, 160)} ${String(req.payload ?? '').slice(0, 160)}`;
      if (res.statusCode >= 500) {
        findings.push(`${res.statusCode} on ${shown}: ${res.body.slice(0, 200)}`);
        return;
      }
      if (res.statusCode < 400) return;
      let body: { code?: unknown; message?: unknown; details?: Record<string, unknown> };
      try {
        body = JSON.parse(res.body) as typeof body;
      } catch {
        findings.push(`${res.statusCode} without JSON on ${shown}: ${res.body.slice(0, 200)}`);
        return;
      }
      const code = typeof body.code === 'string' ? body.code : '';
      const expected = expectedMessage(req.lng, code);
      if (!code || typeof body.message !== 'string' || body.message === code) {
        findings.push(`${res.statusCode} without code or message on ${shown}: ${res.body.slice(0, 200)}`);
      } else if (!expected || !expected.test(body.message)) {
        findings.push(`${res.statusCode} ${code} not in ${req.lng} on ${shown}: ${body.message}`);
      }
      // field errors: each code has its message in the same language
      const fields = (body.details?.fields ?? {}) as Record<string, string>;
      const messages = (body.details?.messages ?? {}) as Record<string, string>;
      const fieldTexts = (resources[req.lng].errors as Record<string, unknown>).field as Record<
        string,
        string
      >;
      for (const [field, fieldCode] of Object.entries(fields)) {
        if (!fieldTexts[fieldCode] || messages[field] !== fieldTexts[fieldCode])
          findings.push(
            `${code} field ${field}: ${fieldCode} not in ${req.lng} on ${shown}: ${messages[field]}`,
          );
      }
    };
    for (const [index, op] of ops.entries()) {
      const started = Date.now();
      const requests = requestsFor(op, w, SEED + index);
      // a few at a time: the database round trips of one overlap the validation of the others
      for (let i = 0; i < requests.length; i += CONCURRENCY) {
        await Promise.all(
          requests.slice(i, i + CONCURRENCY).map(async (req) => {
            const res = await t.inject({
              method: req.method as 'GET',
              url: req.url,
              headers: req.headers,
              payload: req.payload,
            });
            check(op, req, res);
          }),
        );
      }
      timing.push([Date.now() - started, op.key]);
    }
    if (process.env.FUZZ_TRACE) console.log(timing.sort((a, b) => b[0] - a[0]).slice(0, 25));
    if (process.env.FUZZ_TRACE) console.log(JSON.stringify({ sent, routes: ops.length, statuses }));
    expect(findings.slice(0, 40)).toEqual([]);
    // nothing half-written: each multi-row write of the routes is whole or absent
    const [whole] = await t.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM samples s WHERE NOT EXISTS (SELECT 1 FROM sample_items i WHERE i.sample_id = s.id))
           AS samples_without_items,
         (SELECT count(*)::int FROM meetings m WHERE m.status = 'requested'
             AND NOT EXISTS (SELECT 1 FROM meeting_proposals p WHERE p.meeting_id = m.id)) AS requests_without_slots,
         (SELECT count(*)::int FROM fairs f WHERE NOT EXISTS (SELECT 1 FROM fair_days d WHERE d.fair_id = f.id))
           AS fairs_without_days,
         (SELECT count(*)::int FROM users u WHERE u.role IN ('exhibitor', 'buyer') AND u.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM company_memberships cm WHERE cm.user_id = u.id)) AS members_without_company`,
    );
    expect(whole).toEqual({
      samples_without_items: 0,
      requests_without_slots: 0,
      fairs_without_days: 0,
      members_without_company: 0,
    });
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(statuses['4xx']).toBeGreaterThan(5_000);
  }, 300_000);
});
