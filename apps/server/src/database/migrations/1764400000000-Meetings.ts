import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buyers attending a fair, and B2B meetings between an attending buyer and an attending exhibitor.
 * Double booking is impossible by construction: exclusion constraints (btree_gist) refuse two
 * accepted or held meetings whose '[)' time ranges overlap for the same buyer person, exhibitor
 * person, B2B table or interpreter.
 */
export class Meetings1764400000000 implements MigrationInterface {
  name = 'Meetings1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      ALTER TABLE fairs
        ADD COLUMN meeting_request_limit smallint NOT NULL DEFAULT 30 CHECK (meeting_request_limit BETWEEN 1 AND 1000),
        ADD COLUMN meeting_request_ttl_hours smallint NOT NULL DEFAULT 48 CHECK (meeting_request_ttl_hours BETWEEN 1 AND 720)`);
    await q.query(`
      CREATE TABLE fair_participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        hosted_buyer boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fair_participants_one_per_person UNIQUE (fair_id, user_id)
      )`);
    await q.query(`CREATE INDEX fair_participants_company_idx ON fair_participants (company_id, fair_id)`);

    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        buyer_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        exhibitor_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        buyer_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        exhibitor_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        requested_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        requester_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'requested'
          CHECK (status IN ('requested','accepted','declined','cancelled','expired','held','no_show')),
        time_range tstzrange,
        place_kind varchar(8) NOT NULL DEFAULT 'booth' CHECK (place_kind IN ('booth','table','online')),
        table_id uuid,
        video_url text,
        interpreter_language varchar(8),
        interpreter_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        message text,
        decline_reason varchar(32),
        cancel_reason text,
        expires_at timestamptz NOT NULL,
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meetings_requester_is_party CHECK (requester_company_id IN (buyer_company_id, exhibitor_company_id)),
        CONSTRAINT meetings_two_companies CHECK (buyer_company_id <> exhibitor_company_id),
        CONSTRAINT meetings_scheduled_has_range CHECK (status NOT IN ('accepted','held','no_show') OR time_range IS NOT NULL),
        CONSTRAINT meetings_range_shape CHECK (
          time_range IS NULL OR (NOT isempty(time_range) AND lower_inc(time_range) AND NOT upper_inc(time_range)
                                 AND NOT lower_inf(time_range) AND NOT upper_inf(time_range))),
        CONSTRAINT meetings_table_place CHECK (place_kind <> 'table' OR table_id IS NOT NULL),
        CONSTRAINT meetings_buyer_no_overlap
          EXCLUDE USING gist (buyer_user_id WITH =, time_range WITH &&) WHERE (status IN ('accepted','held')),
        CONSTRAINT meetings_exhibitor_no_overlap
          EXCLUDE USING gist (exhibitor_user_id WITH =, time_range WITH &&) WHERE (status IN ('accepted','held')),
        CONSTRAINT meetings_table_no_overlap
          EXCLUDE USING gist (table_id WITH =, time_range WITH &&)
          WHERE (table_id IS NOT NULL AND status IN ('accepted','held')),
        CONSTRAINT meetings_interpreter_no_overlap
          EXCLUDE USING gist (interpreter_user_id WITH =, time_range WITH &&)
          WHERE (interpreter_user_id IS NOT NULL AND status IN ('accepted','held'))
      )`);
    await q.query(`CREATE INDEX meetings_fair_buyer_idx ON meetings (fair_id, buyer_company_id)`);
    await q.query(`CREATE INDEX meetings_fair_exhibitor_idx ON meetings (fair_id, exhibitor_company_id)`);
    await q.query(
      `CREATE INDEX meetings_pending_requester_idx ON meetings (fair_id, requester_company_id) WHERE status = 'requested'`,
    );
    await q.query(
      `CREATE INDEX meetings_pending_expiry_idx ON meetings (expires_at) WHERE status = 'requested'`,
    );

    await q.query(`
      CREATE TABLE meeting_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        slot_start timestamptz NOT NULL,
        slot_end timestamptz NOT NULL,
        proposed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        round smallint NOT NULL DEFAULT 1 CHECK (round >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_proposals_slot_order CHECK (slot_start < slot_end),
        CONSTRAINT meeting_proposals_unique UNIQUE (meeting_id, round, slot_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_proposals`);
    await q.query(`DROP TABLE meetings`);
    await q.query(`DROP TABLE fair_participants`);
    await q.query(
      `ALTER TABLE fairs DROP COLUMN meeting_request_ttl_hours, DROP COLUMN meeting_request_limit`,
    );
  }
}
