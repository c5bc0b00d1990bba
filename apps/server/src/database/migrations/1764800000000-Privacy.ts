import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy: consents given at registration (which version of the notice, when, from where), and
 * deleted accounts. A deleted account keeps its row as a tombstone (no name, no real e-mail, no
 * usable password) because meetings, contracts and the audit log of the company still point to it.
 */
export class Privacy1764800000000 implements MigrationInterface {
  name = 'Privacy1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL CHECK (kind IN ('privacy_notice')),
        version varchar(32) NOT NULL,
        accepted_at timestamptz NOT NULL,
        ip varchar(64),
        user_agent varchar(500),
        CONSTRAINT user_consents_once UNIQUE (user_id, kind, version)
      )`);
    await q.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);
    // The sessions list: one user's families, newest token per family.
    await q.query(
      `CREATE INDEX refresh_tokens_user_family_idx ON refresh_tokens (user_id, family_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX refresh_tokens_user_family_idx`);
    await q.query(`ALTER TABLE users DROP COLUMN deleted_at`);
    await q.query(`DROP TABLE user_consents`);
  }
}
