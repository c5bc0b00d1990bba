import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DASHBOARD_TOP, FieldErrorCode, type DashboardResponse } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import type { DashboardQueryDto } from './dto/dashboard-query.dto';

/** dashboard_versions' row for what every fair reads (companies, profiles); see migration DashboardRollup. */
const DASHBOARD_ALL_FAIRS = '00000000-0000-0000-0000-000000000000';

const usd = (expr: string) => `coalesce(${expr}, 0)::numeric(20,2)::text`;

/** A "top by value" list of one rollup dimension (the rows of `k` with that dim), ranked in SQL. */
const top = (dim: 'c' | 'g' | 'p' | 'v') => `
  (SELECT coalesce(json_agg(json_build_object('code', code, 'contracts', contracts,
            'declaredUsd', declared::text, 'confirmedUsd', confirmed::text)
            ORDER BY confirmed DESC, declared DESC, code NULLS LAST), '[]'::json)
     FROM (SELECT key AS code, sum(n)::int AS contracts, sum(declared)::numeric(20,2) AS declared,
                  sum(confirmed)::numeric(20,2) AS confirmed
             FROM k WHERE dim = '${dim}' GROUP BY 1 ORDER BY 4 DESC, 3 DESC, 1 NULLS LAST LIMIT ${DASHBOARD_TOP}) t)`;

/**
 * Distinct keys of each kind of participation ('e' exhibitor firm, 'p' province, 'l' legacy province, 'v' village,
 * 'g' main category, 'b' buyer firm, 'c' country; '' = not recorded, never counted). Every fair: firms from
 * dashboard_firm_counts' every-fair row (nil uuid), the few shared keys from dashboard_firm_totals. A fair or some
 * years: the distinct keys of the per-fair rows in scope.
 */
const distinctKeys = (every: boolean) =>
  every
    ? `SELECT kind, count(*)::int AS n
         FROM (SELECT kind, key FROM dashboard_firm_totals
                WHERE kind IN ('p', 'l', 'v', 'g', 'c') AND key <> '' GROUP BY 1, 2 HAVING sum(n) > 0) x
        GROUP BY kind
       UNION ALL
       SELECT kind, sum(keys)::int FROM dashboard_firm_counts WHERE fair_id = '${DASHBOARD_ALL_FAIRS}'::uuid GROUP BY kind`
    : `SELECT kind, count(*)::int AS n
         FROM (SELECT DISTINCT kind, key
                 FROM (SELECT fair_id, kind, key FROM dashboard_firm_rollup
                        WHERE fair_id IN (SELECT id FROM f) AND key <> '' GROUP BY 1, 2, 3 HAVING sum(n) > 0) k) x
        GROUP BY kind`;

/**
 * One statement answers the whole dashboard, from rollups only (migration DashboardRollup1764600000300), all
 * kept exact by triggers in the writer's own transaction:
 * - contract values: dashboard_contract_rollup, exact sums per fair, status and signing day 'd', buyer country
 *   'c', exhibitor province 'p' and village 'v', and line category 'g'. Category rule: a line counts under its
 *   product's category; a free-text line, or a contract without lines, under the exhibitor's main category (the
 *   profile's, else its village's); a contract counts once in each category it touches.
 * - participations: dashboard_firm_rollup counts, per fair and key, the approved booths (exhibitor firm,
 *   province, legacy province, village, main category) and the registrations (buyer firm, country) behind it;
 *   a key counts while its count is above zero, so distinct firms, countries, provinces… are counts of keys.
 *   dashboard_firm_totals is the same over every fair; dashboard_firm_counts keeps, per fair and over every
 *   fair, the number of distinct firms and of booths, so the every-fair answer reads a few hundred rows.
 * - meetings and samples: per fair counts.
 * `every` (no fair, no years) takes the distinct counts from dashboard_firm_totals and every contract rollup row
 * (a deleted fair's rows sum to zero and drop out).
 */
