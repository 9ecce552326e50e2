import type { Knex } from 'knex';

/**
 * Service-quality indicators (Decision 766/QĐ-TTg) read aggregates, never raw dossiers: per day, unit,
 * procedure and channel (`indicator_days`), rolled up per month and field (`indicator_months`), histograms
 * of processing time for medians (`indicator_processing_days`, `indicator_processing_months`), and one row
 * per open dossier for the backlog (`indicator_open`). They stay exact as dossiers change:
 *
 * - statement triggers on `dossiers` with transition tables subtract the old rows' facts and add the new
 *   rows' facts in one set-based upsert per table, ordered by key (concurrent writers lock aggregate rows
 *   in the same order, which limits deadlocks), and replace the open dossiers' rows;
 * - statement triggers on `dossier_supplements` and `dossier_payment_waits` recompute `overdue_after` of
 *   the open dossiers whose waits they touched (an open wait stops the clock);
 * - a change of `procedures.field` moves that procedure's month rows from the old field to the new one.
 *   Fee changes (`procedure_channels.fee_vnd`) are not re-applied: the fee judgement of a dossier is made
 *   when its row changes (or at a rebuild);
 * - a change of `calendar_days` (src/db/migrate.ts refills it) rebuilds everything, since processing
 *   minutes count working days.
 *
 * The triggers stay ENABLE (fire in origin mode only): the seeder bulk-loads with
 * session_replication_role = replica, where they do not fire, and calls `lt_indicators_rebuild()` once
 * after its load, far cheaper than maintaining aggregates batch by batch.
 *
 * Facts of a dossier d (r = coalesce(handling_unit_id, receiving_unit_id), the responsible unit;
 * end = coalesce(finished_at, returned_at); waited = the closed waits, supplement + payment seconds):
 * - received (any status): on lt_local_day(received_at), with digitised and data_reused;
 * - resolved (status not 3, 7, 8 and end not null): on lt_local_day(end), judged exactly as `timelinessSql`
 *   (src/modules/dossiers/dossier-store.ts) judges an ended dossier, with processing minutes, electronic
 *   result, fee (a fee on the dossier's procedure and channel), paid online, rating;
 * - not counted (status 3, 7, 8): on lt_local_day(coalesce(finished_at, returned_at, received_at, submitted_at)).
 * Processing minutes are office minutes (07:00–11:30, 13:00–17:00 of working days) from receipt (else
 * submission) to end less waited, rounded to the minute; a tenth (histogram bucket) is 51 of them.
 */

export const MEASURES = [
  'received',
  'digitised',
  'data_reused',
  'resolved',
  'early',
  'on_time',
  'late',
  'processing_minutes',
  'electronic_result',
  'fee_due',
  'paid_online',
  'ratings',
  'rating_sum',
  'good_ratings',
  'not_counted',
] as const;

const measureColumns = MEASURES.map(
  (m) => `${m} ${m === 'processing_minutes' ? 'bigint' : 'int'} NOT NULL DEFAULT 0`,
).join(',\n      ');

/** Local clock minutes (numeric, seconds included) of an instant. */
export const clockMinutes = (ts: string) =>
  `extract(epoch FROM (${ts} AT TIME ZONE INTERVAL '+07:00')::time) / 60`;

/**
 * The office-minute index of an instant at local clock minute `t` given the `calendar_days` row `c` of
 * its local day: the HOUR branch of lt_due_at (migration 006), with seconds. The same text serves
 * lt_office_minutes and the fact query, which joins calendar_days instead of calling the function (a
 * set-based rebuild, no function call per row).
 */
export const officeMinutesOf = (
  t: string,
  c: string,
) => `(CASE WHEN ${c}.working THEN (${c}.working_ordinal - 1) * 510 +
      CASE WHEN ${t} < 420 THEN 0 WHEN ${t} <= 690 THEN ${t} - 420 WHEN ${t} < 780 THEN 270
           WHEN ${t} <= 1020 THEN 270 + ${t} - 780 ELSE 510 END
    ELSE ${c}.working_ordinal * 510 END)`;

export const END = `coalesce(d.finished_at, d.returned_at)`;
// the same expression as WAITED in dossier-store.ts
export const WAITED = `make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)`;
export const START = `coalesce(d.received_at, d.submitted_at)`;

/**
 * One row per fact of each dossier of `src` (a relation of dossier rows with a column `sgn`, +1 to add
 * and -1 to subtract): kind 1 receipt, 2 resolution, 3 not counted, with its day and signed measures.
 */
