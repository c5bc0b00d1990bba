import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buyer profiles, interpreters (languages and the shifts they work at a fair) and the secret tokens of
 * personal calendar feeds. Meetings keep their interpreter in meetings.interpreter_user_id, where the
 * exclusion constraint meetings_interpreter_no_overlap already refuses double booking.
 */
export class InterpretersAgenda1764500000100 implements MigrationInterface {
  name = 'InterpretersAgenda1764500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE buyer_profiles (
        company_id uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
        country char(2) CHECK (country ~ '^[A-Z]{2}$'),
        website varchar(300),
        annual_import_usd numeric(16,2) CHECK (annual_import_usd >= 0),
        categories text[] NOT NULL DEFAULT '{}',
        target_price_min numeric(16,2) CHECK (target_price_min >= 0),
        target_price_max numeric(16,2) CHECK (target_price_max >= 0),
        target_price_currency char(3) CHECK (target_price_currency ~ '^[A-Z]{3}$'),
        incoterms text[] NOT NULL DEFAULT '{}',
        certifications text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT buyer_profiles_price_order
          CHECK (target_price_min IS NULL OR target_price_max IS NULL OR target_price_min <= target_price_max),
        CONSTRAINT buyer_profiles_price_currency
          CHECK ((target_price_min IS NULL AND target_price_max IS NULL) OR target_price_currency IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX buyer_profiles_categories_idx ON buyer_profiles USING gin (categories)`);
    await q.query(`CREATE INDEX buyer_profiles_country_idx ON buyer_profiles (country)`);

    await q.query(`
      CREATE TABLE interpreter_profiles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        languages text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX interpreter_profiles_languages_idx ON interpreter_profiles USING gin (languages)`,
    );
    // one row per continuous working period; overlapping periods are merged before they are stored
    await q.query(`
      CREATE TABLE interpreter_shifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        shift tstzrange NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT interpreter_shifts_shape CHECK (
          NOT isempty(shift) AND lower_inc(shift) AND NOT upper_inc(shift) AND NOT lower_inf(shift) AND NOT upper_inf(shift)),
        CONSTRAINT interpreter_shifts_no_overlap
          EXCLUDE USING gist (fair_id WITH =, user_id WITH =, shift WITH &&)
      )`);

    await q.query(`
      CREATE TABLE calendar_feed_tokens (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX meetings_interpreter_idx ON meetings (interpreter_user_id) WHERE interpreter_user_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX meetings_interpreter_idx`);
    await q.query(`DROP TABLE calendar_feed_tokens`);
    await q.query(`DROP TABLE interpreter_shifts`);
    await q.query(`DROP TABLE interpreter_profiles`);
    await q.query(`DROP TABLE buyer_profiles`);
  }
}
