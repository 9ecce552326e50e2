import type { Knex } from 'knex';

/**
 * Search that respects personal data: callers without `pii:read` match dossier codes only (their own
 * trigram index), so search can no longer confirm an applicant's name letter by letter; callers with it
 * also find a person's dossiers by identity number (an equality lookup).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX dossiers_code_search_idx ON dossiers USING gin (lt_fold(code) gin_trgm_ops);
    CREATE INDEX dossiers_applicant_id_idx ON dossiers (applicant_id_number) WHERE applicant_id_number IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS dossiers_applicant_id_idx, dossiers_code_search_idx;`);
}
