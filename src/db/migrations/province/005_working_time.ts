import type { Knex } from 'knex';

/**
 * Time as a one-stop office counts it. `calendar_days` holds every day 2019–2027 (the hub fills it from
 * src/calendar, public holidays and the government's yearly swaps included) with a running number of
 * working days, so "n working days after" is one index lookup in SQL. Waiting for the applicant to pay
 * stops the clock like waiting for a supplement does: its episodes and total seconds sit beside the
 * supplement ones.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE calendar_days (
      day               date PRIMARY KEY,
      working           boolean NOT NULL,
      -- working days up to and including this one since the calendar's first day: a working day's number,
      -- or the number of the last working day before a day off
      working_ordinal   integer NOT NULL,
      -- why a day is off (weekend, a holiday's name, a compensatory day) or why a Saturday is worked
      note              text
    );
    CREATE INDEX calendar_days_ordinal_idx ON calendar_days (working_ordinal) WHERE working;

    ALTER TABLE dossiers ADD COLUMN payment_seconds integer NOT NULL DEFAULT 0 CHECK (payment_seconds >= 0);

    -- yêu cầu thực hiện nghĩa vụ tài chính: the dossier waits for the applicant's payment
    CREATE TABLE dossier_payment_waits (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dossier_id    bigint NOT NULL REFERENCES dossiers(id),
      requested_at  timestamptz NOT NULL,
      paid_at       timestamptz,
      amount_vnd    bigint NOT NULL DEFAULT 0 CHECK (amount_vnd >= 0),
      CHECK (paid_at IS NULL OR paid_at >= requested_at)
    );
    CREATE INDEX dossier_payment_waits_dossier_idx ON dossier_payment_waits (dossier_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS dossier_payment_waits;
    ALTER TABLE dossiers DROP COLUMN IF EXISTS payment_seconds;
    DROP TABLE IF EXISTS calendar_days;
  `);
}
