import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the dashboard reads (contract_stats follows contracts). */
const DASHBOARD_TABLES = [
  'fairs',
  'fair_days',
  'booths',
  'fair_participants',
  'meetings',
  'samples',
  'contracts',
  'companies',
  'exhibitor_profiles',
  'buyer_profiles',
];

/**
 * The organizer's dashboard:
 * - historical firms keep the legacy province they came from (checked against its current province) and a
 *   main craft category, since most of them have no village in the reference list;
 * - historical people never sign in, so a user may have no password (sign-in then always fails);
 * - meetings record when the awaited side first answered (accept, decline or counter-proposal), for the
 *   "answered within 24 h" figure; the time is the meeting's own updated_at, which the service takes from the Clock;
 * - contracts summed per fair, status and buyer, exhibitor or signing day in contract_stats, kept by statement
 *   triggers, so the dashboard reads a few thousand rows rather than every contract;
 * - covering indexes so each fair's booths, registrations and meetings come from index-only scans.
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

    // contracts summed per fair, status and buyer ('b'), exhibitor ('e') or signing day ('d'), kept by a
    // statement trigger over the transition tables, so the dashboard reads a few thousand rows instead of
    // every contract. One upsert per statement, in key order, so concurrent writers lock rows in the same order.
    await q.query(`
      CREATE TABLE contract_stats (
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        dim char(1) NOT NULL CHECK (dim IN ('b','e','d')),
        key text NOT NULL,
        status varchar(12) NOT NULL,
        n integer NOT NULL,
        usd numeric(22,2) NOT NULL,
        PRIMARY KEY (fair_id, dim, key, status)
      )`);
    await q.query(`
      CREATE FUNCTION cm_contract_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO contract_stats AS s (fair_id, dim, key, status, n, usd)
          SELECT d.fair_id, x.dim, x.key, d.status, sum(d.n), sum(d.usd)
            FROM (SELECT fair_id, buyer_company_id, exhibitor_company_id, signed_on, status, 1 AS n, total_usd AS usd FROM new_rows) d
            CROSS JOIN LATERAL (VALUES ('b', d.buyer_company_id::text), ('e', d.exhibitor_company_id::text),
                                       ('d', d.signed_on::text)) x(dim, key)
           GROUP BY 1, 2, 3, 4
          HAVING sum(d.n) <> 0 OR sum(d.usd) <> 0
           ORDER BY 1, 2, 3, 4
          ON CONFLICT (fair_id, dim, key, status) DO UPDATE SET n = s.n + excluded.n, usd = s.usd + excluded.usd;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO contract_stats AS s (fair_id, dim, key, status, n, usd)
          SELECT d.fair_id, x.dim, x.key, d.status, sum(d.n), sum(d.usd)
            FROM (SELECT fair_id, buyer_company_id, exhibitor_company_id, signed_on, status, -1 AS n, -total_usd AS usd FROM old_rows UNION ALL SELECT fair_id, buyer_company_id, exhibitor_company_id, signed_on, status, 1, total_usd FROM new_rows) d
            CROSS JOIN LATERAL (VALUES ('b', d.buyer_company_id::text), ('e', d.exhibitor_company_id::text),
                                       ('d', d.signed_on::text)) x(dim, key)
           GROUP BY 1, 2, 3, 4
          HAVING sum(d.n) <> 0 OR sum(d.usd) <> 0
           ORDER BY 1, 2, 3, 4
          ON CONFLICT (fair_id, dim, key, status) DO UPDATE SET n = s.n + excluded.n, usd = s.usd + excluded.usd;
        ELSE
          INSERT INTO contract_stats AS s (fair_id, dim, key, status, n, usd)
          SELECT d.fair_id, x.dim, x.key, d.status, sum(d.n), sum(d.usd)
            FROM (SELECT fair_id, buyer_company_id, exhibitor_company_id, signed_on, status, -1 AS n, -total_usd AS usd FROM old_rows) d
            CROSS JOIN LATERAL (VALUES ('b', d.buyer_company_id::text), ('e', d.exhibitor_company_id::text),
                                       ('d', d.signed_on::text)) x(dim, key)
           GROUP BY 1, 2, 3, 4
          HAVING sum(d.n) <> 0 OR sum(d.usd) <> 0
           ORDER BY 1, 2, 3, 4
          ON CONFLICT (fair_id, dim, key, status) DO UPDATE SET n = s.n + excluded.n, usd = s.usd + excluded.usd;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER contracts_stats_insert AFTER INSERT ON contracts
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_contract_stats()`);
    await q.query(`CREATE TRIGGER contracts_stats_update AFTER UPDATE ON contracts
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_contract_stats()`);
    await q.query(`CREATE TRIGGER contracts_stats_delete AFTER DELETE ON contracts
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_contract_stats()`);
    await q.query(`
      INSERT INTO contract_stats (fair_id, dim, key, status, n, usd)
      SELECT c.fair_id, x.dim, x.key, c.status, count(*), sum(c.total_usd)
        FROM contracts c
        CROSS JOIN LATERAL (VALUES ('b', c.buyer_company_id::text), ('e', c.exhibitor_company_id::text),
                                   ('d', c.signed_on::text)) x(dim, key)
       GROUP BY 1, 2, 3, 4`);
    // Any write to what the dashboard reads moves one sequence (non-transactional: no lock, no contention), so
    // each instance can keep answers until it moves.
    await q.query(`CREATE SEQUENCE dashboard_version`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('dashboard_version');
        RETURN NULL;
      END $$`);
    for (const table of DASHBOARD_TABLES)
      await q.query(
        `CREATE TRIGGER ${table}_dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_bump()`,
      );
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
    for (const table of DASHBOARD_TABLES)
      await q.query(`DROP TRIGGER ${table}_dashboard_version ON ${table}`);
    await q.query(`DROP FUNCTION cm_dashboard_bump()`);
    await q.query(`DROP SEQUENCE dashboard_version`);
    await q.query(`DROP TRIGGER contracts_stats_delete ON contracts`);
    await q.query(`DROP TRIGGER contracts_stats_update ON contracts`);
    await q.query(`DROP TRIGGER contracts_stats_insert ON contracts`);
    await q.query(`DROP FUNCTION cm_contract_stats()`);
    await q.query(`DROP TABLE contract_stats`);
    await q.query(`DROP INDEX fair_participants_dashboard_idx`);
    await q.query(`DROP INDEX booths_dashboard_idx`);
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
