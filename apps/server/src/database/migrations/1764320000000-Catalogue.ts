import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CATEGORIES, LEGACY_PROVINCES, PROVINCES, VILLAGES } from '@craftmatch/shared';

/**
 * Reference data (categories, provinces, villages), exhibitor profiles with workshops and artisans,
 * stored files, products with photos, fairs with days and halls, booths, inquiries, and the audit log.
 */
export class Catalogue1764320000000 implements MigrationInterface {
  name = 'Catalogue1764320000000';

  async up(q: QueryRunner): Promise<void> {
    // unaccent() is STABLE; an IMMUTABLE wrapper with a fixed dictionary can back indexes.
    await q.query(`
      CREATE FUNCTION cm_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await q.query(`
      CREATE FUNCTION cm_search_text(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.cm_unaccent($1)) $$`);

    // ---- reference data
    await q.query(`
      CREATE TABLE craft_categories (
        code char(3) PRIMARY KEY,
        name_vi varchar(120) NOT NULL,
        name_en varchar(120) NOT NULL,
        hs_headings varchar(4)[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE TABLE provinces (
        code varchar(32) PRIMARY KEY,
        name_vi varchar(80) NOT NULL,
        name_en varchar(80) NOT NULL,
        kind varchar(8) NOT NULL CHECK (kind IN ('province','city'))
      )`);
    await q.query(`
      CREATE TABLE provinces_legacy (
        name_vi varchar(80) PRIMARY KEY,
        name_ascii varchar(80) NOT NULL,
        province_code varchar(32) NOT NULL REFERENCES provinces(code)
      )`);
    await q.query(`
      CREATE TABLE craft_villages (
        code varchar(40) PRIMARY KEY,
        name_vi varchar(120) NOT NULL,
        name_ascii varchar(120) NOT NULL,
        district_legacy varchar(80),
        province_legacy varchar(80) NOT NULL,
        province_code varchar(32) NOT NULL REFERENCES provinces(code),
        craft varchar(120) NOT NULL,
        category_code char(3) NOT NULL REFERENCES craft_categories(code)
      )`);
    for (const c of CATEGORIES) {
      await q.query(
        `INSERT INTO craft_categories (code, name_vi, name_en, hs_headings) VALUES ($1, $2, $3, $4)`,
        [c.code, c.nameVi, c.nameEn, c.hsHeadings],
      );
    }
    for (const p of PROVINCES) {
      await q.query(`INSERT INTO provinces (code, name_vi, name_en, kind) VALUES ($1, $2, $3, $4)`, [
        p.code,
        p.nameVi,
        p.nameEn,
        p.kind,
      ]);
    }
    for (const l of LEGACY_PROVINCES) {
      await q.query(`INSERT INTO provinces_legacy (name_vi, name_ascii, province_code) VALUES ($1, $2, $3)`, [
        l.nameVi,
        l.nameAscii,
        l.provinceCode,
      ]);
    }
    for (const v of VILLAGES) {
      await q.query(
        `INSERT INTO craft_villages (code, name_vi, name_ascii, district_legacy, province_legacy, province_code, craft, category_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          v.code,
          v.nameVi,
          v.nameAscii,
          v.districtLegacy,
          v.provinceLegacy,
          v.provinceCode,
          v.craft,
          v.category,
        ],
      );
    }

    // ---- companies may be suspended by an organizer (hides products, blocks sign-in)
    await q.query(`ALTER TABLE companies DROP CONSTRAINT companies_status_check`);
    await q.query(
      `ALTER TABLE companies ADD CONSTRAINT companies_status_check CHECK (status IN ('pending','approved','rejected','suspended'))`,
    );
    await q.query(`ALTER TABLE companies DROP CONSTRAINT companies_rejection_has_reason`);
    await q.query(
      `ALTER TABLE companies ADD CONSTRAINT companies_rejection_has_reason CHECK (status NOT IN ('rejected','suspended') OR status_reason IS NOT NULL)`,
    );

    // ---- stored files: in PostgreSQL by default, or in a shared folder (data NULL, path set)
    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('photo','logo','document')),
        mime varchar(64) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        width integer,
        height integer,
        data bytea,
        thumb bytea,
        storage_path text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT files_stored_somewhere CHECK (data IS NOT NULL OR storage_path IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX files_company_idx ON files (company_id)`);

    // ---- exhibitor profile, workshops and artisans, certifications
    await q.query(`
      CREATE TABLE exhibitor_profiles (
        company_id uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
        legal_name varchar(300),
        tax_code varchar(13) CHECK (tax_code ~ '^[0-9]{10}([0-9]{2}|[0-9]{3})?$'),
        village_code varchar(40) REFERENCES craft_villages(code),
        village_other varchar(200),
        province_code varchar(32) REFERENCES provinces(code),
        year_founded smallint CHECK (year_founded BETWEEN 1000 AND 2100),
        employees integer CHECK (employees >= 0),
        monthly_capacity integer CHECK (monthly_capacity >= 0),
        capacity_unit varchar(16),
        export_markets char(2)[] NOT NULL DEFAULT '{}',
        languages varchar(8)[] NOT NULL DEFAULT '{}',
        description_vi text,
        description_en text,
        logo_file_id uuid REFERENCES files(id) ON DELETE SET NULL,
        website varchar(300),
        phone varchar(32),
        address text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX exhibitor_profiles_tax_code_key ON exhibitor_profiles (tax_code) WHERE tax_code IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE company_certifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        type varchar(16) NOT NULL,
        number varchar(100),
        issuer varchar(200),
        expires_on date,
        document_file_id uuid REFERENCES files(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX company_certifications_company_idx ON company_certifications (company_id)`);
    await q.query(
      `CREATE INDEX company_certifications_type_idx ON company_certifications (type, expires_on)`,
    );
    await q.query(`
      CREATE TABLE workshops (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        village_code varchar(40) REFERENCES craft_villages(code),
        village_other varchar(200),
        province_code varchar(32) REFERENCES provinces(code),
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, company_id)
      )`);
    await q.query(`CREATE INDEX workshops_company_idx ON workshops (company_id)`);
    await q.query(`
      CREATE TABLE artisans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        workshop_id uuid NOT NULL,
        name varchar(200) NOT NULL,
        title varchar(200),
        bio text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, company_id),
        -- an artisan belongs to a workshop of the same company
        FOREIGN KEY (workshop_id, company_id) REFERENCES workshops(id, company_id) ON DELETE CASCADE
      )`);

    // ---- products
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        slug varchar(160) NOT NULL UNIQUE,
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','unpublished')),
        moderation_reason text,
        name_vi varchar(200) NOT NULL,
        name_en varchar(200) NOT NULL,
        description_vi text,
        description_en text,
        category_code char(3) NOT NULL REFERENCES craft_categories(code),
        materials varchar(80)[] NOT NULL DEFAULT '{}',
        material_origin text,
        hs_code varchar(8) CHECK (hs_code ~ '^[0-9]{4}([0-9]{2}){0,2}$'),
        length_cm numeric(10,2) CHECK (length_cm > 0),
        width_cm numeric(10,2) CHECK (width_cm > 0),
        height_cm numeric(10,2) CHECK (height_cm > 0),
        weight_kg numeric(12,3) CHECK (weight_kg > 0),
        unit varchar(8) NOT NULL DEFAULT 'pcs',
        moq integer CHECK (moq > 0),
        price_min numeric(18,4) CHECK (price_min >= 0),
        price_max numeric(18,4) CHECK (price_max >= 0),
        currency char(3),
        lead_time_days integer CHECK (lead_time_days >= 0),
        monthly_capacity integer CHECK (monthly_capacity >= 0),
        certifications varchar(16)[] NOT NULL DEFAULT '{}',
        awards jsonb NOT NULL DEFAULT '[]'::jsonb,
        workshop_id uuid,
        artisan_id uuid,
        search_text text NOT NULL DEFAULT '',
        search_doc tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT products_price_range CHECK (price_min IS NULL OR price_max IS NULL OR price_min <= price_max),
        CONSTRAINT products_price_currency CHECK ((price_min IS NULL AND price_max IS NULL) OR currency IS NOT NULL),
        FOREIGN KEY (workshop_id, company_id) REFERENCES workshops(id, company_id),
        FOREIGN KEY (artisan_id, company_id) REFERENCES artisans(id, company_id)
      )`);
    await q.query(`CREATE INDEX products_company_idx ON products (company_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX products_published_idx ON products (published_at DESC, id) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX products_category_idx ON products (category_code) WHERE status = 'published'`,
    );
    await q.query(`CREATE INDEX products_search_doc_idx ON products USING gin (search_doc)`);
    await q.query(`CREATE INDEX products_search_trgm_idx ON products USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX products_certifications_idx ON products USING gin (certifications)`);
    await q.query(`
      CREATE TABLE product_photos (
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        file_id uuid NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 7),
        PRIMARY KEY (product_id, file_id),
        UNIQUE (product_id, position)
      )`);

