import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revoked sessions and deleted users, announced to every server instance: each keeps them in memory
 * and refuses their access tokens at once instead of when they expire (15 minutes). The triggers
 * send a NOTIFY on the `auth_revoked` channel when a refresh token is revoked (payload `s:<family id>`,
 * the access token's `sid`) and when an account is deleted (`u:<user id>`). PostgreSQL delivers it on
 * commit, once per distinct payload per transaction, so revoking a family of many tokens is one
 * message. The indexes serve the reload of recent revocations at start and after a reconnection.
 */
export class SessionRevocations1764900000000 implements MigrationInterface {
  name = 'SessionRevocations1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_session_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('auth_revoked', 's:' || NEW.family_id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER refresh_tokens_revoked_notify
        AFTER UPDATE OF revoked_at ON refresh_tokens FOR EACH ROW
        WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
        EXECUTE FUNCTION notify_session_revoked()`);
    await q.query(`
      CREATE FUNCTION notify_user_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('auth_revoked', 'u:' || NEW.id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_deleted_notify
        AFTER UPDATE OF deleted_at ON users FOR EACH ROW
        WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
        EXECUTE FUNCTION notify_user_deleted()`);
    await q.query(
      `CREATE INDEX refresh_tokens_revoked_at_idx ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX users_deleted_at_idx ON users (deleted_at) WHERE deleted_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_deleted_at_idx`);
    await q.query(`DROP INDEX refresh_tokens_revoked_at_idx`);
    await q.query(`DROP TRIGGER users_deleted_notify ON users`);
    await q.query(`DROP FUNCTION notify_user_deleted()`);
    await q.query(`DROP TRIGGER refresh_tokens_revoked_notify ON refresh_tokens`);
    await q.query(`DROP FUNCTION notify_session_revoked()`);
  }
}
