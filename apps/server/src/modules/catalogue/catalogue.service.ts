import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CATALOGUE_DEFAULT_LIMIT,
  productPagePath,
  type CatalogueExhibitorCard,
  type CatalogueExhibitorPage,
  type CatalogueFacets,
  type CatalogueProductCard,
  type CatalogueProductPage,
  type PublicAward,
  type PublicBooth,
  type PublicCertification,
  type PublicExhibitor,
  type PublicExhibitorSummary,
  type PublicProduct,
  type PublicProvince,
  type PublicVillage,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { SearchExhibitorsDto } from './dto/search-exhibitors.dto';
import { createValidationPipe } from '../../common/validation';
import { SearchProductsDto } from './dto/search-products.dto';
import { buildTsQuery, decodeCursor, effectiveSort, encodeCursor, type QueryWord } from './search-query';
import { FreshRead, SearchCache } from './search-cache';
import { Params, productSearchSql, QUERY_WORDS_SQL, type ProductFilters } from './search-sql';

const FILTER_KEYS: (keyof ProductFilters)[] = [
  'category',
  'village',
  'province',
  'certification',
  'fair',
  'booth',
  'exhibitor',
  'moqMax',
  'priceMin',
  'priceMax',
  'currency',
];

/** GET /api/catalogue/products: the query string as sent (the cache key) and as parsed. */
export interface RawSearchQuery {
  text: string;
  values: Record<string, unknown>;
}

interface ProductRow {
  id: string;
  slug: string;
  name_vi: string;
  name_en: string;
  category_code: string;
  materials: string[];
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  moq: number | null;
  unit: string;
  certifications: string[];
  photo_file_id: string | null;
  company_id: string;
  company_name: string;
  village_code: string | null;
  village_name: string | null;
  province_code: string | null;
  sort_key: string | null;
}

/** Matches per (category, province, certifications), and whether matches went past the cap. */
interface FacetRow {
  category: string;
  province: string | null;
  certifications: string[];
  n: number;
  more: boolean;
}

