import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matchmaking wishes: at a fair, a participant company of one side (buyer registered at the fair,
 * exhibitor with an approved booth) marks a participant of the other side as must-meet, would-meet
 * or no-thanks. One wish per (fair, from, to); the scheduler and the recommendations read them.
 */
export class Matchmaking1764700000000 implements MigrationInterface {
  name = 'Matchmaking1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fair_wishes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        from_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        to_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        level varchar(10) NOT NULL CHECK (level IN ('must','would','no_thanks')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fair_wishes_one UNIQUE (fair_id, from_company_id, to_company_id),
        CONSTRAINT fair_wishes_not_self CHECK (from_company_id <> to_company_id)
      )`);
    await q.query(`CREATE INDEX fair_wishes_to_idx ON fair_wishes (fair_id, to_company_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_wishes`);
  }
}
