import type { Knex } from 'knex';

/** Sync with the national portal: runs, the batches they send, each item's outcome, and what the portal holds. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE sync_runs (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      province     text NOT NULL,
      trigger      text NOT NULL CHECK (trigger IN ('CLI','SCHEDULE')),
      mode         text NOT NULL CHECK (mode IN ('INCREMENTAL','FULL')),
      status       text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING','SUCCEEDED','PARTIAL','FAILED')),
      started_at   timestamptz NOT NULL DEFAULT now(),
      finished_at  timestamptz,
      planned      integer NOT NULL DEFAULT 0,
      accepted     integer NOT NULL DEFAULT 0,
      unchanged    integer NOT NULL DEFAULT 0,
      rejected     integer NOT NULL DEFAULT 0,
      failed       integer NOT NULL DEFAULT 0,
      error        text,
      CHECK ((status = 'RUNNING') = (finished_at IS NULL))
    );
    CREATE INDEX sync_runs_started_idx ON sync_runs (started_at DESC, id DESC);
    CREATE INDEX sync_runs_province_idx ON sync_runs (province, started_at DESC, id DESC);

    -- payload: the exact items sent, so a resend after a crash carries the same body under the same key
    CREATE TABLE sync_batches (
      id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id           bigint NOT NULL REFERENCES sync_runs(id),
      province         text NOT NULL,
      batch_no         integer NOT NULL CHECK (batch_no > 0),
      idempotency_key  text NOT NULL UNIQUE,
      payload          jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'array'),
      status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DONE','FAILED')),
      attempts         integer NOT NULL DEFAULT 0,
      last_error       text,
      created_at       timestamptz NOT NULL DEFAULT now(),
      finished_at      timestamptz
    );
    CREATE INDEX sync_batches_run_idx ON sync_batches (run_id, batch_no);
    CREATE INDEX sync_batches_pending_idx ON sync_batches (province, id) WHERE status = 'PENDING';

    CREATE TABLE sync_items (
      id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id         bigint NOT NULL REFERENCES sync_runs(id),
      batch_id       bigint NOT NULL REFERENCES sync_batches(id),
      position       integer NOT NULL,
      national_code  text NOT NULL,
      content_hash   text NOT NULL,
      revision       integer NOT NULL,
      status         text NOT NULL CHECK (status IN ('ACTIVE','ABOLISHED')),
      change         text NOT NULL CHECK (change IN ('NEW','CHANGED','WITHDRAW','FULL')),
      outcome        text NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING','ACCEPTED','UNCHANGED','REJECTED','FAILED')),
      reason         text,                        -- the portal's rejection reason: CODE or "CODE: detail"
      attempts       integer NOT NULL DEFAULT 0,
      last_error     text,
      UNIQUE (batch_id, position)
    );
    CREATE INDEX sync_items_run_idx ON sync_items (run_id, outcome);

    -- what the portal last acknowledged for each procedure (the baseline of the incremental diff)
    CREATE TABLE portal_state (
      province         text NOT NULL,
      national_code    text NOT NULL,
      content_hash     text,
      revision         integer,
      status           text CHECK (status IN ('ACTIVE','ABOLISHED')),
      acknowledged_at  timestamptz,
      last_error       text,
      last_error_at    timestamptz,
      PRIMARY KEY (province, national_code),
      CHECK ((content_hash IS NULL) = (acknowledged_at IS NULL))
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE IF EXISTS portal_state, sync_items, sync_batches, sync_runs;`);
}
