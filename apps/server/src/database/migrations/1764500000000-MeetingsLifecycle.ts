import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The life cycle of a meeting: who must answer now, counter-proposals and reschedules as proposal
 * rounds of a kind, check-in, reminders, and the slots each attending person blocked.
 */
export class MeetingsLifecycle1764500000000 implements MigrationInterface {
  name = 'MeetingsLifecycle1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE fairs
        ADD COLUMN checkin_grace_minutes smallint NOT NULL DEFAULT 15 CHECK (checkin_grace_minutes BETWEEN 0 AND 240),
        ADD COLUMN reminder_minutes smallint NOT NULL DEFAULT 60 CHECK (reminder_minutes BETWEEN 0 AND 1440)`);
    await q.query(`
      ALTER TABLE meetings
        ADD COLUMN awaiting_company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        ADD COLUMN reschedule_expires_at timestamptz,
        ADD COLUMN checked_in_at timestamptz,
        ADD COLUMN checked_in_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN reminder_sent_at timestamptz,
        ADD CONSTRAINT meetings_awaiting_is_party
          CHECK (awaiting_company_id IS NULL OR awaiting_company_id IN (buyer_company_id, exhibitor_company_id))`);
    // a pending request waits for the side that did not send it
    await q.query(`
      UPDATE meetings SET awaiting_company_id =
        CASE WHEN requester_company_id = buyer_company_id THEN exhibitor_company_id ELSE buyer_company_id END
       WHERE status = 'requested'`);
    await q.query(
      `CREATE INDEX meetings_accepted_start_idx ON meetings (lower(time_range)) WHERE status = 'accepted'`,
    );
    await q.query(
      `CREATE INDEX meetings_reschedule_expiry_idx ON meetings (reschedule_expires_at) WHERE reschedule_expires_at IS NOT NULL`,
    );
    await q.query(`
      ALTER TABLE meeting_proposals
        ADD COLUMN kind varchar(12) NOT NULL DEFAULT 'request' CHECK (kind IN ('request','counter','reschedule'))`);
    await q.query(`
      CREATE TABLE attendee_blocked_slots (
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        slot tstzrange NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fair_id, user_id, slot),
        CONSTRAINT attendee_blocked_slots_shape CHECK (NOT isempty(slot) AND lower_inc(slot) AND NOT upper_inc(slot))
      )`);
    await q.query(
      `CREATE INDEX attendee_blocked_slots_user_idx ON attendee_blocked_slots USING gist (user_id, slot)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attendee_blocked_slots`);
    await q.query(`ALTER TABLE meeting_proposals DROP COLUMN kind`);
    await q.query(`DROP INDEX meetings_reschedule_expiry_idx`);
    await q.query(`DROP INDEX meetings_accepted_start_idx`);
    await q.query(`
      ALTER TABLE meetings
        DROP CONSTRAINT meetings_awaiting_is_party,
        DROP COLUMN reminder_sent_at,
        DROP COLUMN checked_in_by,
        DROP COLUMN checked_in_at,
        DROP COLUMN reschedule_expires_at,
        DROP COLUMN awaiting_company_id`);
    await q.query(`ALTER TABLE fairs DROP COLUMN reminder_minutes, DROP COLUMN checkin_grace_minutes`);
  }
}
