import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldErrorCode, type BuyerProfile } from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import type { UpdateBuyerProfileDto } from './dto/update-buyer-profile.dto';

const READERS = new Set(['organizer', 'organizer_staff']);

interface ProfileRow {
  company_id: string;
  company_name: string;
  kind: string;
  status: string;
  country: string | null;
  website: string | null;
  annual_import_usd: string | null;
  categories: string[] | null;
  target_price_min: string | null;
  target_price_max: string | null;
  target_price_currency: string | null;
  incoterms: string[] | null;
  certifications: string[] | null;
  languages: string[] | null;
  updated_at: Date | null;
}

type Fields = Omit<BuyerProfile, 'companyId' | 'companyName' | 'updatedAt'>;
const FIELDS: (keyof Fields)[] = [
  'country',
  'website',
  'annualImportUsd',
  'categories',
  'targetPriceMin',
  'targetPriceMax',
  'targetPriceCurrency',
  'incoterms',
  'certifications',
  'languages',
];

const SELECT = `
  SELECT c.id AS company_id, c.name AS company_name, c.kind, c.status, p.country, p.website,
         p.annual_import_usd::text AS annual_import_usd, p.categories, p.target_price_min::text AS target_price_min,
         p.target_price_max::text AS target_price_max, p.target_price_currency, p.incoterms, p.certifications,
         p.languages, p.updated_at
    FROM companies c LEFT JOIN buyer_profiles p ON p.company_id = c.id
   WHERE c.id = $1`;

function toProfile(row: ProfileRow): BuyerProfile {
  return {
    companyId: row.company_id,
    companyName: row.company_name,
    country: row.country,
    website: row.website,
    annualImportUsd: row.annual_import_usd,
    categories: (row.categories ?? []) as BuyerProfile['categories'],
    targetPriceMin: row.target_price_min,
    targetPriceMax: row.target_price_max,
    targetPriceCurrency: row.target_price_currency,
    incoterms: (row.incoterms ?? []) as BuyerProfile['incoterms'],
    certifications: (row.certifications ?? []) as BuyerProfile['certifications'],
    languages: (row.languages ?? []) as BuyerProfile['languages'],
    updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
  };
}

/**
 * What an importer buys. Members of the buyer company edit it (also while it waits for approval); the
 * organizer's team reads every one; approved exhibitors read those of approved buyers.
 */
@Injectable()
export class BuyersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async mine(auth: AuthUser): Promise<BuyerProfile> {
    return toProfile(await this.row(await this.ownBuyerCompany(auth)));
  }

  async get(auth: AuthUser, companyId: string): Promise<BuyerProfile> {
    const [row]: ProfileRow[] = await this.dataSource.query(SELECT, [companyId]);
    if (!row || row.kind !== 'buyer') throw DomainError.notFound();
    if (READERS.has(auth.role)) return toProfile(row);
    const own = await this.companyOf(auth);
    if (own?.id === companyId) return toProfile(row);
    if (own?.kind === 'exhibitor' && own.status === 'approved') {
      if (row.status !== 'approved') throw DomainError.notFound();
      return toProfile(row);
    }
    throw DomainError.forbidden();
  }

  async update(auth: AuthUser, dto: UpdateBuyerProfileDto): Promise<BuyerProfile> {
    const companyId = await this.ownBuyerCompany(auth);
    const next = toProfile(await this.row(companyId)) as Fields;
    for (const field of FIELDS) {
      const value = dto[field];
      if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value;
    }
    const priced = next.targetPriceMin !== null || next.targetPriceMax !== null;
    if (priced && !next.targetPriceCurrency) {
      throw DomainError.validation({ targetPriceCurrency: FieldErrorCode.REQUIRED });
    }
    if (next.targetPriceMin !== null && next.targetPriceMax !== null) {
      const [{ ordered }] = await this.dataSource.query(`SELECT $1::numeric <= $2::numeric AS ordered`, [
        next.targetPriceMin,
        next.targetPriceMax,
      ]);
      if (!ordered) throw DomainError.validation({ targetPriceMax: FieldErrorCode.TOO_SMALL });
    }
    await this.dataSource.query(
      `INSERT INTO buyer_profiles (company_id, country, website, annual_import_usd, categories, target_price_min,
                                   target_price_max, target_price_currency, incoterms, certifications, languages,
                                   created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (company_id) DO UPDATE SET
         country = EXCLUDED.country, website = EXCLUDED.website, annual_import_usd = EXCLUDED.annual_import_usd,
         categories = EXCLUDED.categories, target_price_min = EXCLUDED.target_price_min,
         target_price_max = EXCLUDED.target_price_max, target_price_currency = EXCLUDED.target_price_currency,
         incoterms = EXCLUDED.incoterms, certifications = EXCLUDED.certifications, languages = EXCLUDED.languages,
         updated_at = EXCLUDED.updated_at`,
      [
        companyId,
        next.country,
        next.website,
        next.annualImportUsd,
        next.categories,
        next.targetPriceMin,
        next.targetPriceMax,
        next.targetPriceCurrency,
        next.incoterms,
        next.certifications,
        next.languages,
        this.clock.now(),
      ],
    );
    return this.mine(auth);
  }

  private async row(companyId: string): Promise<ProfileRow> {
    const [row]: ProfileRow[] = await this.dataSource.query(SELECT, [companyId]);
    if (!row) throw DomainError.notFound();
    return row;
  }

  private async ownBuyerCompany(auth: AuthUser): Promise<string> {
    const own = await this.companyOf(auth);
    if (!own || own.kind !== 'buyer') throw DomainError.forbidden();
    return own.id;
  }

  /** The caller's company, read from the database (not the token). */
  private async companyOf(auth: AuthUser): Promise<{ id: string; kind: string; status: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT c.id, c.kind, c.status FROM company_memberships cm JOIN companies c ON c.id = cm.company_id
        WHERE cm.user_id = $1`,
      [auth.id],
    );
    return row ?? null;
  }
}
