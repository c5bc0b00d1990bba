import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type FxRate } from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import type { ListFxRatesDto, SetFxRateDto } from './dto/fx-rate.dto';

export interface RateOn {
  /** 8 decimals */
  rate: string;
  /** the effective date of the rate used */
  date: string;
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

  /** Upsert by currency and effective date. */
  async set(auth: AuthUser, dto: SetFxRateDto): Promise<FxRate> {
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO fx_rates (currency, effective_date, rate_to_usd, set_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (currency, effective_date)
       DO UPDATE SET rate_to_usd = EXCLUDED.rate_to_usd, set_by = EXCLUDED.set_by, updated_at = EXCLUDED.updated_at`,
      [dto.currency, dto.effectiveDate, dto.rateToUsd, auth.id, now],
    );
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
