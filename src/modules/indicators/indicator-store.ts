import type { Knex } from 'knex';

/** The dimensions a provincial database groups by (PROVINCE is the federation's: one database, one province). */
export type LocalDimension = 'UNIT' | 'FIELD' | 'PROCEDURE' | 'MONTH' | 'QUARTER' | 'YEAR' | 'CHANNEL';

export interface IndicatorQuery {
  /** First and last local day, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Responsible units (local ids); each with the units under it. */
  unitIds: number[] | null;
  procedureIds: number[] | null;
  fields: string[] | null;
  channels: string[] | null;
  dims: LocalDimension[];
  /** Count each unit under the unit that stands for it on `today` (lt_unit_on, migration 008). */
  rollUp: boolean;
  /** The request's local day (UTC+7), for the roll-up. */
  today: string;
  /** The request's clock: an open dossier is overdue when its `overdue_after` is before it. */
  now: Date;
  /**
   * The processing-time histogram (medians): false, not needed; 'full', every tenth of every group (the hub
   * merges histograms of several provinces); 'median', enough for each group's median only (one province
   * asked): the tenths of the bucket holding the median, the dossiers below it at tenth -1 and above it at
   * tenth ABOVE_MEDIAN_BUCKET.
   */
  histogram: false | 'full' | 'median';
  /** Whether distinct procedures and their online levels are needed. */
  procedures: boolean;
}

/** Additive sums of one group, as read from the aggregates. */
export interface IndicatorSums {
  received: number;
  receivedOnline: number;
  digitised: number;
  dataReused: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  processingMinutes: number;
  electronicResult: number;
  feeDue: number;
  paidOnline: number;
  ratings: number;
  ratingSum: number;
  goodRatings: number;
  notCounted: number;
  pending: number;
  overdue: number;
}

export interface IndicatorGroup {
  /** One value per dimension, in the order asked; null for the total. */
  keys: (string | number)[] | null;
  sums: IndicatorSums;
  /** Processing time in tenths of a working day → resolved dossiers (see IndicatorQuery.histogram). */
  tenths: Map<number, number>;
  procedures: { total: number; full: number; partial: number } | null;
}

/** Measure columns of indicator_days / indicator_months (migration 009) and their sums. */
const MEASURES = [
  ['received', 'received'],
  ['digitised', 'digitised'],
  ['dataReused', 'data_reused'],
  ['resolved', 'resolved'],
  ['early', 'early'],
  ['onTime', 'on_time'],
  ['late', 'late'],
  ['processingMinutes', 'processing_minutes'],
  ['electronicResult', 'electronic_result'],
  ['feeDue', 'fee_due'],
  ['paidOnline', 'paid_online'],
  ['ratings', 'ratings'],
  ['ratingSum', 'rating_sum'],
  ['goodRatings', 'good_ratings'],
  ['notCounted', 'not_counted'],
] as const;

/** The tenth that stands for the dossiers above a group's median bucket in a 'median' histogram. */
export const ABOVE_MEDIAN_BUCKET = 2 ** 31 - 1;

export const emptySums = (): IndicatorSums => ({
  received: 0,
  receivedOnline: 0,
  digitised: 0,
  dataReused: 0,
  resolved: 0,
  early: 0,
  onTime: 0,
  late: 0,
  processingMinutes: 0,
  electronicResult: 0,
  feeDue: 0,
  paidOnline: 0,
  ratings: 0,
  ratingSum: 0,
  goodRatings: 0,
  notCounted: 0,
  pending: 0,
  overdue: 0,
});

