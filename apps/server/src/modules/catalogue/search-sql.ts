import { CATALOGUE_MATCH_CAP, type CatalogueProductQuery, type CatalogueSort } from '@craftmatch/shared';
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
 * What the public sees: published products of approved exhibitors, as the narrow rows of
 * catalogue_products (see the CatalogueSearchSpeed migration), with the product's village and
 * province already resolved (its workshop's when recorded, else the exhibitor's).
 */
const VISIBLE = `FROM catalogue_products p`;

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
  const where: string[] = [];
  let tsqParam: string | null = null;
  if (tsq) {
    tsqParam = params.add(tsq);
    where.push(`p.search_doc @@ to_tsquery('simple', ${tsqParam})`);
  }
  if (filters.category) where.push(`p.category_code = ${params.add(filters.category)}`);
  if (filters.village) where.push(`p.village_code = ${params.add(filters.village)}`);
  if (filters.province) where.push(`p.province_code = ${params.add(filters.province)}`);
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
  const keyset = (key: string) => {
    if (!cursor) return [];
    const op = spec.dir === 'DESC' ? '<' : '>';
    return [`(${key}, p.id) ${op} (${params.add(cursor.k)}::${spec.type}, ${params.add(cursor.i)}::uuid)`];
  };
  const clause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const cap = Math.trunc(CATALOGUE_MATCH_CAP);
  // Relevance has no index order: it ranks the first CATALOGUE_MATCH_CAP matches (all of them when
  // there are fewer), the same set the counts are taken over. The other orders are exact, over
  // every match.
  const page =
    sort === 'relevance'
      ? `SELECT p.id, p.village_code, p.province_code, ${spec.key} AS k
           FROM (SELECT p.id, p.village_code, p.province_code, p.search_doc ${VISIBLE} ${clause(where)}
                  LIMIT ${cap}) p
           ${clause(keyset(spec.key))}`
      : tsq
        ? // OFFSET 0 keeps the text match on its index: walking the price or date index instead,
          // testing every row against the words, reads tens of thousands of rows when the words
          // are rare among the first ones in that order.
          `SELECT p.id, p.village_code, p.province_code, ${spec.key} AS k
             FROM (SELECT p.* ${VISIBLE} ${clause(where)} OFFSET 0) p
             ${clause(keyset(spec.key))}`
        : `SELECT p.id, p.village_code, p.province_code, ${spec.key} AS k
             ${VISIBLE}
             ${clause([...where, ...keyset(spec.key)])}`;
  // Order and cut on the narrow rows first; then dress the page's rows.
  const items = `
    WITH page AS (
      ${page}
      ORDER BY k ${spec.dir}, id ${spec.dir}
      LIMIT ${Math.trunc(limit) + 1})
    SELECT pr.id, pr.slug, pr.name_vi, pr.name_en, pr.category_code, pr.materials,
           pr.price_min::text AS price_min, pr.price_max::text AS price_max, pr.currency, pr.moq, pr.unit,
           pr.certifications,
           (SELECT ph.file_id FROM product_photos ph WHERE ph.product_id = pr.id ORDER BY ph.position LIMIT 1)
             AS photo_file_id,
           c.id AS company_id, c.name AS company_name,
           page.village_code, v.name_vi AS village_name, page.province_code,
           page.k::text AS sort_key
    FROM page
    JOIN products pr ON pr.id = page.id
    JOIN companies c ON c.id = pr.company_id
    LEFT JOIN craft_villages v ON v.code = page.village_code
    ORDER BY page.k ${spec.dir}, page.id ${spec.dir}`;
  // The counts, over at most CATALOGUE_MATCH_CAP matches: one row per (category, province,
  // certifications) seen, with how many; "more" tells whether matches went past the cap.
  const facets = `
    WITH m AS MATERIALIZED (
      SELECT p.category_code, p.province_code, p.certifications
      ${VISIBLE}
      ${clause(where)}
      LIMIT ${cap + 1})
    SELECT category_code::text AS category, province_code AS province, certifications, count(*)::int AS n,
           (SELECT count(*) FROM m) > ${cap} AS more
      FROM (SELECT * FROM m LIMIT ${cap}) capped
     GROUP BY 1, 2, 3`;
  return { items: { sql: items, params: params.values }, facets: { sql: facets, params: filterValues } };
}
