import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The spine: extensions later issues need, accounts, companies, tokens, notifications, mail outbox. */
export class Spine1764230400000 implements MigrationInterface {
  name = 'Spine1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        full_name varchar(200) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('organizer','organizer_staff','interpreter','exhibitor','buyer')),
        locale varchar(8) NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
        email_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('exhibitor','buyer')),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        status_reason text,
        country_code char(2),
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT companies_rejection_has_reason CHECK (status <> 'rejected' OR status_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX companies_status_created_idx ON companies (status, created_at)`);

    await q.query(`
      CREATE TABLE company_memberships (
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('owner','staff')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company_id, user_id),
        CONSTRAINT company_memberships_one_company_per_user UNIQUE (user_id)
      )`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        replaced_by uuid,
        user_agent varchar(500),
        ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE user_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose varchar(32) NOT NULL CHECK (purpose IN ('verify_email','reset_password')),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        email varchar(254) NOT NULL,
        full_name varchar(200),
        role varchar(32) NOT NULL CHECK (role IN ('staff','organizer','organizer_staff','interpreter')),
        locale varchar(8) NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
        invited_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitations_company_role CHECK ((company_id IS NULL) = (role <> 'staff'))
      )`);
    await q.query(`CREATE INDEX invitations_company_idx ON invitations (company_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type varchar(64) NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address varchar(254) NOT NULL,
        locale varchar(8) NOT NULL,
        template varchar(64) NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','logged','failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mail_outbox_status_idx ON mail_outbox (status, created_at)`);

    // rate-limiter-flexible's PostgreSQL store; created here so it exists before the first request.
    await q.query(`
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
    await q.query(`DROP TABLE mail_outbox`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TABLE user_tokens`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE company_memberships`);
    await q.query(`DROP TABLE companies`);
    await q.query(`DROP TABLE users`);
    // Extensions are left in place: other objects in the database may use them.
  }
}
