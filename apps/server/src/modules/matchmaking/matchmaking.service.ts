import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type CategoryCode,
  type Recommendation,
  type RecommendationPage,
  type RecommendedProduct,
  type Wish,
  type WishLevel,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageParams, type PageQueryDto } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { FxRatesService } from '../fx-rates';
import { InterpretersService } from '../interpreters';
import type { SetWishDto } from './dto/wish.dto';
import { scorePair, type BuyerFacts, type ExhibitorFacts, type ProductFacts } from './scoring';

type Side = 'buyer' | 'exhibitor';

/** The caller's company at a fair, and the fair's facts. */
interface Party {
  fairId: string;
  companyId: string;
  side: Side;
  fairStatus: string;
  /** the fair's local date */
  today: string;
}

interface WishRow {
  fair_id: string;
  to_company_id: string;
  name: string;
  country_code: string | null;
  kind: Side;
  level: WishLevel;
  mutual: boolean;
  updated_at: Date;
}

const toWish = (r: WishRow): Wish => ({
  fairId: r.fair_id,
  companyId: r.to_company_id,
  companyName: r.name,
  countryCode: r.country_code,
  companyKind: r.kind,
  level: r.level,
  mutual: r.mutual,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * A wish of the caller's company, with `mutual` when the other side wishes to meet too (must or would).
 * The other side's level itself is never returned.
 */
const SELECT_WISH = `
  SELECT w.fair_id, w.to_company_id, c.name, c.country_code, c.kind, w.level, w.updated_at,
         (w.level <> 'no_thanks' AND EXISTS (
            SELECT 1 FROM fair_wishes r
             WHERE r.fair_id = w.fair_id AND r.from_company_id = w.to_company_id
               AND r.to_company_id = w.from_company_id AND r.level IN ('must','would'))) AS mutual
    FROM fair_wishes w JOIN companies c ON c.id = w.to_company_id`;

/** Companies taking part in fair `$1`: buyers registered for it, exhibitors with an approved booth. */
const PARTICIPANT = `
  (c.kind = 'buyer' AND EXISTS (SELECT 1 FROM fair_participants p WHERE p.fair_id = $1 AND p.company_id = c.id))
  OR (c.kind = 'exhibitor' AND EXISTS (
        SELECT 1 FROM booths b WHERE b.fair_id = $1 AND b.company_id = c.id AND b.status = 'approved'))`;

/** Meetings that already bring a pair together: met, or booked (asked for or accepted). */
const MEETING_TAKEN = `('requested','accepted','held')`;

interface BuyerRow {
  company_id: string;
  name: string;
  country: string | null;
  categories: string[] | null;
  target_price_min: string | null;
  target_price_max: string | null;
  target_price_currency: string | null;
  annual_import_usd: string | null;
  certifications: string[] | null;
  languages: string[] | null;
}

interface ExhibitorRow {
  company_id: string;
  name: string;
  country_code: string | null;
  booth_code: string | null;
  languages: string[] | null;
  export_markets: string[] | null;
  monthly_capacity: number | null;
  certifications: { type: string; expiresOn: string | null }[];
}

interface ProductRow {
  id: string;
  company_id: string;
  category_code: string;
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  moq: number | null;
  unit: string;
}

/** Wishes between companies taking part in a fair, and recommendations of the other side, explained. */
@Injectable()
export class MatchmakingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly fx: FxRatesService,
    private readonly interpreters: InterpretersService,
  ) {}

  async wishes(auth: AuthUser, fairId: string): Promise<Wish[]> {
    const party = await this.party(auth, fairId);
    const rows: WishRow[] = await this.dataSource.query(
      `${SELECT_WISH} WHERE w.fair_id = $1 AND w.from_company_id = $2 ORDER BY w.updated_at DESC, c.name, w.id`,
      [fairId, party.companyId],
    );
    return rows.map(toWish);
  }

  /** Sets or changes the caller's company's wish for a participant of the other side. */
  async setWish(auth: AuthUser, fairId: string, companyId: string, dto: SetWishDto): Promise<Wish> {
    const party = await this.party(auth, fairId);
    if (party.fairStatus === 'closed') throw new DomainError(ErrorCode.FAIR_NOT_OPEN, 409);
    const [target] = await this.dataSource.query(
      `SELECT c.kind, (${PARTICIPANT}) AS participant FROM companies c WHERE c.id = $2`,
      [fairId, companyId],
    );
    if (!target) throw new DomainError(ErrorCode.WISH_NOT_PARTICIPANT, 422);
    if (target.kind === party.side) throw new DomainError(ErrorCode.WISH_SAME_SIDE, 422);
    if (!target.participant) throw new DomainError(ErrorCode.WISH_NOT_PARTICIPANT, 422);
    await this.dataSource.query(
      `INSERT INTO fair_wishes (fair_id, from_company_id, to_company_id, level, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (fair_id, from_company_id, to_company_id)
       DO UPDATE SET level = EXCLUDED.level, updated_at = EXCLUDED.updated_at`,
      [fairId, party.companyId, companyId, dto.level, auth.id, this.clock.now()],
    );
    const [row] = await this.dataSource.query(
      `${SELECT_WISH} WHERE w.fair_id = $1 AND w.from_company_id = $2 AND w.to_company_id = $3`,
      [fairId, party.companyId, companyId],
    );
    return toWish(row);
  }

  /** Clears the caller's company's wish; clearing one that is not there is fine. */
  async clearWish(auth: AuthUser, fairId: string, companyId: string): Promise<void> {
    const party = await this.party(auth, fairId);
    if (party.fairStatus === 'closed') throw new DomainError(ErrorCode.FAIR_NOT_OPEN, 409);
    await this.dataSource.query(
      `DELETE FROM fair_wishes WHERE fair_id = $1 AND from_company_id = $2 AND to_company_id = $3`,
      [fairId, party.companyId, companyId],
    );
  }

  /**
   * Companies of the other side at the fair, best fit first, with the reasons. Left out: companies the
   * caller already meets or has a pending request with, a no-thanks on either side, and exhibitors not
   * holding every certification the buyer requires (counted in `excludedForCertifications`).
   */
  async recommendations(auth: AuthUser, fairId: string, query: PageQueryDto): Promise<RecommendationPage> {
    const party = await this.party(auth, fairId);
    const { page, pageSize } = pageParams(query);
    const buyerSide = party.side === 'buyer';

    const buyers = await this.buyerRows(fairId, buyerSide ? party.companyId : null);
    const exhibitors = await this.exhibitorRows(fairId, buyerSide ? null : party.companyId);
    const me = buyerSide ? buyers[0] : exhibitors[0];
    if (!me) return { items: [], total: 0, page, pageSize, side: party.side, excludedForCertifications: 0 };

    // a buyer sees exhibitors' products in its categories (all when it names none); an exhibitor its own
    const categories = buyerSide ? ((me as BuyerRow).categories ?? []) : [];
    const products: ProductRow[] = await this.dataSource.query(
      `SELECT p.id, p.company_id, p.category_code, p.price_min::text AS price_min,
              p.price_max::text AS price_max, p.currency, p.moq, p.unit
         FROM products p
        WHERE p.status = 'published' AND p.company_id = ANY($1::uuid[])
          AND (cardinality($2::text[]) = 0 OR p.category_code = ANY($2::text[]))`,
      [exhibitors.map((e) => e.company_id), categories],
    );
    const productsOf = new Map<string, ProductFacts[]>();
    for (const p of products) {
      const list = productsOf.get(p.company_id) ?? [];
      list.push({
        id: p.id,
        categoryCode: p.category_code,
        priceMin: p.price_min,
        priceMax: p.price_max,
        currency: p.currency,
        moq: p.moq,
        unit: p.unit,
      });
      productsOf.set(p.company_id, list);
    }

    // wishes both ways and meetings of the caller's company at this fair
    const wishRows: { from_company_id: string; to_company_id: string; level: WishLevel }[] =
      await this.dataSource.query(
        `SELECT from_company_id, to_company_id, level FROM fair_wishes
          WHERE fair_id = $1 AND (from_company_id = $2 OR to_company_id = $2)`,
        [fairId, party.companyId],
      );
    const mine = new Map<string, WishLevel>();
    const theirs = new Map<string, WishLevel>();
    for (const w of wishRows) {
      if (w.from_company_id === party.companyId) mine.set(w.to_company_id, w.level);
      else theirs.set(w.from_company_id, w.level);
    }
    const taken: { company: string }[] = await this.dataSource.query(
      `SELECT DISTINCT CASE WHEN buyer_company_id = $2 THEN exhibitor_company_id ELSE buyer_company_id END AS company
         FROM meetings
        WHERE fair_id = $1 AND (buyer_company_id = $2 OR exhibitor_company_id = $2) AND status IN ${MEETING_TAKEN}`,
      [fairId, party.companyId],
    );
    const met = new Set(taken.map((m) => m.company));

    const ratesToUsd = await this.rates(
      [...products.map((p) => p.currency), ...buyers.map((b) => b.target_price_currency)],
      party.today,
    );
    const interpreterLanguages = [
      ...new Set(
        (await this.interpreters.list(fairId)).filter((i) => i.shifts.length > 0).flatMap((i) => i.languages),
      ),
    ];

    const candidates = buyerSide ? exhibitors : buyers;
    let excludedForCertifications = 0;
    const scored: {
      row: BuyerRow | ExhibitorRow;
      score: number;
      reasons: Recommendation['reasons'];
      productIds: string[];
    }[] = [];
    for (const candidate of candidates) {
      const other = candidate.company_id;
      if (other === party.companyId || met.has(other)) continue;
      const buyer = toBuyerFacts((buyerSide ? me : candidate) as BuyerRow);
      const exhibitorRow = (buyerSide ? candidate : me) as ExhibitorRow;
      const exhibitor = toExhibitorFacts(exhibitorRow, productsOf.get(exhibitorRow.company_id) ?? []);
      const result = scorePair(buyer, exhibitor, {
        today: party.today,
        ratesToUsd,
        interpreterLanguages,
        buyerWish: (buyerSide ? mine : theirs).get(other) ?? null,
        exhibitorWish: (buyerSide ? theirs : mine).get(other) ?? null,
      });
      if (!result.eligible) {
        if (result.excludedBy === 'certifications') excludedForCertifications++;
        continue;
      }
      scored.push({
        row: candidate,
        score: result.score,
        reasons: result.reasons,
        productIds: result.productIds,
      });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        nameOf(a.row).localeCompare(nameOf(b.row)) ||
        a.row.company_id.localeCompare(b.row.company_id),
    );

    const slice = scored.slice((page - 1) * pageSize, page * pageSize);
    const details = await this.productDetails(slice.flatMap((s) => s.productIds));
    const items: Recommendation[] = slice.map((s) => {
      const wish = mine.get(s.row.company_id);
      return {
        companyId: s.row.company_id,
        companyName: nameOf(s.row),
        companyKind: buyerSide ? 'exhibitor' : 'buyer',
        countryCode: buyerSide ? (s.row as ExhibitorRow).country_code : (s.row as BuyerRow).country,
        boothCode: buyerSide ? (s.row as ExhibitorRow).booth_code : null,
        score: s.score,
        reasons: s.reasons,
        myWish: wish === 'must' || wish === 'would' ? wish : null,
        products: s.productIds.map((id) => details.get(id)).filter((p): p is RecommendedProduct => !!p),
      };
    });
    return { items, total: scored.length, page, pageSize, side: party.side, excludedForCertifications };
  }

  // ---- helpers

  /**
   * The caller's company and side at the fair: 404 for an unknown or draft fair, 403 when the caller has
   * no company or the company does not take part in the fair.
   */
  private async party(auth: AuthUser, fairId: string): Promise<Party> {
    const [fair] = await this.dataSource.query(
      `SELECT status, (($2::timestamptz) AT TIME ZONE time_zone)::date::text AS today
         FROM fairs WHERE id = $1 AND status <> 'draft'`,
      [fairId, this.clock.now()],
    );
    if (!fair) throw DomainError.notFound();
    const [own] = await this.dataSource.query(
      `SELECT c.id, c.kind, c.status, (${PARTICIPANT}) AS participant
         FROM company_memberships cm JOIN companies c ON c.id = cm.company_id
        WHERE cm.user_id = $2`,
      [fairId, auth.id],
    );
    if (!own || own.kind !== auth.role) throw DomainError.forbidden();
    if (own.status !== 'approved' || !own.participant) throw new DomainError(ErrorCode.NOT_ATTENDING, 403);
    return { fairId, companyId: own.id, side: own.kind, fairStatus: fair.status, today: fair.today };
  }

  /** Buyer companies registered for the fair (or just `only`), with their profiles. */
  private buyerRows(fairId: string, only: string | null): Promise<BuyerRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS company_id, c.name, COALESCE(bp.country, c.country_code) AS country, bp.categories,
              bp.target_price_min::text AS target_price_min, bp.target_price_max::text AS target_price_max,
              bp.target_price_currency, bp.annual_import_usd::text AS annual_import_usd,
              bp.certifications, bp.languages
         FROM companies c LEFT JOIN buyer_profiles bp ON bp.company_id = c.id
        WHERE c.kind = 'buyer' AND c.status = 'approved'
          AND EXISTS (SELECT 1 FROM fair_participants p WHERE p.fair_id = $1 AND p.company_id = c.id)
          AND ($2::uuid IS NULL OR c.id = $2)`,
      [fairId, only],
    );
  }

  /** Exhibitor companies with an approved booth at the fair (or just `only`), with profiles and certificates. */
  private exhibitorRows(fairId: string, only: string | null): Promise<ExhibitorRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS company_id, c.name, c.country_code, b.code AS booth_code, ep.languages, ep.export_markets,
              ep.monthly_capacity,
              COALESCE((SELECT json_agg(json_build_object('type', cc.type, 'expiresOn', cc.expires_on::text))
                          FROM company_certifications cc WHERE cc.company_id = c.id), '[]'::json) AS certifications
         FROM booths b JOIN companies c ON c.id = b.company_id
         LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.id
        WHERE b.fair_id = $1 AND b.status = 'approved' AND c.kind = 'exhibitor' AND c.status = 'approved'
          AND ($2::uuid IS NULL OR c.id = $2)`,
      [fairId, only],
    );
  }

  /** Rates to USD on the fair's date for the currencies named; a currency without a rate is left out. */
  private async rates(currencies: (string | null)[], date: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const currency of new Set(currencies)) {
      if (!currency || currency === 'USD') continue;
      try {
        out[currency] = (await this.fx.rateOn(this.dataSource.manager, currency, date)).rate;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== ErrorCode.FX_RATE_MISSING) throw error;
      }
    }
    return out;
  }

  private async productDetails(ids: string[]): Promise<Map<string, RecommendedProduct>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query(
      `SELECT id, slug, name_vi, name_en, category_code, price_min::text AS price_min,
              price_max::text AS price_max, currency, moq, unit
         FROM products WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map(
        (r: {
          id: string;
          slug: string;
          name_vi: string;
          name_en: string;
          category_code: CategoryCode;
          price_min: string | null;
          price_max: string | null;
          currency: string | null;
          moq: number | null;
          unit: string;
        }): [string, RecommendedProduct] => [
          r.id,
          {
            id: r.id,
            slug: r.slug,
            nameVi: r.name_vi,
            nameEn: r.name_en,
            categoryCode: r.category_code,
            priceMin: r.price_min,
            priceMax: r.price_max,
            currency: r.currency,
            moq: r.moq,
            unit: r.unit,
          },
        ],
      ),
    );
  }
}

const nameOf = (row: BuyerRow | ExhibitorRow) => row.name;

function toBuyerFacts(r: BuyerRow): BuyerFacts {
  return {
    companyId: r.company_id,
    country: r.country,
    categories: r.categories ?? [],
    targetPriceMin: r.target_price_min,
    targetPriceMax: r.target_price_max,
    targetPriceCurrency: r.target_price_currency,
    annualImportUsd: r.annual_import_usd,
    certifications: r.certifications ?? [],
    languages: r.languages ?? [],
  };
}

function toExhibitorFacts(r: ExhibitorRow, products: ProductFacts[]): ExhibitorFacts {
  return {
    companyId: r.company_id,
    languages: r.languages ?? [],
    exportMarkets: (r.export_markets ?? []).map((m) => m.trim()),
    monthlyCapacity: r.monthly_capacity,
    certifications: r.certifications,
    products,
  };
}
