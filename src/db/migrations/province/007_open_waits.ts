import type { Knex } from 'knex';

/**
 * Open waits stop a dossier's clock (timeliness, src/modules/dossiers/dossier-store.ts): the rule asks each
 * open dossier when its open supplement episode or payment wait began. Partial indexes hold open episodes
 * only, so the question is a probe into a small index whatever the size of the history. It is asked
 * through a function declared cheap: written inline, its two subqueries would be costed for every row (the
 * planner cannot tell that the CASE asks only open dossiers), some 250 times the cost of the scan, enough
 * to start JIT compilation on each count. No trigger or denormalised column: bulk loads (the seeder runs
 * with triggers off) need nothing more.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX dossier_supplements_open_idx ON dossier_supplements (dossier_id, requested_at)
      WHERE answered_at IS NULL;
    CREATE INDEX dossier_payment_waits_open_idx ON dossier_payment_waits (dossier_id, requested_at)
      WHERE paid_at IS NULL;

    -- when the dossier's earliest open wait for the applicant began (supplement not answered, payment not
    -- made); null when it waits for nothing
    CREATE FUNCTION lt_open_wait_since(dossier bigint) RETURNS timestamptz
      LANGUAGE sql STABLE PARALLEL SAFE COST 5 AS $$
        SELECT LEAST(
          (SELECT min(w.requested_at) FROM dossier_supplements w
            WHERE w.dossier_id = dossier AND w.answered_at IS NULL),
          (SELECT min(w.requested_at) FROM dossier_payment_waits w
            WHERE w.dossier_id = dossier AND w.paid_at IS NULL))
      $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION IF EXISTS lt_open_wait_since(bigint);
    DROP INDEX IF EXISTS dossier_payment_waits_open_idx;
    DROP INDEX IF EXISTS dossier_supplements_open_idx;
  `);
}
