import type { Knex } from 'knex';
import {
  addExcluded,
  factsSql,
  list,
  lockProcedures,
  NEW,
  nonZero,
  OLD,
  openRowsSql,
  MEASURES,
  overdueAfter,
  sums,
  type Op,
} from './009_indicators.ts';

/**
 * Smaller aggregates for the indicator statements that read the most rows at provincial scale (a year by
 * unit at 10M dossiers read 1.3M histogram rows and 1.6M daily rows, over 3 s):
 *
 * - `indicator_unit_months`: every measure per month × unit (received online as a column), for the sums
 *   when the query neither groups nor filters by field, channel or procedure;
 * - `indicator_processing_buckets` and `indicator_processing_units`: the processing-time histogram per
 *   month × unit (no field, no channel) in coarse buckets and in tenths, for medians when the query
 *   neither groups nor filters by field or channel: the coarse counts find each group's median bucket,
 *   and only that bucket's tenths are read;
 * - `indicator_procedure_months`: dossiers received per month × unit × procedure × channel, for the
 *   distinct procedures of a group (procedures, fullOnlineShare, partialOnlineShare) over whole months;
 * - `indicator_procedure_presence`: per unit × procedure, a bit per month in which dossiers were received,
 *   so the distinct procedures of a period without month or channel read one row per pair;
 * - `indicator_open_months`: open dossiers per arrival month × unit × channel × the local day they turn
 *   overdue, for the backlog over whole months; the dossiers turning overdue on the request's own day are
 *   read from `indicator_open` (exact at the request's clock).
 *
 * They are kept exact by the same statement triggers as migration 009's tables: 011 replaces the trigger
 * functions and `lt_indicators_rebuild()` with versions that also write the new tables (`down` restores
 * 009's, generated from the same text with the new tables left out). Up fills the new tables from 009's
 * aggregates (exact already), not from the dossiers: seconds instead of minutes at 10M dossiers.
 *
 * The facts, the open rows and the statement pieces are migration 009's own (imported): both migrations
 * are frozen once applied, so 011's down rebuilds exactly the functions 009 installed.
 */

type Version = 9 | 11;

/** Months since 2000-01 a presence mask covers (bit 0, the leftmost, is January 2000): up to December 2049. */
export const PRESENCE_MONTHS = 600;
const NO_MONTHS = `B'0'::bit(${PRESENCE_MONTHS})`;

/**
 * 011's additions to the apply statement: the slim histogram from `pd`, the procedures received per month
 * from `dd` (before 009's last INSERT, which ends the statement).
 */
const APPLY_011 = `
  i_units AS (
    INSERT INTO indicator_unit_months AS t (month, unit_id, ${list}, received_online)
    SELECT date_trunc('month', x.day)::date, x.unit_id, ${sums('x')},
           coalesce(sum(x.received) FILTER (WHERE x.channel = 'ONLINE'), 0)
      FROM dd x GROUP BY 1, 2
    -- a change of channel nets to zero in every measure but received online
    HAVING ${nonZero('x')} OR sum(x.received) FILTER (WHERE x.channel = 'ONLINE') <> 0 ORDER BY 1, 2
    ON CONFLICT (month, unit_id) DO UPDATE SET ${addExcluded('t')}, received_online = t.received_online + excluded.received_online),
  i_pbuckets AS (
    INSERT INTO indicator_processing_buckets AS t (month, unit_id, bucket, dossiers)
    SELECT date_trunc('month', x.day)::date, x.unit_id, lt_tenths_bucket(x.tenths), sum(x.dossiers)
      FROM pd x GROUP BY 1, 2, 3 HAVING sum(x.dossiers) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (month, unit_id, bucket) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers),
  i_punits AS (
    INSERT INTO indicator_processing_units AS t (unit_id, bucket, month, tenths, dossiers)
    SELECT x.unit_id, lt_tenths_bucket(x.tenths), date_trunc('month', x.day)::date, x.tenths, sum(x.dossiers)
      FROM pd x GROUP BY 1, 2, 3, 4 HAVING sum(x.dossiers) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (unit_id, bucket, month, tenths) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers),
  i_procs AS (
    INSERT INTO indicator_procedure_months AS t (month, unit_id, procedure_id, channel, received)
    SELECT date_trunc('month', x.day)::date, x.unit_id, x.procedure_id, x.channel, sum(x.received)
      FROM dd x GROUP BY 1, 2, 3, 4 HAVING sum(x.received) <> 0 ORDER BY 2, 3, 1, 4
    ON CONFLICT (unit_id, procedure_id, month, channel) DO UPDATE SET received = t.received + excluded.received),`;