    // What a product is found by: names, category, materials, origin, maker, village, province, HS code.
    // Kept in products.search_text (unaccented, lower case); call after any change to these facts.
    await q.query(`
      CREATE FUNCTION cm_refresh_product_search(ids uuid[]) RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        UPDATE products p SET search_text = public.cm_search_text(concat_ws(' ',
          p.name_vi, p.name_en, cat.name_vi, cat.name_en, array_to_string(p.materials, ' '), p.material_origin,
          c.name, ep.legal_name, pv.name_vi, pv.name_ascii, pp.name_vi, pp.name_en,
          w.name, wv.name_vi, wv.name_ascii, a.name, p.hs_code))
        FROM products p2
        JOIN companies c ON c.id = p2.company_id
        JOIN craft_categories cat ON cat.code = p2.category_code
        LEFT JOIN exhibitor_profiles ep ON ep.company_id = p2.company_id
        LEFT JOIN craft_villages pv ON pv.code = ep.village_code
        LEFT JOIN provinces pp ON pp.code = coalesce(ep.province_code, pv.province_code)
        LEFT JOIN workshops w ON w.id = p2.workshop_id
        LEFT JOIN craft_villages wv ON wv.code = w.village_code
        LEFT JOIN artisans a ON a.id = p2.artisan_id
        WHERE p.id = p2.id AND p2.id = ANY(ids)
      $$`);

