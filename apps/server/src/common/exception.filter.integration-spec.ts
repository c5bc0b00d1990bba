import { randomUUID } from 'node:crypto';
import { createTestApp, json, type TestApp } from '../../test/app';
import { Factory, type TestUser } from '../../test/factories';

/** Bad input gets a clean 4xx with a stable code and a translated message; never a 500. */
describe('errors: bad input', () => {
  let t: TestApp;
  let organizer: TestUser;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT: '4096' } });
    const f = new Factory(t);
    organizer = await f.organizer();
    companyId = (await f.member('exhibitor', 'pending')).companyId as string;
  });
  afterAll(() => t.close());

  const reject = (payload: string, headers: Record<string, string> = {}) =>
    t.inject({
      method: 'POST',
      url: `/api/companies/${companyId}/reject`,
      headers: { 'content-type': 'application/json', ...organizer.auth, ...headers },
      payload,
    });

  it('malformed JSON sent to POST /api/auth/login is 400 INVALID_JSON', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('translates the message from Accept-Language', async () => {
    const res = await reject('{oops', { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({
      code: 'INVALID_JSON',
      message: 'Nội dung yêu cầu không phải JSON hợp lệ.',
    });
  });

  it('falls back to the signed-in user saved locale without Accept-Language', async () => {
    const res = await reject('{oops');
    // the organizer factory saves locale vi
    expect(json(res).message).toBe('Nội dung yêu cầu không phải JSON hợp lệ.');
  });

  it('an empty JSON body is a bad body', async () => {
    const res = await reject('');
    expect(res.statusCode).toBe(400);
    expect(json(res).code).toBe('INVALID_JSON');
  });

  it.each([
    ['a wrong type', '{"reason": 123}', { reason: 'INVALID_TYPE' }],
    ['a missing field', '{}', { reason: 'REQUIRED' }],
    ['an unknown field', '{"reason": "ok", "admin": true}', { admin: 'UNKNOWN_FIELD' }],
    ['a huge string', JSON.stringify({ reason: 'x'.repeat(3000) }), { reason: 'TOO_LONG' }],
  ])('%s gets VALIDATION_FAILED with per-field codes and messages', async (_name, body, fields) => {
    const res = await reject(body, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    const err = json<{
      code: string;
      details: { fields: Record<string, string>; messages: Record<string, string> };
    }>(res);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.fields).toEqual(fields);
    for (const field of Object.keys(fields)) expect(err.details.messages[field]).toMatch(/\w/);
  });

  it.each([['[]'], ['"text"'], ['null'], ['42'], ['true']])(
    'a body of %s is a 400, not a 500',
    async (body) => {
      const res = await reject(body);
      expect(res.statusCode).toBe(400);
      expect(['VALIDATION_FAILED', 'INVALID_JSON', 'BAD_REQUEST']).toContain(json(res).code);
    },
  );

  it('an oversize body is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await reject(JSON.stringify({ reason: 'x'.repeat(10_000) }));
    expect(res.statusCode).toBe(413);
    expect(json(res).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a content type the route does not take is 415', async () => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/companies/${companyId}/reject`,
      headers: { 'content-type': 'application/x-unknown', ...organizer.auth },
      payload: 'reason=x',
    });
    expect(res.statusCode).toBe(415);
    expect(json(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route is a JSON 404, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.inject({ method, url: '/api/no/such/route', headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(404);
      expect(json(res)).toMatchObject({
        code: 'ROUTE_NOT_FOUND',
        message: 'There is nothing at this address.',
      });
    }
  });

  it('a malformed id is 400 with the field code INVALID_UUID', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/companies/not-a-uuid', headers: organizer.auth });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { id: 'INVALID_UUID' } },
    });
  });

  it('an unknown id is 404 NOT_FOUND', async () => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/companies/${randomUUID()}/approve`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(404);
    expect(json(res).code).toBe('NOT_FOUND');
  });

  it.each([['pageSize=abc'], ['page=-1'], ['pageSize=1000'], ['status=unknown'], ['extra=1']])(
    'a bad query string (%s) is 400',
    async (query) => {
      const res = await t.inject({ method: 'GET', url: `/api/companies?${query}`, headers: organizer.auth });
      expect(res.statusCode).toBe(400);
      expect(json(res).code).toBe('VALIDATION_FAILED');
    },
  );

  it('a missing or forged token is 401 UNAUTHENTICATED', async () => {
    for (const authorization of [undefined, 'Bearer forged.token.value', 'Basic abc']) {
      const res = await t.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(json(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('an expired access token is refused once the clock passes its lifetime', async () => {
    const f = new Factory(t);
    const user = await f.member('buyer', 'pending');
    expect(
      (await t.inject({ method: 'GET', url: '/api/notifications', headers: user.auth })).statusCode,
    ).toBe(200);
    t.clock.advance((t.config.accessTokenTtl + 1) * 1000);
    const res = await t.inject({ method: 'GET', url: '/api/notifications', headers: user.auth });
    expect(res.statusCode).toBe(401);
  });

  it('every response carries a request id and the security headers, a refusal of the router too', async () => {
    // the API's answers get its CSP that allows nothing; the web app's pages (404 here: no build) the app's
    for (const [url, status, csp] of [
      ['/api/health', 200, "default-src 'none'"],
      ['/api/no-such-route', 404, "default-src 'none'"],
      ['/api/catalogue/products/%E0%A4%A', 400, "default-src 'none'"],
      ['/catalogue', 404, "default-src 'self'"],
      ['/catalogue/%E0%A4%A', 400, "default-src 'self'"],
    ] as const) {
      const res = await t.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status });
      expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect({ url, csp: res.headers['content-security-policy'] }).toEqual({
        url,
        csp: expect.stringContaining(csp),
      });
    }
    const traced = await t.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(traced.headers['x-request-id']).toBe('trace-12345678');
  });
});