export const factsSql = (src: string) => `
  SELECT k.day, coalesce(d.handling_unit_id, d.receiving_unit_id) AS unit_id, d.procedure_id, d.channel,
         d.sgn * (k.kind = 1)::int AS received,
         d.sgn * (k.kind = 1 AND d.digitised)::int AS digitised,
         d.sgn * (k.kind = 1 AND d.data_reused)::int AS data_reused,
         d.sgn * (k.kind = 2)::int AS resolved,
         d.sgn * (k.kind = 2 AND f.outcome = 1)::int AS early,
         d.sgn * (k.kind = 2 AND f.outcome = 2)::int AS on_time,
         d.sgn * (k.kind = 2 AND f.outcome = 3)::int AS late,
         d.sgn * CASE WHEN k.kind = 2 THEN f.minutes ELSE 0 END AS processing_minutes,
         d.sgn * (k.kind = 2 AND d.electronic_result)::int AS electronic_result,
         d.sgn * (k.kind = 2 AND fee.procedure_id IS NOT NULL)::int AS fee_due,
         d.sgn * (k.kind = 2 AND fee.procedure_id IS NOT NULL AND d.paid_online)::int AS paid_online,
         d.sgn * (k.kind = 2 AND d.satisfaction IS NOT NULL)::int AS ratings,
         d.sgn * CASE WHEN k.kind = 2 THEN coalesce(d.satisfaction, 0) ELSE 0 END AS rating_sum,
         d.sgn * (k.kind = 2 AND coalesce(d.satisfaction, 0) >= 4)::int AS good_ratings,
         d.sgn * (k.kind = 3)::int AS not_counted,
         CASE WHEN k.kind = 2 THEN round(f.minutes / 51.0)::int END AS tenths,
         d.sgn
    FROM ${src} d
    LEFT JOIN (SELECT DISTINCT procedure_id, channel FROM procedure_channels WHERE fee_vnd > 0) fee
      ON fee.procedure_id = d.procedure_id AND fee.channel = d.channel
    CROSS JOIN LATERAL (SELECT ${END} - ${WAITED} AS stop, ${START} AS start) w
    CROSS JOIN LATERAL (SELECT ${clockMinutes('w.stop')} AS stop, ${clockMinutes('w.start')} AS start) t
    LEFT JOIN calendar_days ce ON ce.day = lt_local_day(w.stop)
    LEFT JOIN calendar_days cs ON cs.day = lt_local_day(w.start)
    CROSS JOIN LATERAL (SELECT
      d.status IN (3, 7, 8) AS nc,
      NOT d.status IN (3, 7, 8) AND ${END} IS NOT NULL AS resolved,
      -- 1 early, 2 on time, 3 late: the ended branch of timelinessSql, case by case
      CASE WHEN d.supplement_count >= 2 THEN 3
           WHEN d.due_at IS NULL THEN 2
           WHEN ${END} - ${WAITED} > d.due_at THEN 3
           WHEN (${END} - ${WAITED}) AT TIME ZONE INTERVAL '+07:00'
                < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 1
           ELSE 2 END AS outcome,
      -- outside calendar_days (2019–2035) no working day is known: 0 minutes
      coalesce(round(greatest(0, ${officeMinutesOf('t.stop', 'ce')} - ${officeMinutesOf('t.start', 'cs')}))::bigint, 0)
        AS minutes) f
    CROSS JOIN LATERAL (VALUES
      (1, lt_local_day(d.received_at)),
      (2, CASE WHEN f.resolved THEN lt_local_day(${END}) END),
      (3, CASE WHEN f.nc THEN lt_local_day(coalesce(d.finished_at, d.returned_at, d.received_at, d.submitted_at)) END)
    ) k(kind, day)
   WHERE k.day IS NOT NULL`;

export const sums = (from: string) => MEASURES.map((m) => `sum(${from}.${m}) AS ${m}`).join(', ');
export const nonZero = (from: string) => MEASURES.map((m) => `sum(${from}.${m}) <> 0`).join(' OR ');
export const addExcluded = (table: string) =>
  MEASURES.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ');
export const list = MEASURES.join(', ');

/**
 * One statement applying the facts of `src` to the four aggregate tables: groups whose every measure
 * nets to zero (an update that changes nothing counted) write nothing. Month rows take the procedure's
 * field as it is now.
 */
