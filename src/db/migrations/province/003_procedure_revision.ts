import type { Knex } from 'knex';

/**
 * procedures.revision grows by one (and updated_at moves) whenever a procedure's content changes, its
 * own row or the rows of its channels, requirements, units and documents; the national portal refuses
 * an older revision than the one it holds, so the revision must never go back. Child rows written in
 * the transaction that created or already bumped the procedure add no further revision: one change,
 * one revision (and a catalogue loaded in one transaction keeps the revisions it was given).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- milliseconds: what a JavaScript Date (and so an API cursor) holds, so the value round-trips exactly
    CREATE OR REPLACE FUNCTION lt_revision_time() RETURNS timestamptz
      LANGUAGE sql STABLE AS $$ SELECT date_trunc('milliseconds', now()) $$;

    CREATE OR REPLACE FUNCTION lt_procedure_revision() RETURNS trigger
      LANGUAGE plpgsql AS $$
    BEGIN
      -- compared as jsonb so columns added later count as content without touching this function
      IF (to_jsonb(NEW) - 'revision' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'revision' - 'updated_at') THEN
        NEW.revision := GREATEST(OLD.revision + 1, NEW.revision);
        NEW.updated_at := lt_revision_time();
      ELSIF NEW.revision > OLD.revision THEN
        NEW.updated_at := lt_revision_time();
      ELSE
        NEW.revision := OLD.revision;
      END IF;
      RETURN NEW;
    END $$;

    CREATE TRIGGER procedures_revision
      BEFORE UPDATE ON procedures
      FOR EACH ROW EXECUTE FUNCTION lt_procedure_revision();

    -- statement-level with transition tables: one UPDATE per statement on a child table, not one per row;
    -- a procedure whose xmin is this transaction was created or already bumped by it
    CREATE OR REPLACE FUNCTION lt_bump_procedures_new() RETURNS trigger
      LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE procedures SET revision = revision + 1, updated_at = lt_revision_time()
       WHERE id IN (SELECT DISTINCT procedure_id FROM lt_new_rows) AND xmin <> pg_current_xact_id()::xid;
      RETURN NULL;
    END $$;

    CREATE OR REPLACE FUNCTION lt_bump_procedures_old() RETURNS trigger
      LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE procedures SET revision = revision + 1, updated_at = lt_revision_time()
       WHERE id IN (SELECT DISTINCT procedure_id FROM lt_old_rows) AND xmin <> pg_current_xact_id()::xid;
      RETURN NULL;
    END $$;

    CREATE OR REPLACE FUNCTION lt_bump_procedures_both() RETURNS trigger
      LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE procedures SET revision = revision + 1, updated_at = lt_revision_time()
       WHERE id IN (SELECT procedure_id FROM lt_new_rows UNION SELECT procedure_id FROM lt_old_rows) AND xmin <> pg_current_xact_id()::xid;
      RETURN NULL;
    END $$;
  `);
  for (const table of CHILD_TABLES) {
    await knex.raw(`
      CREATE TRIGGER ${table}_bump_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS lt_new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION lt_bump_procedures_new();
      CREATE TRIGGER ${table}_bump_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS lt_old_rows NEW TABLE AS lt_new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION lt_bump_procedures_both();
      CREATE TRIGGER ${table}_bump_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS lt_old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION lt_bump_procedures_old();
    `);
  }
}

const CHILD_TABLES = [
  'procedure_channels',
  'procedure_requirements',
  'procedure_units',
  'procedure_documents',
];

export async function down(knex: Knex): Promise<void> {
  for (const table of CHILD_TABLES) {
    await knex.raw(`
      DROP TRIGGER IF EXISTS ${table}_bump_insert ON ${table};
      DROP TRIGGER IF EXISTS ${table}_bump_update ON ${table};
      DROP TRIGGER IF EXISTS ${table}_bump_delete ON ${table};
    `);
  }
  await knex.raw(`
    DROP TRIGGER IF EXISTS procedures_revision ON procedures;
    DROP FUNCTION IF EXISTS lt_bump_procedures_new(), lt_bump_procedures_old(), lt_bump_procedures_both(),
      lt_procedure_revision(), lt_revision_time();
  `);
}
