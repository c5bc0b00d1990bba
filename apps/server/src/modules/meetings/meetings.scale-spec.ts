import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { AppNotification, MeetingChangedEvent, MeetingDetail } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { createTestDatabase, type TestDatabase } from '../../../test/database';
import { Factory, type TestUser } from '../../../test/factories';

const REDIS_URL = process.env.REDIS_URL;
const SLOT = '2026-12-03T01:00:00.000Z';

/** Two instances on one database and one Redis: a change made through A reaches a client on B. */
describe('meetings across instances (Redis)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error('REDIS_URL must be set for the scale tests (npm run test:scale).');
    db = await createTestDatabase();
    const secret = 'scale-test-secret-meetings-8d2f4a6c1e3b5d7f9a0c2e4b';
    a = await createTestApp({ db, env: { REDIS_URL, JWT_SECRET: secret } });
    b = await createTestApp({ db, env: { REDIS_URL, JWT_SECRET: secret } });
    await Promise.all([a.listen(), b.listen()]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  async function connect(app: TestApp, user: TestUser): Promise<Socket> {
    const socket = io(app.baseUrl, {
      path: '/socket.io',
      auth: { token: user.token },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('the buyer, connected to instance B, sees the acceptance made through instance A', async () => {
    const [fair] = await a.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone)
       VALUES ($1, 'Hội chợ', 'Fair', 'SECC', 'live', 30, 0, 'Asia/Ho_Chi_Minh') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    await a.dataSource.query(
      `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, '2026-12-03', '08:00', '12:00')`,
      [fair.id],
    );
    const [hall] = await a.dataSource.query(
      `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A') RETURNING id`,
      [fair.id],
    );
    const f = new Factory(a);
    const buyer = await f.member('buyer', 'approved');
    const exhibitor = await f.member('exhibitor', 'approved');
    await a.dataSource.query(
      `INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`,
      [fair.id, buyer.companyId, buyer.id],
    );
    await a.dataSource.query(
      `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, 'A1')`,
      [fair.id, exhibitor.companyId, hall.id],
    );

    const created = await b.inject({
      method: 'POST',
      url: `/api/fairs/${fair.id}/meetings`,
      headers: buyer.auth,
      payload: { withUserId: exhibitor.id, slots: [SLOT] },
    });
    expect(created.statusCode).toBe(201);
    const meeting = json<MeetingDetail>(created);

    const socket = await connect(b, buyer);
    const changed = new Promise<MeetingChangedEvent>((resolve) => socket.once('meeting:changed', resolve));
    const note = new Promise<AppNotification>((resolve) => socket.once('notification:new', resolve));

    const accepted = await a.inject({
      method: 'POST',
      url: `/api/meetings/${meeting.id}/accept`,
      headers: exhibitor.auth,
      payload: { slotStart: SLOT },
    });
    expect(accepted.statusCode).toBe(200);
    await expect(changed).resolves.toEqual({
      meetingId: meeting.id,
      fairId: fair.id,
      status: 'accepted',
      sequence: 1,
    });
    await expect(note).resolves.toMatchObject({ type: 'meeting.accepted', data: { meetingId: meeting.id } });
  });
});
