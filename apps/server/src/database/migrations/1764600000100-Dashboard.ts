import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organizer's dashboard:
 * - historical firms keep the legacy province they came from (checked against its current province) and a
 *   main craft category, since most of them have no village in the reference list;
 * - historical people never sign in, so a user may have no password (sign-in then always fails);
 * - meetings record when the awaited side first answered (accept, decline or counter-proposal), for the
 *   "answered within 24 h" figure; the time is the meeting's own updated_at, which the service takes from the Clock;
 * - covering indexes so each fair's figures come from index-only scans.
 */
export class Dashboard1764600000100 implements MigrationInterface {
  name = 'Dashboard1764600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);

    await q.query(
      `ALTER TABLE provinces_legacy ADD CONSTRAINT provinces_legacy_name_code_key UNIQUE (name_vi, province_code)`,
    );
    await q.query(`
      ALTER TABLE exhibitor_profiles
        ADD COLUMN province_legacy varchar(80),
        ADD COLUMN category_code char(3) REFERENCES craft_categories(code),
        ADD CONSTRAINT exhibitor_profiles_legacy_province_fk
          FOREIGN KEY (province_legacy, province_code) REFERENCES provinces_legacy(name_vi, province_code)`);

    await q.query(`ALTER TABLE meetings ADD COLUMN answered_at timestamptz`);
    await q.query(`
      CREATE FUNCTION cm_meeting_answered() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'requested' AND NEW.answered_at IS NULL AND (
             NEW.status IN ('accepted','declined')
             OR (NEW.status = 'requested' AND NEW.awaiting_company_id IS DISTINCT FROM OLD.awaiting_company_id
                 AND NEW.awaiting_company_id IS NOT NULL)) THEN
          NEW.answered_at := NEW.updated_at;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER meetings_answered BEFORE UPDATE ON meetings
        FOR EACH ROW WHEN (OLD.status = 'requested') EXECUTE FUNCTION cm_meeting_answered()`);

    await q.query(`
      CREATE INDEX contracts_dashboard_idx ON contracts (fair_id)
        INCLUDE (status, total_usd, signed_on, exhibitor_company_id, buyer_company_id)`);
    await q.query(`CREATE INDEX booths_dashboard_idx ON booths (fair_id) INCLUDE (status, company_id)`);
    await q.query(
      `CREATE INDEX fair_participants_dashboard_idx ON fair_participants (fair_id) INCLUDE (company_id)`,
    );
    await q.query(
      `CREATE INDEX meetings_dashboard_idx ON meetings (fair_id) INCLUDE (status, created_at, answered_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX meetings_dashboard_idx`);
    await q.query(`DROP INDEX fair_participants_dashboard_idx`);
    await q.query(`DROP INDEX booths_dashboard_idx`);
    await q.query(`DROP INDEX contracts_dashboard_idx`);
    await q.query(`DROP TRIGGER meetings_answered ON meetings`);
    await q.query(`DROP FUNCTION cm_meeting_answered()`);
    await q.query(`ALTER TABLE meetings DROP COLUMN answered_at`);
    await q.query(`
      ALTER TABLE exhibitor_profiles
        DROP CONSTRAINT exhibitor_profiles_legacy_province_fk,
        DROP COLUMN category_code,
        DROP COLUMN province_legacy`);
    await q.query(`ALTER TABLE provinces_legacy DROP CONSTRAINT provinces_legacy_name_code_key`);
    // people without a password get one nobody can sign in with ('!' is no argon2 hash)
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