const applySql = (src: string) => `
  WITH fact AS MATERIALIZED (${factsSql(src)}),
  dd AS MATERIALIZED (
    SELECT x.day, x.unit_id, x.procedure_id, x.channel, ${sums('x')}
      FROM fact x GROUP BY 1, 2, 3, 4 HAVING ${nonZero('x')}),
  pd AS MATERIALIZED (
    SELECT x.day, x.unit_id, x.procedure_id, x.channel, x.tenths, sum(x.sgn)::int AS dossiers
      FROM fact x WHERE x.tenths IS NOT NULL GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.sgn) <> 0),
  i_days AS (
    INSERT INTO indicator_days AS t (day, unit_id, procedure_id, channel, ${list})
    SELECT * FROM dd ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, unit_id, procedure_id, channel) DO UPDATE SET ${addExcluded('t')}),
  i_months AS (
    INSERT INTO indicator_months AS t (month, unit_id, field, channel, ${list})
    SELECT date_trunc('month', x.day)::date, x.unit_id, p.field, x.channel, ${sums('x')}
      FROM dd x JOIN procedures p ON p.id = x.procedure_id
     GROUP BY 1, 2, 3, 4 HAVING ${nonZero('x')} ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, unit_id, field, channel) DO UPDATE SET ${addExcluded('t')}),
  i_pdays AS (
    INSERT INTO indicator_processing_days AS t (day, unit_id, procedure_id, channel, tenths, dossiers)
    SELECT * FROM pd ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, unit_id, procedure_id, channel, tenths) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers)
  INSERT INTO indicator_processing_months AS t (month, unit_id, field, channel, tenths, dossiers)
  SELECT date_trunc('month', x.day)::date, x.unit_id, p.field, x.channel, x.tenths, sum(x.dossiers)
    FROM pd x JOIN procedures p ON p.id = x.procedure_id
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.dossiers) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (month, unit_id, field, channel, tenths) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers`;

/**
 * When an open dossier d becomes overdue: NULL when it has no due time or an open wait began at or before
 * X = due_at + waited (its clock stopped in time); else X.
 *
 * Proof that `overdue_after < now` ⇔ timelinessSql's OVERDUE, i.e. `LEAST(now, ws) > X` with ws =
 * lt_open_wait_since(d.id) (LEAST ignores NULL):
 * - due_at NULL: timelinessSql says PENDING; overdue_after is NULL and `NULL < now` is not true;
 * - ws NULL: LEAST(now, ws) = now, so OVERDUE ⇔ now > X ⇔ X < now, and overdue_after = X;
 * - ws <= X: LEAST(now, ws) <= ws <= X, never OVERDUE; overdue_after is NULL;
 * - ws > X: LEAST(now, ws) > X ⇔ now > X (ws > X holds), and overdue_after = X.
 */
export const OVERDUE_AFTER = `(SELECT CASE WHEN q.ws IS NOT NULL AND q.ws <= q.x THEN NULL ELSE q.x END
     FROM (SELECT d.due_at + ${WAITED} AS x, lt_open_wait_since(d.id) AS ws) q)`;
export const overdueAfter = `CASE WHEN d.due_at IS NULL THEN NULL ELSE ${OVERDUE_AFTER} END`;

/** Rows of indicator_open for the open dossiers of `src`. */
export const openRowsSql = (src: string) => `
  INSERT INTO indicator_open (dossier_id, unit_id, procedure_id, channel, arrived_on, overdue_after)
  SELECT d.id, coalesce(d.handling_unit_id, d.receiving_unit_id), d.procedure_id, d.channel,
         lt_local_day(${START}), ${overdueAfter}
    FROM ${src} d
   WHERE NOT d.status IN (3, 7, 8) AND ${END} IS NULL
   ORDER BY d.id`;

export const OLD = `(SELECT o.*, -1 AS sgn FROM old_rows o)`;
export const NEW = `(SELECT n.*, 1 AS sgn FROM new_rows n)`;

/**
 * Month rows read procedures.field: lock the procedures of the changed dossiers (key order) so a
 * concurrent change of a field waits for this transaction, or this statement for it, and the field read
 * next (a new snapshot in READ COMMITTED) is the one the field trigger moved.
 */
export const lockProcedures = (ids: string) =>
  `PERFORM 1 FROM procedures p WHERE p.id IN (${ids}) ORDER BY p.id FOR SHARE;`;

export type Op = 'insert' | 'update' | 'delete';
const transitions = (op: Op) =>
  op === 'insert'
    ? 'NEW TABLE AS new_rows'
    : op === 'delete'
      ? 'OLD TABLE AS old_rows'
      : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';