export const dashboardSql = (every: boolean) => `
WITH f AS (
  SELECT f.id, f.slug, f.name_vi, f.name_en, f.status, f.contract_target_usd, d.first_day, d.last_day
    FROM fairs f
    LEFT JOIN LATERAL (SELECT min(day) AS first_day, max(day) AS last_day FROM fair_days WHERE fair_id = f.id) d ON true
   WHERE ($1::uuid IS NULL OR f.id = $1::uuid)
     AND ($2::int IS NULL OR extract(year FROM d.first_day) >= $2::int)
     AND ($3::int IS NULL OR extract(year FROM d.first_day) <= $3::int)
),
frf AS (
  SELECT n.fair_id, n.exhibitors, n.buyers, coalesce(c.countries, 0) AS countries
    FROM (SELECT fair_id, coalesce(sum(n) FILTER (WHERE kind = 'e'), 0)::int AS exhibitors,
                 coalesce(sum(keys) FILTER (WHERE kind = 'b'), 0)::int AS buyers
            FROM dashboard_firm_counts WHERE fair_id IN (SELECT id FROM f) GROUP BY fair_id) n
    LEFT JOIN (SELECT fair_id, count(*)::int AS countries
                 FROM (SELECT fair_id, key FROM dashboard_firm_rollup
                        WHERE fair_id IN (SELECT id FROM f) AND kind = 'c' AND key <> ''
                        GROUP BY 1, 2 HAVING sum(n) > 0) x
                GROUP BY fair_id) c USING (fair_id)
),
dk AS (${distinctKeys(every)}),
dn AS (
  SELECT coalesce(max(n) FILTER (WHERE kind = 'e'), 0) AS e, coalesce(max(n) FILTER (WHERE kind = 'p'), 0) AS p,
         coalesce(max(n) FILTER (WHERE kind = 'l'), 0) AS l, coalesce(max(n) FILTER (WHERE kind = 'v'), 0) AS v,
         coalesce(max(n) FILTER (WHERE kind = 'g'), 0) AS g, coalesce(max(n) FILTER (WHERE kind = 'b'), 0) AS b,
         coalesce(max(n) FILTER (WHERE kind = 'c'), 0) AS c
    FROM dk
),
part AS (SELECT coalesce(sum(exhibitors), 0)::int AS ex, coalesce(sum(buyers), 0)::int AS bu FROM frf),
k AS (
  SELECT fair_id, dim, nullif(key, '') AS key, sum(n)::int AS n,
         coalesce(sum(n) FILTER (WHERE status = 'confirmed'), 0)::int AS nc,
         sum(usd) AS declared,
         coalesce(sum(usd) FILTER (WHERE status = 'confirmed'), 0) AS confirmed,
         coalesce(sum(usd) FILTER (WHERE status = 'disputed'), 0) AS disputed
    FROM dashboard_contract_rollup
   WHERE status <> 'cancelled'${every ? '' : ' AND fair_id IN (SELECT id FROM f)'}
   GROUP BY fair_id, dim, key
  HAVING sum(n) > 0
),
kf AS (
  SELECT fair_id, sum(n)::int AS n, sum(declared) AS declared, sum(confirmed) AS confirmed
    FROM k WHERE dim = 'd' GROUP BY fair_id
),
kd AS (
  SELECT key::date AS day, sum(n)::int AS n, sum(declared) AS declared, sum(confirmed) AS confirmed
    FROM k WHERE dim = 'd' GROUP BY 1
),
total AS (
  SELECT coalesce(sum(n), 0)::int AS n, coalesce(sum(nc), 0)::int AS nc, coalesce(sum(declared), 0) AS declared,
         coalesce(sum(confirmed), 0) AS confirmed, coalesce(sum(disputed), 0) AS disputed
    FROM k WHERE dim = 'd'
),
target AS (SELECT sum(contract_target_usd) AS usd FROM f),
mt AS (
  SELECT coalesce(sum(requested), 0)::int AS requested, coalesce(sum(accepted), 0)::int AS accepted,
         coalesce(sum(held), 0)::int AS held, coalesce(sum(no_show), 0)::int AS no_show,
         coalesce(sum(answered), 0)::int AS answered, coalesce(sum(within), 0)::int AS within
    FROM dashboard_meeting_rollup WHERE fair_id IN (SELECT id FROM f)
),
st AS (
  SELECT coalesce(sum(n), 0)::int AS total,
         coalesce(sum(n) FILTER (WHERE status = 'requested'), 0)::int AS requested,
         coalesce(sum(n) FILTER (WHERE status = 'sent'), 0)::int AS sent,
         coalesce(sum(n) FILTER (WHERE status = 'received'), 0)::int AS received,
         coalesce(sum(n) FILTER (WHERE status = 'approved'), 0)::int AS approved,
         coalesce(sum(n) FILTER (WHERE status = 'rejected'), 0)::int AS rejected
    FROM dashboard_sample_rollup WHERE fair_id IN (SELECT id FROM f)
)
SELECT json_build_object(
  'fairs', (
    SELECT coalesce(json_agg(json_build_object(
             'fairId', f.id, 'slug', f.slug, 'nameVi', f.name_vi, 'nameEn', f.name_en, 'status', f.status,
             'firstDay', to_char(f.first_day, 'YYYY-MM-DD'), 'lastDay', to_char(f.last_day, 'YYYY-MM-DD'),
             'year', extract(year FROM f.first_day)::int,
             'exhibitors', coalesce(frf.exhibitors, 0), 'buyers', coalesce(frf.buyers, 0),
             'countries', coalesce(frf.countries, 0),
             'contracts', coalesce(k.n, 0),
             'declaredUsd', ${usd('k.declared')},
             'confirmedUsd', ${usd('k.confirmed')},
             'targetUsd', f.contract_target_usd::text)
             ORDER BY f.first_day NULLS LAST, f.slug), '[]'::json)
      FROM f LEFT JOIN kf k ON k.fair_id = f.id LEFT JOIN frf ON frf.fair_id = f.id),
  'exhibitors', (
    SELECT json_build_object('participations', part.ex, 'firms', dn.e, 'provinces', dn.p, 'legacyProvinces', dn.l,
             'villages', dn.v, 'categories', dn.g)
      FROM part, dn),
  'buyers', (
    SELECT json_build_object('participations', part.bu, 'firms', dn.b, 'countries', dn.c) FROM part, dn),
  'meetings', (
    SELECT json_build_object('requested', requested, 'accepted', accepted, 'held', held, 'noShow', no_show,
             'noShowRate', round(no_show::numeric / nullif(held + no_show, 0), 4)::text,
             'answered', answered, 'answeredWithin24h', within)
      FROM mt),
  'samples', (
    SELECT json_build_object('total', total, 'requested', requested, 'sent', sent, 'received', received,
             'approved', approved, 'rejected', rejected)
      FROM st),
  'contracts', (
    SELECT json_build_object('count', total.n, 'confirmedCount', total.nc,
             'declaredUsd', ${usd('total.declared')},
             'confirmedUsd', ${usd('total.confirmed')},
             'disputedUsd', ${usd('total.disputed')},
             'averagePerExhibitorUsd', ${usd('round(total.confirmed / nullif(part.ex, 0), 2)')},
             'targetUsd', target.usd::numeric(20,2)::text,
             'progress', round(total.confirmed / nullif(target.usd, 0), 4)::text)
      FROM total, part, target),
  'top', json_build_object(
    'countries', ${top('c')},
    'categories', ${top('g')},
    'provinces', ${top('p')},
    'villages', ${top('v')}),
  'byDay', (
    SELECT coalesce(json_agg(json_build_object('date', to_char(day, 'YYYY-MM-DD'), 'contracts', n,
             'declaredUsd', ${usd('declared')}, 'confirmedUsd', ${usd('confirmed')}) ORDER BY day), '[]'::json)
      FROM kd)
) AS dashboard,
  -- in the same statement, hence the same snapshot: the version these figures reflect
  (SELECT coalesce(sum(v), 0)::text FROM dashboard_versions
    WHERE $1::uuid IS NULL OR fair_id IN ($1::uuid, '${DASHBOARD_ALL_FAIRS}'::uuid)) AS version`;

