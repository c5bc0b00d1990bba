import type { CatalogueProductQuery, CatalogueSort } from '@craftmatch/shared';
import { MAX_QUERY_WORDS, type Cursor } from './search-query';

/*
 * The product search as SQL text and parameters, with no framework around it, so the benchmark
 * can EXPLAIN ANALYZE exactly what the server runs.
 */

/**
 * Splits the query into words after unaccent + lower case (cm_search_text). A word of 4+ letters
 * that starts no known word (a typo such as "rattn") brings up to 3 known words close to it by
 * trigrams (pg_trgm `%` on the small catalogue_terms table, GIN-indexed).
 */
export const QUERY_WORDS_SQL = `
  SELECT w.word,
         CASE WHEN length(w.word) >= 4 AND NOT EXISTS (
                SELECT 1 FROM catalogue_terms t WHERE t.term >= w.word AND t.term < w.word || '{')
              THEN ARRAY(SELECT t.term FROM catalogue_terms t WHERE t.term % w.word
                         ORDER BY similarity(t.term, w.word) DESC, t.term LIMIT 3)
              ELSE '{}'::text[] END AS fuzzy
    FROM (SELECT word, min(n) AS n
            FROM regexp_split_to_table(cm_search_text($1), '[^a-z0-9]+') WITH ORDINALITY AS s(word, n)
           WHERE word <> '' GROUP BY word ORDER BY 2 LIMIT ${MAX_QUERY_WORDS}) w
   ORDER BY w.n`;

/**
 * What the public sees: published products of approved exhibitors. The product's village and
 * province are its workshop's when recorded, else the exhibitor's.
 */
const VISIBLE_CORE = `
  FROM products p
  JOIN companies c ON c.id = p.company_id AND c.status = 'approved' AND c.kind = 'exhibitor'`;
const VISIBLE_PRODUCTS = `${VISIBLE_CORE}
  LEFT JOIN exhibitor_profiles ep ON ep.company_id = p.company_id
  LEFT JOIN craft_villages ev ON ev.code = ep.village_code
  LEFT JOIN workshops w ON w.id = p.workshop_id
  LEFT JOIN craft_villages wv ON wv.code = w.village_code`;
const VILLAGE_EXPR = `coalesce(w.village_code, ep.village_code)`;
const PROVINCE_EXPR = `coalesce(w.province_code, wv.province_code, ep.province_code, ev.province_code)`;

/** Parameters collected while building a statement: `add(value)` returns its `$n`. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface SortSpec {
  key: string;
  /** the type to cast the cursor's key text back to */
  type: string;
  dir: 'ASC' | 'DESC';
}

function sortSpec(sort: CatalogueSort, tsqParam: string | null): SortSpec {
  switch (sort) {
    case 'relevance':
      return { key: `ts_rank(p.search_doc, to_tsquery('simple', ${tsqParam}))`, type: 'real', dir: 'DESC' };
    case 'price_asc':
      return { key: `coalesce(p.price_min, p.price_max, 'Infinity'::numeric)`, type: 'numeric', dir: 'ASC' };
    case 'price_desc':
      return {
        key: `coalesce(p.price_max, p.price_min, '-Infinity'::numeric)`,
        type: 'numeric',
        dir: 'DESC',
      };
    case 'newest':
    default:
      return { key: `p.published_at`, type: 'timestamptz', dir: 'DESC' };
  }
}