const dossierTrigger = (op: Op) => {
  const src =
    op === 'insert' ? NEW : op === 'delete' ? OLD : `(${NEW.slice(1, -1)} UNION ALL ${OLD.slice(1, -1)})`;
  const ids =
    op === 'insert'
      ? 'SELECT procedure_id FROM new_rows'
      : op === 'delete'
        ? 'SELECT procedure_id FROM old_rows'
        : 'SELECT procedure_id FROM new_rows UNION SELECT procedure_id FROM old_rows';
  return `
    CREATE FUNCTION lt_indicators_dossiers_${op}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${lockProcedures(ids)}
      ${applySql(src)};
      ${op === 'insert' ? '' : 'DELETE FROM indicator_open WHERE dossier_id IN (SELECT id FROM old_rows);'}
      ${op === 'delete' ? '' : `${openRowsSql('new_rows')};`}
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER dossiers_indicators_${op} AFTER ${op.toUpperCase()} ON dossiers
      REFERENCING ${transitions(op)}
      FOR EACH STATEMENT EXECUTE FUNCTION lt_indicators_dossiers_${op}();`;
};

/**
 * Waits opening or closing move overdue_after. The dossiers are locked first (key order): a concurrent
 * update of one of them (its due time, its closed waits) then runs wholly before or after this, and the
 * recomputation reads its committed row.
 */
const waitIds = (op: Op) =>
  op === 'insert'
    ? 'SELECT dossier_id FROM new_rows'
    : op === 'delete'
      ? 'SELECT dossier_id FROM old_rows'
      : 'SELECT dossier_id FROM new_rows UNION SELECT dossier_id FROM old_rows';

const waitFunction = (op: Op) => `
    CREATE FUNCTION lt_indicators_waits_${op}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM 1 FROM dossiers d WHERE d.id IN (${waitIds(op)}) ORDER BY d.id FOR NO KEY UPDATE;
      UPDATE indicator_open o SET overdue_after = x.v
        FROM (SELECT d.id, ${overdueAfter} AS v FROM dossiers d WHERE d.id IN (${waitIds(op)})) x
       WHERE o.dossier_id = x.id AND o.overdue_after IS DISTINCT FROM x.v;
      RETURN NULL;
    END $fn$;`;

const waitTrigger = (table: string, op: Op) => `
    CREATE TRIGGER ${table}_indicators_${op} AFTER ${op.toUpperCase()} ON ${table}
      REFERENCING ${transitions(op)}
      FOR EACH STATEMENT EXECUTE FUNCTION lt_indicators_waits_${op}();`;

/** The five tables from dossiers, set-based. */
const REBUILD = `
  CREATE FUNCTION lt_indicators_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    -- no writer may change dossiers between the truncation and the recount
    LOCK TABLE dossiers IN SHARE MODE;
    TRUNCATE indicator_days, indicator_months, indicator_processing_days, indicator_processing_months, indicator_open;
    ${applySql('(SELECT d.*, 1 AS sgn FROM dossiers d)')};
    ${openRowsSql('dossiers')};
  END $fn$;`;

/**
 * A procedure's new field: its contributions (read from indicator_days and indicator_processing_days,
 * exact) leave the old field's month rows and join the new field's.
 */
const MOVED = `moved AS (
      SELECT o.id, o.field, -1 AS sgn FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.field <> o.field
      UNION ALL
      SELECT n.id, n.field, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.field <> o.field)`;
