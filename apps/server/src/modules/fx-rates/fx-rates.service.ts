import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type FxRate } from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { AuditService } from '../audit';
import type { ListFxRatesDto, SetFxRateDto } from './dto/fx-rate.dto';

export interface RateOn {
  /** 8 decimals */
  rate: string;
  /** the effective date of the rate used */
  date: string;
}

interface FxAuditState {
  currency: string;
  effectiveDate: string;
  rateToUsd: string;
  setBy: string | null;
  updatedAt: string;
}

/**
 * A rate is keyed by currency and day, the audit log by uuid: a name-based uuid (RFC 4122 version 3
 * layout over `fx_rate:<currency>:<date>`) gives every currency and day one stable audit subject.
 */
export function fxRateEntityId(currency: string, effectiveDate: string): string {
  const b = createHash('md5').update(`fx_rate:${currency}:${effectiveDate}`).digest();
  b[6] = (b[6] & 0x0f) | 0x30;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface FxRow {
  currency: string;
  effective_date: string;
  rate_to_usd: string;
  set_by: string | null;
  set_by_name: string | null;
  updated_at: Date;
}

/** The organizer's FX rates to USD, and the rate a contract uses on its signing date. */
@Injectable()
export class FxRatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListFxRatesDto): Promise<FxRate[]> {
    const rows = await this.dataSource.query<FxRow[]>(
      `SELECT r.currency, r.effective_date::text AS effective_date, r.rate_to_usd::text AS rate_to_usd,
              r.set_by, u.full_name AS set_by_name, r.updated_at
         FROM fx_rates r LEFT JOIN users u ON u.id = r.set_by
        WHERE $1::char(3) IS NULL OR r.currency = $1
        ORDER BY r.currency, r.effective_date DESC
        LIMIT 5000`,
      [query.currency ?? null],
    );
    return rows.map(toFxRate);
  }

  /**
   * Upsert by currency and effective date; every create and overwrite writes an audit row (who, when,
   * the rate before and after) in the same transaction. A concurrent first setting of the same day
   * waits on the other's insert and then records itself as an overwrite of it.
   */
  async set(auth: AuthUser, dto: SetFxRateDto): Promise<FxRate> {
    const now = this.clock.now();
    const params = [dto.currency, dto.effectiveDate, dto.rateToUsd, auth.id, now];
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<{ rate_to_usd: string }[]>(
        `INSERT INTO fx_rates (currency, effective_date, rate_to_usd, set_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (currency, effective_date) DO NOTHING
         RETURNING rate_to_usd::text AS rate_to_usd`,
        params,
      );
      let before: FxAuditState | null = null;
      if (inserted.length === 0) {
        const [old] = await manager.query<{ rate_to_usd: string; set_by: string | null; updated_at: Date }[]>(
          `SELECT rate_to_usd::text AS rate_to_usd, set_by, updated_at FROM fx_rates
            WHERE currency = $1 AND effective_date = $2 FOR UPDATE`,
          [dto.currency, dto.effectiveDate],
        );
        before = {
          currency: dto.currency,
          effectiveDate: dto.effectiveDate,
          rateToUsd: old.rate_to_usd,
          setBy: old.set_by,
          updatedAt: new Date(old.updated_at).toISOString(),
        };
        await manager.query(
          `UPDATE fx_rates SET rate_to_usd = $3, set_by = $4, updated_at = $5
            WHERE currency = $1 AND effective_date = $2`,
          params,
        );
      }
      const [stored] = await manager.query<{ rate_to_usd: string }[]>(
        `SELECT rate_to_usd::text AS rate_to_usd FROM fx_rates WHERE currency = $1 AND effective_date = $2`,
        [dto.currency, dto.effectiveDate],
      );
      await this.audit.record(manager, {
        actorId: auth.id,
        action: before ? 'fx_rate.overwrite' : 'fx_rate.create',
        entityType: 'fx_rate',
        entityId: fxRateEntityId(dto.currency, dto.effectiveDate),
        before: before ? { ...before } : null,
        after: {
          currency: dto.currency,
          effectiveDate: dto.effectiveDate,
          rateToUsd: stored.rate_to_usd,
          setBy: auth.id,
          updatedAt: now.toISOString(),
        },
      });
    });
    const [row] = await this.dataSource.query<FxRow[]>(
      `SELECT r.currency, r.effective_date::text AS effective_date, r.rate_to_usd::text AS rate_to_usd,
              r.set_by, u.full_name AS set_by_name, r.updated_at
         FROM fx_rates r LEFT JOIN users u ON u.id = r.set_by
        WHERE r.currency = $1 AND r.effective_date = $2`,
      [dto.currency, dto.effectiveDate],
    );
    return toFxRate(row);
  }

  /** The rate with the latest effective date on or before `date`; USD is always 1. */
  async rateOn(manager: EntityManager, currency: string, date: string): Promise<RateOn> {
    if (currency === 'USD') return { rate: '1.00000000', date };
    const [row] = await manager.query<{ rate: string; date: string }[]>(
      `SELECT rate_to_usd::text AS rate, effective_date::text AS date
         FROM fx_rates WHERE currency = $1 AND effective_date <= $2::date
        ORDER BY effective_date DESC LIMIT 1`,
      [currency, date],
    );
    if (!row) throw new DomainError(ErrorCode.FX_RATE_MISSING, 422, { params: { currency, date } });
    return row;
  }
}

function toFxRate(r: FxRow): FxRate {
  return {
    currency: r.currency,
    effectiveDate: r.effective_date,
    rateToUsd: r.rate_to_usd,
    setBy: r.set_by,
    setByName: r.set_by_name,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
