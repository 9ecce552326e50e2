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
  /** Whether the processing-time histogram (medians) is needed. */
  histogram: boolean;
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
  /** Processing time in tenths of a working day → resolved dossiers. */
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
function keyExpr(dim: LocalDimension): string {
  switch (dim) {
    case 'UNIT':
      return 'um.gu';
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

const num = (v: unknown) => (v == null ? 0 : Number(v));

/**
 * Indicator sums of one province, read from the aggregates of migration 009: whole months from the monthly
 * roll-ups (keyed by field, not procedure) and the days at the period's edges from the daily ones; the
 * daily ones alone when a procedure is grouped or filtered. The backlog (pending, overdue) comes from
 * `indicator_open`, one row per open dossier with the instant it turns overdue. Each statement groups by the
 * asked keys and by () at once (GROUPING SETS), so the province's total (distinct procedures included) comes
 * with its groups. At most four statements, whatever the period or the number of groups.
 */
export function indicatorStore(db: Knex) {
  return {
    async groups(q: IndicatorQuery): Promise<IndicatorGroup[]> {
      const byProcedure = q.dims.includes('PROCEDURE') || q.procedureIds != null;
      const { fm, tm } = wholeMonths(q.from, q.to);
      const needUnits = q.dims.includes('UNIT') || q.unitIds != null;
      const keys = q.dims.map(keyExpr);
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

      const measureCols = MEASURES.map(([, c]) => c).join(', ');
      const f = facts('indicator_days', 'indicator_months', measureCols);
      const sums = MEASURES.map(([name, c]) => `sum(a.${c}) AS "${name}"`).join(', ');
      const measures = await db.raw<{ rows: Record<string, unknown>[] }>(
        `${withSql}SELECT ${[...keyCols, `${isTotal} AS total`].join(', ')}, ${sums},
                sum(a.received) FILTER (WHERE a.channel = 'ONLINE') AS "receivedOnline"
           FROM (${f.sql}) a ${unitJoin} ${where} ${grouping}`,
        [...withBindings, ...f.bindings, ...filterBindings],
      );
      for (const r of measures.rows) {
        const g = groupOf(r);
        for (const [name] of MEASURES) g.sums[name] += num(r[name]);
        g.sums.receivedOnline += num(r.receivedOnline);
      }

      if (q.histogram) {
        const h = facts('indicator_processing_days', 'indicator_processing_months', 'tenths, dossiers');
        const hist = await db.raw<{ rows: Record<string, unknown>[] }>(
          `${withSql}SELECT ${[...keyCols, `${isTotal} AS total`].join(', ')}, a.tenths, sum(a.dossiers) AS n
             FROM (${h.sql}) a ${unitJoin} ${where}
            GROUP BY GROUPING SETS (${keys.length ? `(${keys.join(', ')}, a.tenths), ` : ''}(a.tenths))`,
          [...withBindings, ...h.bindings, ...filterBindings],
        );
        for (const r of hist.rows) {
          const g = groupOf(r);
          const t = Number(r.tenths);
          g.tenths.set(t, (g.tenths.get(t) ?? 0) + num(r.n));
        }
      }

      // the backlog: open dossiers that arrived in the period, overdue when their overdue_after is past
      const openFields = q.dims.includes('FIELD') || q.fields != null;
      const open = await db.raw<{ rows: Record<string, unknown>[] }>(
        `${withSql}SELECT ${[...keyCols, `${isTotal} AS total`].join(', ')}, count(*) AS open,
                count(*) FILTER (WHERE a.overdue_after < ?::timestamptz) AS overdue
           FROM (SELECT o.arrived_on AS day, o.unit_id, o.procedure_id, o.channel, o.overdue_after,
                        ${openFields ? 'p.field' : 'NULL::text AS field'}
                   FROM indicator_open o ${openFields ? 'JOIN procedures p ON p.id = o.procedure_id' : ''}
                  WHERE o.arrived_on BETWEEN ?::date AND ?::date) a
           ${unitJoin} ${where} ${grouping}`,
        [...withBindings, q.now, q.from, q.to, ...filterBindings],
      );
      for (const r of open.rows) {
        const g = groupOf(r);
        g.sums.overdue += num(r.overdue);
        g.sums.pending += num(r.open) - num(r.overdue);
      }

      if (q.procedures) {
        const procs = await db.raw<{ rows: Record<string, unknown>[] }>(
          `${withSql}SELECT ${[...keyCols, `${isTotal} AS total`].join(', ')},
                  count(DISTINCT a.procedure_id) AS total_procedures,
                  count(DISTINCT a.procedure_id) FILTER (WHERE a.online_service = 'FULL') AS full_procedures,
                  count(DISTINCT a.procedure_id) FILTER (WHERE a.online_service = 'PARTIAL') AS partial_procedures
             FROM (SELECT d.day, d.unit_id, d.procedure_id, p.field, d.channel, p.online_service
                     FROM indicator_days d JOIN procedures p ON p.id = d.procedure_id
                    WHERE d.day BETWEEN ?::date AND ?::date AND d.received > 0) a
             ${unitJoin} ${where} ${grouping}`,
          [...withBindings, q.from, q.to, ...filterBindings],
        );
        for (const r of procs.rows) {
          const g = groupOf(r);
          g.procedures = {
            total: num(r.total_procedures),
            full: num(r.full_procedures),
            partial: num(r.partial_procedures),
          };
        }
      }
      return [...groups.values()];
    },
  };
}
