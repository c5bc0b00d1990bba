import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue search support:
 * - catalogue_terms: every distinct word of products.search_text, kept by statement-level triggers.
 *   A query word that is in no product (a typo such as "rattn") is widened to the nearest known
 *   words by trigram similarity on this small table, then searched through the full-text index.
 * - keyset indexes for the "newest" order.
 * - catalogue_version_seq: bumped by every statement that changes what the catalogue shows, so
 *   a server may cache search results and facet counts under the version it read.
 */
const CATALOGUE_TABLES = [
  'products',
  'product_photos',
  'companies',
  'exhibitor_profiles',
  'workshops',
  'artisans',
  'company_certifications',
  'fairs',
  'fair_days',
  'halls',
  'booths',
  'booth_products',
];

export class CatalogueSearch1764320000300 implements MigrationInterface {
  name = 'CatalogueSearch1764320000300';

  async up(q: QueryRunner): Promise<void> {
    // "C" collation: prefix LIKE uses the primary key index.
    await q.query(`CREATE TABLE catalogue_terms (term text COLLATE "C" PRIMARY KEY)`);
    await q.query(`CREATE INDEX catalogue_terms_trgm_idx ON catalogue_terms USING gin (term gin_trgm_ops)`);
    await q.query(`
      CREATE FUNCTION cm_collect_catalogue_terms() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO catalogue_terms (term)
        SELECT DISTINCT w FROM new_rows, regexp_split_to_table(new_rows.search_text, '[^a-z0-9]+') AS w
        WHERE length(w) BETWEEN 3 AND 40
        ORDER BY 1
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER products_terms_insert AFTER INSERT ON products
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_collect_catalogue_terms()`);
    await q.query(`
      CREATE TRIGGER products_terms_update AFTER UPDATE ON products
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_collect_catalogue_terms()`);
    await q.query(`
      INSERT INTO catalogue_terms (term)
      SELECT DISTINCT w FROM products, regexp_split_to_table(products.search_text, '[^a-z0-9]+') AS w
      WHERE length(w) BETWEEN 3 AND 40
      ON CONFLICT DO NOTHING`);

    await q.query(`CREATE SEQUENCE catalogue_version_seq`);
    await q.query(`
      CREATE FUNCTION cm_bump_catalogue_version() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('catalogue_version_seq');
        RETURN NULL;
      END $$`);
    for (const table of CATALOGUE_TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_catalogue_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION cm_bump_catalogue_version()`,
      );
    }

    await q.query(
      `CREATE INDEX products_catalogue_newest_idx ON products (published_at DESC, id DESC) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX products_catalogue_company_idx ON products (company_id, published_at DESC, id DESC) WHERE status = 'published'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of CATALOGUE_TABLES)
      await q.query(`DROP TRIGGER ${table}_catalogue_version ON ${table}`);
    await q.query(`DROP FUNCTION cm_bump_catalogue_version()`);
    await q.query(`DROP SEQUENCE catalogue_version_seq`);
    await q.query(`DROP INDEX products_catalogue_company_idx`);
    await q.query(`DROP INDEX products_catalogue_newest_idx`);
    await q.query(`DROP TRIGGER products_terms_update ON products`);
    await q.query(`DROP TRIGGER products_terms_insert ON products`);
    await q.query(`DROP FUNCTION cm_collect_catalogue_terms()`);
    await q.query(`DROP TABLE catalogue_terms`);
  }
}
