import type { Knex } from 'knex';

/**
 * Procedure search reads a folded copy of its text instead of folding every row on every search.
 *
 * `lt_fold` cannot be inlined (it wraps `unaccent`, which is only STABLE), so each call runs the SQL
 * function executor: about 20 µs a row. The trigram index on `lt_fold(name || …)` is used when the planner
 * prefers it, but any plan that filters rows (a sequential scan, a walk of the name index for a LIMIT)
 * folds all 1,800 procedures of a province: 25–35 ms a statement, list and count alike. A stored
 * generated column holds the folded text once, recomputed by PostgreSQL whenever name, code or field
 * change (the seeder and the sync need nothing new); its own trigram index serves `LIKE '%…%'`, and a
 * scan that ignores the index compares plain text, about 0.4 µs a row. The pattern is folded once per
 * statement, at plan time (`lt_fold` is IMMUTABLE and the statement is planned with its parameters).
 *
 * The index is written through (`fastupdate = off`): with GIN's pending list, rows inserted after the index
 * (a seeded database, a sync that adds procedures) wait in an unsorted list until a vacuum, the planner
 * prices the index at ten times a scan and never uses it. Procedures change rarely; each write pays the
 * index update at once instead.
 *
 * The revision trigger (migration 003) must leave the generated column out (revisionFunction below).
 */

/**
 * The revision trigger of migration 003, comparing rows as jsonb less the `ignored` columns: 010 leaves out
 * search_folded too (a generated column has no value yet in a BEFORE trigger, so every update, even one
 * that changes nothing, would differ; it follows name, code and field, which are compared); down goes back.
 */
const revisionFunction = (ignored: string[]) => {
  const content = (row: string) => `(to_jsonb(${row})${ignored.map((c) => ` - '${c}'`).join('')})`;
  return `CREATE OR REPLACE FUNCTION lt_procedure_revision() RETURNS trigger
      LANGUAGE plpgsql AS $$
    BEGIN
      IF ${content('NEW')} IS DISTINCT FROM ${content('OLD')} THEN
        NEW.revision := GREATEST(OLD.revision + 1, NEW.revision);
        NEW.updated_at := lt_revision_time();
      ELSIF NEW.revision > OLD.revision THEN
        NEW.updated_at := lt_revision_time();
      ELSE
        NEW.revision := OLD.revision;
      END IF;
      RETURN NEW;
    END $$;`;
};

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE procedures ADD COLUMN search_folded text
      GENERATED ALWAYS AS (lt_fold(name || ' ' || national_code || ' ' || field)) STORED;
    CREATE INDEX procedures_folded_idx ON procedures USING gin (search_folded gin_trgm_ops)
      WITH (fastupdate = off);
    DROP INDEX IF EXISTS procedures_search_idx;
    ANALYZE procedures;
    ${revisionFunction(['revision', 'updated_at', 'search_folded'])}
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS procedures_search_idx ON procedures
      USING gin (lt_fold(name || ' ' || national_code || ' ' || field) gin_trgm_ops);
    DROP INDEX IF EXISTS procedures_folded_idx;
    ALTER TABLE procedures DROP COLUMN IF EXISTS search_folded;
    ${revisionFunction(['revision', 'updated_at'])}
  `);
}
