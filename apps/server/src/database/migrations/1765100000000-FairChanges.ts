import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes of what a fair's page shows, announced to every server instance: each keeps the fairs it
 * served in memory (FairCache) and forgets one when its row, days, halls or count of approved booths
 * change. The triggers send a NOTIFY on the `fair_changed` channel with the fair's id; PostgreSQL
 * delivers it on commit, once per distinct payload per transaction, so replacing all the days of a
 * fair, or deleting a fair with everything in it, is one message.
 */
export class FairChanges1765100000000 implements MigrationInterface {
  name = 'FairChanges1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // TG_ARGV[0]: the column that holds the fair's id (id in fairs, fair_id elsewhere)
    await q.query(`
      CREATE FUNCTION notify_fair_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM pg_notify('fair_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM pg_notify('fair_changed', to_jsonb(NEW) ->> TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER fairs_changed_notify AFTER INSERT OR UPDATE OR DELETE ON fairs
        FOR EACH ROW EXECUTE FUNCTION notify_fair_changed('id')`);
    await q.query(`
      CREATE TRIGGER fair_days_changed_notify AFTER INSERT OR UPDATE OR DELETE ON fair_days
        FOR EACH ROW EXECUTE FUNCTION notify_fair_changed('fair_id')`);
    await q.query(`
      CREATE TRIGGER halls_changed_notify AFTER INSERT OR UPDATE OR DELETE ON halls
        FOR EACH ROW EXECUTE FUNCTION notify_fair_changed('fair_id')`);
    // booths: only what moves the count of approved booths
    await q.query(`
      CREATE TRIGGER booths_approved_insert_notify AFTER INSERT ON booths
        FOR EACH ROW WHEN (NEW.status = 'approved') EXECUTE FUNCTION notify_fair_changed('fair_id')`);
    await q.query(`
      CREATE TRIGGER booths_approved_delete_notify AFTER DELETE ON booths
        FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION notify_fair_changed('fair_id')`);
    await q.query(`
      CREATE TRIGGER booths_approved_update_notify AFTER UPDATE OF status, fair_id ON booths
        FOR EACH ROW
        WHEN ((OLD.status = 'approved') IS DISTINCT FROM (NEW.status = 'approved')
              OR (NEW.status = 'approved' AND OLD.fair_id IS DISTINCT FROM NEW.fair_id))
        EXECUTE FUNCTION notify_fair_changed('fair_id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER booths_approved_update_notify ON booths`);
    await q.query(`DROP TRIGGER booths_approved_delete_notify ON booths`);
    await q.query(`DROP TRIGGER booths_approved_insert_notify ON booths`);
    await q.query(`DROP TRIGGER halls_changed_notify ON halls`);
    await q.query(`DROP TRIGGER fair_days_changed_notify ON fair_days`);
    await q.query(`DROP TRIGGER fairs_changed_notify ON fairs`);
    await q.query(`DROP FUNCTION notify_fair_changed()`);
  }
}
