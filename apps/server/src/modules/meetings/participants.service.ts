import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type FairParticipant, type Page } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import type {
  FairParticipantQueryDto,
  RegisterParticipantDto,
  SetHostedBuyerDto,
} from './dto/participant.dto';

interface ParticipantRow {
  fair_id: string;
  company_id: string;
  company_name: string;
  country_code: string | null;
  user_id: string;
  full_name: string;
  hosted_buyer: boolean;
}

const toParticipant = (r: ParticipantRow): FairParticipant => ({
  fairId: r.fair_id,
  companyId: r.company_id,
  companyName: r.company_name,
  countryCode: r.country_code,
  userId: r.user_id,
  fullName: r.full_name,
  hostedBuyer: r.hosted_buyer,
});

const SELECT = `
  SELECT p.fair_id, p.company_id, c.name AS company_name, c.country_code, p.user_id, u.full_name, p.hosted_buyer
    FROM fair_participants p JOIN users u ON u.id = p.user_id JOIN companies c ON c.id = p.company_id`;

/** Buyer staff registering to attend a fair; the organizer marks hosted buyers. */
@Injectable()
export class ParticipantsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A member of an approved buyer company registers themselves or a colleague. */
  async register(auth: AuthUser, fairId: string, dto: RegisterParticipantDto): Promise<FairParticipant> {
    const userId = dto.userId ?? auth.id;
    const [own] = await this.dataSource.query(
      `SELECT c.id, c.kind, c.status FROM company_memberships cm JOIN companies c ON c.id = cm.company_id
        WHERE cm.user_id = $1`,
      [auth.id],
    );
    if (!own || own.kind !== 'buyer') throw DomainError.forbidden();
    if (own.status !== 'approved') throw new DomainError(ErrorCode.COMPANY_NOT_APPROVED, 403);
    const [colleague] = await this.dataSource.query(
      `SELECT 1 FROM company_memberships WHERE company_id = $1 AND user_id = $2`,
      [own.id, userId],
    );
    if (!colleague) throw DomainError.forbidden();
    const [fair] = await this.dataSource.query(`SELECT 1 FROM fairs WHERE id = $1 AND status <> 'draft'`, [
      fairId,
    ]);
    if (!fair) throw DomainError.notFound();
    await this.dataSource.query(
      `INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`,
      [fairId, own.id, userId],
    );
    return this.one(fairId, userId);
  }

  /** The attending people of the caller's company at a fair. */
  async mine(auth: AuthUser, fairId: string): Promise<FairParticipant[]> {
    const rows: ParticipantRow[] = await this.dataSource.query(
      `${SELECT} WHERE p.fair_id = $1
          AND p.company_id = (SELECT company_id FROM company_memberships WHERE user_id = $2)
        ORDER BY u.full_name`,
      [fairId, auth.id],
    );
    return rows.map(toParticipant);
  }

  /** The organizer's team: registered buyer people of a fair, by company then name. */
  async list(fairId: string, query: FairParticipantQueryDto): Promise<Page<FairParticipant>> {
    const params = pageParams(query);
    const [fair] = await this.dataSource.query(`SELECT 1 FROM fairs WHERE id = $1`, [fairId]);
    if (!fair) throw DomainError.notFound();
    const where = `WHERE p.fair_id = $1
        AND ($2::text IS NULL OR u.full_name ILIKE '%' || $2 || '%' OR c.name ILIKE '%' || $2 || '%')
        AND ($3::boolean IS NULL OR p.hosted_buyer = $3)`;
    const q = query.q?.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`) || null;
    const args = [fairId, q, query.hosted ?? null];
    const rows: (ParticipantRow & { total: number })[] = await this.dataSource.query(
      `${SELECT} ${where}
        ORDER BY c.name, u.full_name, p.user_id
        LIMIT $4 OFFSET $5`,
      [...args, params.pageSize, (params.page - 1) * params.pageSize],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM fair_participants p JOIN users u ON u.id = p.user_id
         JOIN companies c ON c.id = p.company_id ${where}`,
      args,
    );
    return pageOf(rows.map(toParticipant), total, params);
  }

  /** The organizer flags a hosted buyer. */
  async setHosted(fairId: string, userId: string, dto: SetHostedBuyerDto): Promise<FairParticipant> {
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `UPDATE fair_participants SET hosted_buyer = $3 WHERE fair_id = $1 AND user_id = $2`,
      [fairId, userId, dto.hostedBuyer],
    );
    if (count === 0) throw DomainError.notFound();
    return this.one(fairId, userId);
  }

  private async one(fairId: string, userId: string): Promise<FairParticipant> {
    const [row]: ParticipantRow[] = await this.dataSource.query(
      `${SELECT} WHERE p.fair_id = $1 AND p.user_id = $2`,
      [fairId, userId],
    );
    if (!row) throw DomainError.notFound();
    return toParticipant(row);
  }
}
