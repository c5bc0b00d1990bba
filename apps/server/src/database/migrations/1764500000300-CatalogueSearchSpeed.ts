import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * catalogue_products: what the public catalogue searches, filters, sorts and counts on, one narrow
 * row per visible product (published, by an approved exhibitor), with its village and province
 * already resolved (workshop first, then exhibitor). A products row carries descriptions, awards
 * and search text (a few kB each), so scanning thousands of matches there reads far more pages
 * than fit in memory; here the same scan stays in cache.
 *
 * Kept by statement-level triggers on what decides a row: products (any change; deletes cascade),
 * companies (status or kind), exhibitor profiles and workshops (village or province).
 */
const COLUMNS = `id, company_id, search_doc, category_code, certifications, village_code, province_code,
                 moq, price_min, price_max, currency, published_at`;

export class CatalogueSearchSpeed1764500000300 implements MigrationInterface {
  name = 'CatalogueSearchSpeed1764500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_products (
        id uuid PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
        company_id uuid NOT NULL,
        search_doc tsvector NOT NULL,
        category_code char(3) NOT NULL,
        certifications varchar(16)[] NOT NULL,
        village_code varchar(40),
        province_code varchar(32),
        moq integer,
        price_min numeric(18,4),
        price_max numeric(18,4),
        currency char(3),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX catalogue_products_doc_idx ON catalogue_products USING gin (search_doc)`);
    await q.query(
      `CREATE INDEX catalogue_products_newest_idx ON catalogue_products (published_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX catalogue_products_company_idx ON catalogue_products (company_id, published_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX catalogue_products_price_asc_idx ON catalogue_products
         ((coalesce(price_min, price_max, 'Infinity'::numeric)), id)`,
    );
    await q.query(
      `CREATE INDEX catalogue_products_price_desc_idx ON catalogue_products
         ((coalesce(price_max, price_min, '-Infinity'::numeric)) DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX catalogue_products_category_idx ON catalogue_products (category_code)`);
    await q.query(`CREATE INDEX catalogue_products_village_idx ON catalogue_products (village_code)`);
    await q.query(`CREATE INDEX catalogue_products_province_idx ON catalogue_products (province_code)`);
    await q.query(
      `CREATE INDEX catalogue_products_certifications_idx ON catalogue_products USING gin (certifications)`,
    );

    // Re-derives the rows of these products: removes the ones no longer visible, writes the others.
    await q.query(`
      CREATE FUNCTION cm_sync_catalogue_products(ids uuid[]) RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        DELETE FROM public.catalogue_products cp
         WHERE cp.id = ANY(ids)
           AND NOT EXISTS (SELECT 1 FROM public.products p
                             JOIN public.companies c ON c.id = p.company_id
                            WHERE p.id = cp.id AND p.status = 'published'
                              AND c.status = 'approved' AND c.kind = 'exhibitor');
        INSERT INTO public.catalogue_products (${COLUMNS})
        SELECT p.id, p.company_id, p.search_doc, p.category_code, p.certifications,
               coalesce(w.village_code, ep.village_code),
               coalesce(w.province_code, wv.province_code, ep.province_code, ev.province_code),
               p.moq, p.price_min, p.price_max, p.currency, p.published_at
          FROM public.products p
          JOIN public.companies c ON c.id = p.company_id AND c.status = 'approved' AND c.kind = 'exhibitor'
          LEFT JOIN public.exhibitor_profiles ep ON ep.company_id = p.company_id
          LEFT JOIN public.craft_villages ev ON ev.code = ep.village_code
          LEFT JOIN public.workshops w ON w.id = p.workshop_id
          LEFT JOIN public.craft_villages wv ON wv.code = w.village_code
         WHERE p.id = ANY(ids) AND p.status = 'published'
        ON CONFLICT (id) DO UPDATE SET
          company_id = EXCLUDED.company_id, search_doc = EXCLUDED.search_doc,
          category_code = EXCLUDED.category_code, certifications = EXCLUDED.certifications,
          village_code = EXCLUDED.village_code, province_code = EXCLUDED.province_code,
          moq = EXCLUDED.moq, price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max,
          currency = EXCLUDED.currency, published_at = EXCLUDED.published_at;
      $$`);

    await q.query(`
      CREATE FUNCTION cm_catalogue_products_from_products() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM public.cm_sync_catalogue_products(ARRAY(SELECT id FROM new_rows));
          RETURN NULL;
        END IF;
        -- Same status, exhibitor and workshop: the row keeps its visibility and place, copy the rest.
        UPDATE public.catalogue_products cp
           SET search_doc = n.search_doc, category_code = n.category_code, certifications = n.certifications,
               moq = n.moq, price_min = n.price_min, price_max = n.price_max, currency = n.currency,
               published_at = n.published_at
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE cp.id = n.id
           AND (n.status, n.company_id, n.workshop_id) IS NOT DISTINCT FROM (o.status, o.company_id, o.workshop_id)
           AND (n.search_doc, n.category_code, n.certifications, n.moq, n.price_min, n.price_max, n.currency,
                n.published_at)
               IS DISTINCT FROM (o.search_doc, o.category_code, o.certifications, o.moq, o.price_min, o.price_max,
                                 o.currency, o.published_at);
        PERFORM public.cm_sync_catalogue_products(ARRAY(
          SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE (n.status, n.company_id, n.workshop_id) IS DISTINCT FROM (o.status, o.company_id, o.workshop_id)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER products_catalogue_insert AFTER INSERT ON products
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION cm_catalogue_products_from_products()`);
    await q.query(`
      CREATE TRIGGER products_catalogue_update AFTER UPDATE ON products
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION cm_catalogue_products_from_products()`);

    await q.query(`
      CREATE FUNCTION cm_catalogue_products_from_companies() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM public.cm_sync_catalogue_products(ARRAY(
          SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            JOIN public.products p ON p.company_id = n.id
           WHERE (n.status, n.kind) IS DISTINCT FROM (o.status, o.kind)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER companies_catalogue_update AFTER UPDATE ON companies
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION cm_catalogue_products_from_companies()`);

    await q.query(`
      CREATE FUNCTION cm_catalogue_products_from_profiles() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM public.cm_sync_catalogue_products(ARRAY(
            SELECT p.id FROM new_rows n JOIN public.products p ON p.company_id = n.company_id));
        ELSE
          PERFORM public.cm_sync_catalogue_products(ARRAY(
            SELECT p.id FROM new_rows n JOIN old_rows o ON o.company_id = n.company_id
              JOIN public.products p ON p.company_id = n.company_id
             WHERE (n.village_code, n.province_code) IS DISTINCT FROM (o.village_code, o.province_code)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER exhibitor_profiles_catalogue_insert AFTER INSERT ON exhibitor_profiles
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION cm_catalogue_products_from_profiles()`);
    await q.query(`
      CREATE TRIGGER exhibitor_profiles_catalogue_update AFTER UPDATE ON exhibitor_profiles
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION cm_catalogue_products_from_profiles()`);

    await q.query(`
      CREATE FUNCTION cm_catalogue_products_from_workshops() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM public.cm_sync_catalogue_products(ARRAY(
          SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            JOIN public.products p ON p.workshop_id = n.id
           WHERE (n.village_code, n.province_code) IS DISTINCT FROM (o.village_code, o.province_code)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER workshops_catalogue_update AFTER UPDATE ON workshops
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION cm_catalogue_products_from_workshops()`);

    await q.query(`SELECT cm_sync_catalogue_products(ARRAY(SELECT id FROM products))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER workshops_catalogue_update ON workshops`);
    await q.query(`DROP FUNCTION cm_catalogue_products_from_workshops()`);
    await q.query(`DROP TRIGGER exhibitor_profiles_catalogue_update ON exhibitor_profiles`);
    await q.query(`DROP TRIGGER exhibitor_profiles_catalogue_insert ON exhibitor_profiles`);
    await q.query(`DROP FUNCTION cm_catalogue_products_from_profiles()`);
    await q.query(`DROP TRIGGER companies_catalogue_update ON companies`);
    await q.query(`DROP FUNCTION cm_catalogue_products_from_companies()`);
    await q.query(`DROP TRIGGER products_catalogue_update ON products`);
    await q.query(`DROP TRIGGER products_catalogue_insert ON products`);
    await q.query(`DROP FUNCTION cm_catalogue_products_from_products()`);
    await q.query(`DROP FUNCTION cm_sync_catalogue_products(uuid[])`);
    await q.query(`DROP TABLE catalogue_products`);
  }
}