/** The group key of a dimension over a fact relation `a` (columns day, unit_id, field, channel[, procedure_id]). */
function keyExpr(dim: LocalDimension, unitMap: boolean): string {
  switch (dim) {
    case 'UNIT':
      return unitMap ? 'um.gu' : 'a.unit_id';
    case 'FIELD':
      return 'a.field';
    case 'PROCEDURE':
      return 'a.procedure_id';
    case 'MONTH':
      return `to_char(a.day, 'YYYY-MM')`;
    case 'QUARTER':
      return `to_char(a.day, 'YYYY') || '-Q' || extract(quarter FROM a.day)::int`;
    case 'YEAR':
      return `to_char(a.day, 'YYYY')`;
    case 'CHANNEL':
      return 'a.channel';
  }
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonthStart = (day: string) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The whole months of [from, to] (read from the monthly roll-ups) as [fm, tm): fm the first month start on or
 * after `from`, tm the month start after the last whole month. fm ≥ tm: no whole month, days only.
 */
export function wholeMonths(from: string, to: string): { fm: string; tm: string } {
  const fm = monthStart(from) === from ? from : nextMonthStart(from);
  const tm = monthStart(addDays(to, 1));
  return { fm, tm };
}

/** Bits of a presence mask (migration 011): one a month from January 2000, the leftmost. */
const PRESENCE_MONTHS = 600;
const monthIndex = (day: string) => (Number(day.slice(0, 4)) - 2000) * 12 + Number(day.slice(5, 7)) - 1;

/** The presence mask of the whole months [fm, tm) as a bit string; null when they leave the mask's range. */
export function presenceMask(fm: string, tm: string): string | null {
  const a = monthIndex(fm);
  const b = monthIndex(tm);
  if (a >= b) return '0'.repeat(PRESENCE_MONTHS);
  if (a < 0 || b > PRESENCE_MONTHS) return null;
  return '0'.repeat(a) + '1'.repeat(b - a) + '0'.repeat(PRESENCE_MONTHS - b);
}

const num = (v: unknown) => (v == null ? 0 : Number(v));

/**
 * Indicator sums of one province, read from the aggregates of migration 009: whole months from the monthly
 * roll-ups (keyed by field, not procedure) and the days at the period's edges from the daily ones; the
 * daily ones alone when a procedure is grouped or filtered. The backlog (pending, overdue) comes from
 * `indicator_open`, one row per open dossier with the instant it turns overdue. Each statement groups by the
 * asked keys and by () at once (GROUPING SETS), so the province's total (distinct procedures included) comes
 * with its groups. At most four statements, whatever the period or the number of groups. When neither field,
 * channel nor procedure is asked, whole months come from migration 011's month × unit tables instead (sums,
 * histogram buckets, backlog by due day), and distinct procedures from its presence masks unless months or
 * channels are grouped.
 */
export function indicatorStore(db: Knex) {
  return {
    async groups(q: IndicatorQuery): Promise<IndicatorGroup[]> {
      // the statements (sums, histogram, backlog, procedures) are independent: all are sent at once, each on
      // its own pooled connection, and their rows are folded into the groups in this fixed order afterwards,
      // so the answer does not depend on which returns first and a request waits for the slowest, not the sum
      const started: Promise<() => void>[] = [];
      const send = (
        sql: string,
        bindings: readonly Knex.RawBinding[],
        fold: (rows: Record<string, unknown>[]) => void,
      ) =>
        void started.push(
          db.raw<{ rows: Record<string, unknown>[] }>(sql, bindings).then((res) => () => fold(res.rows)),
        );
      const byProcedure = q.dims.includes('PROCEDURE') || q.procedureIds != null;
      const { fm, tm } = wholeMonths(q.from, q.to);
      // the unit map only when units are rolled up or filtered: else a unit counts under itself (no join)
      const needUnits = q.rollUp || q.unitIds != null;
      const keys = q.dims.map((d) => keyExpr(d, needUnits));
      const keyCols = keys.map((k, i) => `${k} AS k${i}`);
      const grouping = keys.length ? `GROUP BY GROUPING SETS ((${keys.join(', ')}), ()) ` : '';
      const isTotal = keys.length ? `GROUPING(${keys.join(', ')}) <> 0` : 'true';

      // the unit map: each unit and the unit it counts under (itself, or today's successor), limited to the
      // filter's subtrees (in today's tree, so a merged commune's dossiers count under the new commune)
      const withParts: string[] = [];
      const withBindings: Knex.RawBinding[] = [];
      if (q.unitIds) {
        withParts.push(
          `sub(id) AS (SELECT unnest(?::bigint[]) UNION SELECT u.id FROM units u JOIN sub s ON u.parent_id = s.id)`,
        );
        withBindings.push(q.unitIds);
      }
      if (needUnits) {
        const gu = q.rollUp ? `coalesce(lt_unit_on(u.id, ?::date), u.id)` : 'u.id';
        withParts.push(`um AS (SELECT u.id AS unit_id, ${gu} AS gu FROM units u)`);
        if (q.rollUp) withBindings.push(q.today);
      }
      const withSql = withParts.length ? `WITH RECURSIVE ${withParts.join(', ')} ` : '';
      const unitJoin = needUnits ? 'JOIN um ON um.unit_id = a.unit_id' : '';

      // conditions on the fact relation `a`
      const filters: string[] = [];
      const filterBindings: Knex.RawBinding[] = [];
      if (q.unitIds) filters.push('um.gu IN (SELECT id FROM sub)');
      if (q.procedureIds) {
        filters.push('a.procedure_id = ANY(?::bigint[])');
        filterBindings.push(q.procedureIds);
      }
      if (q.fields) {
        filters.push('lt_fold(a.field) IN (SELECT lt_fold(x) FROM unnest(?::text[]) x)');
        filterBindings.push(q.fields.map((f) => f.normalize('NFC')));
      }
      if (q.channels) {
        filters.push('a.channel = ANY(?::text[])');
        filterBindings.push(q.channels);
      }
      const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';

      /** The facts of the period from a daily and a monthly table (`cols`: their measure columns). */
      const facts = (daily: string, monthly: string, cols: string) => {
        const dayPart = `SELECT d.day, d.unit_id, d.procedure_id, p.field, d.channel, ${cols}
            FROM ${daily} d JOIN procedures p ON p.id = d.procedure_id
           WHERE d.day BETWEEN ?::date AND ?::date`;
        if (byProcedure) return { sql: dayPart, bindings: [q.from, q.to] };
        return {
          sql: `SELECT m.month AS day, m.unit_id, NULL::bigint AS procedure_id, m.field, m.channel, ${cols}
                  FROM ${monthly} m WHERE m.month >= ?::date AND m.month < ?::date
                UNION ALL
                ${dayPart} AND (d.day < ?::date OR d.day >= ?::date)`,
          bindings: [fm, tm, q.from, q.to, fm, tm],
        };
      };

      const groups = new Map<string, IndicatorGroup>();
      const groupOf = (row: Record<string, unknown>): IndicatorGroup => {
        const total = row.total === true;
        const k = total
          ? null
          : q.dims.map((d, i) => {
              const v = row[`k${i}`];
              return d === 'UNIT' || d === 'PROCEDURE' ? Number(v) : String(v);
            });
        const id = k ? JSON.stringify(k) : '';
        let g = groups.get(id);
        if (!g) groups.set(id, (g = { keys: k, sums: emptySums(), tenths: new Map(), procedures: null }));
        return g;
      };

      // neither field, channel nor procedure asked: whole months from the month × unit sums (migration 011)
      const slim =
        !byProcedure && !q.dims.some((d) => d === 'FIELD' || d === 'CHANNEL') && !q.fields && !q.channels;
      const measureCols = MEASURES.map(([, c]) => c).join(', ');
      const online = `CASE WHEN d.channel = 'ONLINE' THEN d.received ELSE 0 END AS received_online`;
      const f = slim
        ? {
            sql: `SELECT m.month AS day, m.unit_id, ${measureCols}, m.received_online
                    FROM indicator_unit_months m WHERE m.month >= ?::date AND m.month < ?::date
                  UNION ALL
                  SELECT d.day, d.unit_id, ${measureCols}, ${online} FROM indicator_days d
                   WHERE d.day BETWEEN ?::date AND ?::date AND (d.day < ?::date OR d.day >= ?::date)`,
            bindings: [fm, tm, q.from, q.to, fm, tm],
          }
        : facts(
            'indicator_days',
            'indicator_months',
            `${measureCols}, CASE WHEN channel = 'ONLINE' THEN received ELSE 0 END AS received_online`,
          );
      const sums = MEASURES.map(([name, c]) => `sum(a.${c}) AS "${name}"`).join(', ');
      send(
        `${withSql}SELECT ${[...keyCols, `${isTotal} AS total`].join(', ')}, ${sums},
                sum(a.received_online) AS "receivedOnline"
           FROM (${f.sql}) a ${unitJoin} ${where} ${grouping}`,
        [...withBindings, ...f.bindings, ...filterBindings],
        (rows) => {
          for (const r of rows) {
            const g = groupOf(r);
            for (const [name] of MEASURES) g.sums[name] += num(r[name]);
            g.sums.receivedOnline += num(r.receivedOnline);
          }
        },
      );

      if (q.histogram) {
        // neither field nor channel asked: the month × unit histograms of migration 011
        /** Edge days of the period from the daily histogram, with their bucket. */
        const edgeDays = `SELECT d.day, d.unit_id, NULL::bigint AS procedure_id, NULL::text AS field,
                   NULL::text AS channel, lt_tenths_bucket(d.tenths) AS bucket, d.tenths, d.dossiers
              FROM indicator_processing_days d
             WHERE d.day BETWEEN ?::date AND ?::date AND (d.day < ?::date OR d.day >= ?::date)`;
        const edgeBindings = [q.from, q.to, fm, tm];
        let sql: string;
        let bindings: Knex.RawBinding[];
        if (slim && q.histogram === 'median') {
          ({ sql, bindings } = medianSql(edgeDays, edgeBindings));
        } else {
          const h = slim
            ? {
                sql: `SELECT m.month AS day, m.unit_id, NULL::bigint AS procedure_id, NULL::text AS field,
                             NULL::text AS channel, m.bucket, m.tenths, m.dossiers
                        FROM indicator_processing_units m WHERE m.month >= ?::date AND m.month < ?::date
                      UNION ALL ${edgeDays}`,
                bindings: [fm, tm, ...edgeBindings],
              }
            : facts('indicator_processing_days', 'indicator_processing_months', 'tenths, dossiers');
          sql = `${withSql}SELECT ${[...keyCols, `${isTotal} AS total`].join(', ')}, a.tenths, sum(a.dossiers) AS n
             FROM (${h.sql}) a ${unitJoin} ${where}
            GROUP BY GROUPING SETS (${keys.length ? `(${keys.join(', ')}, a.tenths), ` : ''}(a.tenths))`;
          bindings = [...withBindings, ...h.bindings, ...filterBindings];
        }
        send(sql, bindings, (rows) => {
          for (const r of rows) {
            const g = groupOf(r);
            const t = Number(r.tenths);
            g.tenths.set(t, (g.tenths.get(t) ?? 0) + num(r.n));
          }
        });
      }

      /**
       * Each group's median in two steps, in one statement: the counts per coarse bucket (hb) give the bucket
       * holding the lower median (pick: the first bucket whose running count reaches half); only that
       * bucket's tenths are read, per unit by index range (pairs → indicator_processing_units), and
       * returned with the counts below and above it. Rows read: groups × months × buckets, not × tenths.
       */
      function medianSql(
        edgeDays: string,
        edgeBindings: Knex.RawBinding[],
      ): { sql: string; bindings: Knex.RawBinding[] } {
        const hk = keys.map((_, i) => `h.k${i}`);
        const part = [...hk, 'h.total'].join(', ');
        const ck = keys.map((_, i) => `c.k${i}`);
        const pk = keys.map((_, i) => `p.k${i}`);
        const sameKeys = keys.map((_, i) => `AND c.k${i} = p.k${i}`).join(' ');
        const sql = `${withSql}${withSql ? ',' : 'WITH'} cb AS MATERIALIZED (
            SELECT ${[...keyCols, 'a.unit_id', 'a.bucket'].join(', ')}, sum(a.dossiers) AS n
              FROM (SELECT m.month AS day, m.unit_id, m.bucket, m.dossiers
                      FROM indicator_processing_buckets m WHERE m.month >= ?::date AND m.month < ?::date
                    UNION ALL
                    SELECT e.day, e.unit_id, e.bucket, e.dossiers FROM (${edgeDays}) e) a
              ${unitJoin} ${where}
             GROUP BY ${[...keys, 'a.unit_id', 'a.bucket'].join(', ')}),
          hb AS MATERIALIZED (
            SELECT ${[...ck, `${keys.length ? `GROUPING(${ck.join(', ')}) <> 0` : 'true'} AS total`].join(', ')},
                   c.bucket, sum(c.n) AS n
              FROM cb c GROUP BY GROUPING SETS (${keys.length ? `(${ck.join(', ')}, c.bucket), ` : ''}(c.bucket))),
          pick AS MATERIALIZED (
            SELECT ${[...hk, 'h.total', 'h.bucket'].join(', ')}, h.upto - h.n AS below, h.all_n - h.upto AS above
              FROM (SELECT h.*, sum(h.n) OVER (PARTITION BY ${part} ORDER BY h.bucket) AS upto,
                           sum(h.n) OVER (PARTITION BY ${part}) AS all_n FROM hb h) h
             WHERE h.upto >= ceil(h.all_n / 2.0) AND h.upto - h.n < ceil(h.all_n / 2.0)),
          -- the (unit, bucket) pairs holding the picked buckets' dossiers: a unit group's bucket for its units,
          -- the total's for every unit
          pairs AS MATERIALIZED (
            SELECT c.unit_id, c.bucket FROM cb c JOIN pick p ON p.bucket = c.bucket ${sameKeys} WHERE NOT p.total AND c.n <> 0
            UNION
            SELECT c.unit_id, c.bucket FROM cb c JOIN pick p ON p.bucket = c.bucket WHERE p.total AND c.n <> 0),
          fine AS MATERIALIZED (
            SELECT ${[...keyCols, 'a.bucket', 'a.tenths'].join(', ')}, sum(a.dossiers) AS n
              FROM (SELECT f.month AS day, x.unit_id, x.bucket, f.tenths, f.dossiers
                      FROM pairs x CROSS JOIN LATERAL (
                        -- OFFSET 0: one index range per pair, never a scan of the whole table
                        SELECT f.month, f.tenths, f.dossiers FROM indicator_processing_units f
                         WHERE f.unit_id = x.unit_id AND f.bucket = x.bucket AND f.month >= ?::date AND f.month < ?::date
                        OFFSET 0) f
                    UNION ALL
                    SELECT e.day, e.unit_id, e.bucket, e.tenths, e.dossiers FROM (${edgeDays}) e
                     WHERE e.bucket IN (SELECT bucket FROM pick)) a
              ${unitJoin} ${where}
             GROUP BY ${[...keys, 'a.bucket', 'a.tenths'].join(', ')})
          SELECT ${[...pk, 'false AS total'].join(', ')}, f.tenths, f.n
            FROM pick p JOIN fine f ON f.bucket = p.bucket ${keys.map((_, i) => `AND f.k${i} = p.k${i}`).join(' ')}
           WHERE NOT p.total
          UNION ALL
          SELECT ${[...keys.map(() => 'NULL'), 'true'].join(', ')}, f.tenths, sum(f.n)
            FROM pick p JOIN fine f ON f.bucket = p.bucket WHERE p.total GROUP BY f.tenths
          UNION ALL
          SELECT ${[...pk, 'p.total'].join(', ')}, -1, p.below FROM pick p WHERE p.below > 0
          UNION ALL
          SELECT ${[...pk, 'p.total'].join(', ')}, ${ABOVE_MEDIAN_BUCKET}, p.above FROM pick p WHERE p.above > 0`;
        return {
          sql,
          bindings: [
            ...withBindings,
            fm,
            tm,
            ...edgeBindings,
            ...filterBindings,
            fm,
            tm,
            ...edgeBindings,
            ...filterBindings,
          ],
        };
      }

      // the backlog: open dossiers that arrived in the period, overdue when their overdue_after is past. Whole
      // months without field or procedure come from indicator_open_months (migration 011): a due day before
      // the request's local day is overdue, a later one is not, and the rows due on that day itself are read
      // one by one; the rest (edge days, field, procedure) from indicator_open.
      const openFields = q.dims.includes('FIELD') || q.fields != null;
      const openMonths = !byProcedure && !openFields && fm < tm;
      const openRow = (cond: string) => `SELECT o.arrived_on AS day, o.unit_id, o.procedure_id, o.channel,
                        ${openFields ? 'p.field' : 'NULL::text AS field'}, ${cond}
                   FROM indicator_open o ${openFields ? 'JOIN procedures p ON p.id = o.procedure_id' : ''}`;
      const openSql = openMonths
        ? `SELECT m.month AS day, m.unit_id, NULL::bigint AS procedure_id, m.channel, NULL::text AS field,
                  m.dossiers AS open, CASE WHEN m.due_day < lt_local_day(?::timestamptz) THEN m.dossiers ELSE 0 END AS overdue
             FROM indicator_open_months m WHERE m.month >= ?::date AND m.month < ?::date
           UNION ALL
           ${openRow('0 AS open, 1 AS overdue')}
            WHERE o.overdue_after >= lt_at_local(lt_local_day(?::timestamptz), interval '0')
              AND o.overdue_after < ?::timestamptz AND o.arrived_on >= ?::date AND o.arrived_on < ?::date
           UNION ALL
           ${openRow('1 AS open, (o.overdue_after < ?::timestamptz)::int AS overdue')}
            WHERE o.arrived_on BETWEEN ?::date AND ?::date AND (o.arrived_on < ?::date OR o.arrived_on >= ?::date)`
        : `${openRow('1 AS open, (o.overdue_after < ?::timestamptz)::int AS overdue')}
            WHERE o.arrived_on BETWEEN ?::date AND ?::date`;
      const openBindings = openMonths
        ? [q.now, fm, tm, q.now, q.now, fm, tm, q.now, q.from, q.to, fm, tm]
        : [q.now, q.from, q.to];
      send(
        `${withSql}SELECT ${[...keyCols, `${isTotal} AS total`].join(', ')}, sum(a.open) AS open,
                sum(a.overdue) AS overdue
           FROM (${openSql}) a ${unitJoin} ${where} ${grouping}`,
        [...withBindings, ...openBindings, ...filterBindings],
        (rows) => {
          for (const r of rows) {
            const g = groupOf(r);
            g.sums.overdue += num(r.overdue);
            g.sums.pending += num(r.open) - num(r.overdue);
          }
        },
      );

      if (q.procedures) {
        // whole months from the procedures received per month (migration 011), edge days from the daily
        // table; each group's procedures deduplicated by hashing first, then counted (no sort of every row)
        const pk = keys.map((_, i) => `x.k${i}`);
        // without month or channel, whole months come from one presence row per unit and procedure
        const mask = presenceMask(fm, tm);
        const masked =
          mask != null &&
          !q.dims.some((d) => ['MONTH', 'QUARTER', 'YEAR', 'CHANNEL'].includes(d)) &&
          !q.channels;
        const monthRows = masked
          ? `SELECT NULL::date AS day, m.unit_id, m.procedure_id, p.field, NULL::text AS channel, p.online_service
               FROM indicator_procedure_presence m JOIN procedures p ON p.id = m.procedure_id
              WHERE (m.months & ?::bit(${PRESENCE_MONTHS})) <> ?::bit(${PRESENCE_MONTHS})`
          : `SELECT m.month AS day, m.unit_id, m.procedure_id, p.field, m.channel, p.online_service
               FROM indicator_procedure_months m JOIN procedures p ON p.id = m.procedure_id
              WHERE m.month >= ?::date AND m.month < ?::date AND m.received > 0`;
        const monthBindings = masked ? [mask, '0'.repeat(PRESENCE_MONTHS)] : [fm, tm];
        send(
          `${withSql}${withSql ? ',' : 'WITH'} pa AS MATERIALIZED (
             SELECT ${[...keyCols, 'a.procedure_id', 'a.online_service'].join(', ')}
               FROM (${monthRows}
                     UNION ALL
                     SELECT d.day, d.unit_id, d.procedure_id, p.field, d.channel, p.online_service
                       FROM indicator_days d JOIN procedures p ON p.id = d.procedure_id
                      WHERE d.day BETWEEN ?::date AND ?::date AND (d.day < ?::date OR d.day >= ?::date)
                        AND d.received > 0) a
               ${unitJoin} ${where}
              GROUP BY ${[...keys, 'a.procedure_id', 'a.online_service'].join(', ')})
           ${
             keys.length
               ? `SELECT ${[...pk, 'false AS total'].join(', ')}, count(*) AS total_procedures,
                         count(*) FILTER (WHERE x.online_service = 'FULL') AS full_procedures,
                         count(*) FILTER (WHERE x.online_service = 'PARTIAL') AS partial_procedures
                    FROM pa x GROUP BY ${pk.join(', ')}
                  UNION ALL `
               : ''
           }SELECT ${[...keys.map(() => 'NULL'), 'true AS total'].join(', ')}, count(*) AS total_procedures,
                   count(*) FILTER (WHERE x.online_service = 'FULL') AS full_procedures,
                   count(*) FILTER (WHERE x.online_service = 'PARTIAL') AS partial_procedures
              FROM (SELECT DISTINCT procedure_id, online_service FROM pa) x`,
          [...withBindings, ...monthBindings, q.from, q.to, fm, tm, ...filterBindings],
          (rows) => {
            for (const r of rows) {
              const g = groupOf(r);
              g.procedures = {
                total: num(r.total_procedures),
                full: num(r.full_procedures),
                partial: num(r.partial_procedures),
              };
            }
          },
        );
      }
      for (const fold of await Promise.all(started)) fold();
      return [...groups.values()];
    },
  };
}
