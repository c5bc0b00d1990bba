import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  MEETING_STATUSES,
  type FairMeetingPage,
  type FairMeetingRow,
  type FairMeetingStats,
  type MeetingStatus,
} from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { FairMeetingQueryDto } from './dto/meeting-floor.dto';
import { iso } from './floor-meeting';

/** An accepted meeting that asked for an interpreter and has none yet. */
const WAITING_FOR_INTERPRETER = `m.status = 'accepted' AND m.interpreter_language IS NOT NULL AND m.interpreter_user_id IS NULL`;

/** The organizer's view of a fair's meetings: counts, no-show rate, and a list to filter. */
@Injectable()
export class OverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(fairId: string): Promise<FairMeetingStats> {
    await this.assertFair(fairId);
    const counts: { status: MeetingStatus; n: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM meetings WHERE fair_id = $1 GROUP BY status`,
      [fairId],
    );
    const [figures] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${WAITING_FOR_INTERPRETER})::int AS waiting,
              CASE WHEN count(*) FILTER (WHERE m.status IN ('held','no_show')) = 0 THEN NULL
                   ELSE round(count(*) FILTER (WHERE m.status = 'no_show')::numeric
                              / count(*) FILTER (WHERE m.status IN ('held','no_show')), 4)::text END AS no_show_rate,
              count(m.answered_at)::int AS answered,
              count(*) FILTER (WHERE m.answered_at <= m.created_at + interval '24 hours')::int AS within,
              CASE WHEN count(m.answered_at) = 0 THEN NULL
                   ELSE round(count(*) FILTER (WHERE m.answered_at <= m.created_at + interval '24 hours')::numeric
                              / count(m.answered_at), 4)::text END AS within_share
         FROM meetings m WHERE m.fair_id = $1`,
      [fairId],
    );
    const byStatus = Object.fromEntries(MEETING_STATUSES.map((s) => [s, 0])) as Record<MeetingStatus, number>;
    for (const c of counts) byStatus[c.status] = c.n;
    return {
      fairId,
      total: counts.reduce((sum, c) => sum + c.n, 0),
      byStatus,
      noShowRate: figures.no_show_rate,
      waitingForInterpreter: figures.waiting,
      answered: figures.answered,
      answeredWithin24h: figures.within,
      answeredWithin24hShare: figures.within_share,
    };
  }

  async list(fairId: string, query: FairMeetingQueryDto): Promise<FairMeetingPage> {
    await this.assertFair(fairId);
    const params = pageParams(query);
    const where = ['m.fair_id = $1'];
    const values: unknown[] = [fairId];
    if (query.status) {
      values.push(query.status);
      where.push(`m.status = $${values.length}`);
    }
    if (query.companyId) {
      values.push(query.companyId);
      where.push(`(m.buyer_company_id = $${values.length} OR m.exhibitor_company_id = $${values.length})`);
    }
    if (query.needsInterpreter === true) where.push(WAITING_FOR_INTERPRETER);
    if (query.needsInterpreter === false) where.push(`NOT (${WAITING_FOR_INTERPRETER})`);
    if (query.q) {
      values.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const p = `cm_unaccent($${values.length})`;
      where.push(
        `(cm_unaccent(bc.name) ILIKE ${p} OR cm_unaccent(ec.name) ILIKE ${p} OR cm_unaccent(bu.full_name) ILIKE ${p}
          OR cm_unaccent(eu.full_name) ILIKE ${p})`,
      );
    }
    const joins = `
        FROM meetings m
        JOIN companies bc ON bc.id = m.buyer_company_id
        JOIN companies ec ON ec.id = m.exhibitor_company_id
        JOIN users bu ON bu.id = m.buyer_user_id
        JOIN users eu ON eu.id = m.exhibitor_user_id`;
    const filter = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${joins} ${filter}`,
      values,
    );
    const rows = await this.dataSource.query(
      `SELECT m.id, m.status, m.requester_company_id, m.place_kind, m.video_url, m.interpreter_language,
              m.interpreter_user_id, iu.full_name AS interpreter_name, m.checked_in_at, m.sequence, m.created_at,
              lower(m.time_range) AS starts_at, upper(m.time_range) AS ends_at,
              m.buyer_company_id, bc.name AS buyer_company_name, bc.country_code AS buyer_country,
              m.buyer_user_id, bu.full_name AS buyer_name,
              m.exhibitor_company_id, ec.name AS exhibitor_company_name, ec.country_code AS exhibitor_country,
              m.exhibitor_user_id, eu.full_name AS exhibitor_name,
              b.code AS booth_code, t.code AS table_code
         ${joins}
         LEFT JOIN users iu ON iu.id = m.interpreter_user_id
         LEFT JOIN booths b ON b.fair_id = m.fair_id AND b.company_id = m.exhibitor_company_id
         LEFT JOIN b2b_tables t ON t.id = m.table_id
         ${filter}
        ORDER BY lower(m.time_range) NULLS LAST, m.created_at, m.id
        LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, params.pageSize, (params.page - 1) * params.pageSize],
    );
    return pageOf(rows.map(toRow), total, params);
  }

  private async assertFair(fairId: string): Promise<void> {
    const [fair] = await this.dataSource.query(`SELECT 1 FROM fairs WHERE id = $1`, [fairId]);
    if (!fair) throw DomainError.notFound();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toRow(r: any): FairMeetingRow {
  return {
    id: r.id,
    status: r.status,
    buyer: {
      companyId: r.buyer_company_id,
      companyName: r.buyer_company_name,
      countryCode: r.buyer_country,
      userId: r.buyer_user_id,
      fullName: r.buyer_name,
    },
    exhibitor: {
      companyId: r.exhibitor_company_id,
      companyName: r.exhibitor_company_name,
      countryCode: r.exhibitor_country,
      userId: r.exhibitor_user_id,
      fullName: r.exhibitor_name,
    },
    requestedBy: r.requester_company_id === r.buyer_company_id ? 'buyer' : 'exhibitor',
    start: r.starts_at ? iso(r.starts_at) : null,
    end: r.ends_at ? iso(r.ends_at) : null,
    place: r.place_kind,
    boothCode: r.booth_code,
    tableCode: r.table_code,
    videoUrl: r.video_url,
    interpreterLanguage: r.interpreter_language,
    interpreterUserId: r.interpreter_user_id,
    interpreterName: r.interpreter_name,
    checkedInAt: r.checked_in_at ? iso(r.checked_in_at) : null,
    sequence: r.sequence,
    createdAt: iso(r.created_at),
  };
}
