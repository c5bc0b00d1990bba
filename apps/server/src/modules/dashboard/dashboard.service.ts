import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DASHBOARD_TOP, FieldErrorCode, type DashboardResponse } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import type { DashboardQueryDto } from './dto/dashboard-query.dto';

const usd = (expr: string) => `coalesce(${expr}, 0)::numeric(20,2)::text`;

/** A "top by value" list from a CTE of (code, n, declared, confirmed) rows, ranked in SQL. */
const top = (from: string, code: string) => `
  (SELECT coalesce(json_agg(json_build_object('code', code, 'contracts', contracts,
            'declaredUsd', declared::text, 'confirmedUsd', confirmed::text)
            ORDER BY confirmed DESC, declared DESC, code NULLS LAST), '[]'::json)
     FROM (SELECT ${code} AS code, sum(n)::int AS contracts, sum(declared)::numeric(20,2) AS declared,
                  sum(confirmed)::numeric(20,2) AS confirmed
             FROM ${from} GROUP BY 1 ORDER BY 4 DESC, 3 DESC, 1 NULLS LAST LIMIT ${DASHBOARD_TOP}) t)`;

/**
 * One statement answers the whole dashboard. Contract values come from contract_stats (sums per fair, status
 * and buyer 'b', exhibitor 'e' or signing day 'd', kept by triggers on contracts), so countries, categories,
 * provinces and villages are joined to a few thousand groups rather than to every contract.
 */
export const DASHBOARD_SQL = `
WITH f AS (
  SELECT f.id, f.slug, f.name_vi, f.name_en, f.status, f.contract_target_usd, d.first_day, d.last_day
    FROM fairs f
    LEFT JOIN LATERAL (SELECT min(day) AS first_day, max(day) AS last_day FROM fair_days WHERE fair_id = f.id) d ON true
   WHERE ($1::uuid IS NULL OR f.id = $1::uuid)
     AND ($2::int IS NULL OR extract(year FROM d.first_day) >= $2::int)
     AND ($3::int IS NULL OR extract(year FROM d.first_day) <= $3::int)
),
ex AS (
  SELECT b.fair_id, b.company_id, ep.province_code, ep.province_legacy, ep.village_code,
         coalesce(ep.category_code, v.category_code) AS category
    FROM booths b
    LEFT JOIN exhibitor_profiles ep ON ep.company_id = b.company_id
    LEFT JOIN craft_villages v ON v.code = ep.village_code
   WHERE b.status = 'approved' AND b.fair_id IN (SELECT id FROM f)
),
bu AS (
  SELECT DISTINCT p.fair_id, p.company_id, coalesce(bp.country, c.country_code) AS country
    FROM fair_participants p
    JOIN companies c ON c.id = p.company_id
    LEFT JOIN buyer_profiles bp ON bp.company_id = p.company_id
   WHERE p.fair_id IN (SELECT id FROM f)
),
k AS (
  SELECT fair_id, dim, key, sum(n)::int AS n, coalesce(sum(n) FILTER (WHERE status = 'confirmed'), 0)::int AS nc,
         sum(usd) AS declared,
         coalesce(sum(usd) FILTER (WHERE status = 'confirmed'), 0) AS confirmed,
         coalesce(sum(usd) FILTER (WHERE status = 'disputed'), 0) AS disputed
    FROM contract_stats
   WHERE status <> 'cancelled' AND fair_id IN (SELECT id FROM f)
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
kb AS (
  SELECT coalesce(bp.country, c.country_code) AS country, k.n, k.declared, k.confirmed
    FROM k JOIN companies c ON c.id = k.key::uuid
    LEFT JOIN buyer_profiles bp ON bp.company_id = c.id
   WHERE k.dim = 'b'
),
ke AS (
  SELECT coalesce(ep.category_code, v.category_code) AS category, ep.province_code AS province,
         ep.village_code AS village, k.n, k.declared, k.confirmed
    FROM k LEFT JOIN exhibitor_profiles ep ON ep.company_id = k.key::uuid
    LEFT JOIN craft_villages v ON v.code = ep.village_code
   WHERE k.dim = 'e'
),
total AS (
  SELECT coalesce(sum(n), 0)::int AS n, coalesce(sum(nc), 0)::int AS nc, coalesce(sum(declared), 0) AS declared,
         coalesce(sum(confirmed), 0) AS confirmed, coalesce(sum(disputed), 0) AS disputed
    FROM k WHERE dim = 'd'
),
exn AS (SELECT count(*)::int AS n FROM ex),
exf AS (SELECT fair_id, count(*)::int AS n FROM ex GROUP BY fair_id),
buf AS (SELECT fair_id, count(*)::int AS n, count(DISTINCT country)::int AS countries FROM bu GROUP BY fair_id),
target AS (SELECT sum(contract_target_usd) AS usd FROM f),
mt AS (
  SELECT count(*)::int AS requested,
         count(*) FILTER (WHERE status IN ('accepted','held','no_show'))::int AS accepted,
         count(*) FILTER (WHERE status = 'held')::int AS held,
         count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
         count(answered_at)::int AS answered,
         count(*) FILTER (WHERE answered_at <= created_at + interval '24 hours')::int AS within
    FROM meetings WHERE fair_id IN (SELECT id FROM f)
)
SELECT json_build_object(
  'fairs', (
    SELECT coalesce(json_agg(json_build_object(
             'fairId', f.id, 'slug', f.slug, 'nameVi', f.name_vi, 'nameEn', f.name_en, 'status', f.status,
             'firstDay', to_char(f.first_day, 'YYYY-MM-DD'), 'lastDay', to_char(f.last_day, 'YYYY-MM-DD'),
             'year', extract(year FROM f.first_day)::int,
             'exhibitors', coalesce(exf.n, 0), 'buyers', coalesce(buf.n, 0), 'countries', coalesce(buf.countries, 0),
             'contracts', coalesce(k.n, 0),
             'declaredUsd', ${usd('k.declared')},
             'confirmedUsd', ${usd('k.confirmed')},
             'targetUsd', f.contract_target_usd::text)
             ORDER BY f.first_day NULLS LAST, f.slug), '[]'::json)
      FROM f LEFT JOIN kf k ON k.fair_id = f.id LEFT JOIN exf ON exf.fair_id = f.id
        LEFT JOIN buf ON buf.fair_id = f.id),
  'exhibitors', (
    SELECT json_build_object('participations', count(*), 'firms', count(DISTINCT company_id),
             'provinces', count(DISTINCT province_code), 'legacyProvinces', count(DISTINCT province_legacy),
             'villages', count(DISTINCT village_code), 'categories', count(DISTINCT category))
      FROM ex),
  'buyers', (
    SELECT json_build_object('participations', count(*), 'firms', count(DISTINCT company_id),
             'countries', count(DISTINCT country))
      FROM bu),
  'meetings', (
    SELECT json_build_object('requested', requested, 'accepted', accepted, 'held', held, 'noShow', no_show,
             'noShowRate', round(no_show::numeric / nullif(held + no_show, 0), 4)::text,
             'answered', answered, 'answeredWithin24h', within)
      FROM mt),
  'samples', (
    SELECT json_build_object('total', count(*),
             'requested', count(*) FILTER (WHERE status = 'requested'),
             'sent', count(*) FILTER (WHERE status = 'sent'),
             'received', count(*) FILTER (WHERE status = 'received'),
             'approved', count(*) FILTER (WHERE status = 'approved'),
             'rejected', count(*) FILTER (WHERE status = 'rejected'))
      FROM samples WHERE fair_id IN (SELECT id FROM f)),
  'contracts', (
    SELECT json_build_object('count', total.n, 'confirmedCount', total.nc,
             'declaredUsd', ${usd('total.declared')},
             'confirmedUsd', ${usd('total.confirmed')},
             'disputedUsd', ${usd('total.disputed')},
             'averagePerExhibitorUsd', ${usd('round(total.confirmed / nullif(exn.n, 0), 2)')},
             'targetUsd', target.usd::numeric(20,2)::text,
             'progress', round(total.confirmed / nullif(target.usd, 0), 4)::text)
      FROM total, exn, target),
  'top', json_build_object(
    'countries', ${top('kb', 'country::text')},
    'categories', ${top('ke', 'category::text')},
    'provinces', ${top('ke', 'province')},
    'villages', ${top('ke', 'village')}),
  'byDay', (
    SELECT coalesce(json_agg(json_build_object('date', to_char(day, 'YYYY-MM-DD'), 'contracts', n,
             'declaredUsd', ${usd('declared')}, 'confirmedUsd', ${usd('confirmed')}) ORDER BY day), '[]'::json)
      FROM kd)
) AS dashboard`;