const FIELD_TRIGGER = `
  CREATE FUNCTION lt_indicators_procedures_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.field <> o.field) THEN
      RETURN NULL;
    END IF;
    WITH ${MOVED}
    INSERT INTO indicator_months AS t (month, unit_id, field, channel, ${list})
    SELECT date_trunc('month', x.day)::date, x.unit_id, m.field, x.channel,
           ${MEASURES.map((c) => `sum(m.sgn * x.${c})`).join(', ')}
      FROM indicator_days x JOIN moved m ON m.id = x.procedure_id
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, unit_id, field, channel) DO UPDATE SET ${addExcluded('t')};
    WITH ${MOVED}
    INSERT INTO indicator_processing_months AS t (month, unit_id, field, channel, tenths, dossiers)
    SELECT date_trunc('month', x.day)::date, x.unit_id, m.field, x.channel, x.tenths, sum(m.sgn * x.dossiers)
      FROM indicator_processing_days x JOIN moved m ON m.id = x.procedure_id
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (month, unit_id, field, channel, tenths) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers;
    RETURN NULL;
  END $fn$;
  CREATE TRIGGER procedures_indicators_update AFTER UPDATE ON procedures
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lt_indicators_procedures_update();`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- the office-minute index of an instant: (working days before its day) × 510 + office minutes into
    -- its day, clamped to 07:00–11:30 = 0–270, 13:00–17:00 = 270–510; a day off counts as the end of the
    -- working day before it. Differences are office time between two instants.
    CREATE FUNCTION lt_office_minutes(ts timestamptz) RETURNS numeric
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT ${officeMinutesOf('x.t', 'c')}
          FROM (SELECT ${clockMinutes('ts')} AS t) x JOIN calendar_days c ON c.day = lt_local_day(ts) $$;

    CREATE TABLE indicator_days (
      day date NOT NULL, unit_id bigint NOT NULL, procedure_id bigint NOT NULL, channel text NOT NULL,
      ${measureColumns},
      PRIMARY KEY (day, unit_id, procedure_id, channel)
    );
    CREATE TABLE indicator_months (
      month date NOT NULL, unit_id bigint NOT NULL, field text NOT NULL, channel text NOT NULL,
      ${measureColumns},
      PRIMARY KEY (month, unit_id, field, channel)
    );
    -- resolved dossiers by processing time in tenths of a working day (51 office minutes): medians
    CREATE TABLE indicator_processing_days (
      day date NOT NULL, unit_id bigint NOT NULL, procedure_id bigint NOT NULL, channel text NOT NULL,
      tenths int NOT NULL, dossiers int NOT NULL DEFAULT 0,
      PRIMARY KEY (day, unit_id, procedure_id, channel, tenths)
    );
    CREATE TABLE indicator_processing_months (
      month date NOT NULL, unit_id bigint NOT NULL, field text NOT NULL, channel text NOT NULL,
      tenths int NOT NULL, dossiers int NOT NULL DEFAULT 0,
      PRIMARY KEY (month, unit_id, field, channel, tenths)
    );
    -- the backlog: one row per open dossier; overdue at instant now iff overdue_after < now
    CREATE TABLE indicator_open (
      dossier_id bigint PRIMARY KEY,
      unit_id bigint NOT NULL,
      procedure_id bigint NOT NULL,
      channel text NOT NULL,
      arrived_on date NOT NULL,
      overdue_after timestamptz
    );
    CREATE INDEX indicator_open_arrived_idx ON indicator_open (arrived_on);
    CREATE INDEX indicator_open_unit_idx ON indicator_open (unit_id);

    ${REBUILD}
    ${dossierTrigger('insert')}
    ${dossierTrigger('update')}
    ${dossierTrigger('delete')}
    ${waitFunction('insert')}
    ${waitFunction('update')}
    ${waitFunction('delete')}
    ${waitTrigger('dossier_supplements', 'insert')}
    ${waitTrigger('dossier_supplements', 'update')}
    ${waitTrigger('dossier_supplements', 'delete')}
    ${waitTrigger('dossier_payment_waits', 'insert')}
    ${waitTrigger('dossier_payment_waits', 'update')}
    ${waitTrigger('dossier_payment_waits', 'delete')}
    ${FIELD_TRIGGER}
  `);
  // a database with dossiers (installed, bench data) starts exact
  await knex.raw(`SET LOCAL statement_timeout = 0`);
  await knex.raw(`SELECT lt_indicators_rebuild()`);
}

export async function down(knex: Knex): Promise<void> {
  const triggers = [
    ['dossiers', 'dossiers_indicators'],
    ['dossier_supplements', 'dossier_supplements_indicators'],
    ['dossier_payment_waits', 'dossier_payment_waits_indicators'],
  ].flatMap(([table, prefix]) =>
    ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER IF EXISTS ${prefix}_${op} ON ${table};`),
  );
  await knex.raw(`
    ${triggers.join('\n')}
    DROP TRIGGER IF EXISTS procedures_indicators_update ON procedures;
    DROP FUNCTION IF EXISTS lt_indicators_procedures_update(), lt_indicators_waits_insert(), lt_indicators_waits_update(),
      lt_indicators_waits_delete(), lt_indicators_dossiers_insert(), lt_indicators_dossiers_update(),
      lt_indicators_dossiers_delete(), lt_indicators_rebuild(), lt_office_minutes(timestamptz);
    DROP TABLE IF EXISTS indicator_open, indicator_processing_months, indicator_processing_days, indicator_months,
      indicator_days;
  `);
}
