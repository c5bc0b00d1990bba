import { io, type Socket } from 'socket.io-client';
import type { AppNotification, CompanyStatusEvent } from '@craftmatch/shared';
import { createTestApp, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { Factory } from '../../test/factories';
import { RateLimitService } from '../common/rate-limit.service';

const REDIS_URL = process.env.REDIS_URL;

/** Two server instances on one database and one Redis behave as one. Run with `npm run test:scale`. */
describe('several instances (Redis)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let socket: Socket | undefined;

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error('REDIS_URL must be set for the scale tests (npm run test:scale).');
    db = await createTestDatabase();
    const secret = 'scale-test-secret-4f9a2c7e1b3d5f6a8c0e2b4d6f8a1c3e';
    a = await createTestApp({ db, env: { REDIS_URL, JWT_SECRET: secret } });
    b = await createTestApp({ db, env: { REDIS_URL, JWT_SECRET: secret } });
    await Promise.all([a.listen(), b.listen()]);
  });
  afterAll(async () => {
    socket?.disconnect();
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('a notification emitted by instance A reaches a client connected to instance B', async () => {
    const f = new Factory(a);
    const organizer = await f.organizer();
    const owner = await f.member('exhibitor', 'pending');
    socket = io(b.baseUrl, {
      path: '/socket.io',
      auth: { token: owner.token },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket?.once('connect', () => resolve());
      socket?.once('connect_error', reject);
    });
    const note = new Promise<AppNotification>((resolve) => socket?.once('notification:new', resolve));
    const status = new Promise<CompanyStatusEvent>((resolve) => socket?.once('company:status', resolve));

    const res = await a.inject({
      method: 'POST',
      url: `/api/companies/${owner.companyId}/approve`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(201);
    await expect(note).resolves.toMatchObject({ type: 'company.approved' });
    await expect(status).resolves.toMatchObject({ companyId: owner.companyId, status: 'approved' });
  });

  it('a rate limit counted on instance A holds on instance B', async () => {
    const rule = { points: 3, duration: 60 };
    const key = `scale-${Date.now()}`;
    const limitA = a.app.get(RateLimitService);
    const limitB = b.app.get(RateLimitService);
    await limitA.consume('scale-test', key, rule);
    await limitB.consume('scale-test', key, rule);
    await limitA.consume('scale-test', key, rule);
    await expect(limitB.consume('scale-test', key, rule)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
    });
  });
});
