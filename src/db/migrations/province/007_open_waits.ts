import type { Knex } from 'knex';

/**
 * Open waits stop a dossier's clock (timeliness, src/modules/dossiers/dossier-store.ts): the rule asks each
 * open dossier for the start of its open supplement episode or payment wait. These partial indexes hold
 * open episodes only, so that question is a probe into a small index, whatever the size of the history;
 * no trigger or denormalised column, so bulk loads (the seeder runs with triggers off) need nothing more.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX dossier_supplements_open_idx ON dossier_supplements (dossier_id, requested_at)
      WHERE answered_at IS NULL;
    CREATE INDEX dossier_payment_waits_open_idx ON dossier_payment_waits (dossier_id, requested_at)
      WHERE paid_at IS NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS dossier_payment_waits_open_idx;
    DROP INDEX IF EXISTS dossier_supplements_open_idx;
  `);
}