export type ProductFilters = Omit<CatalogueProductQuery, 'q' | 'sort' | 'limit' | 'cursor'>;

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The page of items (limit + 1 rows, to know whether there is more) and the facet counts. */
export function productSearchSql(
  filters: ProductFilters,
  tsq: string | null,
  sort: CatalogueSort,
  cursor: Cursor | null,
  limit: number,
): { items: Statement; facets: Statement } {
  const params = new Params();
  const where = [`p.status = 'published'`];
  let tsqParam: string | null = null;
  if (tsq) {
    tsqParam = params.add(tsq);
    where.push(`p.search_doc @@ to_tsquery('simple', ${tsqParam})`);
  }
  if (filters.category) where.push(`p.category_code = ${params.add(filters.category)}`);
  if (filters.village) where.push(`${VILLAGE_EXPR} = ${params.add(filters.village)}`);
  if (filters.province) where.push(`${PROVINCE_EXPR} = ${params.add(filters.province)}`);
  if (filters.certification) {
    where.push(`p.certifications @> ARRAY[${params.add(filters.certification)}]::varchar[]`);
  }
  if (filters.exhibitor) where.push(`p.company_id = ${params.add(filters.exhibitor)}`);
  if (filters.fair) {
    where.push(`EXISTS (SELECT 1 FROM booths b WHERE b.company_id = p.company_id
                          AND b.fair_id = ${params.add(filters.fair)} AND b.status = 'approved')`);
  }
  if (filters.booth) {
    const booth = params.add(filters.booth);
    // The products chosen for the booth; a booth that chose none shows all its exhibitor's.
    where.push(`EXISTS (SELECT 1 FROM booths b WHERE b.id = ${booth} AND b.status = 'approved'
                          AND b.company_id = p.company_id
                          AND (EXISTS (SELECT 1 FROM booth_products bp WHERE bp.booth_id = b.id AND bp.product_id = p.id)
                               OR NOT EXISTS (SELECT 1 FROM booth_products bp WHERE bp.booth_id = b.id)))`);
  }
  if (filters.moqMax !== undefined) where.push(`coalesce(p.moq, 1) <= ${params.add(filters.moqMax)}`);
  const priced = filters.priceMin !== undefined || filters.priceMax !== undefined;
  // Prices compare within one currency; converting currencies comes with the FX rates.
  if (filters.currency || priced) where.push(`p.currency = ${params.add(filters.currency ?? 'USD')}`);
  // Ranges overlap: [price_min, price_max] meets [priceMin, priceMax].
  if (filters.priceMin !== undefined) {
    where.push(`coalesce(p.price_max, p.price_min) >= ${params.add(filters.priceMin)}::numeric`);
  }
  if (filters.priceMax !== undefined) {
    where.push(`coalesce(p.price_min, p.price_max) <= ${params.add(filters.priceMax)}::numeric`);
  }

  const filterValues = [...params.values];
  const spec = sortSpec(sort, tsqParam);
  const pageWhere = [...where];
  if (cursor) {
    const op = spec.dir === 'DESC' ? '<' : '>';
    pageWhere.push(
      `(${spec.key}, p.id) ${op} (${params.add(cursor.k)}::${spec.type}, ${params.add(cursor.i)}::uuid)`,
    );
  }
  // Order and cut first, with only the joins the filters need; then dress the page's rows.
  const from = filters.village || filters.province ? VISIBLE_PRODUCTS : VISIBLE_CORE;
  const items = `
    WITH page AS (
      SELECT p.id, ${spec.key} AS k
      ${from}
      WHERE ${pageWhere.join(' AND ')}
      ORDER BY ${spec.key} ${spec.dir}, p.id ${spec.dir}
      LIMIT ${Math.trunc(limit) + 1})
    SELECT p.id, p.slug, p.name_vi, p.name_en, p.category_code, p.materials,
           p.price_min::text AS price_min, p.price_max::text AS price_max, p.currency, p.moq, p.unit,
           p.certifications,
           (SELECT ph.file_id FROM product_photos ph WHERE ph.product_id = p.id ORDER BY ph.position LIMIT 1)
             AS photo_file_id,
           c.id AS company_id, c.name AS company_name,
           ${VILLAGE_EXPR} AS village_code, coalesce(wv.name_vi, ev.name_vi) AS village_name,
           ${PROVINCE_EXPR} AS province_code,
           page.k::text AS sort_key
    FROM page
    JOIN products p ON p.id = page.id
    JOIN companies c ON c.id = p.company_id
    LEFT JOIN exhibitor_profiles ep ON ep.company_id = p.company_id
    LEFT JOIN craft_villages ev ON ev.code = ep.village_code
    LEFT JOIN workshops w ON w.id = p.workshop_id
    LEFT JOIN craft_villages wv ON wv.code = w.village_code
    ORDER BY page.k ${spec.dir}, page.id ${spec.dir}`;
  // Category and certification counts need no joins; the province is resolved once per
  // (exhibitor, workshop) pair rather than once per product.
  const facets = `
    WITH m AS MATERIALIZED (
      SELECT p.category_code, p.certifications, p.company_id, p.workshop_id
      ${from}
      WHERE ${where.join(' AND ')}),
    places AS (
      SELECT ${PROVINCE_EXPR} AS province_code, g.n
        FROM (SELECT company_id, workshop_id, count(*)::int AS n FROM m GROUP BY 1, 2) g
        LEFT JOIN exhibitor_profiles ep ON ep.company_id = g.company_id
        LEFT JOIN craft_villages ev ON ev.code = ep.village_code
        LEFT JOIN workshops w ON w.id = g.workshop_id
        LEFT JOIN craft_villages wv ON wv.code = w.village_code)
    SELECT 'c' AS f, category_code::text AS code, count(*)::int AS n FROM m GROUP BY category_code
    UNION ALL
    SELECT 'p', province_code, sum(n)::int FROM places WHERE province_code IS NOT NULL GROUP BY province_code
    UNION ALL
    SELECT 'r', cert, count(*)::int FROM m CROSS JOIN LATERAL unnest(m.certifications) AS cert GROUP BY cert`;
  return { items: { sql: items, params: params.values }, facets: { sql: facets, params: filterValues } };
}