/** Migration 009's apply statement; version 11 also writes the month × unit histogram and procedures. */
const applySql = (src: string, v: Version) => `
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
    ON CONFLICT (month, unit_id, field, channel) DO UPDATE SET ${addExcluded('t')}),${v === 11 ? APPLY_011 : ''}
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
 * The local day an open row turns overdue: overdue_after's local day, 'infinity' when it never does (a
 * key column cannot be null). Overdue at instant now ⇔ overdue_after < now: every row of a day before
 * now's local day is, none of a later day is, and now's own day is decided row by row (indicator_open).
 */
const DUE_DAY = `coalesce(lt_local_day(o.overdue_after), 'infinity'::date)`;

/**
 * Signed changes of indicator_open, applied to indicator_open_months in key order. `delta` has the
 * indicator_open rows removed (sgn -1) and added (sgn +1).
 */
const openMonthsApply = (delta: string) => `
  INSERT INTO indicator_open_months AS t (month, unit_id, channel, due_day, dossiers)
  SELECT date_trunc('month', o.arrived_on)::date, o.unit_id, o.channel, ${DUE_DAY}, sum(o.sgn)::int
    FROM ${delta} o GROUP BY 1, 2, 3, 4 HAVING sum(o.sgn) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (month, unit_id, channel, due_day) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers`;

/** The (unit, procedure) pairs of the received dossiers a statement changed. */
const changedPairs = (op: Op) =>
  [op === 'delete' ? null : 'new_rows', op === 'insert' ? null : 'old_rows']
    .filter((t) => t !== null)
    .map(
      (t) => `SELECT coalesce(r.handling_unit_id, r.receiving_unit_id) AS unit_id, r.procedure_id
                FROM ${t} r WHERE r.received_at IS NOT NULL`,
    )
    .join(' UNION ');

/**
 * indicator_procedure_presence of the changed pairs, recomputed from indicator_procedure_months (written by
 * the statement before, so a new statement sees it). Each pair's row exists first and is locked (key
 * order) before the recount: a concurrent writer of the same pair waits here until this transaction ends,
 * then recounts in a new snapshot that holds this one's months (else the later recount would overwrite the
 * earlier one's bits from a snapshot without them).
 */
const presenceSql = (op: Op) => `
      INSERT INTO indicator_procedure_presence (unit_id, procedure_id, months)
      SELECT c.unit_id, c.procedure_id, ${NO_MONTHS} FROM (${changedPairs(op)}) c ORDER BY 1, 2
      ON CONFLICT (unit_id, procedure_id) DO NOTHING;
      PERFORM 1 FROM indicator_procedure_presence s
        WHERE (s.unit_id, s.procedure_id) IN (${changedPairs(op)}) ORDER BY s.unit_id, s.procedure_id FOR UPDATE;
      UPDATE indicator_procedure_presence s SET months = x.months
        FROM (SELECT c.unit_id, c.procedure_id,
                     coalesce((SELECT bit_or(lt_month_bit(m.month)) FROM indicator_procedure_months m
                                WHERE m.unit_id = c.unit_id AND m.procedure_id = c.procedure_id AND m.received > 0),
                              ${NO_MONTHS}) AS months
                FROM (${changedPairs(op)}) c) x
       WHERE s.unit_id = x.unit_id AND s.procedure_id = x.procedure_id AND s.months <> x.months;`;

/** Every pair's months from indicator_procedure_months (rebuild, up). */
const FILL_PRESENCE = `INSERT INTO indicator_procedure_presence (unit_id, procedure_id, months)
    SELECT unit_id, procedure_id, bit_or(lt_month_bit(month)) FROM indicator_procedure_months
     WHERE received > 0 GROUP BY 1, 2`;

/**
 * The dossier trigger functions. 009 deletes the old rows' indicator_open rows and inserts the new rows';
 * 011 does the same through data-modifying CTEs whose RETURNING feeds indicator_open_months.
 */
const dossierFunction = (op: Op, v: Version) => {
  const src =
    op === 'insert' ? NEW : op === 'delete' ? OLD : `(${NEW.slice(1, -1)} UNION ALL ${OLD.slice(1, -1)})`;
  const ids =
    op === 'insert'
      ? 'SELECT procedure_id FROM new_rows'
      : op === 'delete'
        ? 'SELECT procedure_id FROM old_rows'
        : 'SELECT procedure_id FROM new_rows UNION SELECT procedure_id FROM old_rows';
  let open: string;
  if (v === 9) {
    open = `${op === 'insert' ? '' : 'DELETE FROM indicator_open WHERE dossier_id IN (SELECT id FROM old_rows);'}
      ${op === 'delete' ? '' : `${openRowsSql('new_rows')};`}`;
  } else {
    // two statements: a DELETE and an INSERT of the same key in one statement could run in either order
    const steps: string[] = [];
    if (op !== 'insert')
      steps.push(`WITH gone AS (DELETE FROM indicator_open WHERE dossier_id IN (SELECT id FROM old_rows) RETURNING *)
      ${openMonthsApply('(SELECT g.*, -1 AS sgn FROM gone g)')};`);
    if (op !== 'delete')
      steps.push(`WITH came AS (${openRowsSql('new_rows')} RETURNING *)
      ${openMonthsApply('(SELECT c.*, 1 AS sgn FROM came c)')};`);
    open = steps.join('\n      ');
  }
  return `
    CREATE OR REPLACE FUNCTION lt_indicators_dossiers_${op}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${lockProcedures(ids)}
      ${applySql(src, v)};
      ${v === 11 ? presenceSql(op) : ''}
      ${open}
      RETURN NULL;
    END $fn$;`;
};

const waitIds = (op: Op) =>
  op === 'insert'
    ? 'SELECT dossier_id FROM new_rows'
    : op === 'delete'
      ? 'SELECT dossier_id FROM old_rows'
      : 'SELECT dossier_id FROM new_rows UNION SELECT dossier_id FROM old_rows';

/**
 * Waits move overdue_after (009). 011 moves the changed rows between due days of indicator_open_months
 * too: the UPDATE returns the new value, the join the old one (the statement's snapshot).
 */
const waitFunction = (op: Op, v: Version) => {
  const update = `UPDATE indicator_open o SET overdue_after = x.v
        FROM (SELECT d.id, ${overdueAfter} AS v FROM dossiers d WHERE d.id IN (${waitIds(op)})) x
       WHERE o.dossier_id = x.id AND o.overdue_after IS DISTINCT FROM x.v`;
  const body =
    v === 9
      ? `${update};`
      : `WITH was AS MATERIALIZED (SELECT o.* FROM indicator_open o WHERE o.dossier_id IN (${waitIds(op)})),
      moved AS (${update} RETURNING o.*)
      ${openMonthsApply(`(SELECT w.*, -1 AS sgn FROM was w JOIN moved m ON m.dossier_id = w.dossier_id
                          UNION ALL SELECT m.*, 1 FROM moved m)`)};`;
  return `
    CREATE OR REPLACE FUNCTION lt_indicators_waits_${op}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM 1 FROM dossiers d WHERE d.id IN (${waitIds(op)}) ORDER BY d.id FOR NO KEY UPDATE;
      ${body}
      RETURN NULL;
    END $fn$;`;
};

/** The tables from dossiers, set-based (009's five; 011's three more). */
const rebuild = (v: Version) => `
  CREATE OR REPLACE FUNCTION lt_indicators_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    -- no writer may change dossiers between the truncation and the recount
    LOCK TABLE dossiers IN SHARE MODE;
    TRUNCATE indicator_days, indicator_months, indicator_processing_days, indicator_processing_months, indicator_open${
      v === 11
        ? ', indicator_unit_months, indicator_processing_buckets, indicator_processing_units, indicator_procedure_months, ' +
          'indicator_procedure_presence, indicator_open_months'
        : ''
    };
    ${applySql('(SELECT d.*, 1 AS sgn FROM dossiers d)', v)};
    ${openRowsSql('dossiers')};${v === 11 ? `\n    ${FILL_PRESENCE};\n    ${FILL_OPEN_MONTHS};` : ''}
  END $fn$;`;

const FILL_OPEN_MONTHS = openMonthsApply('(SELECT o.*, 1 AS sgn FROM indicator_open o)');

/** Every function 011 replaces, as version `v` writes it. */
const functions = (v: Version) =>
  [
    rebuild(v),
    ...(['insert', 'update', 'delete'] as const).map((op) => dossierFunction(op, v)),
    ...(['insert', 'update', 'delete'] as const).map((op) => waitFunction(op, v)),
  ].join('\n');

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- every measure per month and unit (no field, no channel; received online apart)
    CREATE TABLE indicator_unit_months (
      month date NOT NULL, unit_id bigint NOT NULL,
      ${MEASURES.map((m) => `${m} ${m === 'processing_minutes' ? 'bigint' : 'int'} NOT NULL DEFAULT 0`).join(',\n      ')},
      received_online int NOT NULL DEFAULT 0,
      PRIMARY KEY (month, unit_id)
    );
    -- the coarse buckets of processing time (tenths of a working day): whole days up to 10, then 10–15,
    -- 15–20, 20–30, 30–50 and 50 days or more. A median is found in two steps: its bucket from the
    -- counts per bucket, then its tenth among the rows of that bucket only.
    CREATE FUNCTION lt_tenths_bucket(tenths int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN tenths < 100 THEN tenths / 10 WHEN tenths < 150 THEN 10 WHEN tenths < 200 THEN 11
                  WHEN tenths < 300 THEN 12 WHEN tenths < 500 THEN 13 ELSE 14 END $$;
    -- resolved dossiers per month, unit and bucket
    CREATE TABLE indicator_processing_buckets (
      month date NOT NULL, unit_id bigint NOT NULL, bucket int NOT NULL, dossiers int NOT NULL DEFAULT 0,
      PRIMARY KEY (month, unit_id, bucket)
    );
    -- resolved dossiers per unit, bucket, month and tenth: keyed so that one unit's bucket over a period
    -- is one index range
    CREATE TABLE indicator_processing_units (
      unit_id bigint NOT NULL, bucket int NOT NULL, month date NOT NULL, tenths int NOT NULL,
      dossiers int NOT NULL DEFAULT 0,
      -- dossiers in the index too: a bucket's rows come from the index alone
      PRIMARY KEY (unit_id, bucket, month, tenths) INCLUDE (dossiers)
    );
    -- dossiers received per month, unit, procedure and channel: which procedures had dossiers
    CREATE TABLE indicator_procedure_months (
      month date NOT NULL, unit_id bigint NOT NULL, procedure_id bigint NOT NULL, channel text NOT NULL,
      received int NOT NULL DEFAULT 0,
      -- unit and procedure first: the triggers recount a pair's presence from its months
      PRIMARY KEY (unit_id, procedure_id, month, channel)
    );
    -- one bit a month (2000-01 the leftmost) for the month of a date; no bit outside 2000–2049
    CREATE FUNCTION lt_month_bit(m date) RETURNS bit(${PRESENCE_MONTHS}) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN m >= date '2000-01-01' AND m < date '2050-01-01'
                  THEN B'1'::bit(${PRESENCE_MONTHS}) >> ((extract(year FROM m)::int - 2000) * 12 + extract(month FROM m)::int - 1)
                  ELSE ${NO_MONTHS} END $$;
    -- per unit and procedure, the months in which the unit received dossiers of it (any channel): the
    -- distinct procedures of a period read one row per pair, not one per pair and month
    CREATE TABLE indicator_procedure_presence (
      unit_id bigint NOT NULL, procedure_id bigint NOT NULL, months bit(${PRESENCE_MONTHS}) NOT NULL,
      PRIMARY KEY (unit_id, procedure_id)
    );
    -- open dossiers per arrival month, unit, channel and the local day they turn overdue ('infinity': never)
    CREATE TABLE indicator_open_months (
      month date NOT NULL, unit_id bigint NOT NULL, channel text NOT NULL, due_day date NOT NULL,
      dossiers int NOT NULL DEFAULT 0,
      PRIMARY KEY (month, unit_id, channel, due_day)
    );
    -- the open dossiers turning overdue on the request's day (the exact edge of indicator_open_months)
    CREATE INDEX indicator_open_overdue_idx ON indicator_open (overdue_after);

    ${functions(11)}

    -- filled from 009's tables, exact already
    INSERT INTO indicator_unit_months (month, unit_id, ${list}, received_online)
    SELECT month, unit_id, ${sums('m')}, coalesce(sum(m.received) FILTER (WHERE m.channel = 'ONLINE'), 0)
      FROM indicator_months m GROUP BY 1, 2 HAVING ${nonZero('m')};
    INSERT INTO indicator_processing_buckets (month, unit_id, bucket, dossiers)
    SELECT month, unit_id, lt_tenths_bucket(tenths), sum(dossiers) FROM indicator_processing_months
     GROUP BY 1, 2, 3 HAVING sum(dossiers) <> 0;
    INSERT INTO indicator_processing_units (unit_id, bucket, month, tenths, dossiers)
    SELECT unit_id, lt_tenths_bucket(tenths), month, tenths, sum(dossiers) FROM indicator_processing_months
     GROUP BY 1, 2, 3, 4 HAVING sum(dossiers) <> 0;
    INSERT INTO indicator_procedure_months (month, unit_id, procedure_id, channel, received)
    SELECT date_trunc('month', day)::date, unit_id, procedure_id, channel, sum(received) FROM indicator_days
     GROUP BY 1, 2, 3, 4 HAVING sum(received) <> 0;
    ${FILL_PRESENCE};
    ${FILL_OPEN_MONTHS};
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ${functions(9)}
    DROP INDEX IF EXISTS indicator_open_overdue_idx;
    DROP TABLE IF EXISTS indicator_open_months, indicator_procedure_presence, indicator_procedure_months,
      indicator_processing_units, indicator_processing_buckets, indicator_unit_months;
    DROP FUNCTION IF EXISTS lt_tenths_bucket(int), lt_month_bit(date);
  `);
}
