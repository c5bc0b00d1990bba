import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auto-scheduler: organizer settings per fair (cap per person per day, lunch break in the fair's
 * local time, which meetings use the B2B tables of which hall), drafts computed in the background,
 * their entries and the wished pairs they could not place. At most one running or ready draft per
 * fair. Publishing turns entries into accepted meetings, through the meetings' own exclusion
 * constraints.
 */
export class Scheduling1764700000100 implements MigrationInterface {
  name = 'Scheduling1764700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fair_schedule_settings (
        fair_id uuid PRIMARY KEY REFERENCES fairs(id) ON DELETE CASCADE,
        max_meetings_per_day smallint NOT NULL DEFAULT 8 CHECK (max_meetings_per_day BETWEEN 1 AND 40),
        lunch_start time,
        lunch_end time,
        table_policy varchar(8) NOT NULL DEFAULT 'auto' CHECK (table_policy IN ('auto','all','none')),
        table_hall_id uuid,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fair_schedule_settings_lunch CHECK (
          (lunch_start IS NULL AND lunch_end IS NULL) OR (lunch_start IS NOT NULL AND lunch_end IS NOT NULL AND lunch_start < lunch_end)),
        -- the hall is one of the fair's; deleting it clears the choice
        CONSTRAINT fair_schedule_settings_hall_fk FOREIGN KEY (table_hall_id, fair_id) REFERENCES halls(id, fair_id)
          ON DELETE SET NULL (table_hall_id)
      )`);

    await q.query(`
      CREATE TABLE schedule_drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        mode varchar(12) NOT NULL CHECK (mode IN ('regenerate','fill')),
        status varchar(12) NOT NULL DEFAULT 'running'
          CHECK (status IN ('running','ready','published','failed','discarded')),
        progress real NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
        scheduled_weight integer NOT NULL DEFAULT 0 CHECK (scheduled_weight >= 0),
        bound integer CHECK (bound >= 0),
        pair_count integer NOT NULL DEFAULT 0,
        meeting_count integer NOT NULL DEFAULT 0,
        kept_count integer NOT NULL DEFAULT 0,
        unscheduled_count integer NOT NULL DEFAULT 0,
        locked_count integer NOT NULL DEFAULT 0,
        published_count integer NOT NULL DEFAULT 0,
        conflict_count integer NOT NULL DEFAULT 0,
        error text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        published_at timestamptz,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT schedule_drafts_id_fair UNIQUE (id, fair_id)
      )`);
    // one current draft per fair: a second generate while one runs fails on this index
    await q.query(
      `CREATE UNIQUE INDEX schedule_drafts_one_current ON schedule_drafts (fair_id) WHERE status IN ('running','ready')`,
    );
    await q.query(`CREATE INDEX schedule_drafts_fair_idx ON schedule_drafts (fair_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE schedule_draft_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL REFERENCES schedule_drafts(id) ON DELETE CASCADE,
        fair_id uuid NOT NULL,
        buyer_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        exhibitor_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        buyer_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        exhibitor_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        slot_start timestamptz NOT NULL,
        slot_end timestamptz NOT NULL,
        hall_id uuid,
        table_id uuid,
        interpreter_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        interpreter_language varchar(8),
        weight smallint NOT NULL CHECK (weight > 0),
        kept boolean NOT NULL DEFAULT false,
        status varchar(10) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','published','conflict')),
        meeting_id uuid REFERENCES meetings(id) ON DELETE SET NULL,
        CONSTRAINT schedule_draft_meetings_fair FOREIGN KEY (draft_id, fair_id) REFERENCES schedule_drafts(id, fair_id)
          ON DELETE CASCADE,
        CONSTRAINT schedule_draft_meetings_slot_order CHECK (slot_start < slot_end),
        CONSTRAINT schedule_draft_meetings_one_per_pair UNIQUE (draft_id, buyer_company_id, exhibitor_company_id),
        CONSTRAINT schedule_draft_meetings_table_fk FOREIGN KEY (table_id, fair_id) REFERENCES b2b_tables(id, fair_id)
          ON DELETE SET NULL (table_id),
        -- a draft never double-books anybody or anything either
        CONSTRAINT schedule_draft_meetings_buyer_no_overlap
          EXCLUDE USING gist (draft_id WITH =, buyer_user_id WITH =, tstzrange(slot_start, slot_end) WITH &&),
        CONSTRAINT schedule_draft_meetings_exhibitor_no_overlap
          EXCLUDE USING gist (draft_id WITH =, exhibitor_user_id WITH =, tstzrange(slot_start, slot_end) WITH &&),
        CONSTRAINT schedule_draft_meetings_table_no_overlap
          EXCLUDE USING gist (draft_id WITH =, table_id WITH =, tstzrange(slot_start, slot_end) WITH &&)
          WHERE (table_id IS NOT NULL),
        CONSTRAINT schedule_draft_meetings_interpreter_no_overlap
          EXCLUDE USING gist (draft_id WITH =, interpreter_user_id WITH =, tstzrange(slot_start, slot_end) WITH &&)
          WHERE (interpreter_user_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX schedule_draft_meetings_draft_idx ON schedule_draft_meetings (draft_id, slot_start)`,
    );

    await q.query(`
      CREATE TABLE schedule_draft_unscheduled (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL REFERENCES schedule_drafts(id) ON DELETE CASCADE,
        buyer_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        exhibitor_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        buyer_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        exhibitor_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        weight smallint NOT NULL CHECK (weight > 0),
        reason varchar(16) NOT NULL CHECK (reason IN ('no_common_slot','no_interpreter','no_table','cap_reached')),
        CONSTRAINT schedule_draft_unscheduled_one_per_pair UNIQUE (draft_id, buyer_company_id, exhibitor_company_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE schedule_draft_unscheduled`);
    await q.query(`DROP TABLE schedule_draft_meetings`);
    await q.query(`DROP TABLE schedule_drafts`);
    await q.query(`DROP TABLE fair_schedule_settings`);
  }
}
