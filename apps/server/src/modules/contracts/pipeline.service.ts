import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PIPELINE_STAGES,
  sumDecimals,
  type PipelineCounterpart,
  type PipelineResponse,
  type PipelineStage,
} from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';

interface Row {
  company_id: string;
  company_name: string;
  country_code: string | null;
  province_code: string | null;
  meetings_held: number;
  samples: number;
  quotations: number;
  contracts: number;
  quotation_outcome: boolean;
  value_usd: string;
  confirmed_value_usd: string;
}

/**
 * The caller's counterparts at a fair as a pipeline: met (a held meeting) → samples → quotation (an LOI, or
 * a held meeting whose outcome names a quotation or contract as the next step) → contract (a signed one).
 * Cancelled contracts count for nothing. All sums in SQL, as numeric.
 */
@Injectable()
export class PipelineService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async pipeline(auth: AuthUser, fairId: string): Promise<PipelineResponse> {
    if (!auth.companyId) throw DomainError.forbidden();
    const [own] = await this.dataSource.query<{ kind: 'exhibitor' | 'buyer' }[]>(
      `SELECT kind FROM companies WHERE id = $1`,
      [auth.companyId],
    );
    if (!own) throw DomainError.forbidden();
    const [fair] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM fairs WHERE id = $1`, [
      fairId,
    ]);
    if (!fair) throw DomainError.notFound();
    const mine = own.kind === 'exhibitor' ? 'exhibitor_company_id' : 'buyer_company_id';
    const theirs = own.kind === 'exhibitor' ? 'buyer_company_id' : 'exhibitor_company_id';
    const rows = await this.dataSource.query<Row[]>(
      `WITH m AS (
         SELECT ${theirs} AS cid, count(*)::int AS held,
                bool_or(EXISTS (SELECT 1 FROM meeting_outcomes o
                                 WHERE o.meeting_id = mt.id AND o.company_id = $1
                                   AND o.next_step IN ('quotation','contract'))) AS quotation_outcome
           FROM meetings mt WHERE fair_id = $2 AND ${mine} = $1 AND status = 'held' GROUP BY 1),
       s AS (
         SELECT ${theirs} AS cid, count(*)::int AS n FROM samples WHERE fair_id = $2 AND ${mine} = $1 GROUP BY 1),
       c AS (
         SELECT ${theirs} AS cid,
                count(*) FILTER (WHERE kind = 'loi')::int AS lois,
                count(*) FILTER (WHERE kind = 'contract')::int AS signed,
                sum(total_usd) AS usd,
                sum(total_usd) FILTER (WHERE status = 'confirmed') AS confirmed_usd
           FROM contracts WHERE fair_id = $2 AND ${mine} = $1 AND status <> 'cancelled' GROUP BY 1),
       ids AS (SELECT cid FROM m UNION SELECT cid FROM s UNION SELECT cid FROM c)
       SELECT ids.cid AS company_id, co.name AS company_name, co.country_code,
              coalesce(ep.province_code, v.province_code) AS province_code,
              coalesce(m.held, 0) AS meetings_held, coalesce(s.n, 0) AS samples,
              coalesce(c.lois, 0) AS quotations, coalesce(c.signed, 0) AS contracts,
              coalesce(m.quotation_outcome, false) AS quotation_outcome,
              round(coalesce(c.usd, 0), 2)::text AS value_usd,
              round(coalesce(c.confirmed_usd, 0), 2)::text AS confirmed_value_usd
         FROM ids
         JOIN companies co ON co.id = ids.cid
         LEFT JOIN exhibitor_profiles ep ON ep.company_id = co.id
         LEFT JOIN craft_villages v ON v.code = ep.village_code
         LEFT JOIN m ON m.cid = ids.cid
         LEFT JOIN s ON s.cid = ids.cid
         LEFT JOIN c ON c.cid = ids.cid
        ORDER BY coalesce(c.usd, 0) DESC, co.name`,
      [auth.companyId, fairId],
    );
    const counterparts: PipelineCounterpart[] = rows.map((r) => ({
      companyId: r.company_id,
      companyName: r.company_name,
      countryCode: r.country_code,
      provinceCode: r.province_code,
      stage: stageOf(r),
      meetingsHeld: r.meetings_held,
      samples: r.samples,
      quotations: r.quotations,
      contracts: r.contracts,
      valueUsd: r.value_usd,
      confirmedValueUsd: r.confirmed_value_usd,
    }));
    return {
      fairId,
      side: own.kind,
      stages: PIPELINE_STAGES.map((stage) => {
        const inStage = counterparts.filter((c) => c.stage === stage);
        return {
          stage,
          count: inStage.length,
          valueUsd: sumDecimals(
            inStage.map((c) => c.valueUsd),
            2,
          ),
        };
      }),
      counterparts,
    };
  }
}

function stageOf(r: Row): PipelineStage {
  if (r.contracts > 0) return 'contract';
  if (r.quotations > 0 || r.quotation_outcome) return 'quotation';
  if (r.samples > 0) return 'samples';
  return 'met';
}
