import Decimal from 'decimal.js';
import type { DashboardResponse, DashboardTopRow } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { DashboardRollup1764600000300 } from '../../database/migrations/1764600000300-DashboardRollup';
import { DashboardBumpPlpgsql1765000000000 } from '../../database/migrations/1765000000000-DashboardBumpPlpgsql';
import { HISTORY, seedHistory } from '../../database/seeds/history';

/** Every figure is compared with a query written here, independently of the service's single statement. */
describe('dashboard', () => {
  let t: TestApp;
  let f: Factory;
  let organizer: TestUser;
  let staff: TestUser;
  let seedMs: number;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query(sql, params) as Promise<T[]>;
  const get = (url: string, who: TestUser) => t.inject({ method: 'GET', url, headers: who.auth });

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    organizer = await f.organizer();
    staff = await f.user({ role: 'organizer_staff' });
    const result = await seedHistory(t.dataSource);
    seedMs = result.ms;
    expect(result).toMatchObject({ seeded: true, fairs: 5, booths: 1250, participants: 3200 });
  });
  afterAll(() => t.close());

  /** The independent figures for a set of fairs. */
  async function expected(fairIds: string[]) {
    const [ex] = await q(
      `SELECT count(*)::int AS participations, count(DISTINCT b.company_id)::int AS firms,
              count(DISTINCT ep.province_code)::int AS provinces,
              count(DISTINCT ep.province_legacy)::int AS legacy,
              count(DISTINCT ep.village_code)::int AS villages,
              count(DISTINCT coalesce(ep.category_code, (SELECT category_code FROM craft_villages v WHERE v.code = ep.village_code)))::int AS categories
         FROM booths b LEFT JOIN exhibitor_profiles ep USING (company_id)
        WHERE b.status = 'approved' AND b.fair_id = ANY($1)`,
      [fairIds],
    );
    const [bu] = await q(
      `SELECT (SELECT count(*) FROM (SELECT DISTINCT fair_id, company_id FROM fair_participants WHERE fair_id = ANY($1)) x)::int AS participations,
              (SELECT count(DISTINCT company_id) FROM fair_participants WHERE fair_id = ANY($1))::int AS firms,
              (SELECT count(DISTINCT coalesce((SELECT country FROM buyer_profiles bp WHERE bp.company_id = c.id), c.country_code))
                 FROM fair_participants p JOIN companies c ON c.id = p.company_id
                WHERE p.fair_id = ANY($1))::int AS countries`,
      [fairIds],
    );
    const [k] = await q<{ n: number; nc: number; declared: string; confirmed: string; disputed: string }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'confirmed')::int AS nc,
              coalesce(sum(total_usd), 0)::text AS declared,
              coalesce(sum(total_usd) FILTER (WHERE status = 'confirmed'), 0)::text AS confirmed,
              coalesce(sum(total_usd) FILTER (WHERE status = 'disputed'), 0)::text AS disputed
         FROM contracts WHERE fair_id = ANY($1) AND status IN ('declared','confirmed','disputed')`,
      [fairIds],
    );
    return { ex, bu, k };
  }

  /** The top list of one dimension, by a plain join of every contract. */
  async function topOf(fairIds: string[], codeSql: string): Promise<DashboardTopRow[]> {
    const rows = await q<{ code: string | null; contracts: number; declared: string; confirmed: string }>(
      `SELECT ${codeSql} AS code, count(*)::int AS contracts, sum(c.total_usd)::text AS declared,
              coalesce(sum(c.total_usd) FILTER (WHERE c.status = 'confirmed'), 0)::text AS confirmed
         FROM contracts c
         JOIN companies bc ON bc.id = c.buyer_company_id
         LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.exhibitor_company_id
         LEFT JOIN craft_villages v ON v.code = ep.village_code
        WHERE c.fair_id = ANY($1) AND c.status <> 'cancelled'
        GROUP BY 1`,
      [fairIds],
    );
    return ranked(rows);
  }

  /**
   * Categories from the contract lines: a line's product category, else (free-text line, or a contract without
   * lines) the exhibitor's main category; one count per contract and category; USD per contract and category
   * rounded to cents.
   */
  async function categoriesOf(fairIds: string[]): Promise<DashboardTopRow[]> {
    const rows = await q<{ code: string | null; contracts: number; declared: string; confirmed: string }>(
      `WITH parts AS (
         SELECT c.id, c.status, coalesce(p.category_code, ep.category_code, v.category_code)::text AS code,
                round(sum(l.line_total * c.fx_rate), 2) AS usd
           FROM contracts c
           JOIN contract_lines l ON l.contract_id = c.id
           LEFT JOIN products p ON p.id = l.product_id
           LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.exhibitor_company_id
           LEFT JOIN craft_villages v ON v.code = ep.village_code
          WHERE c.fair_id = ANY($1) AND c.status <> 'cancelled'
          GROUP BY 1, 2, 3
         UNION ALL
         SELECT c.id, c.status, coalesce(ep.category_code, v.category_code)::text, c.total_usd
           FROM contracts c
           LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.exhibitor_company_id
           LEFT JOIN craft_villages v ON v.code = ep.village_code
          WHERE c.fair_id = ANY($1) AND c.status <> 'cancelled'
            AND NOT EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = c.id))
       SELECT code, count(*)::int AS contracts, sum(usd)::text AS declared,
              coalesce(sum(usd) FILTER (WHERE status = 'confirmed'), 0)::text AS confirmed
         FROM parts GROUP BY code`,
      [fairIds],
    );
    return ranked(rows);
  }

  function ranked(
    rows: { code: string | null; contracts: number; declared: string; confirmed: string }[],
  ): DashboardTopRow[] {
    return rows
      .sort(
        (a, b) =>
          new Decimal(b.confirmed).comparedTo(a.confirmed) ||
          new Decimal(b.declared).comparedTo(a.declared) ||
          (a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      )
      .slice(0, 10)
      .map((r) => ({
        code: r.code,
        contracts: r.contracts,
        declaredUsd: new Decimal(r.declared).toFixed(2),
        confirmedUsd: new Decimal(r.confirmed).toFixed(2),
      }));
  }

  async function checkAgainstSql(d: DashboardResponse, fairIds: string[]) {
    const { ex, bu, k } = await expected(fairIds);
    expect(d.exhibitors).toEqual({
      participations: ex.participations,
      firms: ex.firms,
      provinces: ex.provinces,
      legacyProvinces: ex.legacy,
      villages: ex.villages,
      categories: ex.categories,
    });
    expect(d.buyers).toEqual(bu);
    expect(d.contracts.count).toBe(k.n);
    expect(d.contracts.confirmedCount).toBe(k.nc);
    expect(d.contracts.declaredUsd).toBe(new Decimal(k.declared).toFixed(2));
    expect(d.contracts.confirmedUsd).toBe(new Decimal(k.confirmed).toFixed(2));
    expect(d.contracts.disputedUsd).toBe(new Decimal(k.disputed).toFixed(2));
    expect(d.contracts.averagePerExhibitorUsd).toBe(
      ex.participations === 0
        ? '0.00'
        : new Decimal(k.confirmed)
            .div(ex.participations as number)
            .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
            .toFixed(2),
    );
    const [target] = await q<{ usd: string | null }>(
      `SELECT sum(contract_target_usd)::text AS usd FROM fairs WHERE id = ANY($1)`,
      [fairIds],
    );
    expect(d.contracts.targetUsd === null ? null : d.contracts.targetUsd).toBe(
      target.usd === null ? null : new Decimal(target.usd).toFixed(2),
    );
    if (target.usd !== null && new Decimal(target.usd).gt(0))
      expect(d.contracts.progress).toBe(
        new Decimal(k.confirmed).div(target.usd).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
      );
    expect(d.top.countries).toEqual(
      await topOf(
        fairIds,
        `coalesce((SELECT country FROM buyer_profiles WHERE company_id = bc.id), bc.country_code)::text`,
      ),
    );
    expect(d.top.categories).toEqual(await categoriesOf(fairIds));
    expect(d.top.provinces).toEqual(await topOf(fairIds, `ep.province_code`));
    expect(d.top.villages).toEqual(await topOf(fairIds, `ep.village_code`));
    const days = await q<{ date: string; contracts: number; declared: string; confirmed: string }>(
      `SELECT to_char(signed_on, 'YYYY-MM-DD') AS date, count(*)::int AS contracts, sum(total_usd)::text AS declared,
              coalesce(sum(total_usd) FILTER (WHERE status = 'confirmed'), 0)::text AS confirmed
         FROM contracts WHERE fair_id = ANY($1) AND status <> 'cancelled' GROUP BY signed_on ORDER BY signed_on`,
      [fairIds],
    );
    expect(d.byDay).toEqual(
      days.map((r) => ({
        date: r.date,
        contracts: r.contracts,
        declaredUsd: new Decimal(r.declared).toFixed(2),
        confirmedUsd: new Decimal(r.confirmed).toFixed(2),
      })),
    );
    const [m] = await q(
      `SELECT count(*)::int AS requested,
              count(*) FILTER (WHERE status IN ('accepted','held','no_show'))::int AS accepted,
              count(*) FILTER (WHERE status = 'held')::int AS held,
              count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
              count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE answered_at - created_at <= interval '1 day')::int AS within
         FROM meetings WHERE fair_id = ANY($1)`,
      [fairIds],
    );
    expect(d.meetings).toEqual({
      requested: m.requested,
      accepted: m.accepted,
      held: m.held,
      noShow: m.no_show,
      noShowRate:
        (m.held as number) + (m.no_show as number) === 0
          ? null
          : new Decimal(m.no_show as number)
              .div((m.held as number) + (m.no_show as number))
              .toDecimalPlaces(4, Decimal.ROUND_HALF_UP)
              .toFixed(4),
      answered: m.answered,
      answeredWithin24h: m.within,
    });
    const [s] = await q(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'requested')::int AS requested,
              count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'received')::int AS received,
              count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE status = 'rejected')::int AS rejected
         FROM samples WHERE fair_id = ANY($1)`,
      [fairIds],
    );
    expect(d.samples).toEqual(s);
  }

  it("reproduces the brief's 2016–2020 figures from the generated rows", async () => {
    const res = await get('/api/dashboard?from=2016&to=2020', organizer);
    expect(res.statusCode).toBe(200);
    const d = json<DashboardResponse>(res);
    expect(d.scope).toEqual({ kind: 'years', fairId: null, from: 2016, to: 2020 });
    expect(d.fairs.map((x) => x.year)).toEqual([2016, 2017, 2018, 2019, 2020]);
    // the brief: 1,250 exhibitor participations, 3,200 importer participations from 40 countries, > 20M USD
    expect(d.exhibitors.participations).toBe(1250);
    expect(d.buyers.participations).toBe(3200);
    expect(d.buyers.countries).toBe(40);
    expect(d.exhibitors.legacyProvinces).toBe(1 + HISTORY.otherLegacyProvinces);
    expect(d.exhibitors.firms).toBeLessThan(1250);
    expect(d.buyers.firms).toBeLessThan(3200);
    expect(new Decimal(d.contracts.confirmedUsd).gt(20_000_000)).toBe(true);
    expect(new Decimal(d.contracts.confirmedUsd).lt(20_500_000)).toBe(true);
    expect(d.contracts.confirmedUsd).toBe(d.contracts.declaredUsd);
    expect(d.contracts.count).toBe(HISTORY.contracts.reduce((a, b) => a + b, 0));
    expect(d.byDay).toHaveLength(20);
    const fairIds = d.fairs.map((x) => x.fairId);
    await checkAgainstSql(d, fairIds);

    // each fair's row against its own query
    for (const row of d.fairs) {
      const { ex, bu, k } = await expected([row.fairId]);
      expect(row).toMatchObject({
        exhibitors: ex.participations,
        buyers: bu.participations,
        countries: bu.countries,
        contracts: k.n,
        declaredUsd: new Decimal(k.declared).toFixed(2),
        confirmedUsd: new Decimal(k.confirmed).toFixed(2),
        targetUsd: '4000000.00',
        status: 'closed',
      });
    }
    expect(d.fairs.map((x) => x.exhibitors)).toEqual([...HISTORY.exhibitorParticipations]);
    expect(d.fairs.map((x) => x.buyers)).toEqual([...HISTORY.importerParticipations]);

    // every contract's USD value is its total at its stored rate, rounded half-up to cents
    const wrong = await q(
      `SELECT id FROM contracts WHERE fair_id = ANY($1) AND total_usd <> round(total * fx_rate, 2)`,
      [fairIds],
    );
    expect(wrong).toEqual([]);
    // historical rows keep the legacy province, which maps to today's
    const [legacy] = await q(
      `SELECT count(*)::int AS n FROM exhibitor_profiles ep JOIN provinces_legacy l ON l.name_vi = ep.province_legacy
        WHERE l.province_code <> ep.province_code`,
    );
    expect(legacy.n).toBe(0);
  });

  it('narrows to the fairs of the chosen years; a fair alone; every fair together', async () => {
    const two = json<DashboardResponse>(await get('/api/dashboard?from=2017&to=2018', staff));
    expect(two.fairs.map((x) => x.year)).toEqual([2017, 2018]);
    expect(two.exhibitors.participations).toBe(
      HISTORY.exhibitorParticipations[1] + HISTORY.exhibitorParticipations[2],
    );
    await checkAgainstSql(
      two,
      two.fairs.map((x) => x.fairId),
    );

    const fair2016 = two.fairs[0].fairId;
    const one = json<DashboardResponse>(await get(`/api/dashboard?fairId=${fair2016}`, organizer));
    expect(one.scope.kind).toBe('fair');
    expect(one.fairs).toHaveLength(1);
    await checkAgainstSql(one, [fair2016]);

    const all = json<DashboardResponse>(await get('/api/dashboard', organizer));
    const ids = (await q<{ id: string }>(`SELECT id FROM fairs`)).map((r) => r.id);
    expect(all.fairs).toHaveLength(ids.length);
    await checkAgainstSql(all, ids);
  });

  it('counts a live fair: booths, registrations, meetings answered within 24 h, samples, contracts by status', async () => {
    const start = new Date(t.clock.now().getTime() - 86_400_000);
    const day = (n: number) => new Date(start.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const [fair] = await q<{ id: string }>(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, contract_target_usd)
       VALUES ('dash-live', 'Hội chợ', 'Fair', 'Hà Nội', 'live', '100000.00') RETURNING id`,
    );
    await q(
      `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) SELECT $1, d, '08:30', '17:30' FROM unnest($2::date[]) d`,
      [fair.id, [day(0), day(1), day(2)]],
    );
    const [hall] = await q<{ id: string }>(
      `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'A') RETURNING id`,
      [fair.id],
    );
    const exhibitors: TestUser[] = [];
    for (const [i, village] of ['bat-trang', 'van-phuc', null].entries()) {
      const e = await f.member('exhibitor', 'approved');
      exhibitors.push(e);
      await q(
        `INSERT INTO exhibitor_profiles (company_id, village_code, province_code)
         VALUES ($1, $2::varchar, (SELECT province_code FROM craft_villages WHERE code = $2::varchar))`,
        [e.companyId, village],
      );
      await q(
        `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, $4)`,
        [fair.id, e.companyId, hall.id, `A-${i}`],
      );
    }
    const pending = await f.member('exhibitor', 'approved');
    await q(`INSERT INTO booths (fair_id, company_id, status) VALUES ($1, $2, 'pending')`, [
      fair.id,
      pending.companyId,
    ]);
    const buyers: TestUser[] = [];
    for (const country of ['DE', 'JP']) {
      const b = await f.member('buyer', 'approved');
      buyers.push(b);
      await q(`INSERT INTO buyer_profiles (company_id, country) VALUES ($1, $2)`, [b.companyId, country]);
      await q(`INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`, [
        fair.id,
        b.companyId,
        b.id,
      ]);
    }
    // a second person of the first buyer: still one participation
    const colleague = await f.user({ role: 'buyer', companyId: buyers[0].companyId!, membership: 'staff' });
    await q(`INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`, [
      fair.id,
      buyers[0].companyId,
      colleague.id,
    ]);

    // meetings: answered after 2 h and after 30 h, one held, one no-show, one still waiting
    const created = new Date(start.getTime() - 3 * 86_400_000);
    const meeting = async (e: TestUser, b: TestUser, hour: number) => {
      const [m] = await q<{ id: string }>(
        `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                               requester_company_id, awaiting_company_id, expires_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $2, $3, $6::timestamptz + interval '2 days', $6, $6) RETURNING id`,
        [fair.id, b.companyId, e.companyId, b.id, e.id, created],
      );
      const range = `[${new Date(start.getTime() + hour * 3_600_000).toISOString()},${new Date(start.getTime() + (hour + 0.5) * 3_600_000).toISOString()})`;
      return { id: m.id, range };
    };
    const accept = (id: string, range: string, afterHours: number) =>
      q(
        `UPDATE meetings SET status = 'accepted', time_range = $2::tstzrange, awaiting_company_id = NULL,
                updated_at = created_at + make_interval(hours => $3) WHERE id = $1`,
        [id, range, afterHours],
      );
    const m1 = await meeting(exhibitors[0], buyers[0], 9);
    await accept(m1.id, m1.range, 2);
    await q(`UPDATE meetings SET status = 'held' WHERE id = $1`, [m1.id]);
    const m2 = await meeting(exhibitors[1], buyers[1], 10);
    await accept(m2.id, m2.range, 30);
    await q(`UPDATE meetings SET status = 'no_show' WHERE id = $1`, [m2.id]);
    const m3 = await meeting(exhibitors[2], buyers[0], 11);
    await q(
      `UPDATE meetings SET status = 'declined', updated_at = created_at + interval '5 hours' WHERE id = $1`,
      [m3.id],
    );
    await meeting(exhibitors[2], buyers[1], 12);

    await q(
      `INSERT INTO samples (fair_id, exhibitor_company_id, buyer_company_id, requested_by_company_id, status, courier, tracking_number)
       VALUES ($1, $2, $3, $3, 'requested', NULL, NULL), ($1, $2, $3, $3, 'sent', 'DHL', '123'), ($1, $4, $5, $5, 'received', 'UPS', '9')`,
      [fair.id, exhibitors[0].companyId, buyers[0].companyId, exhibitors[1].companyId, buyers[1].companyId],
    );
    const contract = (n: string, e: TestUser, b: TestUser, status: string, usd: string, on: string) =>
      q(
        `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency, incoterm,
                                incoterm_place, payment_terms, status, declared_by_company_id, total, fx_rate, fx_date, total_usd,
                                confirmed_at, dispute_reason, cancel_reason)
         VALUES ($1, $2, $3, $4, $5, 'contract', 'USD', 'FOB', 'Hải Phòng', 'lc_sight', $6::varchar, $3, $7, 1, $5, $7,
                 CASE WHEN $6::varchar = 'confirmed' THEN now() END, CASE WHEN $6::varchar = 'disputed' THEN 'price' END,
                 CASE WHEN $6::varchar = 'cancelled' THEN 'gone' END)`,
        [fair.id, e.companyId, b.companyId, n, on, status, usd],
      );
    await contract('C1', exhibitors[0], buyers[0], 'confirmed', '12000.50', day(0));
    await contract('C2', exhibitors[1], buyers[1], 'declared', '3000.25', day(1));
    await contract('C3', exhibitors[2], buyers[1], 'disputed', '700.00', day(1));
    await contract('C4', exhibitors[0], buyers[1], 'cancelled', '99999.00', day(2));
    await contract('C5', exhibitors[1], buyers[0], 'confirmed', '0.01', day(2));

    const d = json<DashboardResponse>(await get(`/api/dashboard?fairId=${fair.id}`, organizer));
    expect(d.exhibitors).toMatchObject({
      participations: 3,
      firms: 3,
      villages: 2,
      provinces: 1,
      legacyProvinces: 0,
    });
    expect(d.buyers).toEqual({ participations: 2, firms: 2, countries: 2 });
    expect(d.meetings).toEqual({
      requested: 4,
      accepted: 2,
      held: 1,
      noShow: 1,
      noShowRate: '0.5000',
      answered: 3,
      answeredWithin24h: 2,
    });
    expect(d.samples).toEqual({ total: 3, requested: 1, sent: 1, received: 1, approved: 0, rejected: 0 });
    expect(d.contracts).toEqual({
      count: 4,
      confirmedCount: 2,
      declaredUsd: '15700.76',
      confirmedUsd: '12000.51',
      disputedUsd: '700.00',
      averagePerExhibitorUsd: '4000.17',
      targetUsd: '100000.00',
      progress: '0.1200',
    });
    expect(d.byDay.map((x) => [x.date, x.contracts, x.confirmedUsd])).toEqual([
      [day(0), 1, '12000.50'],
      [day(1), 2, '0.00'],
      [day(2), 1, '0.01'],
    ]);
    expect(d.top.countries.map((x) => x.code)).toEqual(['DE', 'JP']);
    await checkAgainstSql(d, [fair.id]);

    // the sums kept by triggers follow confirmations, cancellations, re-valuations and deletions
    await q(
      `UPDATE contracts SET status = 'confirmed', confirmed_at = now() WHERE fair_id = $1 AND number = 'C2'`,
      [fair.id],
    );
    await q(
      `UPDATE contracts SET status = 'cancelled', cancel_reason = 'x' WHERE fair_id = $1 AND number = 'C5'`,
      [fair.id],
    );
    await q(
      `UPDATE contracts SET total = total + 1, total_usd = total_usd + 1 WHERE fair_id = $1 AND number = 'C3'`,
      [fair.id],
    );
    await q(`UPDATE contracts SET notes = 'no money moves' WHERE fair_id = $1`, [fair.id]);
    await q(`DELETE FROM contracts WHERE fair_id = $1 AND number = 'C4'`, [fair.id]);
    const after = json<DashboardResponse>(await get(`/api/dashboard?fairId=${fair.id}`, organizer));
    expect(after.contracts).toMatchObject({
      count: 3,
      confirmedCount: 2,
      declaredUsd: '15701.75',
      confirmedUsd: '15000.75',
      disputedUsd: '701.00',
    });
    await checkAgainstSql(after, [fair.id]);
  });

  /** The rollup summed over writer slots, and the same sums recomputed from every contract independently. */
  async function rollupAgainstContracts() {
    const norm = (
      rows: { fair_id: string; dim: string; key: string; status: string; n: number; usd: string }[],
    ) =>
      rows
        .map((r) => `${r.fair_id} ${r.dim} ${r.key} ${r.status} ${r.n} ${new Decimal(r.usd).toString()}`)
        .sort();
    const kept = await q<{
      fair_id: string;
      dim: string;
      key: string;
      status: string;
      n: number;
      usd: string;
    }>(
      `SELECT fair_id, dim, key, status, sum(n)::int AS n, sum(usd)::text AS usd FROM dashboard_contract_rollup
        GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(usd) <> 0`,
    );
    const recomputed = await q<{
      fair_id: string;
      dim: string;
      key: string;
      status: string;
      n: number;
      usd: string;
    }>(
      `WITH c AS (
         SELECT c.*, coalesce(bp.country, bc.country_code)::text AS country, ep.province_code, ep.village_code,
                coalesce(ep.category_code, v.category_code)::text AS main
           FROM contracts c JOIN companies bc ON bc.id = c.buyer_company_id
           LEFT JOIN buyer_profiles bp ON bp.company_id = c.buyer_company_id
           LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.exhibitor_company_id
           LEFT JOIN craft_villages v ON v.code = ep.village_code),
       parts AS (
         SELECT c.id, c.fair_id, c.status, coalesce(p.category_code::text, c.main) AS category,
                round(sum(l.line_total * c.fx_rate), 2) AS usd
           FROM c JOIN contract_lines l ON l.contract_id = c.id LEFT JOIN products p ON p.id = l.product_id
          GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT c.id, c.fair_id, c.status, c.main, c.total_usd FROM c
          WHERE NOT EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = c.id))
       SELECT fair_id, 'd' AS dim, signed_on::text AS key, status, count(*)::int AS n, sum(total_usd)::text AS usd FROM c GROUP BY 1, 2, 3, 4
       UNION ALL SELECT fair_id, 'c', coalesce(country, ''), status, count(*)::int, sum(total_usd)::text FROM c GROUP BY 1, 2, 3, 4
       UNION ALL SELECT fair_id, 'p', coalesce(province_code, ''), status, count(*)::int, sum(total_usd)::text FROM c GROUP BY 1, 2, 3, 4
       UNION ALL SELECT fair_id, 'v', coalesce(village_code, ''), status, count(*)::int, sum(total_usd)::text FROM c GROUP BY 1, 2, 3, 4
       UNION ALL SELECT fair_id, 'g', coalesce(category, ''), status, count(*)::int, sum(usd)::text FROM parts GROUP BY 1, 2, 3, 4`,
    );
    expect(norm(kept)).toEqual(norm(recomputed));
    expect(kept.length).toBeGreaterThan(0);
  }

  /** A fair with three exhibitors (main categories CER, LAC and none), two buyers, products in BAS and WOD. */
  async function dealFair(slug: string) {
    const [fair] = await q<{ id: string }>(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, contract_target_usd)
       VALUES ($1, 'Hội chợ', 'Fair', 'Hà Nội', 'live', '50000.00') RETURNING id`,
      [slug],
    );
    await q(
      `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, '2026-03-02', '08:30', '17:30')`,
      [fair.id],
    );
    const [hall] = await q<{ id: string }>(
      `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'A') RETURNING id`,
      [fair.id],
    );
    const ex: TestUser[] = [];
    for (const [i, category] of ['CER', 'LAC', null].entries()) {
      const e = await f.member('exhibitor', 'approved');
      ex.push(e);
      await q(`INSERT INTO exhibitor_profiles (company_id, category_code) VALUES ($1, $2)`, [
        e.companyId,
        category,
      ]);
      await q(
        `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, $4)`,
        [fair.id, e.companyId, hall.id, `A-${i}`],
      );
    }
    const bu: TestUser[] = [];
    for (const country of ['DE', 'JP']) {
      const b = await f.member('buyer', 'approved');
      bu.push(b);
      await q(`INSERT INTO buyer_profiles (company_id, country) VALUES ($1, $2)`, [b.companyId, country]);
      await q(`INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`, [
        fair.id,
        b.companyId,
        b.id,
      ]);
    }
    const product = async (companyId: string, category: string) => {
      const [row] = await q<{ id: string }>(
        `INSERT INTO products (company_id, slug, status, name_vi, name_en, category_code, published_at)
         VALUES ($1, $2, 'published', 'Sản phẩm', 'Product', $3, now()) RETURNING id`,
        [companyId, `dash-${slug}-${category}-${companyId.slice(0, 8)}`, category],
      );
      return row.id;
    };
    const basket = await product(ex[0].companyId!, 'BAS');
    const wood = await product(ex[0].companyId!, 'WOD');
    /** a contract in `currency` at `rate`, its lines [productId | null, line total]; total and USD as the server stores them */
    const contract = async (
      number: string,
      e: TestUser,
      b: TestUser,
      currency: string,
      rate: string,
      lines: [string | null, string][],
    ) => {
      const total = lines.reduce((a, [, x]) => a.plus(x), new Decimal(0)).toFixed(2);
      const usd = new Decimal(total).times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
      const [row] = await q<{ id: string }>(
        `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency, incoterm,
                                incoterm_place, payment_terms, status, declared_by_company_id, total, fx_rate, fx_date, total_usd)
         VALUES ($1, $2, $3, $4, '2026-03-02', 'contract', $5, 'FOB', 'Hải Phòng', 'tt', 'declared', $3, $6, $7, '2026-03-02', $8)
         RETURNING id`,
        [fair.id, e.companyId, b.companyId, number, currency, total, rate, usd],
      );
      if (lines.length)
        await q(
          `INSERT INTO contract_lines (contract_id, position, product_id, description, quantity, unit, unit_price, line_total)
           SELECT $1, p, product_id, 'line', 1, 'pcs', amount, amount
             FROM unnest($2::uuid[], $3::numeric[]) WITH ORDINALITY AS u(product_id, amount, p)`,
          [row.id, lines.map(([id]) => id), lines.map(([, x]) => x)],
        );
      return row.id;
    };
    return { fair, ex, bu, basket, wood, contract };
  }

  it('takes categories from the contract lines and keeps every rollup exact through inserts, edits, confirmations, cancellations, re-valuations and deletions', async () => {
    const { fair, ex, bu, basket, wood, contract } = await dealFair('dash-lines');
    const dashboard = async () => {
      const res = await get(`/api/dashboard?fairId=${fair.id}`, organizer);
      expect(res.statusCode).toBe(200);
      const d = json<DashboardResponse>(res);
      await checkAgainstSql(d, [fair.id]);
      await rollupAgainstContracts();
      return d;
    };
    // product lines in BAS and WOD, plus a free-text line that falls back to the exhibitor's main category (CER)
    const mixed = await contract('L1', ex[0], bu[0], 'EUR', '1.08320000', [
      [basket, '1000.00'],
      [wood, '333.33'],
      [null, '10.01'],
      [basket, '0.01'],
    ]);
    // no lines: the whole contract under the exhibitor's main category (LAC)
    await contract('L2', ex[1], bu[1], 'USD', '1', []);
    // free text only, from an exhibitor with no main category: "not recorded"
    const plain = await contract('L3', ex[2], bu[1], 'USD', '1', [[null, '250.50']]);
    let d = await dashboard();
    const byCode = (rows: DashboardTopRow[]) => Object.fromEntries(rows.map((r) => [r.code ?? 'null', r]));
    let categories = byCode(d.top.categories);
    // 1000.01 EUR × 1.0832 = 1083.210832 → 1083.21; 333.33 × 1.0832 = 361.063056 → 361.06; 10.01 × 1.0832 → 10.84
    expect(categories.BAS).toMatchObject({ contracts: 1, declaredUsd: '1083.21', confirmedUsd: '0.00' });
    expect(categories.WOD).toMatchObject({ contracts: 1, declaredUsd: '361.06' });
    expect(categories.CER).toMatchObject({ contracts: 1, declaredUsd: '10.84' });
    expect(categories.LAC).toMatchObject({ contracts: 1, declaredUsd: '0.00' });
    expect(categories.null).toMatchObject({ contracts: 1, declaredUsd: '250.50' });

    // confirm, dispute, re-value (a new rate), edit lines (delete and re-insert, as the service does), cancel
    await q(`UPDATE contracts SET status = 'confirmed', confirmed_at = now() WHERE id = $1`, [mixed]);
    await dashboard();
    await q(`UPDATE contracts SET status = 'disputed', dispute_reason = 'late' WHERE id = $1`, [plain]);
    await dashboard();
    await q(`UPDATE contracts SET fx_rate = '1.10000000', total_usd = round(total * 1.1, 2) WHERE id = $1`, [
      mixed,
    ]);
    d = await dashboard();
    expect(byCode(d.top.categories).BAS).toMatchObject({ declaredUsd: '1100.01', confirmedUsd: '1100.01' });
    await q(`DELETE FROM contract_lines WHERE contract_id = $1`, [mixed]);
    await q(
      `INSERT INTO contract_lines (contract_id, position, product_id, description, quantity, unit, unit_price, line_total)
       VALUES ($1, 1, $2, 'only wood', 2, 'pcs', 500, 1000)`,
      [mixed, wood],
    );
    await q(`UPDATE contracts SET total = 1000, total_usd = 1100.00 WHERE id = $1`, [mixed]);
    d = await dashboard();
    categories = byCode(d.top.categories);
    expect(categories.BAS).toBeUndefined();
    expect(categories.WOD).toMatchObject({ contracts: 1, declaredUsd: '1100.00', confirmedUsd: '1100.00' });
    // the exhibitor's main category, a product's category and a buyer's country move their contracts along
    await q(`UPDATE exhibitor_profiles SET category_code = 'FUR' WHERE company_id = $1`, [ex[1].companyId]);
    await q(`UPDATE products SET category_code = 'LAC' WHERE id = $1`, [wood]);
    await q(`UPDATE buyer_profiles SET country = 'FR' WHERE company_id = $1`, [bu[1].companyId]);
    d = await dashboard();
    expect(d.top.countries.map((x) => x.code).sort()).toEqual(['DE', 'FR']);
    expect(byCode(d.top.categories).LAC).toMatchObject({ contracts: 1, declaredUsd: '1100.00' });
    await q(`UPDATE contracts SET status = 'cancelled', cancel_reason = 'gone' WHERE id = $1`, [mixed]);
    d = await dashboard();
    expect(d.contracts).toMatchObject({
      count: 2,
      confirmedCount: 0,
      confirmedUsd: '0.00',
      disputedUsd: '250.50',
    });
    await q(`DELETE FROM contracts WHERE fair_id = $1`, [fair.id]);
    d = await dashboard();
    expect(d.contracts.count).toBe(0);
    expect(d.top.categories).toEqual([]);
  });

  it('never keeps an answer older than a committed write, even when the read overlaps the commit', async () => {
    const { fair, ex, bu } = await dealFair('dash-stale');
    const url = `/api/dashboard?fairId=${fair.id}`;
    expect(json<DashboardResponse>(await get(url, organizer)).contracts.count).toBe(0);
    const versionOf = async (id: string) =>
      (
        await q<{ v: string }>(
          `SELECT coalesce(sum(v), 0)::text AS v FROM dashboard_versions
            WHERE fair_id IN ($1, '00000000-0000-0000-0000-000000000000')`,
          [id],
        )
      )[0].v;
    const [other] = await q<{ id: string }>(`SELECT id FROM fairs WHERE id <> $1 LIMIT 1`, [fair.id]);
    const before = { mine: await versionOf(fair.id), other: await versionOf(other.id) };
    const writer = t.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(
        `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency, incoterm,
                                incoterm_place, payment_terms, status, declared_by_company_id, total, fx_rate, fx_date, total_usd)
         VALUES ($1, $2, $3, 'S1', '2026-03-02', 'contract', 'USD', 'FOB', 'Hải Phòng', 'tt', 'declared', $3, 99.99, 1, '2026-03-02', 99.99)`,
        [fair.id, ex[0].companyId, bu[0].companyId],
      );
      // written (triggers ran, the version slot moved inside the transaction) but not committed: the read
      // computes and caches the committed state
      const during = json<DashboardResponse>(await get(url, organizer));
      expect(during.contracts.count).toBe(0);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    // right after the commit, not 10 s later: the version the answer was cached under has moved
    // only for the fair written to: every other fair's cached answer stays valid
    expect(BigInt(await versionOf(fair.id))).toBeGreaterThan(BigInt(before.mine));
    expect(await versionOf(other.id)).toBe(before.other);
    const after = json<DashboardResponse>(await get(url, organizer));
    expect(after.contracts).toMatchObject({ count: 1, declaredUsd: '99.99' });
    expect(json<DashboardResponse>(await get('/api/dashboard', organizer)).contracts.count).toBe(
      (await q<{ n: number }>(`SELECT count(*)::int AS n FROM contracts WHERE status <> 'cancelled'`))[0].n,
    );
  });

  it('lets concurrent writers of the same fair, day and status commit without waiting on each other', async () => {
    const { fair, ex, bu } = await dealFair('dash-concurrent');
    const runners = [t.dataSource.createQueryRunner(), t.dataSource.createQueryRunner()];
    try {
      for (const [i, r] of runners.entries()) {
        await r.connect();
        await r.startTransaction();
        // a wait for the other's row lock would fail within 2 s instead of hanging
        await r.query(`SET LOCAL lock_timeout = '2s'`);
        await r.query(
          `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency, incoterm,
                                  incoterm_place, payment_terms, status, declared_by_company_id, total, fx_rate, fx_date,
                                  total_usd, confirmed_at)
           VALUES ($1, $2, $3, $4, '2026-03-02', 'contract', 'USD', 'FOB', 'Hải Phòng', 'tt', 'confirmed', $3, 10.10, 1,
                   '2026-03-02', 10.10, now())`,
          [fair.id, ex[0].companyId, bu[0].companyId, `P${i}`],
        );
      }
      // both are still open, each holding its own rollup and version rows; now both move the same contract kind
      for (const r of runners)
        await r.query(
          `UPDATE contracts SET total_usd = total_usd + 1, total = total + 1 WHERE fair_id = $1 AND number = $2`,
          [fair.id, `P${runners.indexOf(r)}`],
        );
      for (const r of runners) await r.commitTransaction();
    } finally {
      for (const r of runners) await r.release();
    }
    const d = json<DashboardResponse>(await get(`/api/dashboard?fairId=${fair.id}`, organizer));
    expect(d.contracts).toMatchObject({ count: 2, confirmedCount: 2, confirmedUsd: '22.20' });
    await checkAgainstSql(d, [fair.id]);
    await rollupAgainstContracts();
  });

  /** The participation and sample rollups against the tables, per fair and over every fair. */
  async function firmsAgainstTables() {
    const facts = `
      SELECT b.fair_id, x.kind, coalesce(x.key, '') AS key
        FROM booths b LEFT JOIN exhibitor_profiles ep USING (company_id)
        LEFT JOIN craft_villages v ON v.code = ep.village_code
       CROSS JOIN LATERAL (VALUES ('e', b.company_id::text), ('p', ep.province_code::text), ('l', ep.province_legacy::text),
                                  ('v', ep.village_code::text), ('g', coalesce(ep.category_code, v.category_code)::text)) x(kind, key)
       WHERE b.status = 'approved'
      UNION ALL
      SELECT p.fair_id, x.kind, coalesce(x.key, '')
        FROM fair_participants p JOIN companies c ON c.id = p.company_id
        LEFT JOIN buyer_profiles bp ON bp.company_id = p.company_id
       CROSS JOIN LATERAL (VALUES ('b', p.company_id::text), ('c', coalesce(bp.country, c.country_code)::text)) x(kind, key)`;
    const rows = (sql: string) => q<{ r: string }>(sql).then((x) => x.map((y) => y.r).sort());
    expect(
      await rows(`SELECT concat_ws(' ', fair_id, kind, key, sum(n)) AS r FROM dashboard_firm_rollup
                   GROUP BY fair_id, kind, key HAVING sum(n) <> 0`),
    ).toEqual(
      await rows(
        `SELECT concat_ws(' ', fair_id, kind, key, count(*)) AS r FROM (${facts}) f GROUP BY fair_id, kind, key`,
      ),
    );
    expect(
      await rows(`SELECT concat_ws(' ', kind, key, sum(n)) AS r FROM dashboard_firm_totals
                   GROUP BY kind, key HAVING sum(n) <> 0`),
    ).toEqual(
      await rows(`SELECT concat_ws(' ', kind, key, count(*)) AS r FROM (${facts}) f GROUP BY kind, key`),
    );
    // distinct firms and participations per fair, and over every fair (the nil uuid)
    expect(
      await rows(`SELECT concat_ws(' ', fair_id, kind, sum(keys), sum(n)) AS r FROM dashboard_firm_counts
                   GROUP BY fair_id, kind HAVING sum(keys) <> 0 OR sum(n) <> 0`),
    ).toEqual(
      await rows(`SELECT concat_ws(' ', fair_id, kind, count(DISTINCT key), count(*)) AS r FROM (${facts}) f
                   WHERE kind IN ('e', 'b') GROUP BY fair_id, kind
                  UNION ALL
                  SELECT concat_ws(' ', '00000000-0000-0000-0000-000000000000', kind, count(DISTINCT key), count(*))
                    FROM (${facts}) f WHERE kind IN ('e', 'b') GROUP BY kind`),
    );
    expect(
      await rows(`SELECT concat_ws(' ', fair_id, status, sum(n)) AS r FROM dashboard_sample_rollup
                   GROUP BY fair_id, status HAVING sum(n) <> 0`),
    ).toEqual(
      await rows(
        `SELECT concat_ws(' ', fair_id, status, count(*)) AS r FROM samples GROUP BY fair_id, status`,
      ),
    );
  }

  it('keeps participations, distinct firms, countries, provinces and samples exact through booth, registration, profile and sample writes', async () => {
    const { fair, ex, bu } = await dealFair('dash-firms');
    const [history] = await q<{ id: string }>(`SELECT id FROM fairs WHERE slug <> 'dash-firms' LIMIT 1`);
    const check = async () => {
      const one = json<DashboardResponse>(await get(`/api/dashboard?fairId=${fair.id}`, organizer));
      await checkAgainstSql(one, [fair.id]);
      const all = json<DashboardResponse>(await get('/api/dashboard', organizer));
      await checkAgainstSql(
        all,
        (await q<{ id: string }>(`SELECT id FROM fairs`)).map((r) => r.id),
      );
      const years = json<DashboardResponse>(await get('/api/dashboard?from=2016&to=2030', organizer));
      await checkAgainstSql(
        years,
        years.fairs.map((x) => x.fairId),
      );
      await firmsAgainstTables();
      return { one, all };
    };
    const before = await check();
    expect(before.one.exhibitors).toMatchObject({ participations: 3, firms: 3, categories: 2 });
    expect(before.one.buyers).toEqual({ participations: 2, firms: 2, countries: 2 });

    // a booth withdrawn, then approved again; a village (with its province and legacy province) chosen
    await q(`UPDATE booths SET status = 'withdrawn' WHERE fair_id = $1 AND company_id = $2`, [
      fair.id,
      ex[0].companyId,
    ]);
    expect((await check()).one.exhibitors).toMatchObject({ participations: 2, firms: 2, categories: 1 });
    await q(`UPDATE booths SET status = 'approved' WHERE fair_id = $1 AND company_id = $2`, [
      fair.id,
      ex[0].companyId,
    ]);
    const [village] = await q<{ code: string; province_code: string; province_legacy: string }>(
      `SELECT code, province_code, province_legacy FROM craft_villages ORDER BY code LIMIT 1`,
    );
    await q(
      `UPDATE exhibitor_profiles SET village_code = $2, province_code = $3, province_legacy = $4 WHERE company_id = $1`,
      [ex[2].companyId, village.code, village.province_code, village.province_legacy],
    );
    expect((await check()).one.exhibitors).toMatchObject({ provinces: 1, legacyProvinces: 1, villages: 1 });

    // the same buyer firm at a second fair, and a second person of it at this one: one firm, one participation here
    await q(`INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`, [
      history.id,
      bu[0].companyId,
      bu[0].id,
    ]);
    const colleague = await f.user({ role: 'buyer', companyId: bu[0].companyId!, membership: 'staff' });
    await q(`INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`, [
      fair.id,
      bu[0].companyId,
      colleague.id,
    ]);
    expect((await check()).one.buyers).toEqual({ participations: 2, firms: 2, countries: 2 });
    // a country from the profile, then (no profile) from the company
    await q(`UPDATE buyer_profiles SET country = 'DE' WHERE company_id = $1`, [bu[1].companyId]);
    expect((await check()).one.buyers.countries).toBe(1);
    await q(`DELETE FROM buyer_profiles WHERE company_id = $1`, [bu[1].companyId]);
    await q(`UPDATE companies SET country_code = 'KR' WHERE id = $1`, [bu[1].companyId]);
    expect((await check()).one.buyers.countries).toBe(2);

    // samples requested, moved along, deleted
    await q(
      `INSERT INTO samples (fair_id, exhibitor_company_id, buyer_company_id, requested_by_company_id, status)
       VALUES ($1, $2, $3, $3, 'requested'), ($1, $2, $3, $3, 'requested')`,
      [fair.id, ex[0].companyId, bu[0].companyId],
    );
    await q(
      `UPDATE samples SET status = 'sent', courier = 'DHL', tracking_number = '1'
              WHERE id = (SELECT id FROM samples WHERE fair_id = $1 LIMIT 1)`,
      [fair.id],
    );
    expect((await check()).one.samples).toMatchObject({ total: 2, requested: 1, sent: 1 });

    // two writers approving booths of firms of one province at once: neither waits on the other's rollup rows
    const late = [await f.member('exhibitor', 'approved'), await f.member('exhibitor', 'approved')];
    const [hall] = await q<{ id: string }>(`SELECT id FROM halls WHERE fair_id = $1`, [fair.id]);
    const runners = [t.dataSource.createQueryRunner(), t.dataSource.createQueryRunner()];
    try {
      for (const [i, r] of runners.entries()) {
        await r.connect();
        await r.startTransaction();
        await r.query(`SET LOCAL lock_timeout = '2s'`);
        await r.query(
          `INSERT INTO exhibitor_profiles (company_id, village_code, province_code, province_legacy) VALUES ($1, $2, $3, $4)`,
          [late[i].companyId, village.code, village.province_code, village.province_legacy],
        );
        await r.query(
          `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $4, $3)`,
          [fair.id, late[i].companyId, `B-${i}`, hall.id],
        );
      }
      for (const r of runners) await r.commitTransaction();
    } finally {
      for (const r of runners) {
        if (r.isTransactionActive) await r.rollbackTransaction();
        await r.release();
      }
    }
    expect((await check()).one.exhibitors).toMatchObject({ participations: 5, firms: 5, villages: 1 });

    // registrations, booths, samples and a whole fair deleted
    await q(`DELETE FROM fair_participants WHERE company_id = $1`, [bu[0].companyId]);
    await q(`DELETE FROM samples WHERE fair_id = $1`, [fair.id]);
    await q(`DELETE FROM booths WHERE company_id = $1`, [late[0].companyId]);
    expect((await check()).one.buyers).toEqual({ participations: 1, firms: 1, countries: 1 });
    await q(`DELETE FROM fairs WHERE id = $1`, [fair.id]);
    await firmsAgainstTables();
    const all = json<DashboardResponse>(await get('/api/dashboard', organizer));
    await checkAgainstSql(
      all,
      (await q<{ id: string }>(`SELECT id FROM fairs`)).map((r) => r.id),
    );
  });

  it('rebuilds the same rollup when the migration is undone and applied again', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const before = await runner.query(
        `SELECT fair_id, dim, key, status, sum(n)::int AS n, sum(usd)::text AS usd FROM dashboard_contract_rollup
          GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(usd) <> 0 ORDER BY 1, 2, 3, 4`,
      );
      const firms = `SELECT 'r' AS t, fair_id::text, kind, key, sum(n)::int AS n FROM dashboard_firm_rollup
                      GROUP BY 2, 3, 4 HAVING sum(n) <> 0
                     UNION ALL SELECT 't', '', kind, key, sum(n)::int FROM dashboard_firm_totals GROUP BY 3, 4 HAVING sum(n) <> 0
                     UNION ALL SELECT 'k', fair_id::text, kind, sum(keys)::text, sum(n)::int FROM dashboard_firm_counts
                      GROUP BY 2, 3 HAVING sum(keys) <> 0 OR sum(n) <> 0
                     UNION ALL SELECT 's', fair_id::text, status, '', sum(n)::int FROM dashboard_sample_rollup
                      GROUP BY 2, 3 HAVING sum(n) <> 0
                     ORDER BY 1, 2, 3, 4`;
      const firmsBefore = await runner.query(firms);
      expect(firmsBefore.length).toBeGreaterThan(0);
      const migration = new DashboardRollup1764600000300();
      await migration.down(runner);
      for (const table of [
        'dashboard_firm_rollup',
        'dashboard_firm_totals',
        'dashboard_firm_counts',
        'dashboard_sample_rollup',
      ])
        expect((await runner.query(`SELECT to_regclass($1) AS t`, [table]))[0].t).toBeNull();
      const [stats] = await runner.query(`SELECT count(*)::int AS n FROM contract_stats`);
      expect(stats.n).toBeGreaterThan(0);
      await migration.up(runner);
      const again = await runner.query(
        `SELECT fair_id, dim, key, status, sum(n)::int AS n, sum(usd)::text AS usd FROM dashboard_contract_rollup
          GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(usd) <> 0 ORDER BY 1, 2, 3, 4`,
      );
      expect(again).toEqual(before);
      expect(await runner.query(firms)).toEqual(firmsBefore);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('bumps the fair version from PL/pgSQL (plan kept), and as before once that migration is undone', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const language = async () =>
        (
          await runner.query(
            `SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
              WHERE p.proname = 'cm_dashboard_bump_fairs'`,
          )
        )[0].lanname;
      const [{ id: fairId }] = await runner.query(`SELECT id FROM fairs LIMIT 1`);
      const version = async () =>
        (
          await runner.query(
            `SELECT COALESCE(sum(v), 0)::int AS v FROM dashboard_versions WHERE fair_id = $1 AND slot = pg_backend_pid()`,
            [fairId],
          )
        )[0].v;
      const bumped = async () => {
        const before = await version();
        await runner.query(`SELECT cm_dashboard_bump_fairs(ARRAY[$1::uuid, $1::uuid, NULL])`, [fairId]);
        return (await version()) - before;
      };
      expect(await language()).toBe('plpgsql');
      expect(await bumped()).toBe(1);
      await new DashboardBumpPlpgsql1765000000000().down(runner);
      expect(await language()).toBe('sql');
      expect(await bumped()).toBe(1);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('is for the organizer and the organizer staff only, and refuses bad queries with stable codes', async () => {
    const exhibitor = await f.member('exhibitor', 'approved');
    const buyer = await f.member('buyer', 'approved');
    const interpreter = await f.user({ role: 'interpreter' });
    for (const who of [exhibitor, buyer, interpreter])
      expect((await get('/api/dashboard', who)).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);

    const [fair] = await q<{ id: string }>(`SELECT id FROM fairs LIMIT 1`);
    for (const url of [
      `/api/dashboard?fairId=${fair.id}&from=2016`,
      '/api/dashboard?from=2020&to=2016',
      '/api/dashboard?from=abc',
      '/api/dashboard?from=1999',
      '/api/dashboard?fairId=nope',
      '/api/dashboard?year=2016',
    ]) {
      const res = await get(url, organizer);
      expect([url, res.statusCode, json(res).code]).toEqual([url, 400, 'VALIDATION_FAILED']);
      expect(typeof json(res).message).toBe('string');
    }
    const missing = await get('/api/dashboard?fairId=00000000-0000-4000-8000-000000000000', organizer);
    expect([missing.statusCode, json(missing).code]).toEqual([404, 'NOT_FOUND']);
    // an empty range is no error: no fairs, zero figures
    const none = json<DashboardResponse>(await get('/api/dashboard?from=2001&to=2002', organizer));
    expect(none.fairs).toEqual([]);
    expect(none.contracts).toMatchObject({ count: 0, confirmedUsd: '0.00', targetUsd: null, progress: null });
    expect(none.meetings.noShowRate).toBeNull();
  });

  it('loads the history once, quickly, with importers who have no password and cannot sign in', async () => {
    expect(seedMs).toBeLessThan(15_000);
    expect((await seedHistory(t.dataSource)).seeded).toBe(false);
    const [counts] = await q(
      `SELECT (SELECT count(*) FROM fairs WHERE slug LIKE 'hanoi-handicraft-export-fair-%')::int AS fairs,
              (SELECT count(*) FROM users WHERE email LIKE '%@history.craftmatch.example' AND password_hash IS NULL)::int AS people`,
    );
    expect(counts).toEqual({ fairs: 5, people: HISTORY.importerFirms });
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'importer-0001@history.craftmatch.example', password: '' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const attempt = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'importer-0001@history.craftmatch.example', password: 'Anything-2026!' },
    });
    expect(attempt.statusCode).toBe(401);
  });
});