/** Every fair: no parameter, so one prepared statement per connection plans it once (planning was ~6 ms). */
const SQL_EVERY = dashboardSql(true)
  .replace(/\$1::uuid/g, 'NULL::uuid')
  .replace(/\$[23]::int/g, 'NULL::int');
const SQL_SCOPED = dashboardSql(false);

/** Each fair's version (the nil uuid: what every fair reads), summed over writer backends. */
const VERSIONS_SQL = `SELECT fair_id::text AS fair, sum(v)::text AS v FROM dashboard_versions GROUP BY fair_id`;
const CACHE_MAX = 500;

interface DashboardRow {
  dashboard: Omit<DashboardResponse, 'scope'>;
  version: string;
}

/** The pg pool behind TypeORM (as in RateLimitService): a named query is parsed and planned once per connection. */
interface PgPool {
  query<T>(config: { name: string; text: string; values?: unknown[] }): Promise<{ rows: T[] }>;
}

interface Cached {
  version: string;
  answer: Promise<Omit<DashboardResponse, 'scope'>>;
}

/**
 * Answers are kept per instance, per scope, for as long as the scope's version stays the same: one tiny read per
 * request instead of the whole statement. Versions live in dashboard_versions, bumped in every writer's own
 * transaction for the fairs the write touched (one row per fair and writer backend, so writers never wait on each
 * other), so they only move when a write commits, and a write to one fair leaves the other fairs' answers cached.
 * A fair's version is its own plus the every-fair row's; a range of years or every fair uses the sum of all.
 * A miss reads the figures and the version in one statement (one snapshot), so the answer is cached under the
 * version it really reflects: a read that overlaps a commit can never keep a stale answer.
 * Concurrent misses for one scope and version share one computation, and concurrent requests share one version
 * read that started after they arrived. Nothing here is needed by another instance.
 */
