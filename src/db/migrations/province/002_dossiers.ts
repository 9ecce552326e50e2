import type { Knex } from 'knex';

/** Citizen dossiers (hồ sơ) with their append-only history, supplements and linked documents. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE dossiers (
      id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code                 text NOT NULL UNIQUE,     -- <agency id>-<yyMMdd>-<NNNN>
      procedure_id         bigint NOT NULL REFERENCES procedures(id),
      receiving_unit_id    bigint NOT NULL REFERENCES units(id),
      handling_unit_id     bigint REFERENCES units(id),
      applicant_type       text NOT NULL CHECK (applicant_type IN ('CITIZEN','BUSINESS','STATE_AGENCY','ORGANISATION')),
      applicant_name       text NOT NULL,
      applicant_id_number  text CHECK (applicant_id_number ~ '^\\d{12}$' OR applicant_id_number ~ '^\\d{10,13}$'),
      applicant_phone      text,
      applicant_email      text,
      applicant_address    text,
      channel              text NOT NULL CHECK (channel IN ('DIRECT','ONLINE','POSTAL')),
      status               smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
      submitted_at         timestamptz NOT NULL,
      received_at          timestamptz,
      due_at               timestamptz,
      finished_at          timestamptz,            -- processed (9), stopped (8) or refused (3)
      returned_at          timestamptz,            -- result returned (10)
      supplement_count     smallint NOT NULL DEFAULT 0 CHECK (supplement_count >= 0),
      supplement_seconds   integer NOT NULL DEFAULT 0 CHECK (supplement_seconds >= 0),
      apology_issued       boolean NOT NULL DEFAULT false,
      apology_new_due_at   timestamptz,
      satisfaction         smallint CHECK (satisfaction BETWEEN 1 AND 5),
      digitised            boolean NOT NULL DEFAULT false,
      electronic_result    boolean NOT NULL DEFAULT false,
      paid_online          boolean NOT NULL DEFAULT false,
      vneid_verified       boolean NOT NULL DEFAULT false,
      data_reused          boolean NOT NULL DEFAULT false
    );
    CREATE INDEX dossiers_received_idx ON dossiers ((coalesce(received_at, submitted_at)), id);
    CREATE INDEX dossiers_code_idx ON dossiers (code COLLATE "C", id);
    CREATE INDEX dossiers_due_idx ON dossiers ((coalesce(due_at, 'infinity'::timestamptz)), id);
    CREATE INDEX dossiers_procedure_idx ON dossiers (procedure_id, (coalesce(received_at, submitted_at)), id);
    CREATE INDEX dossiers_receiving_unit_idx ON dossiers (receiving_unit_id, (coalesce(received_at, submitted_at)), id);
    CREATE INDEX dossiers_handling_unit_idx ON dossiers (handling_unit_id);
    CREATE INDEX dossiers_status_idx ON dossiers (status, received_at DESC);
    CREATE INDEX dossiers_finished_idx ON dossiers (finished_at);
    CREATE INDEX dossiers_search_idx ON dossiers USING gin (lt_fold(code || ' ' || applicant_name) gin_trgm_ops);

    -- systems re-code dossiers whose code lacks the province; old codes stay findable
    CREATE TABLE dossier_code_aliases (
      alias       text PRIMARY KEY,
      dossier_id  bigint NOT NULL REFERENCES dossiers(id)
    );
    CREATE INDEX dossier_code_aliases_dossier_idx ON dossier_code_aliases (dossier_id);

    CREATE TABLE dossier_supplements (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dossier_id    bigint NOT NULL REFERENCES dossiers(id),
      requested_at  timestamptz NOT NULL,
      answered_at   timestamptz,
      reason        text
    );
    CREATE INDEX dossier_supplements_dossier_idx ON dossier_supplements (dossier_id);

    CREATE TABLE dossier_events (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dossier_id   bigint NOT NULL REFERENCES dossiers(id),
      occurred_at  timestamptz NOT NULL,
      status       smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
      unit_id      bigint REFERENCES units(id),
      actor        text,
      note         text
    );
    CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, occurred_at, id);
    CREATE INDEX dossier_events_unit_idx ON dossier_events (unit_id);

    -- the history is append-only
    CREATE FUNCTION lt_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'dossier_events is append-only'; END $$;
    CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
      FOR EACH ROW EXECUTE FUNCTION lt_append_only();

    CREATE TABLE dossier_documents (
      dossier_id   bigint NOT NULL REFERENCES dossiers(id),
      document_id  bigint NOT NULL REFERENCES documents(id),
      role         text NOT NULL CHECK (role IN ('COMPONENT','RESULT')),
      PRIMARY KEY (dossier_id, document_id, role)
    );
    CREATE INDEX dossier_documents_document_idx ON dossier_documents (document_id, dossier_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS dossier_documents, dossier_events, dossier_supplements, dossier_code_aliases, dossiers;
    DROP FUNCTION IF EXISTS lt_append_only();
  `);
}
