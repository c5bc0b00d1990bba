import type { HealthStatus } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports the database up, without signing in', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(json<HealthStatus>(res)).toMatchObject({
      status: 'ok',
      database: 'up',
      time: t.clock.now().toISOString(),
    });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = json<{ paths: Record<string, unknown> }>(res);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/companies/{id}/approve']),
    );
  });

  it('sends security headers', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('reports 503 when the database is gone', async () => {
    await t.db.drop();
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(json<HealthStatus>(res)).toMatchObject({ status: 'degraded', database: 'down' });
  });
});