@Injectable()
export class DashboardService {
  private readonly cache = new Map<string, Cached>();
  private versionsRunning: Promise<Map<string, bigint>> | null = null;
  private versionsQueued: Promise<Map<string, bigint>> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(query: DashboardQueryDto): Promise<DashboardResponse> {
    const { fairId, from, to } = query;
    if (fairId && (from !== undefined || to !== undefined))
      throw DomainError.validation({ fairId: FieldErrorCode.INVALID_VALUE });
    if (from !== undefined && to !== undefined && from > to)
      throw DomainError.validation({ to: FieldErrorCode.TOO_SMALL });
    const params = [fairId ?? null, from ?? null, to ?? null];
    const key = JSON.stringify(params);
    const versions = await this.versions();
    let version = 0n;
    if (fairId) version = (versions.get(fairId) ?? 0n) + (versions.get(DASHBOARD_ALL_FAIRS) ?? 0n);
    else for (const v of versions.values()) version += v;
    let hit = this.cache.get(key);
    if (!hit || hit.version !== version.toString()) {
      const computed = (
        fairId || from !== undefined || to !== undefined
          ? this.dataSource.query<DashboardRow[]>(SQL_SCOPED, params)
          : this.prepared<DashboardRow>('dashboard_every', SQL_EVERY)
      ).then(([row]) => row);
      const answer = computed.then((r) => r.dashboard);
      hit = { version: version.toString(), answer };
      this.cache.set(key, hit);
      // keyed by the version read with the figures, which may be newer than the one read above
      void computed.then(
        (r) => {
          if (this.cache.size >= CACHE_MAX) this.cache.clear();
          const current = this.cache.get(key);
          if (!current || current.answer === answer || BigInt(current.version) <= BigInt(r.version))
            this.cache.set(key, { version: r.version, answer });
        },
        () => {
          if (this.cache.get(key)?.answer === answer) this.cache.delete(key);
        },
      );
    }
    const dashboard = await hit.answer;
    if (fairId && dashboard.fairs.length === 0) throw DomainError.notFound();
    const kind = fairId ? 'fair' : from !== undefined || to !== undefined ? 'years' : 'all';
    return { scope: { kind, fairId: fairId ?? null, from: from ?? null, to: to ?? null }, ...dashboard };
  }

  /**
   * The versions as of a read that started after the caller arrived: joins the queued read if there is one,
   * else queues one behind the running read (which may have started before the caller's write committed).
   */
  private versions(): Promise<Map<string, bigint>> {
    if (!this.versionsRunning) return this.readVersions();
    if (!this.versionsQueued) {
      const queued = this.versionsRunning.then(
        () => this.readVersions(),
        () => this.readVersions(),
      );
      this.versionsQueued = queued;
    }
    return this.versionsQueued;
  }

  /** A parameterless statement prepared once per pooled connection, then only executed. */
  private prepared<T>(name: string, text: string): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: PgPool }).master;
    return pool.query<T>({ name, text }).then((r) => r.rows);
  }

  private readVersions(): Promise<Map<string, bigint>> {
    this.versionsQueued = null;
    const read = this.prepared<{ fair: string; v: string }>('dashboard_versions', VERSIONS_SQL).then(
      (rows) => new Map(rows.map((r) => [r.fair, BigInt(r.v)])),
    );
    this.versionsRunning = read;
    const done = () => {
      if (this.versionsRunning === read) this.versionsRunning = null;
    };
    read.then(done, done);
    return read;
  }
}
