import type { Knex } from 'knex';

/**
 * Per-installation values the hub generates once (the cursor secret): kept in the hub database so every
 * hub instance sharing it agrees, in embedded and external mode alike.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE hub_settings (
      name        text PRIMARY KEY,
      value       text NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now()
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE IF EXISTS hub_settings;`);
}
