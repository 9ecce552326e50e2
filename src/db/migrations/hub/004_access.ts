import type { Knex } from 'knex';

/**
 * Who may see what (API keys with an expiry) and the audit trail of personal data. The audit log is
 * append-only: triggers refuse UPDATE, DELETE and TRUNCATE for every role, and fire ALWAYS, so a session
 * in replica mode (session_replication_role) does not skip them. Only the table's owner (or a superuser)
 * can switch them off with ALTER TABLE; a production hub should therefore connect as a role that does
 * not own audit_log (README "Access").
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE api_keys
      ADD COLUMN expires_at  timestamptz,
      ADD COLUMN revoked_by  text;

    ALTER TABLE audit_log
      ADD COLUMN request_id    text,
      ADD COLUMN operation     text,
      ADD COLUMN dossiers      text[] NOT NULL DEFAULT '{}',   -- global ids of the dossiers shown
      ADD COLUMN dossier_codes text[] NOT NULL DEFAULT '{}',   -- their codes, for people reading the log
      ADD COLUMN fields        text[] NOT NULL DEFAULT '{}',   -- e.g. {Applicant.name}; never the values
      ADD COLUMN provinces     text[] NOT NULL DEFAULT '{}';   -- provinces of those dossiers
    CREATE INDEX audit_log_actor_at_idx ON audit_log (actor, at);
    CREATE INDEX audit_log_dossiers_idx ON audit_log USING gin (dossiers);

    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_change;
    ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_truncate;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
    DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
    DROP FUNCTION IF EXISTS audit_log_append_only();
    DROP INDEX IF EXISTS audit_log_dossiers_idx;
    DROP INDEX IF EXISTS audit_log_actor_at_idx;
    ALTER TABLE audit_log DROP COLUMN request_id, DROP COLUMN operation, DROP COLUMN dossiers,
      DROP COLUMN dossier_codes, DROP COLUMN fields, DROP COLUMN provinces;
    ALTER TABLE api_keys DROP COLUMN expires_at, DROP COLUMN revoked_by;
  `);
}
