import { randomUUID } from 'node:crypto';
import type { FairParticipant, Page } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

describe("the organizer's list of registered buyers", () => {
  let t: TestApp;
  let f: Factory;
  let fairId: string;
  let organizer: TestUser;
  let anna: TestUser;
  let kenji: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone)
       VALUES ($1, 'Hội chợ', 'Fair', 'SECC', 'live', 30, 0, 'Asia/Ho_Chi_Minh') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    fairId = fair.id;
    organizer = await f.organizer();
    const register = async (name: string, country: string) => {
      const user = await f.member('buyer', 'approved');
      await t.dataSource.query(`UPDATE companies SET name = $2, country_code = $3 WHERE id = $1`, [
        user.companyId,
        name,
        country,
      ]);
      const res = await t.inject({
        method: 'POST',
        url: `/api/fairs/${fairId}/participants`,
        headers: user.auth,
      });
      expect(res.statusCode).toBe(201);
      return user;
    };
    anna = await register('Nordhaus GmbH', 'DE');
    kenji = await register('Sakura Living 100%', 'JP');
  });
  afterAll(() => t.close());

  const list = (who: { authorization: string }, query = '') =>
    t.inject({ method: 'GET', url: `/api/fairs/${fairId}/participants${query}`, headers: who });

  it('lists every registered person with company, country and hosted flag, filtered by name and flag', async () => {
    const all = json<Page<FairParticipant>>(await list(organizer.auth));
    expect(all.total).toBe(2);
    expect(all.items.map((p) => [p.companyName, p.countryCode, p.hostedBuyer])).toEqual([
      ['Nordhaus GmbH', 'DE', false],
      ['Sakura Living 100%', 'JP', false],
    ]);

    const hosted = await t.inject({
      method: 'PATCH',
      url: `/api/fairs/${fairId}/participants/${kenji.id}/hosted`,
      headers: organizer.auth,
      payload: { hostedBuyer: true },
    });
    expect(hosted.statusCode).toBe(200);
    const onlyHosted = json<Page<FairParticipant>>(await list(organizer.auth, '?hosted=true'));
    expect(onlyHosted.items.map((p) => p.userId)).toEqual([kenji.id]);

    const byName = json<Page<FairParticipant>>(await list(organizer.auth, '?q=nordhaus'));
    expect(byName.items.map((p) => p.userId)).toEqual([anna.id]);
    // a LIKE wildcard is a literal character, not "anything"
    const literal = json<Page<FairParticipant>>(
      await list(organizer.auth, `?q=${encodeURIComponent('100%')}`),
    );
    expect(literal.items.map((p) => p.userId)).toEqual([kenji.id]);

    const paged = json<Page<FairParticipant>>(await list(organizer.auth, '?page=2&pageSize=1'));
    expect([paged.total, paged.items.map((p) => p.userId)]).toEqual([2, [kenji.id]]);
  });

  it('is refused to buyers, exhibitors and anonymous callers, and bad filters are 400', async () => {
    expect((await list(anna.auth)).statusCode).toBe(403);
    expect((await list((await f.member('exhibitor', 'approved')).auth)).statusCode).toBe(403);
    expect((await list({ authorization: '' })).statusCode).toBe(401);
    const bad = await list(organizer.auth, '?hosted=maybe');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).code).toBe('VALIDATION_FAILED');
    expect((await list(organizer.auth, `?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('answers 404 for an unknown fair', async () => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/fairs/${randomUUID()}/participants`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(404);
  });
});
