import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fair floor: B2B tables per hall (a meeting may take place at one), the place of a meeting kept
 * consistent with its kind, and each company's private outcome of a held meeting.
 */
export class MeetingFloor1764500000200 implements MigrationInterface {
  name = 'MeetingFloor1764500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE b2b_tables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        hall_id uuid NOT NULL,
        code varchar(16) NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9.-]*$'),
        seats smallint CHECK (seats BETWEEN 2 AND 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT b2b_tables_code_unique UNIQUE (fair_id, code),
        CONSTRAINT b2b_tables_id_fair UNIQUE (id, fair_id),
        -- the hall belongs to the same fair; a hall with tables cannot be deleted
        CONSTRAINT b2b_tables_hall_fk FOREIGN KEY (hall_id, fair_id) REFERENCES halls(id, fair_id)
      )`);
    await q.query(`CREATE INDEX b2b_tables_hall_idx ON b2b_tables (hall_id)`);
    // a meeting's table is one of its own fair's; a table any meeting refers to cannot be deleted.
    // NO ACTION rather than RESTRICT: same refusal, but checked at the end of the statement, so deleting a
    // whole fair (which cascades to both meetings and tables) still works.
    await q.query(`
      ALTER TABLE meetings
        ADD CONSTRAINT meetings_table_fk FOREIGN KEY (table_id, fair_id) REFERENCES b2b_tables(id, fair_id),
        ADD CONSTRAINT meetings_place_consistent CHECK (
          (place_kind = 'table') = (table_id IS NOT NULL)
          AND (place_kind = 'online') = (video_url IS NOT NULL)
          AND (video_url IS NULL OR video_url ~ '^https://'))`);
    await q.query(`CREATE INDEX meetings_table_idx ON meetings (table_id) WHERE table_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE meeting_outcomes (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        interest varchar(8) NOT NULL CHECK (interest IN ('low','medium','high')),
        next_step varchar(12) NOT NULL CHECK (next_step IN ('none','samples','quotation','contract')),
        notes text CHECK (char_length(notes) <= 4000),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_outcomes_one_per_side PRIMARY KEY (meeting_id, company_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_outcomes`);
    await q.query(`DROP INDEX meetings_table_idx`);
    await q.query(
      `ALTER TABLE meetings DROP CONSTRAINT meetings_place_consistent, DROP CONSTRAINT meetings_table_fk`,
    );
    await q.query(`DROP TABLE b2b_tables`);
  }
}
