import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One approved booth per floor-grid cell, and the organizer's per-fair application list. */
export class BoothFloor1764320000400 implements MigrationInterface {
  name = 'BoothFloor1764320000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE booths ADD CONSTRAINT booths_grid_positive CHECK ((grid_row IS NULL OR grid_row >= 1) AND (grid_col IS NULL OR grid_col >= 1))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX booths_cell_unique ON booths (hall_id, grid_row, grid_col)
        WHERE status = 'approved' AND grid_row IS NOT NULL AND grid_col IS NOT NULL`,
    );
    await q.query(`CREATE INDEX booths_fair_status_idx ON booths (fair_id, status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX booths_fair_status_idx`);
    await q.query(`DROP INDEX booths_cell_unique`);
    await q.query(`ALTER TABLE booths DROP CONSTRAINT booths_grid_positive`);
  }
}
