import type { Knex } from 'knex';

/** Units, documents and procedures: the province's catalogue (canonical provincial schema). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- unaccent() is only STABLE; an immutable wrapper with an explicit dictionary can back indexes.
    -- đ/Đ are not decomposable, so they are mapped explicitly before unaccent.
    CREATE OR REPLACE FUNCTION lt_fold(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate(t, 'đĐ', 'dD'))) $$;

    CREATE TABLE units (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code          text NOT NULL UNIQUE,            -- agency electronic identifier (QCVN 102), e.g. 000.00.12.H41
      name          text NOT NULL,
      short_name    text,
      kind          text NOT NULL CHECK (kind IN ('PEOPLES_COMMITTEE','DEPARTMENT','SECTOR_AGENCY','DISTRICT','COMMUNE','DIVISION','CENTRE')),
      level         text NOT NULL CHECK (level IN ('PROVINCE','DISTRICT','COMMUNE')),
      parent_id     bigint REFERENCES units(id),
      valid_from    date NOT NULL DEFAULT DATE '2000-01-01',
      valid_to      date,
      address       text,
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX units_parent_idx ON units (parent_id, name COLLATE "C", id);
    CREATE INDEX units_level_idx ON units (level, kind);
    CREATE INDEX units_name_idx ON units (name COLLATE "C", id);
    CREATE INDEX units_code_idx ON units (code COLLATE "C", id);
    CREATE INDEX units_search_idx ON units USING gin (lt_fold(name || ' ' || code) gin_trgm_ops);

    -- several code systems coexist (statistics, tax, civil registry), each with validity dates
    CREATE TABLE unit_admin_codes (
      unit_id     bigint NOT NULL REFERENCES units(id),
      system      text NOT NULL CHECK (system IN ('GSO','TAX','CIVIL_REGISTRY')),
      code        text NOT NULL,
      valid_from  date NOT NULL DEFAULT DATE '2004-01-01',
      valid_to    date,
      PRIMARY KEY (unit_id, system, valid_from)
    );
    CREATE INDEX unit_admin_codes_code_idx ON unit_admin_codes (system, code);

    CREATE TABLE documents (
      id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      number_symbol    text NOT NULL,                 -- e.g. 1271/QĐ-UBND, 76/NQ-CP, 5849/UBND-NCKSTT
      number           integer NOT NULL CHECK (number > 0),
      year             integer,                       -- legal normative texts carry the year: 20/2020/QĐ-TTg
      type_code        text,                          -- NQ, QĐ, CT, KH, TB, …; NULL for a công văn
      type             text NOT NULL CHECK (type IN ('RESOLUTION','DECISION','DIRECTIVE','PLAN','NOTICE','REPORT','SUBMISSION','GUIDANCE','PROGRAMME','REGULATION','OFFICIAL_LETTER','LAW','DECREE','CIRCULAR')),
      issuer_symbol    text NOT NULL,                 -- CP, TTg, UBND, …
      drafting_unit    text,                          -- công văn: NCKSTT in 5849/UBND-NCKSTT
      issuer_unit_id   bigint REFERENCES units(id),
      issuer_name      text NOT NULL,
      place            text NOT NULL,
      issued_on        date NOT NULL,
      summary          text NOT NULL CHECK (length(summary) <= 500),
      signer_name      text,
      signer_position  text,
      signer_authority text,
      urgency          text CHECK (urgency IN ('KHAN','THUONG_KHAN','HOA_TOC')),
      confidentiality  text CHECK (confidentiality IN ('MAT','TOI_MAT','TUYET_MAT')),
      direction        text NOT NULL DEFAULT 'INCOMING' CHECK (direction IN ('INCOMING','OUTGOING','INTERNAL')),
      UNIQUE (number_symbol, issued_on)
    );
    CREATE INDEX documents_number_symbol_idx ON documents (number_symbol COLLATE "C", id);
    CREATE INDEX documents_issued_idx ON documents (issued_on, id);
    CREATE INDEX documents_type_idx ON documents (type, issued_on);
    CREATE INDEX documents_issuer_unit_idx ON documents (issuer_unit_id);
    CREATE INDEX documents_issuer_symbol_idx ON documents (issuer_symbol);
    CREATE INDEX documents_search_idx ON documents USING gin (lt_fold(number_symbol || ' ' || summary) gin_trgm_ops);

    CREATE TABLE document_attachments (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      document_id  bigint NOT NULL REFERENCES documents(id),
      name         text NOT NULL,
      media_type   text NOT NULL,
      size_bytes   bigint NOT NULL CHECK (size_bytes >= 0),
      sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$')
    );
    CREATE INDEX document_attachments_document_idx ON document_attachments (document_id, id);

    CREATE TABLE procedures (
      id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      national_code   text NOT NULL UNIQUE CHECK (national_code ~ '^\\d\\.\\d{6}$'),
      name            text NOT NULL,
      field           text NOT NULL,                  -- lĩnh vực: Hộ tịch, Chứng thực, Đất đai, …
      level           text NOT NULL CHECK (level IN ('PROVINCE','DISTRICT','COMMUNE')),
      online_service  text NOT NULL CHECK (online_service IN ('FULL','PARTIAL','NONE')),
      applicants      text NOT NULL,                  -- đối tượng thực hiện
      result          text NOT NULL,                  -- kết quả thực hiện
      cases           text[] NOT NULL DEFAULT '{}',   -- trường hợp
      status          text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','ABOLISHED')),
      revision        integer NOT NULL DEFAULT 1 CHECK (revision > 0),
      updated_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX procedures_field_idx ON procedures (lt_fold(field));
    CREATE INDEX procedures_name_idx ON procedures (name COLLATE "C", id);
    CREATE INDEX procedures_code_idx ON procedures (national_code COLLATE "C", id);
    CREATE INDEX procedures_filter_idx ON procedures (status, level, online_service);
    CREATE INDEX procedures_updated_idx ON procedures (updated_at, id);
    CREATE INDEX procedures_search_idx ON procedures USING gin (lt_fold(name || ' ' || national_code || ' ' || field) gin_trgm_ops);

    -- processing time and fee per channel and case
    CREATE TABLE procedure_channels (
      procedure_id     bigint NOT NULL REFERENCES procedures(id),
      channel          text NOT NULL CHECK (channel IN ('DIRECT','ONLINE','POSTAL')),
      case_name        text NOT NULL DEFAULT '',
      processing_time  numeric(6,1) NOT NULL CHECK (processing_time >= 0),
      time_unit        text NOT NULL CHECK (time_unit IN ('WORKING_DAY','DAY','HOUR')),
      fee_vnd          bigint NOT NULL DEFAULT 0 CHECK (fee_vnd >= 0),
      fee_note         text,
      PRIMARY KEY (procedure_id, channel, case_name)
    );

    -- thành phần hồ sơ
    CREATE TABLE procedure_requirements (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      procedure_id  bigint NOT NULL REFERENCES procedures(id),
      case_name     text NOT NULL DEFAULT '',
      position      integer NOT NULL,
      name          text NOT NULL,
      form          text,
      originals     integer NOT NULL DEFAULT 1 CHECK (originals >= 0),
      copies        integer NOT NULL DEFAULT 0 CHECK (copies >= 0),
      UNIQUE (procedure_id, case_name, position)
    );

    -- cơ quan thực hiện
    CREATE TABLE procedure_units (
      procedure_id  bigint NOT NULL REFERENCES procedures(id),
      unit_id       bigint NOT NULL REFERENCES units(id),
      role          text NOT NULL DEFAULT 'IMPLEMENTING' CHECK (role IN ('IMPLEMENTING','DECIDING','COORDINATING')),
      PRIMARY KEY (procedure_id, unit_id, role)
    );
    CREATE INDEX procedure_units_unit_idx ON procedure_units (unit_id, procedure_id);

    CREATE TABLE procedure_documents (
      procedure_id  bigint NOT NULL REFERENCES procedures(id),
      document_id   bigint NOT NULL REFERENCES documents(id),
      role          text NOT NULL CHECK (role IN ('LEGAL_BASIS','PUBLISHING_DECISION')),
      PRIMARY KEY (procedure_id, document_id, role)
    );
    CREATE INDEX procedure_documents_document_idx ON procedure_documents (document_id, procedure_id);

    -- lineage across reorganisations (Resolution 202/2025/QH15): abolished units are never deleted
    CREATE TABLE unit_lineage (
      predecessor_id  bigint NOT NULL REFERENCES units(id),
      successor_id    bigint NOT NULL REFERENCES units(id),
      kind            text NOT NULL CHECK (kind IN ('MERGED_INTO','SPLIT_INTO','RENAMED_TO')),
      effective_on    date NOT NULL,
      document_id     bigint REFERENCES documents(id),
      PRIMARY KEY (predecessor_id, successor_id)
    );
    CREATE INDEX unit_lineage_successor_idx ON unit_lineage (successor_id);
    CREATE INDEX unit_lineage_document_idx ON unit_lineage (document_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS unit_lineage, procedure_documents, procedure_units, procedure_requirements,
      procedure_channels, procedures, document_attachments, documents, unit_admin_codes, units;
    DROP FUNCTION IF EXISTS lt_fold(text);
  `);
}