    // ---- fairs, days, halls
    await q.query(`
      CREATE TABLE fairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(120) NOT NULL UNIQUE,
        name_vi varchar(200) NOT NULL,
        name_en varchar(200) NOT NULL,
        venue varchar(200) NOT NULL,
        address text,
        time_zone varchar(64) NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
        slot_minutes smallint NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240),
        buffer_minutes smallint NOT NULL DEFAULT 5 CHECK (buffer_minutes BETWEEN 0 AND 120),
        contract_target_usd numeric(18,2) CHECK (contract_target_usd >= 0),
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','registration','live','closed')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE fair_days (
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        day date NOT NULL,
        opens_at time NOT NULL,
        closes_at time NOT NULL,
        PRIMARY KEY (fair_id, day),
        CHECK (opens_at < closes_at)
      )`);
    await q.query(`
      CREATE TABLE halls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        code varchar(16) NOT NULL,
        name varchar(120) NOT NULL,
        grid_rows smallint NOT NULL DEFAULT 6 CHECK (grid_rows BETWEEN 1 AND 100),
        grid_cols smallint NOT NULL DEFAULT 10 CHECK (grid_cols BETWEEN 1 AND 100),
        UNIQUE (fair_id, code),
        UNIQUE (id, fair_id)
      )`);

    // ---- booths: one application per company per fair; a booth code is unique within its fair
    await q.query(`
      CREATE TABLE booths (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','withdrawn')),
        preferred_hall_id uuid,
        hall_id uuid,
        size varchar(16) NOT NULL DEFAULT '3x3',
        code varchar(16),
        grid_row smallint,
        grid_col smallint,
        note text,
        status_reason text,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT booths_one_per_company UNIQUE (fair_id, company_id),
        CONSTRAINT booths_code_unique UNIQUE (fair_id, code),
        CONSTRAINT booths_approved_has_code CHECK (status <> 'approved' OR (code IS NOT NULL AND hall_id IS NOT NULL)),
        FOREIGN KEY (preferred_hall_id, fair_id) REFERENCES halls(id, fair_id),
        FOREIGN KEY (hall_id, fair_id) REFERENCES halls(id, fair_id)
      )`);
    await q.query(`CREATE INDEX booths_company_idx ON booths (company_id)`);
    await q.query(`
      CREATE TABLE booth_products (
        booth_id uuid NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        PRIMARY KEY (booth_id, product_id)
      )`);
    await q.query(`CREATE INDEX booth_products_product_idx ON booth_products (product_id)`);

    // ---- inquiries from visitors of a product page
    await q.query(`
      CREATE TABLE inquiries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        product_id uuid REFERENCES products(id) ON DELETE SET NULL,
        name varchar(200) NOT NULL,
        company_name varchar(200),
        country_code char(2),
        email varchar(254) NOT NULL,
        message text NOT NULL,
        locale varchar(8) NOT NULL DEFAULT 'en',
        status varchar(16) NOT NULL DEFAULT 'new' CHECK (status IN ('new','answered','closed')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inquiries_company_idx ON inquiries (company_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE inquiry_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inquiry_id uuid NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        message text NOT NULL,
        invited_to_register boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // ---- audit log: who did what, with the fields before and after
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action varchar(64) NOT NULL,
        entity_type varchar(32) NOT NULL,
        entity_id uuid NOT NULL,
        company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        reason text,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at)`);
    await q.query(`CREATE INDEX audit_log_company_idx ON audit_log (company_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION cm_refresh_product_search(uuid[])`);
    for (const table of [
      'audit_log',
      'inquiry_replies',
      'inquiries',
      'booth_products',
      'booths',
      'halls',
      'fair_days',
      'fairs',
      'product_photos',
      'products',
      'artisans',
      'workshops',
      'company_certifications',
      'exhibitor_profiles',
      'files',
      'craft_villages',
      'provinces_legacy',
      'provinces',
      'craft_categories',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`UPDATE companies SET status = 'rejected' WHERE status = 'suspended'`);
    await q.query(`ALTER TABLE companies DROP CONSTRAINT companies_rejection_has_reason`);
    await q.query(
      `ALTER TABLE companies ADD CONSTRAINT companies_rejection_has_reason CHECK (status <> 'rejected' OR status_reason IS NOT NULL)`,
    );
    await q.query(`ALTER TABLE companies DROP CONSTRAINT companies_status_check`);
    await q.query(
      `ALTER TABLE companies ADD CONSTRAINT companies_status_check CHECK (status IN ('pending','approved','rejected'))`,
    );
    await q.query(`DROP FUNCTION cm_search_text(text)`);
    await q.query(`DROP FUNCTION cm_unaccent(text)`);
  }
}
