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
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE procedures ADD COLUMN search_folded text
      GENERATED ALWAYS AS (lt_fold(name || ' ' || national_code || ' ' || field)) STORED;
    CREATE INDEX procedures_folded_idx ON procedures USING gin (search_folded gin_trgm_ops)
      WITH (fastupdate = off);
    DROP INDEX IF EXISTS procedures_search_idx;
    ANALYZE procedures;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS procedures_search_idx ON procedures
      USING gin (lt_fold(name || ' ' || national_code || ' ' || field) gin_trgm_ops);
    DROP INDEX IF EXISTS procedures_folded_idx;
    ALTER TABLE procedures DROP COLUMN IF EXISTS search_folded;
  `);
}