interface VillageRow {
  code: string;
  name_vi: string;
  name_ascii: string;
  province_code: string;
}

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private readonly pages = new SearchCache<{ items: CatalogueProductCard[]; nextCursor: string | null }>(
    2000,
    60_000,
  );
  private readonly facetCounts = new SearchCache<{
    facets: CatalogueFacets;
    total: number;
    totalIsEstimate: boolean;
  }>(2000, 60_000);
  private readonly validation = createValidationPipe();
  /** Whole answers, serialised, by catalogue version and query string. */
  private readonly answers = new SearchCache<string>(1000, 60_000);
  private readonly version = new FreshRead(async () => {
    const [row]: { v: string }[] = await this.dataSource.query(
      `SELECT last_value::text AS v FROM catalogue_version_seq`,
    );
    return row.v;
  });

  /**
   * The query normalised in PostgreSQL (unaccent + lower case), each word that no product contains
   * widened to the closest known words (trigrams on the small catalogue_terms table).
   */
  async prepare(q: string | undefined): Promise<{ tsq: string | null }> {
    const [row]: { words: QueryWord[] }[] = await this.dataSource.query(
      `SELECT coalesce((SELECT json_agg(x) FROM (${QUERY_WORDS_SQL}) x), '[]'::json) AS words`,
      [q?.trim() ?? ''],
    );
    return { tsq: buildTsQuery(row.words) };
  }

  /**
   * The search as JSON text, as the public endpoint sends it. A query string answered before at
   * this catalogue version costs one shared version read; any other is validated, then searched.
   */
  async searchProductsJson(raw: RawSearchQuery): Promise<string> {
    const version = await this.version.read();
    return this.answers.through(`${version}|${raw.text}`, async () => {
      const query = (await this.validation.transform(raw.values, {
        type: 'query',
        metatype: SearchProductsDto,
      })) as SearchProductsDto;
      return JSON.stringify(await this.search(query, version));
    });
  }

  async searchProducts(query: SearchProductsDto): Promise<CatalogueProductPage> {
    return this.search(query, await this.version.read());
  }

  /** `version` was read after the request arrived: what is computed now is at least that fresh. */
  private async search(query: SearchProductsDto, version: string): Promise<CatalogueProductPage> {
    const { q, sort: requested, cursor: rawCursor, limit: rawLimit, ...filters } = query;
    const { tsq } = await this.prepare(q);
    const sort = effectiveSort(requested, tsq !== null);
    const cursor = decodeCursor(rawCursor, sort);
    const limit = rawLimit ?? CATALOGUE_DEFAULT_LIMIT;
    const { items, facets } = productSearchSql(filters, tsq, sort, cursor, limit);
    // The facets do not depend on the order or the page: paging reuses them.
    const base = `${version}|${tsq ?? ''}|${FILTER_KEYS.map((k) => filters[k] ?? '').join('|')}`;
    const [page, counts] = await Promise.all([
      this.pages.through(`${base}|${sort}|${rawCursor ?? ''}|${limit}`, async () => {
        const rows: ProductRow[] = await this.dataSource.query(items.sql, items.params);
        const more = rows.length > limit;
        const shown = more ? rows.slice(0, limit) : rows;
        const last = shown[shown.length - 1];
        return {
          items: shown.map(toCard),
          nextCursor: more && last ? encodeCursor({ s: sort, k: last.sort_key, i: last.id }) : null,
        };
      }),
      this.facetCounts.through(base, async () =>
        toCounts(await this.dataSource.query(facets.sql, facets.params)),
      ),
    ]);
    return { ...page, ...counts };
  }

  async searchExhibitors(query: SearchExhibitorsDto): Promise<CatalogueExhibitorPage> {
    const { tsq } = await this.prepare(query.q);
    const sort = tsq ? 'relevance' : 'name';
    const cursor = decodeCursor(query.cursor, sort);
    const limit = query.limit ?? CATALOGUE_DEFAULT_LIMIT;
    const params = new Params();
    const today = params.add(this.today());
    const where = [`c.kind = 'exhibitor'`, `c.status = 'approved'`];
    const doc = `to_tsvector('simple', cm_search_text(concat_ws(' ', c.name, ep.legal_name, v.name_vi, v.name_ascii,
                   v.craft, pr.name_vi, pr.name_en)))`;
    let key = `c.name`;
    let keyType = 'text';
    let dir: 'ASC' | 'DESC' = 'ASC';
    if (tsq) {
      const tsqParam = params.add(tsq);
      where.push(`${doc} @@ to_tsquery('simple', ${tsqParam})`);
      key = `ts_rank(${doc}, to_tsquery('simple', ${tsqParam}))`;
      keyType = 'real';
      dir = 'DESC';
    }
    if (query.village) where.push(`ep.village_code = ${params.add(query.village)}`);
    if (query.province)
      where.push(`coalesce(ep.province_code, v.province_code) = ${params.add(query.province)}`);
    if (query.category) {
      where.push(`EXISTS (SELECT 1 FROM products p WHERE p.company_id = c.id AND p.status = 'published'
                            AND p.category_code = ${params.add(query.category)})`);
    }
    if (cursor) {
      where.push(
        `(${key}, c.id) ${dir === 'DESC' ? '<' : '>'} (${params.add(cursor.k)}::${keyType}, ${params.add(cursor.i)}::uuid)`,
      );
    }
    const rows: (Omit<CatalogueExhibitorCard, 'id'> & Record<string, unknown>)[] =
      await this.dataSource.query(
        `SELECT c.id, c.name, ep.legal_name, ep.village_code, v.name_vi AS village_name,
              coalesce(ep.province_code, v.province_code) AS province_code, ep.logo_file_id,
              (SELECT count(*)::int FROM products p WHERE p.company_id = c.id AND p.status = 'published') AS product_count,
              ARRAY(SELECT DISTINCT cc.type::text FROM company_certifications cc
                     WHERE cc.company_id = c.id AND (cc.expires_on IS NULL OR cc.expires_on >= ${today}::date)
                     ORDER BY 1) AS certifications,
              (${key})::text AS sort_key
         FROM companies c
         LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.id
         LEFT JOIN craft_villages v ON v.code = ep.village_code
         LEFT JOIN provinces pr ON pr.code = coalesce(ep.province_code, v.province_code)
        WHERE ${where.join(' AND ')}
        ORDER BY ${key} ${dir}, c.id ${dir}
        LIMIT ${limit + 1}`,
        params.values,
      );
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        legalName: (r.legal_name as string | null) ?? null,
        villageCode: (r.village_code as string | null) ?? null,
        villageName: (r.village_name as string | null) ?? null,
        provinceCode: (r.province_code as string | null) ?? null,
        logoFileId: (r.logo_file_id as string | null) ?? null,
        productCount: r.product_count as number,
        certifications: r.certifications as string[],
      })),
      nextCursor:
        more && last ? encodeCursor({ s: sort, k: last.sort_key as string, i: last.id as string }) : null,
    };
  }

  /** The public product page: 404 unless published by an approved exhibitor. */
  async product(slug: string): Promise<PublicProduct> {
    const [p] = await this.dataSource.query(
      `SELECT p.*, p.price_min::text AS price_min_text, p.price_max::text AS price_max_text,
              p.length_cm::text AS length_text, p.width_cm::text AS width_text, p.height_cm::text AS height_text,
              p.weight_kg::text AS weight_text,
              cat.name_vi AS category_name_vi, cat.name_en AS category_name_en
         FROM products p
         JOIN companies c ON c.id = p.company_id AND c.status = 'approved' AND c.kind = 'exhibitor'
         JOIN craft_categories cat ON cat.code = p.category_code
        WHERE p.slug = $1 AND p.status = 'published'`,
      [slug],
    );
    if (!p) throw DomainError.notFound();
    const [photos, workshopRows, artisanRows, exhibitor, booth] = await Promise.all([
      this.dataSource.query(`SELECT file_id FROM product_photos WHERE product_id = $1 ORDER BY position`, [
        p.id,
      ]) as Promise<{ file_id: string }[]>,
      p.workshop_id
        ? (this.dataSource.query(
            `SELECT id, name, village_code, village_other, province_code, description FROM workshops WHERE id = $1`,
            [p.workshop_id],
          ) as Promise<Record<string, string | null>[]>)
        : Promise.resolve([]),
      p.artisan_id
        ? (this.dataSource.query(`SELECT id, name, title, bio FROM artisans WHERE id = $1`, [
            p.artisan_id,
          ]) as Promise<Record<string, string | null>[]>)
        : Promise.resolve([]),
      this.exhibitorSummary(p.company_id),
      this.currentBooth(p.company_id, p.id),
    ]);
    const [ws] = workshopRows;
    const [ar] = artisanRows;
    const wsVillage = ws?.village_code ? await this.village(ws.village_code) : null;
    const wsProvinceCode = ws?.province_code ?? wsVillage?.provinceCode ?? null;
    const wsProvince = wsProvinceCode ? await this.province(wsProvinceCode) : null;
    const certifications = await this.certificationsFor(p.company_id, p.certifications as string[]);
    const url = `${this.config.publicUrl}${productPagePath(p.slug)}`;
    const slugPart = encodeURIComponent(p.slug);
    return {
      id: p.id,
      slug: p.slug,
      nameVi: p.name_vi,
      nameEn: p.name_en,
      descriptionVi: p.description_vi,
      descriptionEn: p.description_en,
      category: { code: p.category_code, nameVi: p.category_name_vi, nameEn: p.category_name_en },
      materials: p.materials,
      materialOrigin: p.material_origin,
      hsCode: p.hs_code,
      lengthCm: p.length_text,
      widthCm: p.width_text,
      heightCm: p.height_text,
      weightKg: p.weight_text,
      unit: p.unit,
      moq: p.moq,
      priceMin: p.price_min_text,
      priceMax: p.price_max_text,
      currency: p.currency,
      leadTimeDays: p.lead_time_days,
      monthlyCapacity: p.monthly_capacity,
      photoFileIds: photos.map((ph) => ph.file_id),
      workshop: ws
        ? {
            id: ws.id as string,
            name: ws.name as string,
            village: wsVillage,
            villageOther: ws.village_other,
            province: wsProvince,
            description: ws.description,
          }
        : null,
      artisan: ar ? { id: ar.id as string, name: ar.name as string, title: ar.title, bio: ar.bio } : null,
      village: wsVillage ?? exhibitor.village,
      province: wsProvince ?? exhibitor.province,
      certifications,
      awards: toAwards(p.awards),
      exhibitor,
      booth,
      publicUrl: url,
      qr: { svg: `/api/qr/products/${slugPart}.svg`, png: `/api/qr/products/${slugPart}.png` },
      publishedAt: p.published_at ? new Date(p.published_at).toISOString() : null,
    };
  }

  /** The public exhibitor page: basics, the current booth, and the first page of products. */
  async exhibitor(companyId: string): Promise<PublicExhibitor> {
    const summary = await this.exhibitorSummary(companyId);
    const [booth, products] = await Promise.all([
      this.currentBooth(companyId, null),
      this.searchProducts({ exhibitor: companyId, sort: 'newest' }),
    ]);
    return { ...summary, booth, products, publicUrl: `${this.config.publicUrl}/e/${companyId}` };
  }

  private async exhibitorSummary(companyId: string): Promise<PublicExhibitorSummary> {
    const [row] = await this.dataSource.query(
      `SELECT c.id, c.name, ep.*
         FROM companies c LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.id
        WHERE c.id = $1 AND c.status = 'approved' AND c.kind = 'exhibitor'`,
      [companyId],
    );
    if (!row) throw DomainError.notFound();
    const village = row.village_code ? await this.village(row.village_code) : null;
    const provinceCode = row.province_code ?? village?.provinceCode ?? null;
    return {
      id: row.id,
      name: row.name,
      legalName: row.legal_name ?? null,
      village,
      villageOther: row.village_other ?? null,
      province: provinceCode ? await this.province(provinceCode) : null,
      yearFounded: row.year_founded ?? null,
      employees: row.employees ?? null,
      logoFileId: row.logo_file_id ?? null,
      descriptionVi: row.description_vi ?? null,
      descriptionEn: row.description_en ?? null,
      exportMarkets: (row.export_markets ?? []).map((m: string) => m.trim()),
      languages: row.languages ?? [],
      website: row.website ?? null,
      certifications: await this.certificationsFor(companyId, null),
    };
  }

  /**
   * Certifications with validity. For a product: its listed types, each with the exhibitor's
   * recorded certificate of that type when there is one (latest expiry first). For a company: all.
   */
  private async certificationsFor(companyId: string, types: string[] | null): Promise<PublicCertification[]> {
    const rows: { type: string; number: string | null; issuer: string | null; expires_on: string | null }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (type) type, number, issuer, to_char(expires_on, 'YYYY-MM-DD') AS expires_on
           FROM company_certifications WHERE company_id = $1
          ORDER BY type, expires_on DESC NULLS FIRST`,
        [companyId],
      );
    const today = this.today();
    const byType = new Map(rows.map((r) => [r.type, r]));
    const list = types ?? rows.map((r) => r.type);
    return list.map((type) => {
      const r = byType.get(type);
      const expiresOn = r?.expires_on ?? null;
      return {
        type,
        number: r?.number ?? null,
        issuer: r?.issuer ?? null,
        expiresOn,
        valid: expiresOn === null || expiresOn >= today,
      };
    });
  }

  /**
   * The exhibitor's approved booth at a fair in registration or live: one showing this product
   * first, a live fair before one in registration, the soonest first.
   */
  private async currentBooth(companyId: string, productId: string | null): Promise<PublicBooth | null> {
    const [row] = await this.dataSource.query(
      `SELECT b.id AS booth_id, b.code, f.id AS fair_id, f.slug AS fair_slug, f.name_vi, f.name_en, f.status,
              f.venue, h.code AS hall_code, h.name AS hall_name,
              to_char(d.first_day, 'YYYY-MM-DD') AS first_day, to_char(d.last_day, 'YYYY-MM-DD') AS last_day
         FROM booths b
         JOIN fairs f ON f.id = b.fair_id AND f.status IN ('registration', 'live')
         LEFT JOIN halls h ON h.id = b.hall_id
         LEFT JOIN LATERAL (SELECT min(day) AS first_day, max(day) AS last_day FROM fair_days WHERE fair_id = f.id) d ON true
        WHERE b.company_id = $1 AND b.status = 'approved'
        ORDER BY (EXISTS (SELECT 1 FROM booth_products bp WHERE bp.booth_id = b.id AND bp.product_id = $2)) DESC,
                 (f.status = 'live') DESC, d.first_day NULLS LAST, b.id
        LIMIT 1`,
      [companyId, productId],
    );
    if (!row) return null;
    return {
      boothId: row.booth_id,
      code: row.code,
      fairId: row.fair_id,
      fairSlug: row.fair_slug,
      fairNameVi: row.name_vi,
      fairNameEn: row.name_en,
      fairStatus: row.status,
      venue: row.venue,
      hallCode: row.hall_code ?? null,
      hallName: row.hall_name ?? null,
      firstDay: row.first_day ?? null,
      lastDay: row.last_day ?? null,
    };
  }

  private async village(code: string): Promise<PublicVillage | null> {
    const [v] = await this.dataSource.query(
      `SELECT code, name_vi, name_ascii, province_code FROM craft_villages WHERE code = $1`,
      [code],
    );
    const row = v as VillageRow | undefined;
    return row
      ? { code: row.code, nameVi: row.name_vi, nameAscii: row.name_ascii, provinceCode: row.province_code }
      : null;
  }

  private async province(code: string): Promise<PublicProvince | null> {
    const [row] = await this.dataSource.query(
      `SELECT code, name_vi, name_en FROM provinces WHERE code = $1`,
      [code],
    );
    return row ? { code: row.code, nameVi: row.name_vi, nameEn: row.name_en } : null;
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}

function toCard(r: ProductRow): CatalogueProductCard {
  return {
    id: r.id,
    slug: r.slug,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    categoryCode: r.category_code.trim(),
    materials: r.materials,
    priceMin: r.price_min,
    priceMax: r.price_max,
    currency: r.currency,
    moq: r.moq,
    unit: r.unit,
    certifications: r.certifications,
    photoFileId: r.photo_file_id,
    company: { id: r.company_id, name: r.company_name },
    villageCode: r.village_code,
    villageName: r.village_name,
    provinceCode: r.province_code,
  };
}

function toCounts(rows: FacetRow[]): { facets: CatalogueFacets; total: number; totalIsEstimate: boolean } {
  const categories = new Map<string, number>();
  const provinces = new Map<string, number>();
  const certifications = new Map<string, number>();
  const add = (counts: Map<string, number>, code: string, n: number) =>
    counts.set(code, (counts.get(code) ?? 0) + n);
  let total = 0;
  for (const r of rows) {
    total += r.n;
    add(categories, r.category.trim(), r.n);
    if (r.province) add(provinces, r.province, r.n);
    for (const cert of new Set(r.certifications)) add(certifications, cert, r.n);
  }
  const list = (counts: Map<string, number>) =>
    [...counts]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return {
    facets: {
      categories: list(categories),
      provinces: list(provinces),
      certifications: list(certifications),
    },
    total,
    totalIsEstimate: rows.some((r) => r.more),
  };
}

function toAwards(raw: unknown): PublicAward[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((a): a is Record<string, unknown> => !!a && typeof a === 'object')
    .map((a) => ({
      name: String(a.name ?? a.title ?? ''),
      year: typeof a.year === 'number' ? a.year : null,
      kind: typeof a.kind === 'string' ? a.kind : null,
      rank: typeof a.rank === 'string' ? a.rank : null,
    }))
    .filter((a) => a.name);
}
