import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk imports of exhibitor and buyer companies: one row per upload, one row per data row of the file. */
export class Imports1764600000200 implements MigrationInterface {
  name = 'Imports1764600000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('exhibitor','buyer')),
        status varchar(12) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        filename varchar(255) NOT NULL,
        locale varchar(8) NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
        total integer NOT NULL CHECK (total >= 0),
        created integer NOT NULL DEFAULT 0 CHECK (created >= 0),
        updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
        rejected integer NOT NULL DEFAULT 0 CHECK (rejected >= 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT imports_counts CHECK (created + updated + rejected <= total),
        CONSTRAINT imports_done_finished CHECK ((status IN ('done','failed')) = (finished_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX imports_created_idx ON imports (created_at DESC)`);
    await q.query(`
      CREATE TABLE import_rows (
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number integer NOT NULL CHECK (row_number >= 2),
        data jsonb NOT NULL,
        outcome varchar(8) CHECK (outcome IN ('created','updated','rejected')),
        reason varchar(40),
        reason_column varchar(40),
        company_id uuid REFERENCES companies(id) ON DELETE SET NULL,
        PRIMARY KEY (import_id, row_number),
        CONSTRAINT import_rows_rejected_has_reason CHECK ((outcome = 'rejected') = (reason IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_rows`);
    await q.query(`DROP TABLE imports`);
  }
}
