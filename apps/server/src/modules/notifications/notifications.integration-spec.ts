import type { NotificationPage } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory } from '../../../test/factories';
import { NotificationsService } from './notifications.service';

describe('notifications', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const list = async (auth: Record<string, string>, query = '') =>
    json<NotificationPage>(
      await t.inject({ method: 'GET', url: `/api/notifications${query}`, headers: auth }),
    );

  it('lists newest first with an unread count, and pages', async () => {
    const user = await f.member('buyer', 'pending');
    const service = t.app.get(NotificationsService);
    for (let i = 0; i < 3; i++) {
      await service.notify([user.id], 'member.joined', {
        fullName: `Colleague ${i}`,
        companyName: 'Nordhaus',
      });
      t.clock.advance(1000);
    }
    const page = await list(user.auth, '?pageSize=2');
    expect(page).toMatchObject({ total: 3, unreadCount: 3, page: 1, pageSize: 2 });
    expect(page.items.map((n) => n.data.fullName)).toEqual(['Colleague 2', 'Colleague 1']);
    expect((await list(user.auth, '?pageSize=2&page=2')).items.map((n) => n.data.fullName)).toEqual([
      'Colleague 0',
    ]);
  });

  it('marks one and then all as read', async () => {
    const user = await f.member('exhibitor', 'pending');
    const service = t.app.get(NotificationsService);
    await service.notify([user.id], 'company.approved', { companyName: 'Gốm Bát Tràng' });
    await service.notify([user.id], 'company.approved', { companyName: 'Gốm Bát Tràng' });
    const [first] = (await list(user.auth)).items;
    const read = await t.inject({
      method: 'POST',
      url: `/api/notifications/${first.id}/read`,
      headers: user.auth,
    });
    expect(read.statusCode).toBe(204);
    expect((await list(user.auth)).unreadCount).toBe(1);
    expect(
      (await t.inject({ method: 'POST', url: '/api/notifications/read-all', headers: user.auth })).statusCode,
    ).toBe(204);
    const after = await list(user.auth);
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it("cannot read or mark another user's notifications", async () => {
    const owner = await f.member('exhibitor', 'pending');
    const other = await f.member('exhibitor', 'pending');
    await t.app.get(NotificationsService).notify([owner.id], 'company.approved', { companyName: 'A' });
    const [note] = (await list(owner.auth)).items;
    expect((await list(other.auth)).items).toEqual([]);
    const res = await t.inject({
      method: 'POST',
      url: `/api/notifications/${note.id}/read`,
      headers: other.auth,
    });
    expect(res.statusCode).toBe(404);
    expect((await list(owner.auth)).unreadCount).toBe(1);
  });
});