/** Answers older than this are recomputed even when the version has not moved (bounds a read racing a commit). */
const CACHE_MS = 10_000;
const CACHE_MAX = 500;

interface Cached {
  version: string;
  at: number;
  answer: Promise<Omit<DashboardResponse, 'scope'>>;
}

/**
 * Answers are kept per instance, per scope, for as long as `dashboard_version` (moved by a statement trigger on
 * every table the dashboard reads) stays the same: one tiny read per request instead of the whole statement.
 * Concurrent misses for one scope share one computation. Nothing here is needed by another instance.
 */
@Injectable()
export class DashboardService {
  private readonly cache = new Map<string, Cached>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(query: DashboardQueryDto): Promise<DashboardResponse> {
    const { fairId, from, to } = query;
    if (fairId && (from !== undefined || to !== undefined))
      throw DomainError.validation({ fairId: FieldErrorCode.INVALID_VALUE });
    if (from !== undefined && to !== undefined && from > to)
      throw DomainError.validation({ to: FieldErrorCode.TOO_SMALL });
    const params = [fairId ?? null, from ?? null, to ?? null];
    const key = JSON.stringify(params);
    const [{ version }] = await this.dataSource.query(
      `SELECT last_value::text AS version FROM dashboard_version`,
    );
    const now = Date.now();
    let hit = this.cache.get(key);
    if (!hit || hit.version !== version || now - hit.at > CACHE_MS) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      const answer = this.dataSource
        .query(DASHBOARD_SQL, params)
        .then(([row]: { dashboard: Omit<DashboardResponse, 'scope'> }[]) => row.dashboard);
      hit = { version, at: now, answer };
      this.cache.set(key, hit);
      answer.catch(() => this.cache.delete(key));
    }
    const dashboard = await hit.answer;
    if (fairId && dashboard.fairs.length === 0) throw DomainError.notFound();
    const kind = fairId ? 'fair' : from !== undefined || to !== undefined ? 'years' : 'all';
    return { scope: { kind, fairId: fairId ?? null, from: from ?? null, to: to ?? null }, ...dashboard };
  }
}
