import type { AuditEntry, FxRate, Page } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { MINUTE } from '../../../test/clock';
import { Factory, type TestUser } from '../../../test/factories';
import { fxRateEntityId } from './fx-rates.service';

type Auth = { authorization: string };

describe('FX rates audit', () => {
  let t: TestApp;
  let organizer: TestUser;
  let secondOrganizer: TestUser;
  let buyer: TestUser;

  const setRate = (currency: string, effectiveDate: string, rateToUsd: unknown, who: Auth = organizer.auth) =>
    t.inject({
      method: 'PUT',
      url: '/api/fx-rates',
      headers: who,
      payload: { currency, effectiveDate, rateToUsd },
    });
  const trail = async (currency: string, date: string) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/audit?entityType=fx_rate&entityId=${fxRateEntityId(currency, date)}`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(200);
    // newest first from the API; oldest first here
    return json<Page<AuditEntry>>(res).items.reverse();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    organizer = await f.organizer();
    secondOrganizer = await f.organizer();
    buyer = await f.member('buyer', 'approved');
  });
  afterAll(() => t.close());

  it('one stable uuid per currency and day', () => {
    expect(fxRateEntityId('VND', '2026-12-01')).toBe(fxRateEntityId('VND', '2026-12-01'));
    expect(fxRateEntityId('VND', '2026-12-01')).not.toBe(fxRateEntityId('VND', '2026-12-02'));
    expect(fxRateEntityId('VND', '2026-12-01')).not.toBe(fxRateEntityId('EUR', '2026-12-01'));
    expect(fxRateEntityId('VND', '2026-12-01')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('a create and each overwrite write an audit row: who, when, before and after', async () => {
    const created = t.clock.now();
    expect((await setRate('VND', '2026-12-01', '0.00003937')).statusCode).toBe(200);
    t.clock.advance(MINUTE);
    const overwritten = t.clock.now();
    const res = await setRate('VND', '2026-12-01', '0.0000395', secondOrganizer.auth);
    expect(res.statusCode).toBe(200);
    expect(json<FxRate>(res)).toMatchObject({ rateToUsd: '0.00003950', setBy: secondOrganizer.id });

    const rows = await trail('VND', '2026-12-01');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      action: 'fx_rate.create',
      actorId: organizer.id,
      createdAt: created.toISOString(),
      before: null,
      after: { currency: 'VND', effectiveDate: '2026-12-01', rateToUsd: '0.00003937', setBy: organizer.id },
    });
    expect(rows[1]).toMatchObject({
      action: 'fx_rate.overwrite',
      actorId: secondOrganizer.id,
      createdAt: overwritten.toISOString(),
      before: {
        currency: 'VND',
        effectiveDate: '2026-12-01',
        rateToUsd: '0.00003937',
        setBy: organizer.id,
        updatedAt: created.toISOString(),
      },
      after: { rateToUsd: '0.00003950', setBy: secondOrganizer.id, updatedAt: overwritten.toISOString() },
    });

    // the same rate again is still an overwrite the organizer did: recorded
    expect((await setRate('VND', '2026-12-01', '0.00003950')).statusCode).toBe(200);
    const again = await trail('VND', '2026-12-01');
    expect(again).toHaveLength(3);
    expect(again[2]).toMatchObject({
      action: 'fx_rate.overwrite',
      before: { rateToUsd: '0.00003950' },
      after: { rateToUsd: '0.00003950' },
    });
    // another day of the same currency is its own subject
    expect(await trail('VND', '2026-12-02')).toEqual([]);
  });

  it('concurrent first settings of one day: one create, the rest overwrites, the last value stands', async () => {
    const rates = ['1.01', '1.02', '1.03', '1.04', '1.05'];
    const answers = await Promise.all(rates.map((r) => setRate('EUR', '2026-12-05', r)));
    expect(answers.map((a) => a.statusCode)).toEqual(rates.map(() => 200));
    const rows = await trail('EUR', '2026-12-05');
    expect(rows.map((r) => r.action).sort()).toEqual([
      'fx_rate.create',
      'fx_rate.overwrite',
      'fx_rate.overwrite',
      'fx_rate.overwrite',
      'fx_rate.overwrite',
    ]);
    const [stored] = await t.dataSource.query<{ rate: string }[]>(
      `SELECT rate_to_usd::text AS rate FROM fx_rates WHERE currency = 'EUR' AND effective_date = '2026-12-05'`,
    );
    // each overwrite saw the value before it: the before/after rows chain without a gap
    const chain = rows.map((r) => [r.before?.rateToUsd ?? null, r.after?.rateToUsd]);
    for (let i = 1; i < chain.length; i++) expect(chain[i][0]).toBe(chain[i - 1][1]);
    expect(chain.at(-1)![1]).toBe(stored.rate);
  });

  it('a refused setting writes neither rate nor audit row', async () => {
    expect((await setRate('JPY', '2026-12-01', 0.5)).statusCode).toBe(400);
    expect((await setRate('JPY', '2026-12-01', '0.0066', buyer.auth)).statusCode).toBe(403);
    expect(await trail('JPY', '2026-12-01')).toEqual([]);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM fx_rates WHERE currency = 'JPY'`,
    );
    expect(n).toBe(0);
  });
});
